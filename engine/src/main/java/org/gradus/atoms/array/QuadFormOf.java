package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Ops;
import org.gradus.atoms.Psd;
import org.gradus.expr.ConstantArray;
import org.gradus.expr.Dependence;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;

import java.util.List;

/**
 * {@code quadForm(v, M)} = vᵀMv where M may be a variable matrix or any matrix expression. Its
 * vector–Jacobian products: v̄ = ḡ(M + Mᵀ)v, M̄ = ḡ·v vᵀ. With a constant M its curvature is that of
 * M + Mᵀ (decided exactly); with a constant v it is linear in M; with both varying the rules cannot judge it.
 */
public final class QuadFormOf extends ArrayOp {
    public static final QuadFormOf INSTANCE = new QuadFormOf();

    @Override
    public String name() {
        return "quadForm";
    }

    @Override
    public Shape shape(List<Expr> args) {
        Expr v = args.get(0), m = args.get(1);
        Shapes.requireVector("quadForm", v);
        int n = v.shape().rows();
        if (!m.shape().isMatrix() || m.shape().rows() != n || m.shape().columns() != n) {
            throw new IllegalArgumentException(Shapes.mismatch(v, m) + "; quadForm(v, M) needs an " + n + "×" + n + " matrix for a vector of " + n);
        }
        return Shape.SCALAR;
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        Expr v = args.get(0), m = args.get(1);
        if (k == 1) return Ops.mul(g, ArrayOps.outer(v, v));
        return Ops.mul(g, ArrayOps.product(Ops.add(m, ArrayOps.transpose(m)), v));
    }

    @Override
    public Curvature curvature(List<Expr> args) {
        Expr v = args.get(0), m = args.get(1);
        if (!Dependence.dependsOnVariables(v)) return Curvature.AFFINE;
        if (Dependence.dependsOnVariables(m) || !(m instanceof ConstantArray c)) return Curvature.UNKNOWN;
        Psd.Kind kind = Psd.classify(symmetric(c));
        return switch (kind) {
            case ZERO -> Curvature.AFFINE;
            case PSD -> Curvature.CONVEX;
            case NSD -> Curvature.CONCAVE;
            default -> Curvature.UNKNOWN;
        };
    }

    @Override
    public String curvatureFailure(List<Expr> args) {
        if (args.get(1) instanceof ConstantArray c) {
            return "M + Mᵀ is not semidefinite (eigenvalues " + Psd.eigenText(symmetric(c)) + "), so the quadratic form is neither convex nor concave";
        }
        return "vᵀMv with both v and M depending on variables is not affine, convex or concave in them together";
    }

    private static double[][] symmetric(ConstantArray c) {
        int n = c.shape().rows();
        double[][] s = new double[n][n];
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) s[i][j] = 0.5 * (c.get(i * n + j) + c.get(j * n + i));
        return s;
    }

    @Override
    public Interval range(List<Expr> args, Interval[] ranges) {
        int n = args.get(0).shape().rows();
        return ranges[0].times(ranges[0]).times(ranges[1]).times(Interval.point((double) n * n));
    }
}
