package org.gradus.eval;

import org.gradus.atoms.UnaryAtom;

import java.util.Arrays;

import static org.gradus.eval.Opcode.*;

/**
 * The rules of the array instructions: the value of instruction i (forward) and how its adjoint passes
 * to its operands (backward: each operation's vector–Jacobian product), over the contiguous storage
 * {@link ArrayRules} works on. The interpreter ({@link Sweeps}) and the generated kernels both call
 * these two methods, so the two compute the same arithmetic in the same order.
 *
 * <p>Scalar values and adjoints are in the program's {@code val}/{@code adj}; an array value of
 * instruction i is at {@code aref[i]} from {@code aoff[i]} (a variable's block of x, a data row, a
 * slice's operand, or its own buffer), an array adjoint in {@code aadj[i]} — except a variable's,
 * which goes straight into the gradient.
 */
final class ArraySweeps {
    private ArraySweeps() {
    }

    /** The buffers of a program's array instructions, made once. */
    static void allocate(Program p) {
        Tape t = p.tape;
        for (int i = 0; i < t.size; i++) {
            byte op = t.op[i];
            if (!Opcode.isArray(op)) continue;
            int n = t.len[i];
            switch (op) {
                case ACONST -> p.aref[i] = t.table[i];
                case ATABLE -> {
                    if (t.table[i] != null) p.aref[i] = t.table[i];
                    else p.aref[i] = p.abuf[i] = new double[n]; // a float table's block is widened into a buffer
                }
                case AVAR, ABLOCK -> {
                }
                case ALSE, AXENT -> p.abuf[i] = new double[t.dims[i][0]];
                case AVFUN -> {
                    p.operandCopies[i] = new double[t.args[i].length][t.dims[i][0]];
                }
                case AGENERIC -> {
                    p.argValues[i] = new double[t.args[i].length];
                    p.aref[i] = p.abuf[i] = new double[n];
                }
                default -> {
                    if (n > 0) p.aref[i] = p.abuf[i] = new double[n];
                }
            }
            if (n > 0 && t.needsGradient[i] && op != AVAR) p.aadj[i] = new double[n];
        }
    }

    // ---- forward ----------------------------------------------------------------------------------

    static void forward(Program p, int i, double[] x) {
        Tape t = p.tape;
        int a = t.a[i], b = t.b[i], n = t.len[i];
        int[] d = t.dims[i];
        double[] out = p.abuf[i], val = p.val;
        double[][] ref = p.aref;
        int[] off = p.aoff;
        switch (t.op[i]) {
            case ACONST -> {
            }
            case AVAR -> {
                ref[i] = x;
                off[i] = a;
            }
            case ATABLE -> {
                int start = DotProducts.start(val[b], 0, n, t.tableLength(i));
                if (t.table[i] != null) off[i] = start;
                else {
                    float[] f = t.floats[i];
                    for (int k = 0; k < n; k++) out[k] = f[start + k];
                }
            }
            case AFILL -> Arrays.fill(out, val[a]);
            case AADD -> ArrayRules.add(ref[a], off[a], ref[b], off[b], out, n);
            case AADDS -> ArrayRules.addScalar(ref[a], off[a], val[b], out, n);
            case AMUL -> ArrayRules.multiply(ref[a], off[a], ref[b], off[b], out, n);
            case AMULS -> ArrayRules.scale(ref[a], off[a], val[b], out, n);
            case AMULC -> ArrayRules.scale(ref[a], off[a], t.k[i], out, n);
            case ADIV -> ArrayRules.divide(ref[a], off[a], ref[b], off[b], out, n);
            case ASQ -> ArrayRules.square(ref[a], off[a], out, n);
            case APOWC -> ArrayRules.power(ref[a], off[a], t.k[i], out, n);
            case AUNARY -> ArrayRules.unary((UnaryAtom) t.atom[i], ref[a], off[a], out, n);
            case AGENERIC -> {
                int[] args = t.args[i];
                double[] av = p.argValues[i];
                for (int k = 0; k < n; k++) {
                    for (int j = 0; j < args.length; j++) av[j] = ref[args[j]][off[args[j]] + k];
                    out[k] = t.atom[i].value(av);
                }
            }
            case AMATVEC -> ArrayRules.matVec(ref[a], off[a], d[0], d[1], ref[b], off[b], out);
            case AMATMUL -> ArrayRules.matMul(ref[a], off[a], d[0], d[1], d[2], ref[b], off[b], out);
            case ATRANS -> ArrayRules.transpose(ref[a], off[a], d[0], d[1], out);
            case AOUTER -> ArrayRules.outer(ref[a], off[a], d[0], ref[b], off[b], d[1], out);
            case ASUM -> val[i] = ArrayRules.sum(ref[a], off[a], d[0]);
            case AMAX -> val[i] = ref[a][off[a] + ArrayRules.argmax(ref[a], off[a], d[0])];
            case AARGMAX -> val[i] = ArrayRules.argmax(ref[a], off[a], d[0]);
            case AINDEX -> val[i] = ref[a][off[a] + Opcode.index(val[b], d[0])];
            case ABLOCK -> {
                ref[i] = ref[a];
                off[i] = off[a] + d[0];
            }
            case AEMBED -> {
                Arrays.fill(out, 0);
                System.arraycopy(ref[a], off[a], out, d[0], d[1]);
            }
            case ASOFTMAX -> ArrayRules.softmax(ref[a], off[a], n, out);
            case ALSE -> val[i] = ArrayRules.logSumExp(ref[a], off[a], d[0], p.abuf[i]);
            case AXENT -> {
                int cls = ArrayRules.classIndex(val[b], d[0], "crossEntropy");
                double lse = ArrayRules.logSumExp(ref[a], off[a], d[0], p.abuf[i]);
                val[i] = lse - ref[a][off[a] + cls];
            }
            case AONEHOT -> {
                Arrays.fill(out, 0);
                out[ArrayRules.classIndex(val[a], n, "oneHot")] = 1;
            }
            case ASTACK -> {
                int[] args = t.args[i];
                for (int k = 0; k < n; k++) out[k] = val[args[k]];
            }
            case ATRACE -> {
                double s = 0;
                for (int k = 0; k < d[0]; k++) s += ref[a][off[a] + k * d[0] + k];
                val[i] = s;
            }
            case AQUAD -> val[i] = ArrayRules.quadForm(ref[a], off[a], ref[b], off[b], d[0]);
            case ADOT -> val[i] = DotProducts.dot(ref[a], off[a], ref[b], off[b], d[0]);
            case AVFUN -> val[i] = t.vectorAtom[i].value(copies(p, i));
            case ALOOP -> Loops.arraySum(p, i, x, out);
            default -> throw new IllegalStateException("not an array opcode: " + Opcode.name(t.op[i]));
        }
    }

    private static double[][] copies(Program p, int i) {
        int[] args = p.tape.args[i];
        double[][] c = p.operandCopies[i];
        for (int j = 0; j < args.length; j++) System.arraycopy(p.aref[args[j]], p.aoff[args[j]], c[j], 0, c[j].length);
        return c;
    }

    // ---- backward ---------------------------------------------------------------------------------

    /** Passes the adjoint of instruction i to its operands; a variable's share goes into grad. */
    static void backward(Program p, int i, double[] x, double[] grad) {
        Tape t = p.tape;
        int a = t.a[i], b = t.b[i], n = t.len[i];
        int[] d = t.dims[i];
        double[] val = p.val, adj = p.adj;
        double[][] ref = p.aref;
        int[] off = p.aoff;
        double[] gs = p.aadj[i];       // an array adjoint
        double g = adj[i];             // a scalar adjoint
        Target ta = target(p, a, grad), tb = target(p, b, grad);
        switch (t.op[i]) {
            case AFILL -> adj[a] += ArrayRules.sum(gs, 0, n);
            case AADD -> {
                if (ta != null) ArrayRules.accumulate(gs, ta.array, ta.offset, n);
                if (tb != null) ArrayRules.accumulate(gs, tb.array, tb.offset, n);
            }
            case AADDS -> {
                if (ta != null) ArrayRules.accumulate(gs, ta.array, ta.offset, n);
                if (t.needsGradient[b]) adj[b] += ArrayRules.sum(gs, 0, n);
            }
            case AMUL -> {
                if (ta != null) ArrayRules.accumulateProduct(gs, ref[b], off[b], ta.array, ta.offset, n);
                if (tb != null) ArrayRules.accumulateProduct(gs, ref[a], off[a], tb.array, tb.offset, n);
            }
            case AMULS -> {
                if (ta != null) ArrayRules.accumulateScaled(gs, val[b], ta.array, ta.offset, n);
                if (t.needsGradient[b]) adj[b] += ArrayRules.dotWith(gs, ref[a], off[a], n);
            }
            case AMULC -> ArrayRules.accumulateScaled(gs, t.k[i], ta.array, ta.offset, n);
            case ADIV -> {
                double[] q = p.abuf[i];
                for (int k = 0; k < n; k++) {
                    double gk = gs[k];
                    if (gk == 0) continue;
                    double den = ref[b][off[b] + k];
                    if (ta != null) ta.array[ta.offset + k] += Opcode.quotientNumerator(gk, den);
                    if (tb != null) tb.array[tb.offset + k] -= Opcode.quotientDenominator(gk, q[k], den);
                }
            }
            case ASQ -> {
                for (int k = 0; k < n; k++) ta.array[ta.offset + k] += Opcode.squareSlope(gs[k], ref[a][off[a] + k]);
            }
            case APOWC -> {
                for (int k = 0; k < n; k++) {
                    if (gs[k] != 0) ta.array[ta.offset + k] += Opcode.powerSlope(gs[k], ref[a][off[a] + k], t.k[i]);
                }
            }
            case AUNARY -> {
                UnaryAtom f = (UnaryAtom) t.atom[i];
                double[] y = p.abuf[i];
                for (int k = 0; k < n; k++) {
                    if (gs[k] != 0) ta.array[ta.offset + k] += Opcode.scaled(gs[k], f.slope(ref[a][off[a] + k], y[k]));
                }
            }
            case AGENERIC -> generic(p, i, grad);
            case AMATVEC -> ArrayRules.matVecBackward(ref[a], off[a], d[0], d[1], ref[b], off[b], gs,
                    ta == null ? null : ta.array, ta == null ? 0 : ta.offset, tb == null ? null : tb.array, tb == null ? 0 : tb.offset);
            case AMATMUL -> ArrayRules.matMulBackward(ref[a], off[a], d[0], d[1], d[2], ref[b], off[b], gs,
                    ta == null ? null : ta.array, ta == null ? 0 : ta.offset, tb == null ? null : tb.array, tb == null ? 0 : tb.offset);
            case ATRANS -> ArrayRules.transposeBackward(gs, d[0], d[1], ta.array, ta.offset);
            case AOUTER -> {
                for (int r = 0; r < d[0]; r++) {
                    if (ta != null) ta.array[ta.offset + r] += DotProducts.dot(gs, r * d[1], ref[b], off[b], d[1]);
                    if (tb != null) ArrayRules.accumulateScaledFrom(gs, r * d[1], ref[a][off[a] + r], tb.array, tb.offset, d[1]);
                }
            }
            case ASUM -> {
                for (int k = 0; k < d[0]; k++) ta.array[ta.offset + k] += g;
            }
            case AMAX -> ta.array[ta.offset + ArrayRules.argmax(ref[a], off[a], d[0])] += g;
            case AINDEX -> ta.array[ta.offset + Opcode.index(val[b], d[0])] += g;
            case ABLOCK -> ArrayRules.accumulate(gs, ta.array, ta.offset + d[0], n);
            case AEMBED -> {
                for (int k = 0; k < d[1]; k++) ta.array[ta.offset + k] += gs[d[0] + k];
            }
            case ASOFTMAX -> ArrayRules.softmaxBackward(p.abuf[i], gs, n, ta.array, ta.offset);
            case ALSE -> ArrayRules.accumulateScaled(p.abuf[i], g, ta.array, ta.offset, d[0]);
            case AXENT -> {
                ArrayRules.accumulateScaled(p.abuf[i], g, ta.array, ta.offset, d[0]);
                ta.array[ta.offset + ArrayRules.classIndex(val[b], d[0], "crossEntropy")] -= g;
            }
            case ASTACK -> {
                int[] args = t.args[i];
                for (int k = 0; k < n; k++) if (t.needsGradient[args[k]]) adj[args[k]] += gs[k];
            }
            case ATRACE -> {
                for (int k = 0; k < d[0]; k++) ta.array[ta.offset + k * d[0] + k] += g;
            }
            case AQUAD -> ArrayRules.quadFormBackward(ref[a], off[a], ref[b], off[b], d[0], g,
                    ta == null ? null : ta.array, ta == null ? 0 : ta.offset, tb == null ? null : tb.array, tb == null ? 0 : tb.offset);
            case ADOT -> {
                if (ta != null) for (int k = 0; k < d[0]; k++) ta.array[ta.offset + k] += g * ref[b][off[b] + k];
                if (tb != null) for (int k = 0; k < d[0]; k++) tb.array[tb.offset + k] += g * ref[a][off[a] + k];
            }
            case AVFUN -> {
                double[][] c = copies(p, i);
                int[] args = t.args[i];
                for (int j = 0; j < args.length; j++) {
                    Target tj = target(p, args[j], grad);
                    if (tj == null) continue;
                    double[] gj = t.vectorAtom[i].gradient(j, c);
                    for (int k = 0; k < gj.length; k++) tj.array[tj.offset + k] += g * gj[k];
                }
            }
            case ALOOP -> Loops.arrayBackward(p, i, x, grad, gs);
            default -> {
            }
        }
    }

    /** The elementwise chain rule of an atom of several array operands. */
    private static void generic(Program p, int i, double[] grad) {
        Tape t = p.tape;
        int[] args = t.args[i];
        int n = t.len[i];
        double[] av = p.argValues[i], gs = p.aadj[i], out = p.abuf[i];
        Target[] targets = new Target[args.length];
        for (int j = 0; j < args.length; j++) targets[j] = target(p, args[j], grad);
        for (int k = 0; k < n; k++) {
            if (gs[k] == 0) continue;
            for (int j = 0; j < args.length; j++) av[j] = p.aref[args[j]][p.aoff[args[j]] + k];
            for (int j = 0; j < args.length; j++) {
                if (targets[j] != null) targets[j].array[targets[j].offset + k] += Opcode.scaled(gs[k], t.atom[i].derivative(j, av, out[k]));
            }
        }
    }

    /** Where the adjoint of array operand o goes: a variable's block of grad, or its own adjoint buffer; null when it needs none. */
    private static Target target(Program p, int o, double[] grad) {
        Tape t = p.tape;
        if (o < 0 || o >= t.size || t.len[o] == 0 || !t.needsGradient[o]) return null;
        if (t.op[o] == AVAR) return new Target(grad, t.a[o]);
        return new Target(p.aadj[o], 0);
    }

    private record Target(double[] array, int offset) {
    }
}
