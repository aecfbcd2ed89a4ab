package org.gradus.calculus;

import org.gradus.atoms.Ops;
import org.gradus.diff.Derivatives;
import org.gradus.eval.Program;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Taylor approximations of a function at a point, as exact expressions. */
public final class Taylor {
    private Taylor() {
    }

    /**
     * The Taylor polynomial of f at the point {@code at} (variable name → value) of order 1 (the
     * tangent) or 2: f(a) + ∇f(a)·(x − a) [+ ½(x − a)ᵀ∇²f(a)(x − a)].
     */
    public static Expr polynomial(Expr f, Layout layout, Map<String, ?> at, int order) {
        if (order != 1 && order != 2) throw new IllegalArgumentException("taylor's order must be 1 or 2, got " + order);
        double[] a = layout.fromNames(at, null);
        int n = layout.dimension();
        List<Expr> grad = Derivatives.gradient(f, layout);
        List<Expr> parts = new ArrayList<>(grad);
        parts.add(0, f);
        Expr[][] h = order == 2 ? Derivatives.hessianOfGradient(grad, layout) : null;
        if (h != null) for (Expr[] row : h) parts.addAll(List.of(row));
        double[] v = new double[parts.size()];
        Program.compile(parts, layout).values(a, v);
        List<Expr> terms = new ArrayList<>();
        terms.add(Constant.of(v[0]));
        List<Expr> dx = new ArrayList<>();
        for (int i = 0; i < n; i++) dx.add(Ops.sub(layout.coordinate(i), Constant.of(a[i])));
        for (int i = 0; i < n; i++) terms.add(Ops.mul(Constant.of(v[1 + i]), dx.get(i)));
        if (h != null) {
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    double hij = v[1 + n + i * n + j];
                    terms.add(Ops.mul(Constant.of(0.5 * hij), dx.get(i), dx.get(j)));
                }
            }
        }
        return Ops.add(terms);
    }
}
