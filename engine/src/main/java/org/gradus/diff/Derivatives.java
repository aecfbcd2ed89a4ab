package org.gradus.diff;

import org.gradus.atoms.Ops;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;

import java.util.ArrayList;
import java.util.List;

/** Gradients, Hessians and directional derivatives, all as exact expressions. */
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
}
