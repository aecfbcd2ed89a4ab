package org.gradus.atoms.array;

import org.gradus.atoms.Curvature;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Monotonicity;
import org.gradus.atoms.Ops;
import org.gradus.atoms.VectorAtom;
import org.gradus.expr.Dependence;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;

import java.util.List;
import java.util.Objects;

/**
 * A function of whole vectors ({@code dot}, {@code norm1}, {@code norm2}, {@code sumsq}, {@code l1},
 * {@code l2}, {@code elasticNet}) applied to array expressions — {@code l2(W * x - y)},
 * {@code dot(w2, tanh(h))} — rather than to variables: the {@link VectorAtom} gives the value and
 * gradient over whole arrays (a matrix counts as its elements) and its curvature for affine operands.
 */
public final class VectorAtomOp extends ArrayOp {
    private final VectorAtom atom;

    public VectorAtomOp(VectorAtom atom) {
        this.atom = atom;
    }

    public VectorAtom atom() {
        return atom;
    }

    @Override
    public String name() {
        return atom.name();
    }

    @Override
    public Shape shape(List<Expr> args) {
        if (args.size() != atom.arity()) throw new IllegalArgumentException(atom.name() + " takes " + atom.arity() + " vector(s), got " + args.size());
        Expr first = args.get(0);
        for (Expr e : args) {
            if (e.shape().isScalar()) throw new IllegalArgumentException(atom.name() + " needs vectors, but " + Shapes.describe(e) + " is a scalar");
            if (!e.shape().equals(first.shape())) throw new IllegalArgumentException(Shapes.mismatch(first, e) + "; " + atom.name() + " needs arrays of one shape");
        }
        return Shape.SCALAR;
    }

    @Override
    public Expr adjoint(int k, List<Expr> args, Expr self, Expr g) {
        return Ops.mul(g, atom.gradient(k, args, self));
    }

    /** The atom's curvature of affine operands; without one (dot), affine when one operand is constant. */
    @Override
    public Curvature curvature(List<Expr> args) {
        Curvature c = atom.curvatureOfAffine();
        if (c != null) return c;
        int varying = 0;
        for (Expr e : args) if (Dependence.dependsOnVariables(e)) varying++;
        return varying <= 1 ? Curvature.AFFINE : Curvature.UNKNOWN;
    }

    /** dot increases in one operand where the other is nonnegative; the norms are not monotone. */
    @Override
    public Monotonicity monotonicity(int k, List<Expr> args, Interval[] ranges) {
        if (atom.curvatureOfAffine() != null || args.size() != 2) return Monotonicity.NONMONOTONE;
        Interval other = ranges[1 - k];
        if (other.nonnegative()) return Monotonicity.INCREASING;
        if (other.nonpositive()) return Monotonicity.DECREASING;
        return Monotonicity.NONMONOTONE;
    }

    @Override
    public String curvatureFailure(List<Expr> args) {
        return atom.curvatureOfAffine() == null
                ? atom.name() + " of two expressions that both depend on variables is not affine in both together"
                : atom.curvatureFailure();
    }

    @Override
    public Interval range(List<Expr> args, Interval[] ranges) {
        int n = args.get(0).shape().size();
        if (atom.curvatureOfAffine() == null && args.size() == 2) return ranges[0].times(ranges[1]).times(Interval.point(n));
        return Interval.ALL;
    }

    @Override
    public boolean smoothOn(List<Expr> args, Interval[] ranges) {
        return atom.smooth();
    }

    @Override
    protected List<String> printedParameters() {
        return atom.printedParameters();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VectorAtomOp v && v.atom.equals(atom);
    }

    @Override
    public int hashCode() {
        return Objects.hash(VectorAtomOp.class, atom);
    }
}
