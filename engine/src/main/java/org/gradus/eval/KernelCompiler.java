package org.gradus.eval;

import org.gradus.atoms.Atom;
import org.gradus.atoms.UnaryAtom;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;

import static org.gradus.eval.Opcode.DOT;
import static org.gradus.eval.Opcode.GENERIC;
import static org.gradus.eval.Opcode.INDEX;
import static org.gradus.eval.Opcode.LOOKUP;
import static org.gradus.eval.Opcode.LOOP;
import static org.gradus.eval.Opcode.UNARY;
import static org.objectweb.asm.Opcodes.*;

/**
 * Compiles the body of one reduction {@code sum(from..<to) { i -> body }} to a {@link LoopKernel}: a
 * hidden class whose four methods are each the whole loop, the body's instructions unrolled into
 * straight-line code over JVM locals by {@link BodyEmitter}, so the JIT compiles it like a hand-written
 * loop. The code does the interpreter's arithmetic in the interpreter's order (both follow
 * {@link Opcode}), so values and gradients agree with it bit for bit.
 *
 * <p>Inner reductions call back into the body program ({@link Program#loop}), which may itself use a
 * kernel. Atoms are called through their own (public, final) class so the JIT inlines them. A body the
 * compiler declines — too large for the JIT to compile ({@value #MAX_CODE_BYTES} bytes of bytecode) —
 * stays interpreted.
 */
final class KernelCompiler {
    /** HotSpot's HugeMethodLimit: a larger method is never JIT-compiled, so interpreting is better. */
    static final int MAX_CODE_BYTES = 8000;
    static final int MAX_INSTRUCTIONS = 2000;

    static final String KERNEL = Type.getInternalName(LoopKernel.class);
    static final String PROGRAM = Type.getInternalName(Program.class);
    static final String NAME = "org/gradus/eval/GeneratedLoopKernel";
    static final String DOT_ROWS = Type.getInternalName(DotAcrossRows.class);

    final Program p;
    final Tape t;
    final int slot;
    final int from;
    final int to;
    final IndexRanges ranges;
    final boolean hasLoop;
    final boolean needsEnv;
    /** Whether the body has array instructions (they run through {@link ArraySweeps} on the body program's buffers). */
    final boolean hasArrays;

    /** Objects the kernel reads from its refs array (tables, atoms, scratch arrays), and per instruction their index. */
    final List<Object> refs = new ArrayList<>();
    final List<String> refTypes = new ArrayList<>();
    final int[] tableRef;
    final int[] atomRef;
    final int[] scratchRef;
    /** DOT: its {@link DotAcrossRows} (the dot computed ahead, the chain rule queued), or -1. */
    final int[] dotRef;
    /** UNARY/GENERIC: the internal name of the class the atom is called through. */
    final String[] atomType;
    /** The unary instructions that compute one e^(−|x|) between them. */
    final SharedExponentials exponentials;

    private KernelCompiler(Program body, int slot, int from, int to) {
        this.p = body;
        this.t = body.tape;
        this.slot = slot;
        this.from = from;
        this.to = to;
        int size = t.size;
        this.tableRef = new int[size];
        this.atomRef = new int[size];
        this.scratchRef = new int[size];
        this.dotRef = new int[size];
        this.atomType = new String[size];
        boolean loops = false, otherIndex = false, arrays = false;
        for (int j = 0; j < size; j++) {
            tableRef[j] = atomRef[j] = scratchRef[j] = dotRef[j] = -1;
            arrays |= Opcode.isArray(t.op[j]);
            if (Opcode.isArray(t.op[j])) continue;
            switch (t.op[j]) {
                case LOOP -> loops = true;
                case INDEX -> otherIndex |= t.a[j] != slot;
                case LOOKUP -> tableRef[j] = t.table[j] != null ? ref(t.table[j], "[D") : ref(t.floats[j], "[F");
                case DOT -> {
                    tableRef[j] = t.table[j] != null ? ref(t.table[j], "[D") : ref(t.floats[j], "[F");
                    dotRef[j] = ref(new DotAcrossRows(), DOT_ROWS);
                }
                case UNARY, GENERIC -> {
                    Atom at = t.atom[j];
                    Class<?> c = at.getClass();
                    boolean direct = Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass() && !c.isHidden();
                    String fallback = t.op[j] == UNARY ? Type.getInternalName(UnaryAtom.class) : Type.getInternalName(Atom.class);
                    atomType[j] = direct ? Type.getInternalName(c) : fallback;
                    atomRef[j] = ref(at, atomType[j]);
                    if (t.op[j] == GENERIC) scratchRef[j] = ref(new double[t.args[j].length], "[D");
                }
                default -> {
                }
            }
        }
        this.hasLoop = loops;
        this.hasArrays = arrays;
        this.needsEnv = loops || otherIndex;
        this.ranges = new IndexRanges(t, slot, from, to);
        this.exponentials = new SharedExponentials(t, ranges.isInt, atomType);
    }

    /** The kernel for the body, or null when it is not compiled (the caller interprets). */
    static LoopKernel compile(Program body, int slot, int from, int to) {
        Tape t = body.tape;
        if (t.size > MAX_INSTRUCTIONS || t.len[t.output()] > 0) return null;
        for (byte op : t.op) if (op == Opcode.ALOOP) return null;
        try {
            KernelCompiler c = new KernelCompiler(body, slot, from, to);
            byte[] bytes = c.generate();
            if (bytes == null) return null;
            String dump = System.getProperty("gradus.jit.dump");
            if (dump != null) java.nio.file.Files.write(java.nio.file.Path.of(dump, "kernel" + System.nanoTime() + ".class"), bytes);
            return (LoopKernel) KernelClassCache.constructorFor(bytes).invoke(body, body.env, c.refs.toArray());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return null;
        }
    }

    /**
     * Whether DOT j's chain rule may be queued and applied two rows at a time: no other instruction of
     * the body adds into its gradient block [a, a + k) (only scalar coordinates elsewhere), so every
     * element of the block receives the same additions in the same order either way.
     */
    boolean defersChainRule(int j) {
        if (!DotAcrossRows.ENABLED || t.op[j] != DOT || !t.needsGradient[j] || hasLoop || hasArrays) return false;
        int lo = t.a[j], hi = lo + (int) t.k[j];
        for (int m = 0; m < t.size; m++) {
            if (m == j || !t.needsGradient[m] || !Opcode.readsCoordinates(t.op[m])) continue;
            if (t.op[m] != Opcode.VAR || t.a[m] >= lo && t.a[m] < hi) return false;
        }
        return true;
    }

    /** Whether DOT j computes the next row's dot ahead: its row start grows by a known step per loop index. */
    boolean dotsAhead(int j) {
        int c = t.b[j];
        return DotAcrossRows.ENABLED && ranges.isInt[c] && !Double.isNaN(ranges.step[c]) && ranges.step[c] != 0;
    }

    private int ref(Object o, String type) {
        refs.add(o);
        refTypes.add(type);
        return refs.size() - 1;
    }

    // ---- class generation -------------------------------------------------------------------------

    private byte[] generate() {
        ClassWriter cw = new ClassWriter(ClassWriter.COMPUTE_FRAMES) {
            @Override
            protected String getCommonSuperClass(String type1, String type2) {
                return "java/lang/Object";
            }
        };
        cw.visit(V17, ACC_FINAL | ACC_SUPER | ACC_SYNTHETIC, NAME, null, KERNEL, null);
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "p", "L" + PROGRAM + ";", null, null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "env", "[I", null, null).visitEnd();
        cw.visitField(ACC_PRIVATE | ACC_FINAL, "refs", "[Ljava/lang/Object;", null, null).visitEnd();

        MethodVisitor c = cw.visitMethod(0, "<init>", "(L" + PROGRAM + ";[I[Ljava/lang/Object;)V", null, null);
        c.visitCode();
        c.visitVarInsn(ALOAD, 0);
        c.visitMethodInsn(INVOKESPECIAL, KERNEL, "<init>", "()V", false);
        String[][] fields = {{"p", "L" + PROGRAM + ";"}, {"env", "[I"}, {"refs", "[Ljava/lang/Object;"}};
        for (int f = 0; f < fields.length; f++) {
            c.visitVarInsn(ALOAD, 0);
            c.visitVarInsn(ALOAD, f + 1);
            c.visitFieldInsn(PUTFIELD, NAME, fields[f][0], fields[f][1]);
        }
        c.visitInsn(RETURN);
        c.visitMaxs(0, 0);
        c.visitEnd();

        boolean ok = method(cw, "sum", "([DII)D", false, false)
                && method(cw, "sumRows", "([D[III)D", false, true)
                && method(cw, "sumFused", "([D[DDII)D", true, false)
                && method(cw, "sumRowsFused", "([D[DD[III)D", true, true);
        cw.visitEnd();
        return ok ? cw.toByteArray() : null;
    }

    /**
     * One whole loop — over [from, to) or over an array of rows; fused: adding seed·∇body into g as it
     * goes — or false when its code is too large for the JIT.
     */
    private boolean method(ClassWriter cw, String name, String desc, boolean fused, boolean rows) {
        MethodVisitor mv = cw.visitMethod(0, name, desc, null, null);
        mv.visitCode();
        BodyEmitter em = new BodyEmitter(this, mv, fused);
        int next = fused ? 5 : 2; // this, x[, g, seed (two slots)]
        int rowsL = rows ? next++ : -1; // then [from, to) are positions in rows, else loop indices
        int fromL = next++, toL = next++;
        // fields into locals, once before the loop
        if (needsEnv) em.envL = fieldToLocal(mv, "env", "[I", next++);
        if (hasLoop || hasArrays) em.pL = fieldToLocal(mv, "p", "L" + PROGRAM + ";", next++);
        if (hasArrays) {
            em.valArrayL = next++;
            em.adjArrayL = next++;
            for (String[] f : new String[][]{{"val", String.valueOf(em.valArrayL)}, {"adj", String.valueOf(em.adjArrayL)}}) {
                mv.visitVarInsn(ALOAD, em.pL);
                mv.visitFieldInsn(GETFIELD, PROGRAM, f[0], "[D");
                mv.visitVarInsn(ASTORE, Integer.parseInt(f[1]));
            }
        }
        em.refL = new int[refs.size()];
        for (int r = 0; r < em.refL.length; r++) {
            em.refL[r] = next++;
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, NAME, "refs", "[Ljava/lang/Object;");
            em.pushInt(r);
            mv.visitInsn(AALOAD);
            mv.visitTypeInsn(CHECKCAST, refTypes.get(r));
            mv.visitVarInsn(ASTORE, em.refL[r]);
        }
        int sL = next;
        next += 2;
        int iL = em.iL = next++;
        int rL = rows ? next++ : -1;
        em.rowsL = rowsL;
        em.rL = rL;
        em.toL = toL;
        em.allocateLocals(next);
        for (int j = 0; j < t.size; j++) { // nothing computed ahead or queued from a previous run
            if (dotRef[j] < 0) continue;
            mv.visitVarInsn(ALOAD, em.refL[dotRef[j]]);
            mv.visitMethodInsn(INVOKEVIRTUAL, DOT_ROWS, "reset", "()V", false);
        }

        mv.visitInsn(DCONST_0);
        mv.visitVarInsn(DSTORE, sL);
        Label head = new Label(), end = new Label();
        if (rows) {
            mv.visitVarInsn(ILOAD, fromL);
            mv.visitVarInsn(ISTORE, rL);
            mv.visitLabel(head);
            mv.visitVarInsn(ILOAD, rL);
            mv.visitVarInsn(ILOAD, toL);
            mv.visitJumpInsn(IF_ICMPGE, end);
            mv.visitVarInsn(ALOAD, rowsL);
            mv.visitVarInsn(ILOAD, rL);
            mv.visitInsn(IALOAD);
            mv.visitVarInsn(ISTORE, iL);
        } else {
            mv.visitVarInsn(ILOAD, fromL);
            mv.visitVarInsn(ISTORE, iL);
            mv.visitLabel(head);
            mv.visitVarInsn(ILOAD, iL);
            mv.visitVarInsn(ILOAD, toL);
            mv.visitJumpInsn(IF_ICMPGE, end);
        }
        if (hasLoop) { // inner loops read this loop's index from env, as in the interpreter
            mv.visitVarInsn(ALOAD, em.envL);
            em.pushInt(slot);
            mv.visitVarInsn(ILOAD, iL);
            mv.visitInsn(IASTORE);
        }
        em.forwardSweep();
        mv.visitVarInsn(DLOAD, sL);
        em.loadD(t.output());
        mv.visitInsn(DADD);
        mv.visitVarInsn(DSTORE, sL);
        if (fused) em.reverseSweep();
        if (rows) mv.visitIincInsn(rL, 1);
        else mv.visitIincInsn(iL, 1);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(end);
        if (fused) em.flushQueuedChainRules();
        mv.visitVarInsn(DLOAD, sL);
        mv.visitInsn(DRETURN);
        Label mark = new Label();
        mv.visitLabel(mark);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return mark.getOffset() <= MAX_CODE_BYTES;
    }

    private static int fieldToLocal(MethodVisitor mv, String field, String type, int local) {
        mv.visitVarInsn(ALOAD, 0);
        mv.visitFieldInsn(GETFIELD, NAME, field, type);
        mv.visitVarInsn(ASTORE, local);
        return local;
    }
}
