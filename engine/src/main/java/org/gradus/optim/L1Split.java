package org.gradus.optim;

import org.gradus.atoms.Abs;
import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.L2;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Ops;
import org.gradus.atoms.ScaledTerms;
import org.gradus.atoms.VectorFunction;
import org.gradus.expr.Constant;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Variable;
import org.gradus.expr.VectorVariable;

import java.util.ArrayList;
import java.util.List;

/**
 * An objective split as smooth(x) + Σ λᵢ|xᵢ − cᵢ| for proximal methods: the top-level terms (a constant multiple of a
 * sum counts as its terms, each multiplied: {@code 0.5*(abs(x) + abs(y))})
 * {@code c·l1(w)}, {@code c·norm1(w)}, {@code c·abs(x)} and the l1 part of {@code c·elasticNet(w, α)} with
 * c &gt; 0 and w a vector variable (x a variable) become weights λ; so does {@code c·abs(k·x + a)} of one coordinate
 * (λ = c·|k| about the centre −a/k: {@code abs(x - 1)}, {@code 2*abs(1 - w[0])}), where that coordinate has no term
 * about another centre. Everything else is the smooth part.
 */
public record L1Split(Expr smooth, double[] weights, double[] centres) {

    /** No l1 terms: the whole of f is smooth. */
    public L1Split(Expr smooth, double[] weights) {
        this(smooth, weights, new double[weights.length]);
    }

    /** The split of f over the layout, or null when f has no such l1 term. */
    public static L1Split of(Expr f, Layout layout) {
        ScaledTerms terms = ScaledTerms.of(f);
        List<Expr> cores = terms.cores();
        List<Double> coefficients = terms.coefficients();
        double[] w = new double[layout.dimension()];
        double[] centres = new double[layout.dimension()];
        List<Expr> rest = new ArrayList<>();
        boolean found = false;
        for (int t = 0; t < cores.size(); t++) {
            double c = coefficients.get(t);
            Expr core = cores.get(t);
            Expr term = c == 1 ? core : Ops.mul(Constant.of(c), core);
            if (c > 0 && core instanceof VectorFunction vf && vf.operands().size() == 1 && vf.operands().get(0) instanceof VectorVariable v
                    && layout.contains(v)) {
                double[] penalty = vf.atom().l1l2Weights(); // λ·Σ|vᵢ| + μ·Σvᵢ² (l1, norm1, elasticNet)
                int off = layout.offset(v);
                boolean uncentred = true;
                for (int k = 0; k < v.size(); k++) uncentred &= w[off + k] == 0 || centres[off + k] == 0;
                if (penalty != null && uncentred) {
                    double lam = c * penalty[0];
                    for (int k = 0; k < v.size(); k++) w[off + k] += lam;
                    found = true;
                    if (penalty[1] != 0) rest.add(Ops.mul(Constant.of(c * penalty[1]), new VectorFunction(L2.INSTANCE, vf.operands())));
                    continue;
                }
            }
            if (c > 0 && core instanceof Apply ab && ab.atom() instanceof Abs) {
                Line line = Line.of(ab.arg(0), layout);
                if (line != null && line.index() >= 0 && line.slope() != 0) {
                    double centre = 0.0 - line.offset() / line.slope();   // 0, not -0.0, for abs(x)
                    int i = line.index();
                    if (Double.isFinite(centre) && (w[i] == 0 || centres[i] == centre)) {
                        w[i] += c * Math.abs(line.slope());
                        centres[i] = centre;
                        found = true;
                        continue;
                    }
                }
            }
            rest.add(term);
        }
        return found ? new L1Split(Ops.add(rest), w, centres) : null;
    }

    /** k·xᵢ + a for one coordinate i of the layout (index −1: a constant). */
    private record Line(int index, double slope, double offset) {
        static Line of(Expr e, Layout layout) {
            if (e instanceof Constant k) return new Line(-1, 0, k.value());
            if (e instanceof Variable v && layout.contains(v)) return new Line(layout.offset(v), 1, 0);
            if (e instanceof Element el && el.constantIndex() >= 0 && layout.contains(el.vector())) {
                return new Line(layout.offset(el.vector()) + el.constantIndex(), 1, 0);
            }
            if (!(e instanceof Apply a)) return null;
            if (a.atom() instanceof Multiply && a.args().size() == 2 && a.arg(0) instanceof Constant k) {
                Line inner = of(a.arg(1), layout);
                return inner == null ? null : new Line(inner.index, k.value() * inner.slope, k.value() * inner.offset);
            }
            if (a.atom() instanceof Add) {
                int index = -1;
                double slope = 0, offset = 0;
                for (Expr t : a.args()) {
                    Line l = of(t, layout);
                    if (l == null || (l.index >= 0 && index >= 0 && l.index != index)) return null;
                    if (l.index >= 0) index = l.index;
                    slope += l.slope;
                    offset += l.offset;
                }
                return new Line(index, slope, offset);
            }
            return null;
        }
    }
}
