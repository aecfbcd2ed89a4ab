package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;

import java.util.List;

/**
 * The power a**b. With a constant exponent p the curvature follows the exponent and the base's sign:
 * even integers are convex everywhere; p ≥ 1 is convex on a ≥ 0; 0 ≤ p ≤ 1 concave on a ≥ 0; p &lt; 0
 * convex on a &gt; 0; odd integers are concave on a ≤ 0. A non-integer power needs a ≥ 0.
 */
public final class Power extends Atom {
    public static final Power INSTANCE = new Power();
    public static final FunctionWord WORD = FunctionWord.named("pow").expr("a").expr("b")
            .help("a to the b (same as a**b)").example("pow(x, 3)")
            .builds(a -> Ops.pow(a.expr(0), a.expr(1)));

    @Override
    public String name() {
        return "pow";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public double value(double[] a) {
        return pow(a[0], a[1]);
    }

    /** Math.pow, with the common small integer exponents multiplied out (exact and fast). */
    public static double pow(double x, double p) {
        if (p == 2) return x * x;
        if (p == 3) return x * x * x;
        if (p == 1) return x;
        if (p == 4) {
            double s = x * x;
            return s * s;
        }
        if (p == 0.5) return Math.sqrt(x);
        if (p == -1) return 1 / x;
        return Math.pow(x, p);
    }

    @Override
    public Expr derivative(int k, List<Expr> args, Expr self) {
        Expr a = args.get(0), b = args.get(1);
        if (k == 0) {
            if (b instanceof Constant c) return Ops.mul(c, Ops.pow(a, Constant.of(c.value() - 1)));
            return Ops.mul(b, Ops.pow(a, Ops.sub(b, Constant.ONE)));
        }
        return Ops.mul(self, Ops.log(a));
    }

    @Override
    public double derivative(int k, double[] a, double out) {
        if (k == 0) {
            double p = a[1];
            if (p == 2) return 2 * a[0];
            if (p == 1) return 1;
            if (p == 0) return 0;
            return p * pow(a[0], p - 1);
        }
        return out == 0 ? 0 : out * Math.log(a[0]);
    }

    private static boolean isInteger(double p) {
        return p == Math.rint(p) && !Double.isInfinite(p);
    }

    @Override
    public String domainError(double[] a) {
        if (a[0] < 0 && !isInteger(a[1])) return "a negative number to a non-integer power";
        if (a[0] == 0 && a[1] < 0) return "zero to a negative power";
        return null;
    }

    @Override
    public String discontinuity(double[] a) {
        return domainError(a);
    }

    @Override
    public String kink(double[] a) {
        double p = a[1];
        if (a[0] == 0 && p > 0 && p < 1) return "its derivative p*x**(p-1) is infinite at 0 for 0 < p < 1";
        return null;
    }

    @Override
    public Interval range(Interval[] args) {
        Interval x = args[0], e = args[1];
        if (!e.isPoint()) return x.positive() ? Interval.NONNEGATIVE : Interval.ALL;
        double p = e.lo();
        if (p == 0) return Interval.point(1);
        double a = pow(x.lo(), p), b = pow(x.hi(), p);
        boolean even = isInteger(p) && ((long) p) % 2 == 0;
        if (p > 0) {
            if (even) return new Interval(x.contains(0) ? 0 : Math.min(a, b), Math.max(a, b));
            if (isInteger(p)) return new Interval(a, b); // odd powers increase
            Interval nonneg = x.intersect(Interval.NONNEGATIVE);
            return nonneg == null ? Interval.ALL : new Interval(pow(nonneg.lo(), p), pow(nonneg.hi(), p));
        }
        if (x.positive()) return new Interval(b, a);
        if (x.negative() && isInteger(p)) return new Interval(Math.min(a, b), Math.max(a, b));
        if (!isInteger(p) && x.nonnegative()) return new Interval(b, Double.POSITIVE_INFINITY); // defined for x > 0 only
        return even ? new Interval(0, Double.POSITIVE_INFINITY) : Interval.ALL;
    }

    /**
     * With a constant exponent p: p = 0 constant, p = 1 affine; even p convex everywhere; odd p ≥ 3
     * convex on a ≥ 0 and concave on a ≤ 0; non-integer p is defined for a ≥ 0 only and is concave for
     * 0 &lt; p &lt; 1, convex for p &gt; 1 and p &lt; 0 there (as in DCP, the domain a ≥ 0 is implied);
     * negative integers are convex on a &gt; 0, and on a &lt; 0 convex when even, concave when odd.
     * With a constant base b &gt; 0, b**x = exp(x log b) is convex.
     */
    @Override
    public Curvature curvature(Interval[] args, List<Expr> argExprs) {
        if (!(argExprs.get(1) instanceof Constant c)) {
            if (argExprs.get(0) instanceof Constant base && base.value() > 0) return Curvature.CONVEX;
            return Curvature.UNKNOWN;
        }
        double p = c.value();
        Interval x = args[0];
        if (p == 0) return Curvature.CONSTANT;
        if (p == 1) return Curvature.AFFINE;
        boolean integer = isInteger(p);
        boolean even = integer && ((long) p) % 2 == 0;
        if (!integer) return p > 0 && p < 1 ? Curvature.CONCAVE : Curvature.CONVEX; // on the domain a >= 0
        if (p > 1) {
            if (even || x.nonnegative()) return Curvature.CONVEX;
            if (x.nonpositive()) return Curvature.CONCAVE; // odd power on a <= 0
            return Curvature.UNKNOWN;
        }
        // negative integer
        if (x.positive()) return Curvature.CONVEX;
        if (x.negative()) return even ? Curvature.CONVEX : Curvature.CONCAVE;
        return Curvature.UNKNOWN;
    }

    @Override
    public Monotonicity monotonicity(int k, Interval[] args, List<Expr> argExprs) {
        if (k == 1) {
            if (argExprs.get(0) instanceof Constant base) {
                if (base.value() > 1) return Monotonicity.INCREASING;
                if (base.value() > 0 && base.value() < 1) return Monotonicity.DECREASING;
            }
            return Monotonicity.NONMONOTONE;
        }
        if (!(argExprs.get(1) instanceof Constant c)) return Monotonicity.NONMONOTONE;
        double p = c.value();
        Interval x = args[0];
        boolean integer = isInteger(p);
        boolean even = integer && ((long) p) % 2 == 0;
        if (p > 0) {
            if (integer && !even) return Monotonicity.INCREASING;
            // 0 < p < 1 extended by -infinity below 0 stays increasing, as sqrt does
            if (!integer && p < 1) return Monotonicity.INCREASING;
            if (x.nonnegative()) return Monotonicity.INCREASING;
            if (even && x.nonpositive()) return Monotonicity.DECREASING;
            return Monotonicity.NONMONOTONE;
        }
        if (p < 0) {
            if (x.positive()) return Monotonicity.DECREASING;
            if (x.negative() && integer) return even ? Monotonicity.INCREASING : Monotonicity.DECREASING;
        }
        return Monotonicity.NONMONOTONE;
    }

    @Override
    public boolean definedOn(Interval[] args) {
        Interval x = args[0], e = args[1];
        if (!e.isPoint()) return x.positive();
        double p = e.lo();
        if (isInteger(p)) return p >= 0 || x.positive() || x.negative();
        return p > 0 ? x.nonnegative() : x.positive();
    }

    @Override
    public boolean smoothOn(Interval[] args) {
        if (!definedOn(args)) return false;
        Interval x = args[0], e = args[1];
        if (!e.isPoint()) return true;
        double p = e.lo();
        return isInteger(p) || p > 2 || x.positive(); // non-integer p < 2: infinite second derivative at 0
    }

    /** {@code a**2}, {@code a**(1 - x)}. */
    @Override
    public GroovyPrinter.Printed groovy(GroovyPrinter p, List<Expr> args) {
        String base = p.wrap(args.get(0), GroovyPrinter.ATOM);
        Expr e = args.get(1);
        String exp = p.wrap(e, GroovyPrinter.ATOM);
        return new GroovyPrinter.Printed(base + "**" + exp, GroovyPrinter.POWER);
    }

    @Override
    public LatexPrinter.Printed latex(LatexPrinter p, List<Expr> args) {
        // e^{x} and \frac{a}{b} print as atoms, but a superscript on them would be a double superscript or ambiguous
        Expr base = args.get(0);
        boolean parens = base instanceof Apply b && (b.atom() instanceof Exp || b.atom() instanceof Divide);
        String baseText = parens ? "\\left(" + p.text(base) + "\\right)" : p.wrap(base, LatexPrinter.ATOM);
        return new LatexPrinter.Printed(baseText + "^{" + p.text(args.get(1)) + "}", LatexPrinter.POWER);
    }

    /** A non-integer constant exponent needs a base ≥ 0 (&gt; 0 when the exponent is negative). */
    @Override
    public ArgumentDomain domain(int k, List<Expr> args) {
        if (k == 0 && args.get(1) instanceof Constant p && p.value() != Math.rint(p.value())) {
            return p.value() < 0 ? ArgumentDomain.above(0) : ArgumentDomain.atLeast(0);
        }
        return ArgumentDomain.ALL;
    }

    /** At a base of 0 (0 &lt; p &lt; 1): infinitely steep moving into the domain, undefined out of it. */
    @Override
    public double oneSidedDerivative(double[] a, double[] da, double out, boolean jumps) {
        if (da[0] == 0 && da[1] == 0) return 0;
        if (da[0] != 0) return da[0] > 0 ? Double.POSITIVE_INFINITY : Double.NaN;
        return Double.NaN;
    }

    @Override
    public String noun() {
        return "the power";
    }

    @Override
    public String describe(Expr node) {
        return "the power " + Wording.show(node);
    }

    @Override
    public String curvatureFailure(List<Expr> args, Interval[] r) {
        if (args.get(1) instanceof Constant p) {
            double v = p.value();
            if (v == Math.rint(v) && v > 1) {
                return "an odd power is convex where its base is ≥ 0 and concave where it is ≤ 0, but the base "
                        + Wording.show(args.get(0)) + " takes both signs on " + Wording.interval(r[0]);
            }
            if (v == Math.rint(v) && v < 0) {
                return "a negative power is convex or concave only on one side of 0, but the base "
                        + Wording.show(args.get(0)) + " ranges over " + Wording.interval(r[0]);
            }
        }
        return "a power with a non-constant exponent has no curvature the rules can prove";
    }
}
