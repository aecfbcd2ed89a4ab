package org.gradus.atoms;

import org.gradus.expr.Expr;
import org.gradus.expr.Vec;

import java.util.List;

/** The inner product aᵀb: affine when one operand is constant, otherwise judged by its scalar form. */
public final class Dot extends VectorAtom {
    public static final Dot INSTANCE = new Dot();
    public static final FunctionWord WORD = FunctionWord.named("dot").vector("a").vector("b")
            .help("inner product of two vectors").example("dot(w, [1, 2, 3])")
            .builds(a -> applied(INSTANCE, a, 2));

    @Override
    public String name() {
        return "dot";
    }

    @Override
    public int arity() {
        return 2;
    }

    @Override
    public double value(double[][] x) {
        double s = 0;
        for (int i = 0; i < x[0].length; i++) s += x[0][i] * x[1][i];
        return s;
    }

    @Override
    public double[] gradient(int k, double[][] x) {
        return x[1 - k].clone();
    }

    @Override
    public Expr gradient(int k, List<Expr> operands, Expr self) {
        return operands.get(1 - k);
    }

    @Override
    public boolean smooth() {
        return true;
    }

    @Override
    protected Expr summand(List<Vec> v, Expr i) {
        return Ops.mul(v.get(0).get(i), v.get(1).get(i));
    }
}
