package org.gradus.diff;

import org.gradus.eval.Program;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Ops;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Gradients, Hessians, directional derivatives and Taylor approximations, all as exact expressions. */
public final class Derivatives {
    private Derivatives() {
    }

    /** ∂f/∂c for every coordinate c of the layout, in layout order. */
    public static List<Expr> gradient(Expr f, Layout layout) {
        List<Expr> out = new ArrayList<>(layout.dimension());
        for (int i = 0; i < layout.dimension(); i++) out.add(Differentiator.partial(f, layout.coordinate(i)));
        return out;
    }

    /** The symmetric matrix of second partials ∂²f/∂cᵢ∂cⱼ. */
    public static Expr[][] hessian(Expr f, Layout layout) {
        return hessianOfGradient(gradient(f, layout), layout);
    }

    public static Expr[][] hessianOfGradient(List<Expr> gradient, Layout layout) {
        int n = layout.dimension();
        Expr[][] h = new Expr[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = i; j < n; j++) {
                h[i][j] = Differentiator.partial(gradient.get(i), layout.coordinate(j));
                h[j][i] = h[i][j];
            }
        }
        return h;
    }

    /** ∇f · u/‖u‖ as an expression; u has one entry per coordinate. */
    public static Expr directional(Expr f, Layout layout, double[] u) {
        if (u.length != layout.dimension()) {
            throw new IllegalArgumentException("the direction has " + u.length + " entries, but " + f + " has "
                    + layout.dimension() + " coordinates " + layout.coordinateNames());
        }
        double norm = 0;
        for (double v : u) norm += v * v;
        norm = Math.sqrt(norm);
        if (norm == 0) throw new IllegalArgumentException("the direction is the zero vector; a direction needs a length");
        List<Expr> g = gradient(f, layout);
        List<Expr> terms = new ArrayList<>();
        for (int i = 0; i < u.length; i++) terms.add(Ops.mul(Constant.of(u[i] / norm), g.get(i)));
        return Ops.add(terms);
    }

    /**
     * The Taylor polynomial of f at the point {@code at} (variable name → value) of order 1 (the
     * tangent) or 2: f(a) + ∇f(a)·(x − a) [+ ½(x − a)ᵀ∇²f(a)(x − a)].
     */
    public static Expr taylor(Expr f, Layout layout, Map<String, ?> at, int order) {
        if (order != 1 && order != 2) throw new IllegalArgumentException("taylor's order must be 1 or 2, got " + order);
        double[] a = layout.fromNames(at, null);
        int n = layout.dimension();
        List<Expr> grad = gradient(f, layout);
        List<Expr> parts = new ArrayList<>(grad);
        parts.add(0, f);
        Expr[][] h = order == 2 ? hessianOfGradient(grad, layout) : null;
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
