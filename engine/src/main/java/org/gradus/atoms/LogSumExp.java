package org.gradus.atoms;

import org.gradus.expr.Expr;

import java.util.ArrayList;
import java.util.List;

/** log(e**a + e**b + ...), computed with the maximum shifted out: convex and increasing in every argument. */
public final class LogSumExp extends Atom {
    public static final LogSumExp INSTANCE = new LogSumExp();
    /** {@code logsumexp(a, b, ...)} of scalars, or {@code logsumexp(v)} of a vector ({@link VectorLogSumExp}). */
    public static final FunctionWord WORD = FunctionWord.named("logsumexp").exprs("a").orVector("v")
            .signature("logsumexp(a, b, ...) or logsumexp(v)")
            .help("log(exp(a) + exp(b) + ...), computed stably").example("logsumexp(x, y, 0)")
            .builds(a -> {
                if (a.size() == 1 && (a.isVectorLike(0) || a.isArrayExpression(0))) return org.gradus.atoms.array.ArrayOps.logSumExp(a.array(0));
                if (a.size() == 0) throw new IllegalArgumentException("logsumexp needs at least one argument");
                return Ops.apply(INSTANCE, a.exprsFrom(0));
            });

    @Override
    public String name() {
        return "logsumexp";
    }

    @Override
    public int arity() {
        return -1;
    }

    @Override
    public double value(double[] a) {
        double m = Double.NEGATIVE_INFINITY;
        for (double v : a) m = Math.max(m, v);
        if (Double.isInfinite(m)) return m;
        double s = 0;
        for (double v : a) s += Math.exp(v - m);
        return m + Math.log(s);
    }

    @Override
    /**
     * softmax_k = 1/Σⱼ exp(aⱼ − aₖ) (sigmoid(aₖ − aⱼ) for two arguments): the same as exp(aₖ − logsumexp), but
     * its own derivative has no difference of nearly equal terms (the Hessian of logsumexp(exp(x), 0) at
     * x = 40 is e^40, not 0).
     */
    public Expr derivative(int k, List<Expr> args, Expr self) {
        if (args.size() == 2) return Ops.apply(Sigmoid.INSTANCE, Ops.sub(args.get(k), args.get(1 - k)));
        List<Expr> terms = new java.util.ArrayList<>();
        for (int j = 0; j < args.size(); j++) terms.add(j == k ? org.gradus.expr.Constant.ONE : Ops.exp(Ops.sub(args.get(j), args.get(k))));
        return Ops.div(org.gradus.expr.Constant.ONE, Ops.add(terms));
    }

    @Override
    public double derivative(int k, double[] a, double out) {
        return Math.exp(a[k] - out);
    }

    @Override
    public Interval range(Interval[] args) {
        double[] lo = new double[args.length], hi = new double[args.length];
        for (int i = 0; i < args.length; i++) {
            lo[i] = args[i].lo();
            hi[i] = args[i].hi();
        }
        return new Interval(value(lo), value(hi));
    }

    @Override
    public Curvature curvature(Interval[] args, List<Expr> argExprs) {
        return Curvature.CONVEX;
    }

    @Override
    public Monotonicity monotonicity(int k, Interval[] args, List<Expr> argExprs) {
        return Monotonicity.INCREASING;
    }

    @Override
    public String latex(List<String> args) {
        List<String> terms = new ArrayList<>();
        for (String a : args) terms.add("e^{" + a + "}");
        return "\\log\\left(" + String.join(" + ", terms) + "\\right)";   // log(e^{x} + e^{y}), as written in the lectures
    }

    /** log(exp(a) + exp(b) + ...). */
    @Override
    public Expr definition(List<Expr> args) {
        java.util.List<Expr> terms = new java.util.ArrayList<>();
        for (Expr a : args) terms.add(Ops.exp(a));
        return Ops.log(Ops.add(terms));
    }
}
