package org.gradus.calculus.series;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Ops;
import org.gradus.atoms.UnaryAtom;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Variable;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An atom's value at constant arguments, as a {@link Real}: exact where the mathematics makes it a
 * fraction, an enclosure otherwise.
 *
 * <p>Exact are the values of piecewise-constant atoms (sign, step) and the values at the trivial points
 * 0 and 1 that are integers or halves (exp(0) = 1, sin(0) = 0, log(1) = 0, sigmoid(0) = 1/2): for a
 * rational argument other than these, the elementary transcendental functions take irrational values
 * (Lindemann–Weierstrass), so no other value can be exact and none is claimed to be.
 */
final class AtomValues {
    private AtomValues() {
    }

    private static final Map<Atom, Boolean> PIECEWISE_CONSTANT = new ConcurrentHashMap<>();
    private static final Variable PROBE = new Variable("u", 0);

    /** True for a one-argument atom whose derivative is identically 0 away from its jumps (sign, step). */
    static boolean piecewiseConstant(Atom atom) {
        return atom instanceof UnaryAtom u && PIECEWISE_CONSTANT.computeIfAbsent(atom,
                a -> u.slope(PROBE, Ops.apply(a, PROBE)).isConstant(0));
    }

    /**
     * @throws OutsideDomain when exact arguments lie outside the atom's domain
     * @throws CannotExpand  when the value cannot be enclosed (arguments near a jump or a domain edge)
     */
    static Real at(Atom atom, Real[] args) {
        double[] mid = new double[args.length];
        boolean exact = true, trivial = true;
        for (int i = 0; i < args.length; i++) {
            mid[i] = args[i].value();
            exact &= args[i].isExact();
            trivial &= args[i].isExactZero() || (args[i].isExact() && args[i].exact().equals(BigFraction.ONE));
        }
        String err = atom.domainError(mid);
        if (err != null) {
            if (exact) throw new OutsideDomain(atom.name() + ": " + err);
            throw new CannotExpand(atom.name() + " at an argument near the edge of its domain");
        }
        if (atom instanceof org.gradus.atoms.Sqrt && exact && !args[0].isExactZero()) return pow(args[0], new BigFraction(1, 2));   // √4 = 2 exactly, √2 enclosed
        double v = atom.value(mid);
        if (!Double.isFinite(v)) throw new CannotExpand(atom.name() + " overflows at " + mid[0]);
        if (piecewiseConstant(atom)) {
            UnaryAtom u = (UnaryAtom) atom;
            if (!exact) for (double k : u.kinks()) if (args[0].lo() <= k && k <= args[0].hi()) {
                throw new CannotExpand(atom.name() + " at an argument that may be its jump " + k);
            }
            return Real.of(v);
        }
        if (exact && trivial && v * 2 == Math.rint(v * 2)) return Real.of(v);
        Interval[] box = new Interval[args.length];
        boolean narrow = true;
        for (int i = 0; i < args.length; i++) {
            box[i] = new Interval(args[i].lo(), args[i].hi());
            narrow &= args[i].hi() - args[i].lo() <= 1e-9 * (1 + Math.abs(mid[i]));
        }
        if (!atom.definedOn(box) || !atom.smoothOn(box)) {
            if (!narrow) throw new CannotExpand(atom.name() + " at an argument known only roughly");
        }
        Interval r = atom.range(box);
        if (Double.isFinite(r.lo()) && Double.isFinite(r.hi()) && r.hi() - r.lo() <= 1e-9 * (1 + Math.abs(v))) {
            double lo = Math.nextDown(r.lo() - Math.abs(r.lo()) * 1e-14), hi = Math.nextUp(r.hi() + Math.abs(r.hi()) * 1e-14);
            return Real.enclosed(Math.min(lo, v), Math.max(hi, v), v);
        }
        // an atom without a tight range: its slope bounds the spread of a narrow box
        double spread = 0;
        for (int i = 0; i < args.length; i++) spread += Math.abs(atom.derivative(i, mid, v)) * (args[i].hi() - args[i].lo());
        if (!narrow || !Double.isFinite(spread)) throw new CannotExpand("no enclosure of " + atom.name() + " here");
        double pad = 2 * spread + Math.abs(v) * 1e-14 + Double.MIN_NORMAL;
        return Real.enclosed(Math.nextDown(v - pad), Math.nextUp(v + pad), v);
    }

    /** c^p for c &gt; 0 and a double exponent p, exact when c = 1 or when the double result is exact. */
    static Real pow(Real c, BigFraction p) {
        if (c.isExact() && c.exact().equals(BigFraction.ONE)) return Real.ONE;
        double pd = p.doubleValue();
        double v = Math.pow(c.value(), pd);
        if (c.isExact() && p.getDenominator().bitLength() <= 5 && p.getNumerator().abs().bitLength() <= 10 && Double.isFinite(v) && v != 0) {
            BigFraction r = new BigFraction(v);
            int den = p.getDenominator().intValue(), num = p.getNumerator().intValue();
            BigFraction lhs = r.pow(den), rhs = num >= 0 ? c.exact().pow(num) : BigFraction.ONE.divide(c.exact().pow(-num));
            if (lhs.equals(rhs)) return Real.of(r);
        }
        double a = Math.pow(c.lo(), pd), b = Math.pow(c.hi(), pd);
        double lo = Math.min(a, b), hi = Math.max(a, b);
        if (!Double.isFinite(lo) || !Double.isFinite(hi)) throw new CannotExpand("a power overflows");
        return Real.enclosed(Math.nextDown(lo - Math.abs(lo) * 1e-14), Math.nextUp(hi + Math.abs(hi) * 1e-14), v);
    }

    static Real exp(Real c) {
        if (c.isExactZero()) return Real.ONE;
        double v = Math.exp(c.value()), lo = Math.exp(c.lo()), hi = Math.exp(c.hi());
        if (!Double.isFinite(hi)) throw new CannotExpand("exp overflows at " + c.value());
        return Real.enclosed(Math.nextDown(lo - lo * 1e-14), Math.nextUp(hi + hi * 1e-14), v);
    }

    static Real log(Real c) {
        if (c.isExact() && c.exact().equals(BigFraction.ONE)) return Real.ZERO;
        if (!(c.lo() > 0)) throw new CannotExpand("log of a number that may be 0 or negative");
        double v = Math.log(c.value()), lo = Math.log(c.lo()), hi = Math.log(c.hi());
        return Real.enclosed(Math.nextDown(lo - Math.abs(lo) * 1e-14) - Double.MIN_NORMAL,
                Math.nextUp(hi + Math.abs(hi) * 1e-14) + Double.MIN_NORMAL, v);
    }

    /** The constant expression's value, or null when it is no constant. */
    static Real constant(Expr e) {
        return e instanceof Constant c ? Real.of(c.value()) : null;
    }
}
