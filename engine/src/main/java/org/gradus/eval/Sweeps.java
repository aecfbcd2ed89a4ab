package org.gradus.eval;

import org.gradus.atoms.UnaryAtom;

import java.util.Arrays;

import static org.gradus.eval.Opcode.*;

/**
 * The interpreter: the forward sweep (values) and the reverse sweep (adjoints) of a {@link Program}
 * over its tape, one instruction at a time, with the rules of {@link Opcode}. It is the reference the
 * compiled kernels are tested against, and the fallback for anything not compiled.
 */
final class Sweeps {
    private Sweeps() {
    }

    /**
     * The forward sweep. With grad != null, a LOOP whose adjoint is the constant {@code fusedSeed}
     * also adds scale·fusedSeed·∇body into grad, in the same pass over its range.
     */
    static void forward(Program p, double[] x, double[] grad, double scale) {
        final Tape t = p.tape;
        final byte[] op = t.op;
        final int[] a = t.a, b = t.b;
        final double[] k = t.k, val = p.val;
        final int[] env = p.env;
        for (int i = 0; i < t.size; i++) {
            switch (op[i]) {
                case CONST -> val[i] = k[i];
                case VAR -> val[i] = x[a[i]];
                case INDEX -> val[i] = env[a[i]];
                case ELEM -> val[i] = x[a[i] + index(val[b[i]], (int) k[i])];
                case LOOKUP -> {
                    double[] d = t.table[i];
                    val[i] = d != null ? d[index(val[b[i]], d.length)] : t.floats[i][index(val[b[i]], t.floats[i].length)];
                }
                case ADD -> val[i] = val[a[i]] + val[b[i]];
                case ADDC -> val[i] = val[a[i]] + k[i];
                case ADDN -> {
                    double s = 0;
                    for (int j : t.args[i]) s += val[j];
                    val[i] = s;
                }
                case MUL -> val[i] = val[a[i]] * val[b[i]];
                case MULC -> val[i] = val[a[i]] * k[i];
                case MULN -> {
                    double prod = 1;
                    for (int j : t.args[i]) prod *= val[j];
                    val[i] = prod;
                }
                case DIV -> val[i] = val[a[i]] / val[b[i]];
                case SQ -> val[i] = square(val[a[i]]);
                case POWC -> val[i] = power(val[a[i]], k[i]);
                case POW -> val[i] = power(val[a[i]], val[b[i]]);
                case UNARY -> val[i] = ((UnaryAtom) t.atom[i]).apply(val[a[i]]);
                case GENERIC -> val[i] = t.atom[i].value(argumentValues(p, i));
                case DOT -> val[i] = t.table[i] != null ? DotProducts.dot(x, a[i], t.table[i], dotStart(p, i), (int) k[i])
                        : DotProducts.dot(x, a[i], t.floats[i], dotStart(p, i), (int) k[i]);
                case LOOP -> val[i] = grad != null && t.fused(i)
                        ? Loops.sumFused(p, i, x, grad, t.fusedSeed[i] * scale) : Loops.sum(p, i, x);
                default -> {
                    if (!Opcode.isArray(op[i])) throw new IllegalStateException("bad opcode " + op[i]);
                    ArraySweeps.forward(p, i, x);
                }
            }
        }
    }

    /** One evaluation of a loop body: its value, and seed·∇body added into grad. */
    static double valueAndGradient(Program p, double[] x, double[] grad, double seed) {
        forward(p, x, grad, seed);
        int out = p.tape.output();
        double v = p.val[out];
        Arrays.fill(p.adj, 0);
        p.clearArrayAdjoints();
        p.adj[out] = seed;
        backward(p, x, grad, true);
        return v;
    }

    /**
     * The reverse sweep from the adjoints already seeded in {@code p.adj}; coordinates' adjoints go
     * into grad. With fusedDone, loops that added their gradient in the forward sweep are skipped.
     */
    static void backward(Program p, double[] x, double[] grad, boolean fusedDone) {
        final Tape t = p.tape;
        final byte[] op = t.op;
        final int[] a = t.a, b = t.b;
        final double[] k = t.k, val = p.val, adj = p.adj;
        final boolean[] needsGradient = t.needsGradient;
        for (int i = t.size - 1; i >= 0; i--) {
            double g = adj[i];
            if (g == 0 && t.len[i] == 0 || !needsGradient[i]) continue;
            switch (op[i]) {
                case VAR -> grad[a[i]] += g;
                case ELEM -> grad[a[i] + (int) val[b[i]]] += g;
                case ADD -> {
                    adj[a[i]] += g;
                    adj[b[i]] += g;
                }
                case ADDC -> adj[a[i]] += g;
                case ADDN -> {
                    for (int j : t.args[i]) adj[j] += g;
                }
                case MUL -> {
                    adj[a[i]] += scaled(g, val[b[i]]);
                    adj[b[i]] += scaled(g, val[a[i]]);
                }
                case MULC -> adj[a[i]] += scaled(g, k[i]);
                case MULN -> {
                    int[] ai = t.args[i];
                    for (int j = 0; j < ai.length; j++) {
                        double prod = g;
                        for (int m = 0; m < ai.length; m++) if (m != j) prod *= val[ai[m]];
                        adj[ai[j]] += prod;
                    }
                }
                case DIV -> {
                    adj[a[i]] += quotientNumerator(g, val[b[i]]);
                    adj[b[i]] -= quotientDenominator(g, val[i], val[b[i]]);
                }
                case SQ -> adj[a[i]] += squareSlope(g, val[a[i]]);
                case POWC -> adj[a[i]] += powerSlope(g, val[a[i]], k[i]);
                case POW -> {
                    adj[a[i]] += powBase(g, val[a[i]], val[b[i]]);
                    adj[b[i]] += powExponent(g, val[a[i]], val[i]);
                }
                case UNARY -> adj[a[i]] += scaled(g, ((UnaryAtom) t.atom[i]).slope(val[a[i]], val[i]));
                case GENERIC -> {
                    double[] av = argumentValues(p, i);
                    int[] ai = t.args[i];
                    for (int j = 0; j < ai.length; j++) adj[ai[j]] += scaled(g, t.atom[i].derivative(j, av, val[i]));
                }
                case DOT -> {
                    if (t.table[i] != null) DotProducts.addScaled(grad, a[i], g, t.table[i], (int) val[b[i]] + t.from[i], (int) k[i]);
                    else DotProducts.addScaled(grad, a[i], g, t.floats[i], (int) val[b[i]] + t.from[i], (int) k[i]);
                }
                case LOOP -> {
                    if (!(fusedDone && !Double.isNaN(t.fusedSeed[i]))) Loops.backward(p, i, x, grad, g);
                }
                default -> {
                    if (Opcode.isArray(op[i])) ArraySweeps.backward(p, i, x, grad);
                }
            }
        }
    }

    private static int dotStart(Program p, int i) {
        Tape t = p.tape;
        return DotProducts.start(p.val[t.b[i]], t.from[i], (int) t.k[i], t.tableLength(i));
    }

    private static double[] argumentValues(Program p, int i) {
        double[] av = p.argValues[i];
        int[] ai = p.tape.args[i];
        for (int j = 0; j < ai.length; j++) av[j] = p.val[ai[j]];
        return av;
    }
}
