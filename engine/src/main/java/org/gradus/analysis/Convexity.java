package org.gradus.analysis;

import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Psd;
import org.gradus.atoms.VectorFunction;
import org.gradus.diff.Derivatives;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.SumOver;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code convexity(f, over: box)}: is f convex, concave, linear or neither on the box, and how sure.
 *
 * <ol>
 *   <li><b>Composition rules</b> ({@link Dcp}) over rigorous ranges of every sub-expression: a proof.</li>
 *   <li><b>Constant Hessian</b> (quadratics, and whatever simplifies to one): its eigenvalues decide, with
 *       exact rational arithmetic when an eigenvalue is near zero ({@link Psd}): a proof either way
 *       (an indefinite one still needs its counterexamples, found along the eigenvectors).</li>
 *   <li><b>Interval Hessian</b>: for a smooth f on a small box, the Hessian enclosed by interval
 *       arithmetic (bisecting bounded boxes) is diagonally dominant with a nonnegative diagonal: a proof.</li>
 *   <li>Otherwise <b>sampling</b> ({@link Sampling}): the Hessian at many points and a search for secants
 *       that break Jensen's inequality. A verified secant each way gives "neither" (certainty
 *       counterexample); one way only, or none, gives a "sampled" verdict — never a proof.</li>
 * </ol>
 * The Hessian is only trusted where every atom is smooth on the box (no kinks, jumps or domain edges):
 * the Hessian of −|x| is zero almost everywhere, yet −|x| is not convex.
 */
public final class Convexity {
    private Convexity() {
    }

    static final int INTERVAL_HESSIAN_LIMIT = 8;

    /**
     * Analyzes f over a box.
     *
     * @param f    the function
     * @param over variable name → {lo, hi} (a vector variable's interval applies to each element); null or a
     *             missing name means all of R for that variable, narrowed to f's natural domain where an atom
     *             needs it of the variable directly (log(x): x &gt; 0)
     * @throws IllegalArgumentException when over names something that is not a variable of f
     */
    public static ConvexityReport analyze(Expr f, Map<String, double[]> over) {
        Domain d = Domain.of(f, over);
        Layout layout = d.layout();
        int n = d.dimension();
        Builder out = new Builder(f, d);
        if (n == 0) {
            return out.verdict("linear", "proof", false, "a constant: both convex and concave").curvature(0.0, 0.0, "exact").build();
        }
        Enclosure enc = Enclosure.overDomain(d);
        enc.of(f);
        boolean defined = enc.defined();
        boolean smooth = defined && enc.smooth();
        Dcp.Result dcp = Dcp.analyze(f, enc);
        Curvature c = dcp.curvature();

        // The symbolic Hessian, when it is small enough and means something on the whole box
        SymbolicHessian symbolic = smooth ? SymbolicHessian.of(f, layout, d.center()) : null;
        Expr[][] h = symbolic == null ? null : symbolic.entries();
        double[][] constant = symbolic == null ? null : symbolic.constant();
        boolean exact = symbolic == null || symbolic.exact();
        Psd.Kind kind = constant == null ? null : Psd.classify(constant, exact);
        String kinkNote = smooth ? null : nonSmoothNote(enc);

        if (c.isAffine()) {
            return out.verdict("linear", "proof", false, "affine by the composition rules: " + explain(f, enc))
                    .curvature(0.0, 0.0, "exact").build();
        }
        if (c == Curvature.CONVEX || c == Curvature.CONCAVE) {
            String word = c == Curvature.CONVEX ? "convex" : "concave";
            out.verdict(word, "proof", null, word + " by the composition rules (DCP): " + explain(f, enc));
            curvatureNumbers(out, f, d, constant, kind, smooth, c == Curvature.CONVEX, kinkNote);
            return out.build();
        }
        String why = "the composition rules cannot decide it — " + dcp.reason();
        if (kind == Psd.Kind.ZERO || kind == Psd.Kind.PSD || kind == Psd.Kind.NSD) {
            String matrix = matrixText(constant);
            if (kind == Psd.Kind.ZERO) {
                return out.verdict("linear", "proof", false, why + "; but its Hessian is zero everywhere, so f is affine")
                        .curvature(0.0, 0.0, "exact").build();
            }
            boolean convex = kind == Psd.Kind.PSD;
            out.verdict(convex ? "convex" : "concave", "proof", null, why + "; but its Hessian is the constant matrix " + matrix
                    + " with eigenvalues " + Psd.eigenText(constant) + ", so it is " + (convex ? "positive" : "negative")
                    + " semidefinite everywhere and f is " + (convex ? "convex" : "concave"));
            curvatureNumbers(out, f, d, constant, kind, true, convex, null);
            return out.build();
        }
        if (h != null && constant == null && n <= INTERVAL_HESSIAN_LIMIT) {
            for (int sign : new int[]{+1, -1}) {
                int boxes = IntervalHessian.prove(h, d, sign);
                if (boxes > 0) {
                    boolean convex = sign > 0;
                    out.verdict(convex ? "convex" : "concave", "proof", null, why + "; but interval arithmetic bounds its Hessian on "
                            + (boxes == 1 ? "the whole box" : boxes + " pieces of the box") + ": on each, the diagonal is "
                            + (convex ? "nonnegative" : "nonpositive") + " and dominates the rest of its row, so the Hessian is "
                            + (convex ? "positive" : "negative") + " semidefinite everywhere and f is " + (convex ? "convex" : "concave"));
                    curvatureNumbers(out, f, d, null, null, true, convex, null);
                    return out.build();
                }
            }
        }

        // No proof: sample the Hessian and search secants
        Sampling s = new Sampling(f, d);
        HiddenUnits.Witness swap = HiddenUnits.find(f, d, s.compiled());
        if (swap != null) s.belowGraph = swap.secant();
        if (smooth || kinkNote != null) s.sampleHessian(400);
        if (swap != null) s.searchAxes(d.layout.start(), false, true);
        if (swap == null || s.aboveGraph == null) s.searchSecants(swap == null, true, 4000);
        String hess = s.hessianPoints == 0 ? "" : "; the Hessian sampled at " + s.hessianPoints + " points of "
                + d.samplingText() + " has eigenvalues from " + Numbers.round(s.minEig, 6) + " to " + Numbers.round(s.maxEig, 6)
                + (smooth ? "" : " where it exists");
        if (kind == Psd.Kind.INDEFINITE) {
            hess = "; its Hessian is the constant matrix " + matrixText(constant) + " with eigenvalues " + Psd.eigenText(constant)
                    + ": indefinite";
        }
        double tolH = 1e-8 * Math.max(1, s.maxAbsEig);
        Secant below = s.belowGraph, above = s.aboveGraph;
        if (swap != null) why = why + "; " + swap.explanation();
        if (below != null && above != null) {
            out.verdict("neither", "counterexample", null, why + hess + (swap != null ? "; and a secant lies above the graph, so f is not concave either"
                    : "; a secant lies below the graph (so f is not convex) and another above it (so f is not concave)"));
            out.counterexamples(below, above);
        } else if (below != null) {
            boolean evidence = s.maxEig > tolH && smooth;
            out.verdict(evidence ? "unknown" : "concave", "sampled", null, why + hess + "; a secant lies below the graph, so f is not convex"
                    + (evidence ? ", but the Hessian also has positive eigenvalues and no secant above the graph was confirmed"
                    : "; no secant above the graph was found in " + s.secantsTried + " tries, so f looks concave — not proved"));
            out.counterexamples(below, null);
        } else if (above != null) {
            boolean evidence = s.minEig < -tolH && smooth;
            out.verdict(evidence ? "unknown" : "convex", "sampled", null, why + hess + "; a secant lies above the graph, so f is not concave"
                    + (evidence ? ", but the Hessian also has negative eigenvalues and no secant below the graph was confirmed"
                    : "; no secant below the graph was found in " + s.secantsTried + " tries, so f looks convex — not proved"));
            out.counterexamples(null, above);
            if (!evidence) curvatureNumbers(out, f, d, null, null, smooth, true, kinkNote, s);
        } else if (s.validPoints == 0 && swap == null) {
            out.verdict("unknown", "sampled", null, why + "; f could not be evaluated at any sampled point of " + d.samplingText());
        } else {
            boolean flat = s.hessianPoints > 0 && s.minEig >= -tolH && s.maxEig <= tolH;
            out.verdict(flat ? "linear" : "unknown", "sampled", null, why + hess + "; no secant off the graph was found in "
                    + s.secantsTried + " tries" + (flat ? ", so f looks affine — not proved" : ""));
        }
        String pole = PoleCrossing.note(f, d, below != null ? below : above);
        if (pole == null && below != null) pole = PoleCrossing.note(f, d, above);
        if (pole != null) out.note(pole);
        if (kind == Psd.Kind.MARGINAL) {
            out.note("the Hessian is constant but semidefinite only up to rounding (eigenvalues " + Psd.eigenText(constant)
                    + "): the numbers in f are not exact enough to decide");
        }
        if ("neither".equals(out.verdict) && s.hessianPoints > 0 && smooth) {
            out.curvature(null, s.maxAbsEig, "largest |eigenvalue| of the Hessian sampled at " + s.hessianPoints + " points");
        }
        return out.build();
    }

    /** mu and L for a proved or sampled verdict, with the gradient-descent advice derived from them. */
    private static void curvatureNumbers(Builder out, Expr f, Domain d, double[][] constant, Psd.Kind kind, boolean smooth,
                                         boolean convex, String kinkNote) {
        curvatureNumbers(out, f, d, constant, kind, smooth, convex, kinkNote, null);
    }

    private static void curvatureNumbers(Builder out, Expr f, Domain d, double[][] constant, Psd.Kind kind, boolean smooth,
                                         boolean convex, String kinkNote, Sampling sampled) {
        if (constant != null) {
            double[] ev = Psd.eigenvalues(constant);
            double scale = Math.max(Math.abs(ev[0]), Math.abs(ev[ev.length - 1]));
            double lo = clean(ev[0], scale), hi = clean(ev[ev.length - 1], scale);
            if (convex) {
                out.strict = lo > 0;
                out.curvature(lo, hi, "exact: the Hessian is constant");
            } else {
                out.strict = hi < 0;
                out.note("for a concave f, −f has mu = " + Numbers.round(-hi, 6) + " and L = " + Numbers.round(-lo, 6) + " (maximizing f)");
            }
            return;
        }
        if (!convex) return;
        Sampling s = sampled;
        if (s == null && d.dimension() <= Sampling.MAX_HESSIAN_DIMENSION) {
            s = new Sampling(f, d);
            s.sampleHessian(200);
        }
        if (s == null || s.hessianPoints == 0) return;
        double scale = Math.max(1e-300, s.maxAbsEig);
        double mu = Math.max(0, clean(s.minEig, s.minEigScale)); // rounding at that point, not the largest curvature anywhere
        boolean noL = s.steepensToward != null;
        String where = "sampled at " + s.hessianPoints + " points of " + d.samplingText()
                + (d.unbounded ? "; the domain is unbounded, so mu may be smaller" + (noL ? "" : " and L larger") + " outside" : "")
                + (d.openEnds() != null && !noL ? "; the domain is open as " + d.openEnds() + ", where L may be larger still" : "");
        if (noL) {
            out.curvature(mu, null, "mu " + where);
            out.note("no L: the Hessian's largest eigenvalue keeps growing toward the end of the domain " + s.steepensToward + " (from "
                    + Numbers.round(s.steepening[0], 6) + " to " + Numbers.round(s.steepening[1], 6) + " on samples approaching it), so "
                    + "the gradient is not Lipschitz on the domain and no fixed step size suits all of it: use a line search "
                    + "(lineSearch: true, or method: 'lbfgs')" + (smooth || gradientContinuous(f, d) ? "" : "; inside the domain, interval bounds could not rule out a kink either"));
        } else if (!smooth && gradientContinuous(f, d)) {
            // C¹ but not C² (huber): the gradient is Lipschitz with the largest curvature of the smooth pieces
            out.curvature(mu, clean(s.maxEig, scale), where + "; f is once but not twice differentiable here: its gradient is "
                    + "continuous and, where the Hessian exists, its eigenvalues are at most L, so the gradient is L-Lipschitz");
        } else if (!smooth) {
            out.curvature(mu, null, "mu " + where);
            // the interval bounds could not rule a kink out (log(exp(x) + exp(y)) over all of R² encloses its argument
            // as [0, ∞]): say what follows if there is one, never that there is one
            out.note((kinkNote == null ? "f may not be smooth on the domain" : kinkNote)
                    + " (interval bounds could not rule it out); where it has one, its gradient jumps, there is no L and no step "
                    + "size 1/L: use a subgradient method with a decreasing step, or a proximal method");
        } else {
            out.curvature(mu, clean(s.maxEig, scale), where);
        }
    }

    /** True when every component of ∇f is continuous on the box (f is C¹ there), as for huber. */
    private static boolean gradientContinuous(Expr f, Domain d) {
        if (d.dimension() > SymbolicHessian.LIMIT) return false;
        Enclosure e = Enclosure.overDomain(d);                 // an open end of the domain judged just inside it
        e.of(f);
        for (Expr g : Derivatives.gradient(f, d.layout())) e.of(g);
        return e.defined();
    }

    private static double clean(double v, double scale) {
        if (Math.abs(v) <= 1e-10 * Math.max(scale, 1e-300)) return 0;
        return v;
    }

    static String matrixText(double[][] m) {
        List<String> rows = new ArrayList<>();
        for (double[] row : m) {
            List<String> r = new ArrayList<>();
            for (double v : row) r.add(Numbers.round(v, 6));
            rows.add("[" + String.join(", ", r) + "]");
        }
        return "[" + String.join(", ", rows) + "]";
    }

    private static String nonSmoothNote(Enclosure enc) {
        Expr e = enc.firstNonSmooth();
        if (e == null) e = enc.firstUndefined();
        if (e == null) return null;
        return Dcp.show(e) + " may have a kink, a jump or an edge of its domain on the box";
    }

    /** One level of the proof, in words: what the top node is and the curvature of its parts. */
    static String explain(Expr f, Enclosure enc) {
        if (f instanceof Apply a && a.atom() instanceof Add) {
            List<String> parts = new ArrayList<>();
            for (Expr t : a.args()) {
                if (parts.size() == 4) {
                    parts.add("...");
                    break;
                }
                parts.add(Dcp.show(t) + " (" + Dcp.word(Dcp.analyze(t, enc).curvature()) + ")");
            }
            Curvature c = Dcp.analyze(f, enc).curvature();
            return "a sum of " + Dcp.word(c) + " terms: " + String.join(", ", parts);
        }
        NegativeEntropy entropy = NegativeEntropy.of(f);
        if (entropy != null && Dcp.analyze(entropy.argument(), enc).curvature().isAffine()) {
            return Dcp.show(f) + " is " + entropy.describe() + ": its second derivative in u, " + entropy.secondDerivative()
                    + ", is " + (entropy.scale() > 0 ? "positive" : "negative") + " for every u > 0, and u = " + Dcp.show(entropy.argument()) + " is affine";
        }
        QuadOverLin quad = QuadOverLin.of(f);
        if (quad != null && Dcp.analyze(quad.numerator(), enc).curvature().isAffine() && Dcp.analyze(f, enc).curvature() != Curvature.UNKNOWN) {
            return quad.describe(f, enc.signed(quad.denominator()).positive(), Dcp.word(Dcp.analyze(quad.denominator(), enc).curvature()));
        }
        EuclideanNorm norm = EuclideanNorm.of(f);
        if (norm != null && norm.bases().stream().allMatch(u -> Dcp.analyze(u, enc).curvature().isAffine())) return norm.describe(f);
        GeometricMean mean = GeometricMean.of(f);
        if (mean != null && Dcp.analyze(f, enc).curvature() == (mean.scale() > 0 ? Curvature.CONCAVE : Curvature.CONVEX)) return mean.describe(f);
        if (f instanceof Apply a && a.atom() instanceof Multiply && a.arg(0) instanceof Constant k && a.args().size() == 2) {
            Curvature inner = Dcp.analyze(a.arg(1), enc).curvature();
            return (k.value() > 0 ? "a positive" : "a negative") + " multiple of " + Dcp.show(a.arg(1)) + ", which is " + Dcp.word(inner)
                    + (inner != Curvature.CONVEX && inner != Curvature.CONCAVE ? ""   // no Hessian claimed: abs(…) has none at its kinks
                    : ", and a " + (k.value() > 0 ? "positive" : "negative") + " multiple of a " + Dcp.word(inner) + " function is " + Dcp.word(inner.scale(k.value())));
        }
        if (f instanceof SumOver s) return "a sum over " + s.index().name() + " of " + Dcp.word(Dcp.analyze(s.body(), enc).curvature()) + " terms";
        if (f instanceof VectorFunction vf) return vf.atom().name() + " of an affine argument";
        LogOfExponentials lse = LogOfExponentials.of(f);
        if (lse != null && !lse.single()) {
            List<String> parts = new ArrayList<>();
            for (Expr u : lse.exponents()) parts.add(Dcp.show(u) + " (" + Dcp.word(Dcp.analyze(u, enc).curvature()) + ")");
            return Dcp.show(f) + " is " + (lse.negated() ? "" : "the log-sum-exp ") + lse.asLogSumExp()
                    + (lse.negated() ? ", concave and decreasing" : ", convex and increasing") + " in each exponent, and its "
                    + (parts.size() == 1 ? "exponent " : "exponents ") + String.join(", ", parts) + (parts.size() == 1 ? " is" : " are")
                    + " convex or affine";
        }
        ReciprocalPower power = ReciprocalPower.of(f);
        if (power != null && enc.signed(power.base()).positive() && Dcp.analyze(f, enc).curvature() != Curvature.UNKNOWN) {
            return power.describe(f, Dcp.word(Dcp.analyze(power.base(), enc).curvature()));
        }
        if (f instanceof Apply a) {
            List<String> parts = new ArrayList<>();
            for (Expr x : a.args()) {
                parts.add(Dcp.show(x) + " (" + Dcp.word(Dcp.analyze(x, enc).curvature()) + ")");
            }
            Interval[] r = new Interval[a.args().size()];
            for (int i = 0; i < r.length; i++) r[i] = enc.signed(a.arg(i));
            Curvature own = a.atom().curvature(r, a.args());
            String name = a.atom().describe(a);
            return name + " is " + Dcp.word(own) + " here, applied to " + String.join(", ", parts)
                    + ", with the monotonicity the rules need";
        }
        return Dcp.show(f);
    }

    /** Collects the report's fields in SPEC order. */
    private static final class Builder {
        final Expr f;
        final Domain d;
        String verdict, certainty, reason, curvatureFrom, note;
        Boolean strict;
        Double mu, l;
        Secant below, above;

        Builder(Expr f, Domain d) {
            this.f = f;
            this.d = d;
        }

        Builder verdict(String v, String c, Boolean strict, String reason) {
            this.verdict = v;
            this.certainty = c;
            this.strict = strict;
            this.reason = reason;
            return this;
        }

        Builder curvature(Double mu, Double l, String from) {
            this.mu = mu;
            this.l = l;
            this.curvatureFrom = from;
            return this;
        }

        void note(String n) {
            note = note == null ? n : note + "; " + n;
        }

        void counterexamples(Secant below, Secant above) {
            this.below = below;
            this.above = above;
        }

        ConvexityReport build() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("expression", f.toString());
            m.put("verdict", verdict);
            m.put("strict", "neither".equals(verdict) || "unknown".equals(verdict) ? null : strict);
            m.put("certainty", certainty);
            m.put("reason", reason);
            m.put("domain", d.text);
            m.put("mu", mu);
            m.put("L", l);
            m.put("counterexample", below == null ? null : below.toMap(d.layout));
            if (above != null) m.put("concavityCounterexample", above.toMap(d.layout));
            List<Map<String, Object>> all = new ArrayList<>();
            if (below != null) all.add(witness(below, "convexity"));
            if (above != null) all.add(witness(above, "concavity"));
            if (!all.isEmpty()) m.put("counterexamples", all);
            if (curvatureFrom != null) m.put("curvatureFrom", curvatureFrom);
            if ("convex".equals(verdict) && l != null && l > 0 && Double.isFinite(l)) {
                m.put("stepSize", 1 / l);
                if (mu != null && mu > 0) {
                    m.put("condition", l / mu);
                    m.put("rate", 1 - mu / l);
                }
            }
            if (note != null) m.put("note", note);
            return new ConvexityReport(m);
        }

        /** One checked secant of {@code counterexamples}: what it refutes, then a, b, t, gap (and where). */
        private Map<String, Object> witness(Secant s, String refutes) {
            Map<String, Object> w = new LinkedHashMap<>();
            w.put("refutes", refutes);
            w.putAll(s.toMap(d.layout));
            return w;
        }
    }
}
