package org.gradus.eval;

import org.objectweb.asm.MethodVisitor;

import static org.gradus.eval.Opcode.CONST;
import static org.gradus.eval.Opcode.INDEX;
import static org.objectweb.asm.Opcodes.*;

/**
 * What the emitter of one loop body works with: the tape, its index ranges, the method being written,
 * the JVM locals of every value and adjoint, how to load an operand, call a rule of {@link Opcode} or
 * add to an adjoint — and how an array instruction is called: its rule in {@link ArraySweeps} runs on
 * the body program's buffers, with its scalar operands and adjoints passed through the program's
 * {@code val}/{@code adj}.
 */
abstract class BodyCode {
    static final String RULES = "org/gradus/eval/Opcode";
    static final String DOTS = "org/gradus/eval/DotProducts";

    final KernelCompiler kc;
    final Tape t;
    final IndexRanges r;
    final MethodVisitor mv;
    final boolean fused;
    final byte[] op;
    final int[] a;
    final int[] b;
    final double[] k;

    // locals: x is 1, g is 2, seed is 3 (fused)
    static final int X = 1, G = 2, SEED = 3;
    int envL = -1, pL = -1, iL = -1;
    /** The loop's end (an index, or a position in rows) and, over rows, the rows array and the position. */
    int toL = -1, rowsL = -1, rL = -1;
    /** With array instructions: the body program's scalar values and adjoints, where the array rules read and write them. */
    int valArrayL = -1, adjArrayL = -1;
    int[] refL;
    int[] valL;
    int[] adjL;
    /** Per instruction of {@link SharedExponentials}: the locals of e^(−|x|) and of an atom's shared part, or -1. */
    int[] expL;
    int[] sharedL;
    boolean[] inited;

    BodyCode(KernelCompiler kc, MethodVisitor mv, boolean fused) {
        this.kc = kc;
        this.t = kc.t;
        this.r = kc.ranges;
        this.mv = mv;
        this.fused = fused;
        this.op = t.op;
        this.a = t.a;
        this.b = t.b;
        this.k = t.k;
    }

    /** Assigns locals from {@code next} on: one per value (none for constants), one per adjoint when fused. */
    void allocateLocals(int next) {
        valL = new int[t.size];
        adjL = new int[t.size];
        for (int j = 0; j < t.size; j++) {
            if (op[j] == CONST) valL[j] = -1;
            else if (op[j] == INDEX && a[j] == kc.slot) valL[j] = iL;
            else if (r.isInt[j]) valL[j] = next++;
            else {
                valL[j] = next;
                next += 2;
            }
            if (fused && t.needsGradient[j]) {
                adjL[j] = next;
                next += 2;
            } else adjL[j] = -1;
        }
        kc.exponentials.allocate(this, next);
    }

    // ---- operands and rules -----------------------------------------------------------------------

    /** Calls the {@link Opcode} rule with the adjoint local g and the values of the given instructions. */
    void ruleOfAdjoint(int g, String name, String desc, int... values) {
        mv.visitVarInsn(DLOAD, g);
        rule(name, desc, values);
    }

    /** Loads the values of the given instructions, then calls the static {@link Opcode} rule. */
    void rule(String name, String desc, int... values) {
        for (int v : values) loadD(v);
        mv.visitMethodInsn(INVOKESTATIC, RULES, name, desc, false);
    }

    void load(int j, boolean asInt) {
        if (asInt) loadI(j);
        else loadD(j);
    }

    void loadD(int j) {
        if (op[j] == CONST) pushDouble(k[j]);
        else if (r.isInt[j]) {
            mv.visitVarInsn(ILOAD, valL[j]);
            mv.visitInsn(I2D);
        } else mv.visitVarInsn(DLOAD, valL[j]);
    }

    void loadI(int j) {
        if (op[j] == CONST) pushInt((int) k[j]);
        else mv.visitVarInsn(ILOAD, valL[j]);
    }

    void pushInt(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    void pushDouble(double v) {
        if (Double.doubleToRawLongBits(v) == 0L) mv.visitInsn(DCONST_0);
        else if (v == 1) mv.visitInsn(DCONST_1);
        else mv.visitLdcInsn(v);
    }

    // ---- array instructions: calls of the rules of ArraySweeps ------------------------------------

    static final String ARRAYS = "org/gradus/eval/ArraySweeps";

    /**
     * An array instruction: its scalar operands are stored where the rule reads them (the program's
     * values), the rule of {@link ArraySweeps} runs on the program's buffers, and a scalar result is
     * loaded back into its local.
     */
    void arrayForward(int j) {
        for (int o : distinct(Opcode.operands(t, j))) {
            if (t.len[o] > 0) continue;
            mv.visitVarInsn(ALOAD, valArrayL);
            pushInt(o);
            loadD(o);
            mv.visitInsn(DASTORE);
        }
        mv.visitVarInsn(ALOAD, pL);
        pushInt(j);
        mv.visitVarInsn(ALOAD, X);
        mv.visitMethodInsn(INVOKESTATIC, ARRAYS, "forward", "(L" + KernelCompiler.PROGRAM + ";I[D)V", false);
        if (t.len[j] == 0) {
            mv.visitVarInsn(ALOAD, valArrayL);
            pushInt(j);
            mv.visitInsn(DALOAD);
            mv.visitVarInsn(DSTORE, valL[j]);
        }
    }

    /**
     * The reverse step of an array instruction: a scalar adjoint is stored where the rule reads it, the
     * rule runs, and what it passed to scalar operands is moved into their adjoint locals.
     */
    void arrayReverse(int j) {
        if (t.len[j] == 0) {
            mv.visitVarInsn(ALOAD, adjArrayL);
            pushInt(j);
            mv.visitVarInsn(DLOAD, adjL[j]);
            mv.visitInsn(DASTORE);
        }
        mv.visitVarInsn(ALOAD, pL);
        pushInt(j);
        mv.visitVarInsn(ALOAD, X);
        mv.visitVarInsn(ALOAD, G);
        mv.visitMethodInsn(INVOKESTATIC, ARRAYS, "backward", "(L" + KernelCompiler.PROGRAM + ";I[D[D)V", false);
        for (int o : distinct(Opcode.adjointOperands(t, j))) {
            if (t.len[o] > 0 || !t.needsGradient[o]) continue;
            contribute(o, () -> {
                mv.visitVarInsn(ALOAD, adjArrayL);
                pushInt(o);
                mv.visitInsn(DALOAD);
            }, false);
            mv.visitVarInsn(ALOAD, adjArrayL);
            pushInt(o);
            mv.visitInsn(DCONST_0);
            mv.visitInsn(DASTORE);
        }
    }

    private static int[] distinct(int[] ids) {
        return java.util.Arrays.stream(ids).distinct().toArray();
    }

    /** adj[target] += term (or -= term); the first contribution to an adjoint stores it. */
    void contribute(int target, Runnable term, boolean subtract) {
        if (!t.needsGradient[target]) return;
        if (!inited[target]) {
            term.run();
            if (subtract) mv.visitInsn(DNEG);
            mv.visitVarInsn(DSTORE, adjL[target]);
            inited[target] = true;
            return;
        }
        mv.visitVarInsn(DLOAD, adjL[target]);
        term.run();
        mv.visitInsn(subtract ? DSUB : DADD);
        mv.visitVarInsn(DSTORE, adjL[target]);
    }
}
