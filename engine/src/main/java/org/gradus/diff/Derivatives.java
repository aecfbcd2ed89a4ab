package org.gradus.diff;

import org.gradus.atoms.Ops;
import org.gradus.atoms.array.ArrayOps;
import org.gradus.expr.Dependence;
import org.gradus.expr.VariableBlock;
import org.gradus.expr.VectorVariable;
import java.util.Map;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;

import java.util.ArrayList;
import java.util.List;

/** Gradients, Hessians and directional derivatives, all as exact expressions. */
public final class Derivatives {
    private Derivatives() {
    }

    /**
     * ∂f/∂c for every coordinate c of the layout, in layout order. An expression with arrays is
     * differentiated by reverse mode over whole arrays ({@link Adjoints}); coordinate k of a vector or
     * matrix variable is then element k of its block's adjoint.
     */
    public static List<Expr> gradient(Expr f, Layout layout) {
        List<Expr> out = new ArrayList<>(layout.dimension());
        if (Dependence.hasArrays(f)) {
            List<Expr> blocks = blockGradient(f, layout);
            for (int b = 0; b < blocks.size(); b++) {
                Expr g = blocks.get(b);
                int size = layout.blocks().get(b).size();
                if (!(layout.blocks().get(b) instanceof VectorVariable)) out.add(g);
                else for (int k = 0; k < size; k++) out.add(g.isArray() ? ArrayOps.index(g, Constant.of(k)) : g);
            }
            return out;
        }
        for (int i = 0; i < layout.dimension(); i++) out.add(Differentiator.partial(f, layout.coordinate(i)));
        return out;
    }

    /**
     * The gradient by variable block, in layout order: ∂f/∂x for a scalar variable, and for a vector or
     * matrix variable one array expression of its shape ({@code 2*(A.T * (A * v))}), or 0 where f does not
     * depend on the block. Exact, by reverse mode over whole arrays.
     */
    public static List<Expr> blockGradient(Expr f, Layout layout) {
        Map<VariableBlock, Expr> adj = Adjoints.of(f);
        List<Expr> out = new ArrayList<>();
        for (VariableBlock b : layout.blocks()) {
            Expr g = adj.get(b);
            if (g == null) g = Constant.ZERO;
            if (b instanceof VectorVariable v && !g.isArray()) g = g.isConstant(0) ? g : ArrayOps.fill(g, v.shape());
            out.add(g);
        }
        return out;
    }

    /** The symmetric matrix of second partials ∂²f/∂cᵢ∂cⱼ. */
    public static Expr[][] hessian(Expr f, Layout layout) {
        return hessianOfGradient(gradient(f, layout), layout);
    }

    public static Expr[][] hessianOfGradient(List<Expr> gradient, Layout layout) {
        int n = layout.dimension();
        Expr[][] h = new Expr[n][n];
        boolean arrays = false;
        for (Expr g : gradient) arrays |= Dependence.hasArrays(g);
        if (arrays) { // one reverse sweep per row
            for (int i = 0; i < n; i++) {
                List<Expr> row = gradient(gradient.get(i), layout);
                for (int j = i; j < n; j++) {
                    h[i][j] = row.get(j);
                    h[j][i] = h[i][j];
                }
            }
            return h;
        }
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
