package org.gradus.analysis;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.atoms.VectorAtom;
import org.gradus.atoms.VectorFunction;
import org.gradus.atoms.Wording;
import org.gradus.atoms.array.ArrayNode;
import org.gradus.atoms.array.ArrayOp;
import org.gradus.expr.Dependence;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.ExprVector;
import org.gradus.expr.SumOver;
import org.gradus.expr.Variable;
import org.gradus.expr.VariableArray;
import org.gradus.expr.Vec;
import org.gradus.expr.VectorVariable;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The composition rule of disciplined convex programming, written once. A node f(g₁, …, gₖ) is
 * <ul>
 *   <li>convex when f is convex and each gᵢ is affine, or convex where f increases in it, or concave
 *       where f decreases in it;</li>
 *   <li>concave in the mirror case;</li>
 *   <li>affine when f is affine and each gᵢ is affine (with signs: an affine f adds up its arguments'
 *       curvatures, flipped where it decreases).</li>
 * </ul>
 * Each atom declares its own curvature and monotonicity, which may depend on the ranges of its
 * arguments; the ranges come from a rigorous {@link Enclosure} over the domain. Sums over an index
 * keep the curvature of their body. Vector functions are judged whole: norms, sums of squares and
 * logsumexp are convex of affine operands, {@code quadForm(v, A)} is convex when A + Aᵀ is positive
 * semidefinite (checked exactly).
 */
public final class Dcp {
    /** The curvature proved, and when the rules fail, which sub-expression broke them and why. */
    public record Result(Curvature curvature, String reason) {
    }

    private final Enclosure ranges;
    private final Map<Expr, Curvature> memo = new IdentityHashMap<>();
    private String failure;

    private Dcp(Enclosure ranges) {
        this.ranges = ranges;
    }

    /** The curvature of f proved by the rules, given enclosures of its sub-expressions over the domain. */
    public static Result analyze(Expr f, Enclosure ranges) {
        ranges.of(f);
        Dcp d = new Dcp(ranges);
        Curvature c = d.curvature(f);
        return new Result(c, c == Curvature.UNKNOWN ? d.failure : null);
    }

    private Curvature curvature(Expr e) {
        Curvature known = memo.get(e);
        if (known != null) return known;
        Curvature c = compute(e);
        memo.put(e, c);
        return c;
    }

    private void fail(String why) {
        if (failure == null) failure = why;
    }

    private Curvature compute(Expr e) {
        if (!Dependence.dependsOnVariables(e)) return Curvature.CONSTANT;
        if (e instanceof Variable || e instanceof Element || e instanceof VariableArray) return Curvature.AFFINE;
        if (e instanceof SumOver s) return curvature(s.body());
        if (e instanceof VectorFunction vf) return vector(vf);
        if (e instanceof Apply a) return apply(a);
        if (e instanceof ArrayNode n) return array(n);
        fail(show(e) + ": no curvature rule for " + e.getClass().getSimpleName());
        return Curvature.UNKNOWN;
    }

    private Curvature apply(Apply a) {
        LogOfExponentials lse = LogOfExponentials.of(a);
        if (lse != null) {
            Curvature c = logSumExp(lse);
            if (c != null) return c;
        }
        NegativeEntropy entropy = NegativeEntropy.of(a);
        if (entropy != null) {
            Curvature c = negativeEntropy(entropy);
            if (c != null) return c;
        }
        QuadOverLin quad = QuadOverLin.of(a);
        if (quad != null) {
            Curvature c = quadOverLin(quad);
            if (c != null) return c;
        }
        EuclideanNorm norm = EuclideanNorm.of(a);
        if (norm != null && norm.bases().stream().allMatch(u -> curvature(u).isAffine())) return Curvature.CONVEX;
        Curvature reciprocalPower = reciprocalPower(a);
        if (reciprocalPower != null) return reciprocalPower;
        GeometricMean mean = GeometricMean.of(a);
        if (mean != null) {
            Curvature c = geometricMean(mean);
            if (c != null) return c;
        }
        Atom atom = a.atom();
        List<Expr> args = a.args();
        Interval[] r = new Interval[args.size()];
        Curvature[] c = new Curvature[args.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = ranges.signed(args.get(i));
            c[i] = curvature(args.get(i));
        }
        for (Curvature ci : c) if (ci == Curvature.UNKNOWN) return Curvature.UNKNOWN; // the reason is below
        Curvature own = atom.curvature(r, args);
        if (own == Curvature.CONSTANT) return Curvature.CONSTANT;
        if (own == Curvature.UNKNOWN) {
            fail(ownFailure(a, r));
            return Curvature.UNKNOWN;
        }
        if (own == Curvature.AFFINE) {
            Curvature sum = Curvature.CONSTANT;
            for (int i = 0; i < args.size(); i++) {
                if (c[i] == Curvature.CONSTANT) continue;
                Monotonicity m = atom.monotonicity(i, r, args);
                Curvature part;
                if (c[i].isAffine()) part = Curvature.AFFINE;
                else if (m == Monotonicity.INCREASING) part = c[i];
                else if (m == Monotonicity.DECREASING) part = c[i].negate();
                else {
                    fail(show(a) + ": its argument " + show(args.get(i)) + " is " + word(c[i]) + ", but "
                            + atom.noun() + " is neither increasing nor decreasing in it (the other factors take both signs)");
                    return Curvature.UNKNOWN;
                }
                Curvature next = sum.plus(part);
                if (next == Curvature.UNKNOWN) {
                    fail(show(a) + ": adds " + word(sum) + " and " + word(part) + " terms (" + show(args.get(i))
                            + " is " + word(part) + " here); the rules cannot tell the curvature of such a sum");
                    return Curvature.UNKNOWN;
                }
                sum = next;
            }
            return sum == Curvature.CONSTANT ? Curvature.AFFINE : sum;
        }
        // own is CONVEX or CONCAVE
        for (int i = 0; i < args.size(); i++) {
            if (c[i].isAffine()) continue;
            Monotonicity m = atom.monotonicity(i, r, args);
            boolean sameWay = c[i] == own;
            boolean ok = sameWay ? m == Monotonicity.INCREASING : m == Monotonicity.DECREASING;
            if (!ok) {
                fail(show(a) + ": " + atom.noun() + " is " + word(own) + " and " + word(m) + " in its argument"
                        + (args.size() > 1 ? " " + show(args.get(i)) : "") + " on " + interval(r[i])
                        + ", but that argument " + (args.size() > 1 ? "" : show(args.get(i)) + " ") + "is " + word(c[i])
                        + "; a " + word(own) + " function of a " + word(c[i]) + " argument needs it to be "
                        + (sameWay ? "increasing" : "decreasing"));
                return Curvature.UNKNOWN;
            }
        }
        return own;
    }

    /** c/u**p ({@link ReciprocalPower}): convex of a concave or affine u &gt; 0 for c &gt; 0, concave for c &lt; 0. Null otherwise. */
    private Curvature reciprocalPower(Apply a) {
        ReciprocalPower r = ReciprocalPower.of(a);
        if (r == null || !ranges.signed(r.base()).positive()) return null;
        Curvature base = curvature(r.base());
        if (!(base.isAffine() || base == Curvature.CONCAVE)) return null;
        return r.scale() > 0 ? Curvature.CONVEX : Curvature.CONCAVE;
    }

    /**
     * log(c + Σ aᵢ·exp(uᵢ)) ({@link LogOfExponentials}): convex where every exponent is convex or affine; with
     * one exponential and no constant, log a + u, of u's curvature; its negation (log(sigmoid(u))) concave there. Null where that does not decide it (an
     * exponent concave or unknown): the ordinary rule then says why.
     */
    private Curvature logSumExp(LogOfExponentials lse) {
        if (lse.single()) {
            Curvature c = curvature(lse.exponents().get(0));
            return c == Curvature.UNKNOWN ? null : lse.negated() ? c.negate() : c;
        }
        for (Expr u : lse.exponents()) {
            Curvature c = curvature(u);
            if (!c.isConvex()) return null;
        }
        return lse.negated() ? Curvature.CONCAVE : Curvature.CONVEX;
    }

    /**
     * c·u·log(u) ({@link NegativeEntropy}): convex for c &gt; 0 and concave for c &lt; 0 where u is affine. Null
     * otherwise (u·log u is not monotone, so a curved u decides nothing): the rule for products then says why.
     */
    private Curvature negativeEntropy(NegativeEntropy entropy) {
        Curvature u = curvature(entropy.argument());
        if (!u.isAffine()) return null;
        return entropy.scale() > 0 ? Curvature.CONVEX : Curvature.CONCAVE;
    }

    /**
     * c·u²/v ({@link QuadOverLin}): u²/v is convex of an affine u and a concave or affine v &gt; 0, concave of an
     * affine u and a convex or affine v &lt; 0; a negative c flips it. Null otherwise: the rule for quotients then says why.
     */
    private Curvature quadOverLin(QuadOverLin q) {
        if (!curvature(q.numerator()).isAffine()) return null;
        Interval v = ranges.signed(q.denominator());
        Curvature c = curvature(q.denominator());
        Curvature own = v.positive() && (c.isAffine() || c == Curvature.CONCAVE) ? Curvature.CONVEX
                : v.negative() && (c.isAffine() || c == Curvature.CONVEX) ? Curvature.CONCAVE : null;
        return own == null || q.scale() > 0 ? own : own.negate();
    }

    /**
     * c·Π uᵢ^aᵢ, Σ aᵢ ≤ 1 ({@link GeometricMean}): concave where every uᵢ is concave or affine and ≥ 0 on the box
     * (convex for c &lt; 0). Null otherwise: the rules for products and powers then say why.
     */
    private Curvature geometricMean(GeometricMean g) {
        for (Expr u : g.bases()) {
            Curvature c = curvature(u);
            if (!(c.isAffine() || c == Curvature.CONCAVE) || !(ranges.of(u).lo() >= 0)) return null;
        }
        return g.scale() > 0 ? Curvature.CONCAVE : Curvature.CONVEX;
    }

    /**
     * An array operation, by the same rule: its own curvature (elementwise for an array value) and its
     * monotonicity in each operand; an index operand must not depend on the variables.
     */
    private Curvature array(ArrayNode n) {
        ArrayOp op = n.op();
        List<Expr> args = n.args();
        Interval[] r = new Interval[args.size()];
        Curvature[] c = new Curvature[args.size()];
        for (int i = 0; i < r.length; i++) {
            r[i] = ranges.of(args.get(i));
            c[i] = curvature(args.get(i));
            if (op.isIndex(i) && c[i] != Curvature.CONSTANT) {
                fail(show(n) + ": its index " + show(args.get(i)) + " depends on the variables; an index must be data or a number");
                return Curvature.UNKNOWN;
            }
        }
        for (Curvature ci : c) if (ci == Curvature.UNKNOWN) return Curvature.UNKNOWN;
        Curvature own = op.curvature(args);
        if (own == Curvature.CONSTANT) return Curvature.CONSTANT;
        if (own == Curvature.UNKNOWN) {
            fail(show(n) + ": " + op.curvatureFailure(args));
            return Curvature.UNKNOWN;
        }
        Curvature sum = Curvature.CONSTANT;
        for (int i = 0; i < args.size(); i++) {
            if (c[i] == Curvature.CONSTANT || op.isIndex(i)) continue;
            if (c[i].isAffine()) {
                if (own.isAffine()) sum = sum.plus(Curvature.AFFINE);
                continue;
            }
            Monotonicity m = op.monotonicity(i, args, r);
            Curvature part = m == Monotonicity.INCREASING ? c[i] : m == Monotonicity.DECREASING ? c[i].negate() : Curvature.UNKNOWN;
            boolean ok = own.isAffine() ? part != Curvature.UNKNOWN : part == own;
            if (!ok) {
                fail(show(n) + ": " + op.name() + " is " + word(own) + " and " + word(m) + " in " + show(args.get(i)) + " on " + interval(r[i])
                        + ", but " + show(args.get(i)) + " is " + word(c[i]) + "; " + (own.isAffine()
                        ? "an affine map keeps the curvature of an argument only where it is monotone"
                        : "a " + word(own) + " function of a " + word(c[i]) + " argument needs it to be " + (c[i] == own ? "increasing" : "decreasing")));
                return Curvature.UNKNOWN;
            }
            if (own.isAffine()) {
                Curvature next = sum.plus(part);
                if (next == Curvature.UNKNOWN) {
                    fail(show(n) + ": adds " + word(sum) + " and " + word(part) + " parts; the rules cannot tell the curvature of such a sum");
                    return Curvature.UNKNOWN;
                }
                sum = next;
            }
        }
        if (own.isAffine()) return sum == Curvature.CONSTANT ? Curvature.AFFINE : sum;
        return own;
    }

    /** The atom's own words for why the rules give it no curvature here. */
    private String ownFailure(Apply a, Interval[] r) {
        return show(a) + ": " + a.atom().curvatureFailure(a.args(), r);
    }

    /** A vector function of affine operands has the curvature its atom declares; otherwise its scalar form is judged. */
    private Curvature vector(VectorFunction vf) {
        VectorAtom atom = vf.atom();
        boolean affine = true;
        for (Vec v : vf.operands()) affine &= affineOperand(v);
        Curvature whole = affine ? atom.curvatureOfAffine() : null;
        if (whole == null) return curvature(vf.lowered());
        if (whole == Curvature.UNKNOWN) fail(show(vf) + ": " + atom.curvatureFailure());
        return whole;
    }

    private boolean affineOperand(Vec v) {
        if (v instanceof VectorVariable) return true;
        if (v instanceof ExprVector ev) {
            for (Expr e : ev.elements()) if (!curvature(e).isAffine()) return false;
            return true;
        }
        return true; // constant vectors
    }

    // ---- words ----------------------------------------------------------------------------------

    static String show(Expr e) {
        return Wording.show(e);
    }

    static String word(Curvature c) {
        return switch (c) {
            case CONSTANT -> "constant";
            case AFFINE -> "affine";
            case CONVEX -> "convex";
            case CONCAVE -> "concave";
            case UNKNOWN -> "of unknown curvature";
        };
    }

    private static String word(Monotonicity m) {
        return switch (m) {
            case INCREASING -> "increasing";
            case DECREASING -> "decreasing";
            case NONMONOTONE -> "neither increasing nor decreasing";
        };
    }

    static String interval(Interval r) {
        return Wording.interval(r);
    }
}
