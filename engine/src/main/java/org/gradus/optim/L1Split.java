package org.gradus.optim;

import org.gradus.atoms.Abs;
import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.L2;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Ops;
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
 * An objective split as smooth(x) + Σ λᵢ|xᵢ| for proximal methods: the top-level terms
 * {@code c·l1(w)}, {@code c·norm1(w)}, {@code c·abs(x)} and the l1 part of {@code c·elasticNet(w, α)} with
 * c &gt; 0 and w a vector variable (x a variable) become weights λ; everything else is the smooth part.
 */
public record L1Split(Expr smooth, double[] weights) {

    /** The split of f over the layout, or null when f has no such l1 term. */
    public static L1Split of(Expr f, Layout layout) {
        List<Expr> terms = f instanceof Apply a && a.atom() instanceof Add ? a.args() : List.of(f);
        double[] w = new double[layout.dimension()];
        List<Expr> rest = new ArrayList<>();
        boolean found = false;
        for (Expr term : terms) {
            double c = 1;
            Expr core = term;
            if (term instanceof Apply m && m.atom() instanceof Multiply && m.args().size() == 2 && m.arg(0) instanceof Constant k) {
                c = k.value();
                core = m.arg(1);
            }
            if (c > 0 && core instanceof VectorFunction vf && vf.operands().size() == 1 && vf.operands().get(0) instanceof VectorVariable v
                    && layout.contains(v)) {
                double[] penalty = vf.atom().l1l2Weights(); // λ·Σ|vᵢ| + μ·Σvᵢ² (l1, norm1, elasticNet)
                if (penalty != null) {
                    double lam = c * penalty[0];
                    int off = layout.offset(v);
                    for (int k = 0; k < v.size(); k++) w[off + k] += lam;
                    found = true;
                    if (penalty[1] != 0) rest.add(Ops.mul(Constant.of(c * penalty[1]), new VectorFunction(L2.INSTANCE, vf.operands())));
                    continue;
                }
            }
            if (c > 0 && core instanceof Apply ab && ab.atom() instanceof Abs) {
                Expr arg = ab.arg(0);
                int index = -1;
                if (arg instanceof Variable v && layout.contains(v)) index = layout.offset(v);
                else if (arg instanceof Element el && el.constantIndex() >= 0 && layout.contains(el.vector())) {
                    index = layout.offset(el.vector()) + el.constantIndex();
                }
                if (index >= 0) {
                    w[index] += c;
                    found = true;
                    continue;
                }
            }
            rest.add(term);
        }
        return found ? new L1Split(Ops.add(rest), w) : null;
    }
}
