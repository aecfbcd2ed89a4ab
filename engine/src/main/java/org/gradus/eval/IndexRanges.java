package org.gradus.eval;

import static org.gradus.eval.Opcode.ADD;
import static org.gradus.eval.Opcode.ADDC;
import static org.gradus.eval.Opcode.CONST;
import static org.gradus.eval.Opcode.INDEX;
import static org.gradus.eval.Opcode.MUL;
import static org.gradus.eval.Opcode.MULC;

/**
 * Index arithmetic on a loop's own index ({@code 2*i + 1}) that can be done in {@code int}: every
 * operand an integer constant or the index, and the range of the result over the loop known at compile
 * time and inside the int range (then int arithmetic is exact, as the interpreter's doubles are). An
 * element index whose range lies within its vector needs no bounds check.
 */
final class IndexRanges {
    /** Per instruction: computed in int, and the least and greatest value it takes over the loop. */
    final boolean[] isInt;
    final double[] lo;
    final double[] hi;
    /**
     * Per int instruction: how much its value grows when the loop index grows by one, where it is an
     * affine function of the index ({@code 101*i + 3} grows by 101); NaN where it is not.
     */
    final double[] step;

    /** The ranges of the instructions of a loop body over index slot {@code slot} running over [from, to). */
    IndexRanges(Tape t, int slot, int from, int to) {
        int size = t.size;
        isInt = new boolean[size];
        lo = new double[size];
        hi = new double[size];
        step = new double[size];
        byte[] op = t.op;
        int[] a = t.a, b = t.b;
        double[] k = t.k;
        for (int j = 0; j < size; j++) {
            double l = 0, h = 0, d = Double.NaN;
            boolean ok = false;
            switch (op[j]) {
                case CONST -> {
                    ok = integral(k[j]);
                    l = h = k[j];
                    d = 0;
                }
                case INDEX -> {
                    ok = a[j] == slot;
                    d = 1;
                    l = from;
                    h = Math.max(from, to - 1);
                }
                case ADDC -> {
                    ok = isInt[a[j]] && integral(k[j]);
                    d = step[a[j]];
                    l = lo[a[j]] + k[j];
                    h = hi[a[j]] + k[j];
                }
                case MULC -> {
                    ok = isInt[a[j]] && integral(k[j]);
                    d = step[a[j]] * k[j];
                    double u = lo[a[j]] * k[j], v = hi[a[j]] * k[j];
                    l = Math.min(u, v);
                    h = Math.max(u, v);
                }
                case ADD -> {
                    ok = isInt[a[j]] && isInt[b[j]];
                    d = step[a[j]] + step[b[j]];
                    l = lo[a[j]] + lo[b[j]];
                    h = hi[a[j]] + hi[b[j]];
                }
                case MUL -> {
                    ok = isInt[a[j]] && isInt[b[j]];
                    if (step[a[j]] == 0) d = lo[a[j]] * step[b[j]]; // a constant factor: lo = hi
                    else if (step[b[j]] == 0) d = lo[b[j]] * step[a[j]];
                    double[] c = {lo[a[j]] * lo[b[j]], lo[a[j]] * hi[b[j]], hi[a[j]] * lo[b[j]], hi[a[j]] * hi[b[j]]};
                    l = Math.min(Math.min(c[0], c[1]), Math.min(c[2], c[3]));
                    h = Math.max(Math.max(c[0], c[1]), Math.max(c[2], c[3]));
                }
                default -> {
                }
            }
            isInt[j] = ok && l >= Integer.MIN_VALUE && h <= Integer.MAX_VALUE;
            step[j] = isInt[j] && Math.abs(d) <= Integer.MAX_VALUE ? d : Double.NaN;
            lo[j] = l;
            hi[j] = h;
        }
    }

    /** Whether instruction j's value is proved to lie in [0, limit). */
    boolean within(int j, int limit) {
        return lo[j] >= 0 && hi[j] < limit;
    }

    private static boolean integral(double v) {
        return v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE;
    }
}
