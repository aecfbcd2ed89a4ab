package org.gradus.eval;

import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;

import static org.gradus.eval.Opcode.*;
import static org.objectweb.asm.Opcodes.*;

/**
 * Emits one loop body as straight-line JVM code inside a kernel method: the forward sweep with one
 * local per instruction value, and (fused) the reverse sweep with one local per adjoint. Each
 * instruction's value and chain rule are those of {@link Opcode}: the generated code calls its static
 * rules (inlined by the JIT) or does the identical single operation.
 *
 * <p>Two things differ from the interpreter in how, not what:
 * <ul>
 * <li>Index arithmetic proved integral ({@link IndexRanges}) is done in {@code int}; an element index
 *     proved within its vector is not checked. Anything else is computed in {@code double} and checked
 *     as the interpreter does.</li>
 * <li>The interpreter skips every instruction whose adjoint is zero. Here only those that
 *     {@link Opcode#skipsZeroAdjoint} are skipped; for the others a zero adjoint adds (±)0, so an
 *     adjoint may come out as {@code -0.0} where the interpreter has {@code 0.0}.</li>
 * </ul>
 * Two exact identities are used where the simplifier spells a subtraction as a product with −1:
 * {@code c·(−1)} is computed as {@code −c}, {@code a + (−c)} as {@code a − c}.
 */
final class BodyEmitter extends BodyCode {
    BodyEmitter(KernelCompiler kc, MethodVisitor mv, boolean fused) {
        super(kc, mv, fused);
    }

    // ---- forward sweep ----------------------------------------------------------------------------

    void forwardSweep() {
        for (int j = 0; j < t.size; j++) forward(j);
    }

    private void forward(int j) {
        if (Opcode.isArray(op[j])) {
            arrayForward(j);
            return;
        }
        switch (op[j]) {
            case CONST -> {
                return; // pushed where used
            }
            case INDEX -> {
                if (a[j] == kc.slot) return; // the loop variable itself
                mv.visitVarInsn(ALOAD, envL);
                pushInt(a[j]);
                mv.visitInsn(IALOAD);
                mv.visitInsn(I2D);
            }
            case VAR -> {
                mv.visitVarInsn(ALOAD, X);
                pushInt(a[j]);
                mv.visitInsn(DALOAD);
            }
            case ELEM -> {
                mv.visitVarInsn(ALOAD, X);
                pushIndex(j, (int) k[j], true);
                mv.visitInsn(DALOAD);
            }
            case LOOKUP -> {
                mv.visitVarInsn(ALOAD, refL[kc.tableRef[j]]);
                pushIndex(j, t.tableLength(j), true);
                if (t.table[j] != null) mv.visitInsn(DALOAD);
                else {
                    mv.visitInsn(FALOAD);
                    mv.visitInsn(F2D); // a float table: the element widened exactly, as the interpreter reads it
                }
            }
            case ADD, MUL -> {
                boolean add = op[j] == ADD, ints = r.isInt[j];
                if (add && !ints && (isNeg(b[j]) || isNeg(a[j]))) { // a + (-c) is exactly a - c
                    boolean right = isNeg(b[j]);
                    loadD(right ? a[j] : b[j]);
                    loadD(right ? a[b[j]] : a[a[j]]);
                    mv.visitInsn(DSUB);
                    break;
                }
                load(a[j], ints);
                load(b[j], ints);
                mv.visitInsn(add ? (ints ? IADD : DADD) : (ints ? IMUL : DMUL));
            }
            case ADDC, MULC -> {
                boolean add = op[j] == ADDC, ints = r.isInt[j];
                if (add && isNeg(a[j])) { // (-c) + k is exactly k - c
                    pushDouble(k[j]);
                    loadD(a[a[j]]);
                    mv.visitInsn(DSUB);
                    break;
                }
                if (isNeg(j)) { // c * -1 is exactly -c
                    loadD(a[j]);
                    mv.visitInsn(DNEG);
                    break;
                }
                load(a[j], ints);
                if (ints) pushInt((int) k[j]);
                else pushDouble(k[j]);
                mv.visitInsn(add ? (ints ? IADD : DADD) : (ints ? IMUL : DMUL));
            }
            case ADDN, MULN -> {
                mv.visitInsn(op[j] == ADDN ? DCONST_0 : DCONST_1);
                for (int c : t.args[j]) {
                    loadD(c);
                    mv.visitInsn(op[j] == ADDN ? DADD : DMUL);
                }
            }
            case DIV -> {
                loadD(a[j]);
                loadD(b[j]);
                mv.visitInsn(DDIV);
            }
            case SQ -> rule("square", "(D)D", a[j]);
            case POWC -> {
                loadD(a[j]);
                pushDouble(k[j]);
                rule("power", "(DD)D");
            }
            case POW -> rule("power", "(DD)D", a[j], b[j]);
            case UNARY -> {
                if (kc.exponentials.covers(j)) {
                    kc.exponentials.apply(this, j);
                    break;
                }
                mv.visitVarInsn(ALOAD, refL[kc.atomRef[j]]);
                loadD(a[j]);
                mv.visitMethodInsn(INVOKEVIRTUAL, kc.atomType[j], "apply", "(D)D", false);
            }
            case GENERIC -> {
                fillScratch(j);
                mv.visitVarInsn(ALOAD, refL[kc.atomRef[j]]);
                mv.visitVarInsn(ALOAD, refL[kc.scratchRef[j]]);
                mv.visitMethodInsn(INVOKEVIRTUAL, kc.atomType[j], "value", "([D)D", false);
            }
            case DOT -> {
                // The next row's dot computed ahead pays in a value-and-gradient kernel (the chain rule then reads
                // both rows again from the cache) and over a mini-batch's scattered rows; a value-only pass over
                // consecutive rows is faster one row at a time: two interleaved streams slowed the hardware
                // prefetch (JMH, 10⁶ × 100 on 2 threads: 45 -> 33 ms; the same bits either way).
                boolean ahead = kc.dotsAhead(j) && (fused || rowsL >= 0);
                if (ahead) mv.visitVarInsn(ALOAD, refL[kc.dotRef[j]]);
                mv.visitVarInsn(ALOAD, X);
                pushInt(a[j]);
                mv.visitVarInsn(ALOAD, refL[kc.tableRef[j]]);
                pushDotStart(j, true);
                pushInt((int) k[j]);
                String table = t.table[j] != null ? "[D" : "[F";
                if (!ahead) {
                    mv.visitMethodInsn(INVOKESTATIC, DOTS, "dot", "([DI" + table + "II)D", false);
                } else { // this row's dot and the next row's in one sweep (DotAcrossRows)
                    mv.visitLdcInsn((long) r.step[b[j]]);
                    if (rowsL >= 0) {
                        mv.visitVarInsn(ALOAD, rowsL);
                        mv.visitVarInsn(ILOAD, rL);
                        mv.visitVarInsn(ILOAD, toL);
                        mv.visitMethodInsn(INVOKEVIRTUAL, KernelCompiler.DOT_ROWS, "dotRows", "([DI" + table + "IIJ[III)D", false);
                    } else {
                        mv.visitVarInsn(ILOAD, iL);
                        mv.visitVarInsn(ILOAD, toL);
                        mv.visitMethodInsn(INVOKEVIRTUAL, KernelCompiler.DOT_ROWS, "dotRange", "([DI" + table + "IIJII)D", false);
                    }
                }
            }
            case LOOP -> {
                mv.visitVarInsn(ALOAD, pL);
                pushInt(j);
                mv.visitVarInsn(ALOAD, X);
                if (fused && t.fused(j)) {
                    mv.visitVarInsn(ALOAD, G);
                    pushDouble(t.fusedSeed[j]);
                    mv.visitVarInsn(DLOAD, SEED);
                    mv.visitInsn(DMUL);
                    mv.visitMethodInsn(INVOKEVIRTUAL, KernelCompiler.PROGRAM, "loopFused", "(I[D[DD)D", false);
                } else {
                    mv.visitMethodInsn(INVOKEVIRTUAL, KernelCompiler.PROGRAM, "loop", "(I[D)D", false);
                }
            }
            default -> throw new IllegalStateException("opcode " + Opcode.name(op[j]));
        }
        mv.visitVarInsn(r.isInt[j] ? ISTORE : DSTORE, valL[j]);
    }

    /** Negation written as a product with -1 (how the simplifier spells a - b); computed as a negation. */
    private boolean isNeg(int j) {
        return op[j] == MULC && k[j] == -1 && !r.isInt[j];
    }

    private void fillScratch(int j) {
        int[] args = t.args[j];
        for (int m = 0; m < args.length; m++) {
            mv.visitVarInsn(ALOAD, refL[kc.scratchRef[j]]);
            pushInt(m);
            loadD(args[m]);
            mv.visitInsn(DASTORE);
        }
    }

    /**
     * Pushes the int index of ELEM/LOOKUP j (plus the vector's offset for ELEM), checked against limit
     * unless the range analysis proved it within; unchecked it is the truncation the forward sweep checked.
     */
    private void pushIndex(int j, int limit, boolean check) {
        int c = b[j];
        if (r.isInt[c]) {
            loadI(c);
            if (check && !r.within(c, limit)) {
                pushInt(limit);
                rule("index", "(II)I");
            }
        } else {
            loadD(c);
            if (check) {
                pushInt(limit);
                rule("index", "(DI)I");
            } else {
                mv.visitInsn(D2I);
            }
        }
        if (op[j] == ELEM && a[j] != 0) {
            pushInt(a[j]);
            mv.visitInsn(IADD);
        }
    }

    /** Pushes the first table index of DOT j; checked unless the range analysis proved the block within the table. */
    private void pushDotStart(int j, boolean check) {
        int c = b[j], shift = t.from[j], n = (int) k[j], length = t.tableLength(j);
        boolean proved = r.isInt[c] && r.lo[c] + shift >= 0 && r.hi[c] + shift + n - 1 < length;
        if (check && !proved) {
            load(c, r.isInt[c]);
            pushInt(shift);
            pushInt(n);
            pushInt(length);
            mv.visitMethodInsn(INVOKESTATIC, DOTS, "start", r.isInt[c] ? "(IIII)I" : "(DIII)I", false);
            return;
        }
        if (r.isInt[c]) loadI(c);
        else {
            loadD(c);
            mv.visitInsn(D2I);
        }
        if (shift != 0) {
            pushInt(shift);
            mv.visitInsn(IADD);
        }
    }

    // ---- reverse sweep ----------------------------------------------------------------------------

    void reverseSweep() {
        int out = t.output();
        // which adjoints are first reached inside a zero-adjoint guard: those start at 0 explicitly
        boolean[] reached = new boolean[t.size];
        boolean[] zeroFirst = new boolean[t.size];
        reached[out] = true;
        for (int j = t.size - 1; j >= 0; j--) {
            if (!t.needsGradient[j] || !reached[j]) continue;
            for (int target : Opcode.adjointOperands(t, j)) {
                if (!t.needsGradient[target] || reached[target]) continue;
                reached[target] = true;
                zeroFirst[target] = Opcode.skipsZeroAdjoint(t, j);
            }
        }
        inited = new boolean[t.size];
        for (int target = 0; target < t.size; target++) {
            if (zeroFirst[target]) {
                mv.visitInsn(DCONST_0);
                mv.visitVarInsn(DSTORE, adjL[target]);
                inited[target] = true;
            }
        }
        if (t.needsGradient[out]) {
            mv.visitVarInsn(DLOAD, SEED);
            mv.visitVarInsn(DSTORE, adjL[out]);
            inited[out] = true;
        }
        if (kc.hasArrays) { // array adjoints start at zero in every iteration
            mv.visitVarInsn(ALOAD, pL);
            mv.visitMethodInsn(INVOKEVIRTUAL, KernelCompiler.PROGRAM, "clearArrayAdjoints", "()V", false);
        }
        for (int j = t.size - 1; j >= 0; j--) {
            if (!t.needsGradient[j] || !inited[j] && t.len[j] == 0) continue; // no adjoint reaches j: it is zero
            Label skip = null;
            if (Opcode.skipsZeroAdjoint(t, j) && !(op[j] == LOOP && t.fused(j))) {
                skip = new Label();
                mv.visitVarInsn(DLOAD, adjL[j]);
                mv.visitInsn(DCONST_0);
                mv.visitInsn(DCMPL);
                mv.visitJumpInsn(IFEQ, skip);
            }
            reverse(j);
            if (skip != null) mv.visitLabel(skip);
        }
    }

    private void reverse(int j) {
        if (Opcode.isArray(op[j])) {
            arrayReverse(j);
            return;
        }
        final int g = adjL[j];
        switch (op[j]) {
            case VAR -> {
                mv.visitVarInsn(ALOAD, G);
                pushInt(a[j]);
                addAdjointToGradient(g);
            }
            case ELEM -> {
                mv.visitVarInsn(ALOAD, G);
                pushIndex(j, 0, false);
                addAdjointToGradient(g);
            }
            case ADD -> {
                contribute(a[j], () -> mv.visitVarInsn(DLOAD, g), false);
                contribute(b[j], () -> mv.visitVarInsn(DLOAD, g), false);
            }
            case ADDC -> contribute(a[j], () -> mv.visitVarInsn(DLOAD, g), false);
            case ADDN -> {
                for (int c : t.args[j]) contribute(c, () -> mv.visitVarInsn(DLOAD, g), false);
            }
            case MUL -> {
                contribute(a[j], () -> ruleOfAdjoint(g, "scaled", "(DD)D", b[j]), false);
                contribute(b[j], () -> ruleOfAdjoint(g, "scaled", "(DD)D", a[j]), false);
            }
            case MULC -> contribute(a[j], () -> {
                mv.visitVarInsn(DLOAD, g);
                if (isNeg(j)) {
                    mv.visitInsn(DNEG); // g·(−1) is exactly −g
                    return;
                }
                pushDouble(k[j]);
                rule("scaled", "(DD)D");
            }, false);
            case MULN -> {
                int[] args = t.args[j];
                for (int m = 0; m < args.length; m++) {
                    final int skipM = m;
                    contribute(args[m], () -> { // g times the other factors, in order
                        mv.visitVarInsn(DLOAD, g);
                        for (int q = 0; q < args.length; q++) {
                            if (q == skipM) continue;
                            loadD(args[q]);
                            mv.visitInsn(DMUL);
                        }
                    }, false);
                }
            }
            case DIV -> {
                contribute(a[j], () -> ruleOfAdjoint(g, "quotientNumerator", "(DD)D", b[j]), false);
                contribute(b[j], () -> ruleOfAdjoint(g, "quotientDenominator", "(DDD)D", j, b[j]), true);
            }
            case SQ -> contribute(a[j], () -> ruleOfAdjoint(g, "squareSlope", "(DD)D", a[j]), false);
            case POWC -> contribute(a[j], () -> {
                mv.visitVarInsn(DLOAD, g);
                loadD(a[j]);
                pushDouble(k[j]);
                rule("powerSlope", "(DDD)D");
            }, false);
            case POW -> {
                contribute(a[j], () -> ruleOfAdjoint(g, "powBase", "(DDD)D", a[j], b[j]), false);
                contribute(b[j], () -> ruleOfAdjoint(g, "powExponent", "(DDD)D", a[j], j), false);
            }
            case UNARY -> contribute(a[j], () -> {
                mv.visitVarInsn(DLOAD, g);
                if (kc.exponentials.covers(j)) kc.exponentials.slope(this, j);
                else {
                    mv.visitVarInsn(ALOAD, refL[kc.atomRef[j]]);
                    loadD(a[j]);
                    loadD(j);
                    mv.visitMethodInsn(INVOKEVIRTUAL, kc.atomType[j], "slope", "(DD)D", false);
                }
                rule("scaled", "(DD)D");
            }, false);
            case GENERIC -> {
                fillScratch(j);
                int[] args = t.args[j];
                for (int m = 0; m < args.length; m++) {
                    final int arg = m;
                    contribute(args[m], () -> {
                        mv.visitVarInsn(DLOAD, g);
                        mv.visitVarInsn(ALOAD, refL[kc.atomRef[j]]);
                        pushInt(arg);
                        mv.visitVarInsn(ALOAD, refL[kc.scratchRef[j]]);
                        loadD(j);
                        mv.visitMethodInsn(INVOKEVIRTUAL, kc.atomType[j], "derivative", "(I[DD)D", false);
                        rule("scaled", "(DD)D");
                    }, false);
                }
            }
            case DOT -> {
                boolean queued = kc.defersChainRule(j);
                if (queued) mv.visitVarInsn(ALOAD, refL[kc.dotRef[j]]);
                mv.visitVarInsn(ALOAD, G);
                pushInt(a[j]);
                mv.visitVarInsn(DLOAD, g);
                mv.visitVarInsn(ALOAD, refL[kc.tableRef[j]]);
                pushDotStart(j, false);
                pushInt((int) k[j]);
                String desc = t.table[j] != null ? "([DID[DII)V" : "([DID[FII)V";
                if (queued) mv.visitMethodInsn(INVOKEVIRTUAL, KernelCompiler.DOT_ROWS, "addScaled", desc, false);
                else mv.visitMethodInsn(INVOKESTATIC, DOTS, "addScaled", desc, false);
            }
            case LOOP -> {
                if (t.fused(j)) return; // its gradient was added in the forward sweep
                mv.visitVarInsn(ALOAD, pL);
                pushInt(j);
                mv.visitVarInsn(ALOAD, X);
                mv.visitVarInsn(ALOAD, G);
                mv.visitVarInsn(DLOAD, g);
                mv.visitMethodInsn(INVOKEVIRTUAL, KernelCompiler.PROGRAM, "loopBackward", "(I[D[DD)V", false);
            }
            default -> {
            }
        }
    }

    /** After the loop: applies the chain rule of a row left waiting for its pair (DotAcrossRows). */
    void flushQueuedChainRules() {
        for (int j = 0; j < t.size; j++) {
            if (!kc.defersChainRule(j)) continue;
            mv.visitVarInsn(ALOAD, refL[kc.dotRef[j]]);
            mv.visitVarInsn(ALOAD, G);
            pushInt(a[j]);
            mv.visitVarInsn(ALOAD, refL[kc.tableRef[j]]);
            pushInt((int) k[j]);
            mv.visitMethodInsn(INVOKEVIRTUAL, KernelCompiler.DOT_ROWS, "flush", t.table[j] != null ? "([DI[DI)V" : "([DI[FI)V", false);
        }
    }

    /** With array and index on the stack: array[index] += adjoint. */
    private void addAdjointToGradient(int g) {
        mv.visitInsn(DUP2);
        mv.visitInsn(DALOAD);
        mv.visitVarInsn(DLOAD, g);
        mv.visitInsn(DADD);
        mv.visitInsn(DASTORE);
    }
}
