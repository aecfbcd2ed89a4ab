package org.gradus.calculus.series;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Atan;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Cos;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Exp;
import org.gradus.atoms.Log;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Ops;
import org.gradus.atoms.Power;
import org.gradus.atoms.Sin;
import org.gradus.atoms.Substitution;
import org.gradus.atoms.UnaryAtom;
import org.gradus.atoms.VectorFunction;
import org.gradus.diff.Differentiator;
import org.gradus.expr.Constant;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.Layout;
import org.gradus.expr.Lookup;
import org.gradus.expr.SumOver;
import org.gradus.expr.Variable;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Expands an expression as t → 0⁺, given an expansion of each of its coordinates (x = a + t for a
 * limit from the right, x = 1/t at +∞, x = x₀ + t·d along a direction).
 *
 * <p>The rules are those of the elementary functions: sums, products, quotients and powers by the
 * arithmetic of {@link Series}; exp of a divergent argument becomes an exponential scale function, log
 * of a power of t a multiple of L = log(1/t); sin and cos of a divergent argument are bounded, O(1),
 * and remembered as {@link #oscillators()}; any other one-argument atom is expanded by its Taylor series
 * from its exact symbolic derivatives where it is smooth, or by its one-sided limit where it is piecewise
 * constant (sign, step). Atoms that are combinations of these declare their {@link Atom#definition}
 * (sigmoid, tanh, abs, max, huber, ...). Whatever no rule covers throws {@link CannotExpand}.
 */
public final class Expander {
    private static final Variable U = new Variable("u", 0);
    private static final Map<Atom, List<Expr>> DERIVATIVES = new ConcurrentHashMap<>();
    private static final int MAX_TERMS_OF_A_SUM = 400;

    private final Layout layout;
    private final Expansion[] coordinates;
    private final Series s;
    private final Map<Expr, Expansion> memo = new IdentityHashMap<>();
    private final Set<Apply> oscillators = new LinkedHashSet<>();

    /**
     * @param layout      the coordinates the expressions use
     * @param coordinates the expansion of each coordinate (null: the expression must not use it)
     * @param series      the arithmetic and its precision
     */
    public Expander(Layout layout, Expansion[] coordinates, Series series) {
        this.layout = layout;
        this.coordinates = coordinates;
        this.s = series;
    }

    public Series series() {
        return s;
    }

    /** The sin/cos nodes met whose arguments tend to ±∞ (the function may oscillate). */
    public Set<Apply> oscillators() {
        return oscillators;
    }

    /**
     * @throws OutsideDomain when the function is undefined near the point on this side
     * @throws CannotExpand  when no rule decides
     */
    public Expansion expand(Expr e) {
        Expansion known = memo.get(e);
        if (known != null) return known;
        Expansion r = compute(e);
        memo.put(e, r);
        return r;
    }

    private Expansion compute(Expr e) {
        if (e instanceof Constant c) return Expansion.constant(Real.of(c.value()));
        if (e instanceof Variable v) return coordinate(layout.offset(v), v.name());
        if (e instanceof Element el) {
            if (el.constantIndex() < 0) throw new CannotExpand("an element with a symbolic index outside a sum");
            return coordinate(layout.offset(el.vector()) + el.constantIndex(), el.toString());
        }
        if (e instanceof Lookup l) {
            if (!(l.index() instanceof Constant k)) throw new CannotExpand("a data value with a symbolic index");
            return Expansion.constant(Real.of(l.at((int) k.value())));
        }
        if (e instanceof VectorFunction vf) return expand(vf.lowered());
        if (e instanceof SumOver sum) return sum(sum);
        if (e instanceof IndexSymbol) throw new CannotExpand("a loop index outside its sum");
        if (e instanceof Apply a) return apply(a);
        throw new CannotExpand("no expansion of " + e.getClass().getSimpleName());
    }

    private Expansion coordinate(int k, String name) {
        Expansion x = coordinates[k];
        if (x == null) throw new IllegalArgumentException("the expression depends on " + name + ", which has no value here");
        return x;
    }

    private Expansion sum(SumOver sum) {
        if (sum.to() - sum.from() > MAX_TERMS_OF_A_SUM) throw new CannotExpand("a sum of " + (sum.to() - sum.from()) + " terms");
        List<Expansion> parts = new ArrayList<>();
        for (int i = sum.from(); i < sum.to(); i++) {
            Expr body = new Substitution(Map.of(sum.index(), Constant.of(i))).apply(sum.body());
            parts.add(expand(body));
        }
        return s.add(parts);
    }

    private Expansion apply(Apply a) {
        Atom atom = a.atom();
        if (atom instanceof Add) {
            List<Expansion> parts = new ArrayList<>();
            for (Expr x : a.args()) parts.add(expand(x));
            return s.add(parts);
        }
        if (atom instanceof Multiply) {
            Expansion p = expand(a.arg(0));
            for (int i = 1; i < a.args().size() && !p.isExactZero(); i++) p = s.multiply(p, expand(a.arg(i)));
            return p;
        }
        if (atom instanceof Divide) {
            Expansion num = expand(a.arg(0));
            return num.isExactZero() && !expand(a.arg(1)).isExactZero() ? Expansion.ZERO : s.divide(num, expand(a.arg(1)));
        }
        if (atom instanceof Power) return power(a);
        if (atom instanceof Exp) return exp(expand(a.arg(0)));
        if (atom instanceof Log) return log(expand(a.arg(0)));
        List<Expansion> args = new ArrayList<>();
        Real[] constants = new Real[a.args().size()];
        boolean allConstant = true;
        for (int i = 0; i < constants.length; i++) {
            Expansion x = expand(a.arg(i));
            args.add(x);
            constants[i] = x.constantValue();
            allConstant &= constants[i] != null;
        }
        if (allConstant) return Expansion.constant(AtomValues.at(atom, constants));
        if ((atom instanceof Sin || atom instanceof Cos) && unbounded(args.get(0))) {
            if (args.get(0).hasTerms() && args.get(0).leading().m().growth() > 0) oscillators.add(a);
            return Expansion.bigO(Monomial.ONE); // |sin|, |cos| ≤ 1
        }
        if (atom instanceof Atan && args.get(0).hasTerms() && args.get(0).leading().m().growth() > 0) {
            // atan(u) = ±π/2 − atan(1/u) as u → ±∞
            int sign = args.get(0).leading().coef().sign();
            Expansion inverse = s.divide(Expansion.constant(Real.ONE), args.get(0));
            Expansion series = s.powerSeries(k -> k % 2 == 0 ? Real.ZERO : Real.of(new BigFraction(k % 4 == 1 ? 1 : -1, k)), inverse);
            return s.subtract(Expansion.constant(Real.approximately(sign * Math.PI / 2, 1e-16)), series);   // atan(v) = v − v³/3 + v⁵/5 − …
        }
        Expr definition = atom.definition(a.args());
        if (definition != null) return expand(definition);
        if (atom instanceof UnaryAtom u) return unary(u, args.get(0));
        throw new CannotExpand("no series rule for " + atom.name());
    }

    /** True when the argument tends to ±∞ or is known only up to a bound that does not vanish. */
    private static boolean unbounded(Expansion x) {
        if (x.hasTerms()) return x.leading().m().growth() > 0 || (x.order() != null && x.order().growth() >= 0);
        return !x.isExactZero() && x.order().growth() >= 0;
    }

    // ---- the elementary functions ----------------------------------------------------------------

    private Expansion exp(Expansion e) {
        if (e.isExactZero()) return Expansion.constant(Real.ONE);
        if (e.order() != null && e.order().growth() >= 0) {
            throw new CannotExpand("exp of an expression known only up to O(" + e.order() + ")");
        }
        List<Expansion.Term> psi = new ArrayList<>(), vanishing = new ArrayList<>();
        BigFraction shift = BigFraction.ZERO;
        Real c = Real.ZERO;
        for (Expansion.Term t : e.terms()) {
            int g = t.m().growth();
            if (g < 0) {
                vanishing.add(t);
            } else if (g == 0) {
                c = t.coef();
            } else if (t.m().psi() == null && t.m().alpha().getNumerator().signum() == 0 && t.m().beta() == 1) {
                // exp(k·log(1/t)) = t^(−k)
                if (!t.coef().isExact()) throw new CannotExpand("t to an irrational power");
                shift = shift.subtract(t.coef().exact());
            } else {
                psi.add(t);
            }
        }
        Expansion v = new Expansion(vanishing, e.order());
        Expansion series = s.powerSeries(k -> Real.of(BigFraction.ONE.divide(factorial(k))), v);
        Monomial m = new Monomial(psi.isEmpty() ? null : new Expansion(psi, null), shift, 0);
        return s.shift(s.scale(series, AtomValues.exp(c)), m);
    }

    private Expansion log(Expansion e) {
        if (e.isExactZero()) throw new OutsideDomain("log of 0");
        if (s.zeroAtNumber(e)) e = e.withoutLeading(1);   // log(sin(x)) at Math.PI: log(t + …) at π
        Expansion.Term lead = e.leading();
        if (lead.coef().sign() < 0) throw new OutsideDomain("log of negative values");
        Monomial m = lead.m();
        if (m.beta() != 0) throw new CannotExpand("the logarithm of a logarithm");
        List<Expansion> parts = new ArrayList<>();
        if (m.psi() != null) parts.add(m.psi());
        if (m.alpha().getNumerator().signum() != 0) parts.add(Expansion.term(Real.of(m.alpha().negate()), Monomial.LOG));
        parts.add(Expansion.constant(AtomValues.log(lead.coef())));
        Expansion r = s.relativeRest(e);
        parts.add(s.powerSeries(k -> k == 0 ? Real.ZERO : Real.of(new BigFraction(k % 2 == 1 ? 1 : -1, k)), r));
        return s.add(parts);
    }

    private Expansion power(Apply a) {
        Expansion base = expand(a.arg(0));
        if (a.arg(1) instanceof Constant c) return power(base, new BigFraction(c.value()));
        return exp(s.multiply(expand(a.arg(1)), log(base)));
    }

    private Expansion power(Expansion base, BigFraction p) {
        int ps = p.getNumerator().signum();
        boolean integer = p.getDenominator().equals(BigInteger.ONE);
        if (!integer && s.zeroAtNumber(base)) base = base.withoutLeading(1);   // √|sin(x)| at Math.PI: √(t + …) at π
        if (base.isExactZero()) {
            if (ps > 0) return Expansion.ZERO;
            throw new OutsideDomain("0 to a negative power");
        }
        if (integer && ps > 0 && p.getNumerator().bitLength() <= 4) {
            Expansion r = base;
            for (int k = 1; k < p.intValue(); k++) r = s.multiply(r, base);
            return r;
        }
        Expansion.Term lead = base.leading();
        int sign = lead.coef().sign();
        if (!integer && sign < 0) throw new OutsideDomain("a negative number to a fractional power");
        Real cp = integer ? lead.coef().pow(p.intValue()) : AtomValues.pow(lead.coef(), p);
        Expansion series = s.powerSeries(k -> Real.of(binomial(p, k)), s.relativeRest(base));
        return s.shift(s.scale(series, cp), lead.m().pow(p));
    }

    private Expansion unary(UnaryAtom atom, Expansion arg) {
        if (arg.hasTerms() && arg.leading().m().growth() > 0) {
            if (AtomValues.piecewiseConstant(atom)) {
                double v = atom.apply(arg.leading().coef().sign() > 0 ? Double.POSITIVE_INFINITY : Double.NEGATIVE_INFINITY);
                if (Double.isFinite(v)) return Expansion.constant(Real.of(v));
            }
            throw new CannotExpand("no rule for " + atom.name() + " of an argument that tends to ±∞");
        }
        if (!arg.hasTerms() && arg.order().growth() >= 0) {
            throw new CannotExpand("the argument of " + atom.name() + " is known only up to O(" + arg.order() + ")");
        }
        // sign(sin(x)) at Math.PI: the argument 1.2e-16 − t + … is 0 at the number the point stands for
        boolean jumpAtNumber = AtomValues.piecewiseConstant(atom) && s.zeroAtNumber(arg);
        Real c = jumpAtNumber ? Real.ZERO : arg.constantTerm();
        Expansion v = jumpAtNumber ? arg.withoutLeading(1) : s.subtract(arg, Expansion.constant(c));
        if (v.isExactZero()) return Expansion.constant(AtomValues.at(atom, new Real[]{c}));
        if (smoothAt(atom, c)) {
            List<Real> coefficients = new ArrayList<>();
            return s.powerSeries(k -> taylorCoefficient(atom, c, k, coefficients), v);
        }
        int side = v.hasTerms() ? v.leading().coef().sign() : 0;
        if (side == 0) throw new CannotExpand(atom.name() + " at " + c.text() + ", approached from a side that is not known");
        double[] limits = atom.oneSidedLimits(c.value());
        double l = side > 0 ? limits[1] : limits[0];
        if (Double.isNaN(l)) throw new OutsideDomain(atom.name() + " is not defined " + (side > 0 ? "above " : "below ") + c.text());
        if (AtomValues.piecewiseConstant(atom) && Double.isFinite(l)) return Expansion.constant(Real.of(l));
        throw new CannotExpand("no series for " + atom.name() + " at " + c.text());
    }

    /** True when the atom is smooth on a neighbourhood of c (no kink, jump or edge of its domain there). */
    private static boolean smoothAt(UnaryAtom atom, Real c) {
        double[] p = {c.value()};
        if (atom.domainError(p) != null || atom.discontinuity(p) != null || atom.kink(p) != null) return false;
        for (double k : atom.kinks()) if (c.lo() <= k && k <= c.hi()) return false;
        return atom.domain().contains(c.lo()) && atom.domain().contains(c.hi())
                && c.lo() != atom.domain().lo() && c.hi() != atom.domain().hi();
    }

    /** f^(k)(c)/k! from the atom's exact symbolic derivatives. */
    private static Real taylorCoefficient(UnaryAtom atom, Real c, int k, List<Real> cache) {
        while (cache.size() <= k) {
            Expr d = derivative(atom, cache.size());
            Expander at = new Expander(Layout.of(U), new Expansion[]{Expansion.constant(c)}, new Series(2));
            Real v = d.isConstant(0) ? Real.ZERO : at.expand(d).constantValue();
            if (v == null) throw new CannotExpand("the derivative of " + atom.name() + " at " + c.text());
            cache.add(v.divide(Real.of(new BigFraction(factorial(cache.size())))));
        }
        return cache.get(k);
    }

    private static Expr derivative(UnaryAtom atom, int k) {
        List<Expr> list = DERIVATIVES.computeIfAbsent(atom, a -> {
            List<Expr> l = new ArrayList<>();
            l.add(Ops.apply(a, U));
            return l;
        });
        synchronized (list) {
            while (list.size() <= k) list.add(Differentiator.partial(list.get(list.size() - 1), U));
            return list.get(k);
        }
    }

    static BigInteger factorial(int k) {
        BigInteger f = BigInteger.ONE;
        for (int i = 2; i <= k; i++) f = f.multiply(BigInteger.valueOf(i));
        return f;
    }

    /** p(p − 1)···(p − k + 1)/k!. */
    static BigFraction binomial(BigFraction p, int k) {
        BigFraction b = BigFraction.ONE;
        for (int i = 0; i < k; i++) b = b.multiply(p.subtract(i)).divide(i + 1);
        return b;
    }
}
