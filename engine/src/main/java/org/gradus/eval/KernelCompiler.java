package org.gradus.eval;

import org.gradus.atoms.Atom;
import org.gradus.atoms.UnaryAtom;
import org.objectweb.asm.ClassWriter;
import org.objectweb.asm.Label;
import org.objectweb.asm.MethodVisitor;
import org.objectweb.asm.Type;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.gradus.eval.Program.ADD;
import static org.gradus.eval.Program.ADDC;
import static org.gradus.eval.Program.ADDN;
import static org.gradus.eval.Program.CONST;
import static org.gradus.eval.Program.DIV;
import static org.gradus.eval.Program.ELEM;
import static org.gradus.eval.Program.GENERIC;
import static org.gradus.eval.Program.INDEX;
import static org.gradus.eval.Program.LOOKUP;
import static org.gradus.eval.Program.LOOP;
import static org.gradus.eval.Program.MUL;
import static org.gradus.eval.Program.MULC;
import static org.gradus.eval.Program.MULN;
import static org.gradus.eval.Program.POW;
import static org.gradus.eval.Program.POWC;
import static org.gradus.eval.Program.SQ;
import static org.gradus.eval.Program.UNARY;
import static org.gradus.eval.Program.VAR;
import static org.objectweb.asm.Opcodes.*;

/**
 * Compiles the body program of one reduction {@code sum(from..<to) { i -> body }} to a {@link LoopKernel}:
 * a hidden class whose methods are the whole loop, the body's flat instructions unrolled into
 * straight-line code over JVM locals — one double local per value, one per adjoint — so the JIT compiles
 * it like a hand-written loop.
 *
 * <p>The code does the interpreter's arithmetic in the interpreter's order, so values and gradients agree
 * with it bit for bit, except that an adjoint may come out as {@code -0.0} where the interpreter has
 * {@code 0.0}. Two things differ in how, not what:
 * <ul>
 * <li>Index arithmetic on the loop index ({@code 2*i + 1}) is done in {@code int} when every operand is
 *     an integer constant or the index and the result's range over the loop is known at compile time;
 *     an element index proved within its vector needs no check. Anything else (an outer loop's index,
 *     a data-dependent index) is computed in {@code double} and checked as the interpreter does.</li>
 * <li>The interpreter skips an instruction whose adjoint is zero. Here only the instructions whose local
 *     derivative can be infinite or NaN (÷, non-integer or negative powers, unary and generic atoms) and
 *     inner loops are skipped; for the others a zero adjoint adds (±)0.</li>
 * </ul>
 * Inner reductions call back into the body program ({@link Program#loop}), which may itself use a kernel.
 * Atoms are called through their own (public, final) class so the JIT inlines them. A body the compiler
 * declines — too large for the JIT to compile ({@value #MAX_CODE_BYTES} bytes of bytecode) — stays
 * interpreted.
 */
final class KernelCompiler {
    /** HotSpot's HugeMethodLimit: a larger method is never JIT-compiled, so interpreting is better. */
    static final int MAX_CODE_BYTES = 8000;
    static final int MAX_INSTRUCTIONS = 2000;

    private static final String KERNEL = Type.getInternalName(LoopKernel.class);
    private static final String PROGRAM = Type.getInternalName(Program.class);
    private static final String SUPPORT = Type.getInternalName(KernelSupport.class);
    private static final String POWER = "org/gradus/atoms/Power";
    private static final String NAME = "org/gradus/eval/GeneratedLoopKernel";

    private final Program p;
    private final int slot;
    private final int from;
    private final int to;
    private final int size;
    private final int out;
    private final byte[] op;
    private final int[] a;
    private final int[] b;
    private final double[] k;

    /** Index arithmetic done in int, with the range of its values over the loop. */
    private final boolean[] isInt;
    private final double[] lo;
    private final double[] hi;
    private final boolean hasLoop;
    private final boolean needsEnv;

    /** Objects the kernel reads from its refs array (tables, atoms, scratch arrays), and per instruction their index. */
    private final List<Object> refs = new ArrayList<>();
    private final List<String> refTypes = new ArrayList<>();
    private final int[] tableRef;
    private final int[] atomRef;
    private final int[] scratchRef;
    private final String[] atomType;

    // per-method state
    private MethodVisitor mv;
    private int next;
    private int xL, gL, seedL, envL, pL, iL;
    private int[] refL;
    private int[] valL;
    private int[] adjL;
    private boolean[] inited;

    private KernelCompiler(Program body, int slot, int from, int to) {
        this.p = body;
        this.slot = slot;
        this.from = from;
        this.to = to;
        this.size = body.size;
        this.out = body.outputs[0];
        this.op = body.op;
        this.a = body.a;
        this.b = body.b;
        this.k = body.k;
        this.isInt = new boolean[size];
        this.lo = new double[size];
        this.hi = new double[size];
        this.tableRef = new int[size];
        this.atomRef = new int[size];
        this.scratchRef = new int[size];
        this.atomType = new String[size];
        boolean loops = false, otherIndex = false;
        for (int j = 0; j < size; j++) {
            tableRef[j] = atomRef[j] = scratchRef[j] = -1;
            switch (op[j]) {
                case LOOP -> loops = true;
                case INDEX -> otherIndex |= a[j] != slot;
                case LOOKUP -> tableRef[j] = ref(body.table[j], "[D");
                case UNARY, GENERIC -> {
                    Atom at = body.atom[j];
                    Class<?> c = at.getClass();
                    boolean direct = Modifier.isPublic(c.getModifiers()) && !c.isAnonymousClass() && !c.isHidden();
                    String fallback = op[j] == UNARY ? Type.getInternalName(UnaryAtom.class) : Type.getInternalName(Atom.class);
                    atomType[j] = direct ? Type.getInternalName(c) : fallback;
                    atomRef[j] = ref(at, atomType[j]);
                    if (op[j] == GENERIC) scratchRef[j] = ref(new double[body.args[j].length], "[D");
                }
                default -> {
                }
            }
        }
        this.hasLoop = loops;
        this.needsEnv = loops || otherIndex;
        analyzeIndexArithmetic();
    }

    /** The kernel for the body, or null when it is not compiled (the caller interprets). */
    static LoopKernel compile(Program body, int slot, int from, int to) {
        if (body.size > MAX_INSTRUCTIONS) return null;
        try {
            KernelCompiler c = new KernelCompiler(body, slot, from, to);
            byte[] bytes = c.generate();
            if (bytes == null) return null;
            String dump = System.getProperty("gradus.jit.dump");
            if (dump != null) java.nio.file.Files.write(java.nio.file.Path.of(dump, "kernel" + System.nanoTime() + ".class"), bytes);
            return (LoopKernel) constructorFor(bytes).invoke(body, body.env, c.refs.toArray());
        } catch (VirtualMachineError e) {
            throw e;
        } catch (Throwable e) {
            return null;
        }
    }

    /**
     * The constructor of the kernel class with exactly these bytes. A body's code depends only on its
     * instructions (tables, atoms and scratch arrays are constructor arguments), so recompiling the same
     * function — minimize run again, another method, a restart — reuses the class and the machine code
     * the JIT already made for it. At most {@link #CACHED_CLASSES} classes are kept.
     */
    private static MethodHandle constructorFor(byte[] bytes) throws ReflectiveOperationException {
        BytesKey key = new BytesKey(bytes);
        synchronized (CLASSES) {
            MethodHandle cached = CLASSES.get(key);
            if (cached != null) return cached;
        }
        MethodHandles.Lookup l = MethodHandles.lookup().defineHiddenClass(bytes, true);
        MethodHandle ctor = l.findConstructor(l.lookupClass(),
                MethodType.methodType(void.class, Program.class, int[].class, Object[].class));
        synchronized (CLASSES) {
            CLASSES.putIfAbsent(key, ctor);
        }
        return ctor;
    }

    static final int CACHED_CLASSES = 256;

    private static final java.util.Map<BytesKey, MethodHandle> CLASSES = new java.util.LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(java.util.Map.Entry<BytesKey, MethodHandle> eldest) {
            return size() > CACHED_CLASSES;
        }
    };

    private record BytesKey(byte[] bytes, int hash) {
        BytesKey(byte[] bytes) {
            this(bytes, java.util.Arrays.hashCode(bytes));
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof BytesKey k && k.hash == hash && java.util.Arrays.equals(k.bytes, bytes);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private int ref(Object o, String type) {
        refs.add(o);
        refTypes.add(type);
        return refs.size() - 1;
    }

    // ---- analysis ---------------------------------------------------------------------------------

    private static boolean integral(double v) {
        return v == Math.rint(v) && Math.abs(v) <= Integer.MAX_VALUE;
    }

    private void analyzeIndexArithmetic() {
        for (int j = 0; j < size; j++) {
            double l = 0, h = 0;
            boolean ok = false;
            switch (op[j]) {
                case CONST -> {
                    ok = integral(k[j]);
                    l = h = k[j];
                }
                case INDEX -> {
                    ok = a[j] == slot;
                    l = from;
                    h = Math.max(from, to - 1);
                }
                case ADDC -> {
                    ok = isInt[a[j]] && integral(k[j]);
                    l = lo[a[j]] + k[j];
                    h = hi[a[j]] + k[j];
                }
                case MULC -> {
                    ok = isInt[a[j]] && integral(k[j]);
                    double u = lo[a[j]] * k[j], v = hi[a[j]] * k[j];
                    l = Math.min(u, v);
                    h = Math.max(u, v);
                }
                case ADD -> {
                    ok = isInt[a[j]] && isInt[b[j]];
                    l = lo[a[j]] + lo[b[j]];
                    h = hi[a[j]] + hi[b[j]];
                }
                case MUL -> {
                    ok = isInt[a[j]] && isInt[b[j]];
                    double[] c = {lo[a[j]] * lo[b[j]], lo[a[j]] * hi[b[j]], hi[a[j]] * lo[b[j]], hi[a[j]] * hi[b[j]]};
                    l = Math.min(Math.min(c[0], c[1]), Math.min(c[2], c[3]));
                    h = Math.max(Math.max(c[0], c[1]), Math.max(c[2], c[3]));
                }
                default -> {
                }
            }
            // ints stay exact (as the interpreter's doubles are) only while no result leaves the int range
            isInt[j] = ok && l >= Integer.MIN_VALUE && h <= Integer.MAX_VALUE;
            lo[j] = l;
            hi[j] = h;
        }
    }

    /** Instructions receiving an adjoint contribution from j, in the order the reverse sweep adds them. */
    private int[] adjointTargets(int j) {
        return switch (op[j]) {
            case ADD, MUL, DIV, POW -> new int[]{a[j], b[j]};
            case ADDC, MULC, SQ, POWC, UNARY -> new int[]{a[j]};
            case ADDN, MULN, GENERIC -> p.args[j];
            default -> new int[0];
        };
    }

    /** Whether j's reverse step is skipped for a zero adjoint (its local derivative may be infinite or NaN). */
    private boolean guarded(int j) {
        return switch (op[j]) {
            case DIV, POW, UNARY, GENERIC, LOOP -> true;
            case POWC -> k[j] < 1 || k[j] != Math.rint(k[j]);
            default -> false;
        };
    }

    private boolean fusedLoop(int j) {
        return p.needsGradient[j] && !Double.isNaN(p.fusedSeed[j]);
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
        c.visitVarInsn(ALOAD, 0);
        c.visitVarInsn(ALOAD, 1);
        c.visitFieldInsn(PUTFIELD, NAME, "p", "L" + PROGRAM + ";");
        c.visitVarInsn(ALOAD, 0);
        c.visitVarInsn(ALOAD, 2);
        c.visitFieldInsn(PUTFIELD, NAME, "env", "[I");
        c.visitVarInsn(ALOAD, 0);
        c.visitVarInsn(ALOAD, 3);
        c.visitFieldInsn(PUTFIELD, NAME, "refs", "[Ljava/lang/Object;");
        c.visitInsn(RETURN);
        c.visitMaxs(0, 0);
        c.visitEnd();

        boolean ok = method(cw, "sum", "([DII)D", false, false)
                && method(cw, "sumRows", "([D[I)D", false, true)
                && method(cw, "sumFused", "([D[DDII)D", true, false)
                && method(cw, "sumRowsFused", "([D[DD[I)D", true, true);
        cw.visitEnd();
        return ok ? cw.toByteArray() : null;
    }

    /** One whole loop; false when its code is too large for the JIT. */
    private boolean method(ClassWriter cw, String name, String desc, boolean fused, boolean rows) {
        mv = cw.visitMethod(0, name, desc, null, null);
        mv.visitCode();
        xL = 1;
        int rowsL = -1, fromL = -1, toL = -1;
        if (fused) {
            gL = 2;
            seedL = 3;
            next = 5;
        } else {
            gL = seedL = -1;
            next = 2;
        }
        if (rows) rowsL = next++;
        else {
            fromL = next++;
            toL = next++;
        }
        // fields into locals, once before the loop
        envL = pL = -1;
        if (needsEnv) {
            envL = next++;
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, NAME, "env", "[I");
            mv.visitVarInsn(ASTORE, envL);
        }
        if (hasLoop) {
            pL = next++;
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, NAME, "p", "L" + PROGRAM + ";");
            mv.visitVarInsn(ASTORE, pL);
        }
        refL = new int[refs.size()];
        for (int r = 0; r < refL.length; r++) {
            refL[r] = next++;
            mv.visitVarInsn(ALOAD, 0);
            mv.visitFieldInsn(GETFIELD, NAME, "refs", "[Ljava/lang/Object;");
            pushInt(r);
            mv.visitInsn(AALOAD);
            mv.visitTypeInsn(CHECKCAST, refTypes.get(r));
            mv.visitVarInsn(ASTORE, refL[r]);
        }
        int sL = next;
        next += 2;
        iL = next++;
        int rL = rows ? next++ : -1;
        valL = new int[size];
        adjL = new int[size];
        for (int j = 0; j < size; j++) {
            if (op[j] == CONST) valL[j] = -1;
            else if (op[j] == INDEX && a[j] == slot) valL[j] = iL;
            else if (isInt[j]) valL[j] = next++;
            else {
                valL[j] = next;
                next += 2;
            }
            if (fused && p.needsGradient[j]) {
                adjL[j] = next;
                next += 2;
            } else adjL[j] = -1;
        }

        mv.visitInsn(DCONST_0);
        mv.visitVarInsn(DSTORE, sL);
        Label head = new Label(), end = new Label();
        if (rows) {
            mv.visitInsn(ICONST_0);
            mv.visitVarInsn(ISTORE, rL);
            mv.visitLabel(head);
            mv.visitVarInsn(ILOAD, rL);
            mv.visitVarInsn(ALOAD, rowsL);
            mv.visitInsn(ARRAYLENGTH);
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
            mv.visitVarInsn(ALOAD, envL);
            pushInt(slot);
            mv.visitVarInsn(ILOAD, iL);
            mv.visitInsn(IASTORE);
        }
        for (int j = 0; j < size; j++) forward(j, fused);
        mv.visitVarInsn(DLOAD, sL);
        loadD(out);
        mv.visitInsn(DADD);
        mv.visitVarInsn(DSTORE, sL);
        if (fused) backward();
        if (rows) mv.visitIincInsn(rL, 1);
        else mv.visitIincInsn(iL, 1);
        mv.visitJumpInsn(GOTO, head);
        mv.visitLabel(end);
        mv.visitVarInsn(DLOAD, sL);
        mv.visitInsn(DRETURN);
        Label mark = new Label();
        mv.visitLabel(mark);
        mv.visitMaxs(0, 0);
        mv.visitEnd();
        return mark.getOffset() <= MAX_CODE_BYTES;
    }

    // ---- forward sweep ----------------------------------------------------------------------------

    private void forward(int j, boolean fused) {
        switch (op[j]) {
            case CONST -> {
                return; // pushed where used
            }
            case INDEX -> {
                if (a[j] == slot) return; // the loop variable itself
                mv.visitVarInsn(ALOAD, envL);
                pushInt(a[j]);
                mv.visitInsn(IALOAD);
                mv.visitInsn(I2D);
            }
            case VAR -> {
                mv.visitVarInsn(ALOAD, xL);
                pushInt(a[j]);
                mv.visitInsn(DALOAD);
            }
            case ELEM -> {
                mv.visitVarInsn(ALOAD, xL);
                pushIndex(j, (int) k[j], true);
                mv.visitInsn(DALOAD);
            }
            case LOOKUP -> {
                mv.visitVarInsn(ALOAD, refL[tableRef[j]]);
                pushIndex(j, p.table[j].length, true);
                mv.visitInsn(DALOAD);
            }
            case ADD, MUL -> {
                int o = op[j] == ADD ? (isInt[j] ? IADD : DADD) : (isInt[j] ? IMUL : DMUL);
                if (op[j] == ADD && !isInt[j] && (isNeg(b[j]) || isNeg(a[j]))) { // a + (-c) is exactly a - c
                    boolean right = isNeg(b[j]);
                    loadD(right ? a[j] : b[j]);
                    loadD(right ? a[b[j]] : a[a[j]]);
                    mv.visitInsn(DSUB);
                    break;
                }
                if (isInt[j]) {
                    loadI(a[j]);
                    loadI(b[j]);
                } else {
                    loadD(a[j]);
                    loadD(b[j]);
                }
                mv.visitInsn(o);
            }
            case ADDC, MULC -> {
                int o = op[j] == ADDC ? (isInt[j] ? IADD : DADD) : (isInt[j] ? IMUL : DMUL);
                if (op[j] == ADDC && isNeg(a[j])) { // (-c) + k is exactly k - c
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
                if (isInt[j]) {
                    loadI(a[j]);
                    pushInt((int) k[j]);
                } else {
                    loadD(a[j]);
                    pushDouble(k[j]);
                }
                mv.visitInsn(o);
            }
            case ADDN, MULN -> {
                mv.visitInsn(op[j] == ADDN ? DCONST_0 : DCONST_1);
                for (int c : p.args[j]) {
                    loadD(c);
                    mv.visitInsn(op[j] == ADDN ? DADD : DMUL);
                }
            }
            case DIV -> {
                loadD(a[j]);
                loadD(b[j]);
                mv.visitInsn(DDIV);
            }
            case SQ -> {
                loadD(a[j]);
                mv.visitInsn(DUP2);
                mv.visitInsn(DMUL);
            }
            case POWC -> {
                loadD(a[j]);
                pushDouble(k[j]);
                mv.visitMethodInsn(INVOKESTATIC, POWER, "pow", "(DD)D", false);
            }
            case POW -> {
                loadD(a[j]);
                loadD(b[j]);
                mv.visitMethodInsn(INVOKESTATIC, POWER, "pow", "(DD)D", false);
            }
            case UNARY -> {
                mv.visitVarInsn(ALOAD, refL[atomRef[j]]);
                loadD(a[j]);
                mv.visitMethodInsn(INVOKEVIRTUAL, atomType[j], "apply", "(D)D", false);
            }
            case GENERIC -> {
                fillScratch(j);
                mv.visitVarInsn(ALOAD, refL[atomRef[j]]);
                mv.visitVarInsn(ALOAD, refL[scratchRef[j]]);
                mv.visitMethodInsn(INVOKEVIRTUAL, atomType[j], "value", "([D)D", false);
            }
            case LOOP -> {
                mv.visitVarInsn(ALOAD, pL);
                pushInt(j);
                mv.visitVarInsn(ALOAD, xL);
                if (fused && fusedLoop(j)) {
                    mv.visitVarInsn(ALOAD, gL);
                    pushDouble(p.fusedSeed[j]);
                    mv.visitVarInsn(DLOAD, seedL);
                    mv.visitInsn(DMUL);
                    mv.visitMethodInsn(INVOKEVIRTUAL, PROGRAM, "loopFused", "(I[D[DD)D", false);
                } else {
                    mv.visitMethodInsn(INVOKEVIRTUAL, PROGRAM, "loop", "(I[D)D", false);
                }
            }
            default -> throw new IllegalStateException("opcode " + op[j]);
        }
        mv.visitVarInsn(isInt[j] ? ISTORE : DSTORE, valL[j]);
    }

    /** Negation written as a product with -1 (how the simplifier spells a - b); computed as a negation. */
    private boolean isNeg(int j) {
        return op[j] == MULC && k[j] == -1 && !isInt[j];
    }

    private void fillScratch(int j) {
        int[] args = p.args[j];
        for (int m = 0; m < args.length; m++) {
            mv.visitVarInsn(ALOAD, refL[scratchRef[j]]);
            pushInt(m);
            loadD(args[m]);
            mv.visitInsn(DASTORE);
        }
    }

    /**
     * Pushes the int index of ELEM/LOOKUP j (without the vector's offset), checked against limit unless
     * the range analysis proved it within; without check it is the truncation the forward sweep checked.
     */
    private void pushIndex(int j, int limit, boolean check) {
        int c = b[j];
        if (isInt[c]) {
            loadI(c);
            if (check && !(lo[c] >= 0 && hi[c] < limit)) {
                pushInt(limit);
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "index", "(II)I", false);
            }
        } else {
            loadD(c);
            if (check) {
                pushInt(limit);
                mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "index", "(DI)I", false);
            } else {
                mv.visitInsn(D2I);
            }
        }
        if (op[j] == ELEM && a[j] != 0) {
            pushInt(a[j]);
            mv.visitInsn(IADD);
        }
    }

    // ---- reverse sweep ----------------------------------------------------------------------------

    private void backward() {
        // which adjoints are first reached inside a zero-adjoint guard: those start at 0 explicitly
        boolean[] reached = new boolean[size];
        boolean[] zeroFirst = new boolean[size];
        reached[out] = true;
        for (int j = size - 1; j >= 0; j--) {
            if (!p.needsGradient[j] || !reached[j]) continue;
            for (int t : adjointTargets(j)) {
                if (!p.needsGradient[t] || reached[t]) continue;
                reached[t] = true;
                zeroFirst[t] = guarded(j);
            }
        }
        inited = new boolean[size];
        for (int t = 0; t < size; t++) {
            if (zeroFirst[t]) {
                mv.visitInsn(DCONST_0);
                mv.visitVarInsn(DSTORE, adjL[t]);
                inited[t] = true;
            }
        }
        if (p.needsGradient[out]) {
            mv.visitVarInsn(DLOAD, seedL);
            mv.visitVarInsn(DSTORE, adjL[out]);
            inited[out] = true;
        }
        for (int j = size - 1; j >= 0; j--) {
            if (!p.needsGradient[j] || !inited[j]) continue; // no adjoint reaches j: it is zero
            Label skip = null;
            if (guarded(j) && !(op[j] == LOOP && fusedLoop(j))) {
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
        final int g = adjL[j];
        switch (op[j]) {
            case VAR -> {
                mv.visitVarInsn(ALOAD, gL);
                pushInt(a[j]);
                addAdjointToGradient(g);
            }
            case ELEM -> {
                mv.visitVarInsn(ALOAD, gL);
                pushIndex(j, 0, false);
                addAdjointToGradient(g);
            }
            case ADD -> {
                contribute(a[j], () -> mv.visitVarInsn(DLOAD, g), false);
                contribute(b[j], () -> mv.visitVarInsn(DLOAD, g), false);
            }
            case ADDC -> contribute(a[j], () -> mv.visitVarInsn(DLOAD, g), false);
            case ADDN -> {
                for (int c : p.args[j]) contribute(c, () -> mv.visitVarInsn(DLOAD, g), false);
            }
            case MUL -> {
                contribute(a[j], () -> product(g, b[j]), false);
                contribute(b[j], () -> product(g, a[j]), false);
            }
            case MULC -> contribute(a[j], () -> {
                mv.visitVarInsn(DLOAD, g);
                if (isNeg(j)) {
                    mv.visitInsn(DNEG);
                    return;
                }
                pushDouble(k[j]);
                mv.visitInsn(DMUL);
            }, false);
            case MULN -> {
                int[] args = p.args[j];
                for (int m = 0; m < args.length; m++) {
                    final int skipM = m;
                    contribute(args[m], () -> {
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
                contribute(a[j], () -> {
                    mv.visitVarInsn(DLOAD, g);
                    loadD(b[j]);
                    mv.visitInsn(DDIV);
                }, false);
                contribute(b[j], () -> {
                    mv.visitVarInsn(DLOAD, g);
                    loadD(j);
                    mv.visitInsn(DMUL);
                    loadD(b[j]);
                    mv.visitInsn(DDIV);
                }, true);
            }
            case SQ -> contribute(a[j], () -> {
                pushDouble(2);
                loadD(a[j]);
                mv.visitInsn(DMUL);
                mv.visitVarInsn(DLOAD, g);
                mv.visitInsn(DMUL);
            }, false);
            case POWC -> contribute(a[j], () -> {
                mv.visitVarInsn(DLOAD, g);
                pushDouble(k[j]);
                mv.visitInsn(DMUL);
                loadD(a[j]);
                pushDouble(k[j] - 1);
                mv.visitMethodInsn(INVOKESTATIC, POWER, "pow", "(DD)D", false);
                mv.visitInsn(DMUL);
            }, false);
            case POW -> {
                contribute(a[j], () -> {
                    mv.visitVarInsn(DLOAD, g);
                    loadD(a[j]);
                    loadD(b[j]);
                    mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "powBase", "(DD)D", false);
                    mv.visitInsn(DMUL);
                }, false);
                contribute(b[j], () -> {
                    mv.visitVarInsn(DLOAD, g);
                    loadD(a[j]);
                    loadD(j);
                    mv.visitMethodInsn(INVOKESTATIC, SUPPORT, "powExponent", "(DD)D", false);
                    mv.visitInsn(DMUL);
                }, false);
            }
            case UNARY -> contribute(a[j], () -> {
                mv.visitVarInsn(DLOAD, g);
                mv.visitVarInsn(ALOAD, refL[atomRef[j]]);
                loadD(a[j]);
                loadD(j);
                mv.visitMethodInsn(INVOKEVIRTUAL, atomType[j], "slope", "(DD)D", false);
                mv.visitInsn(DMUL);
            }, false);
            case GENERIC -> {
                fillScratch(j);
                int[] args = p.args[j];
                for (int m = 0; m < args.length; m++) {
                    final int arg = m;
                    contribute(args[m], () -> {
                        mv.visitVarInsn(DLOAD, g);
                        mv.visitVarInsn(ALOAD, refL[atomRef[j]]);
                        pushInt(arg);
                        mv.visitVarInsn(ALOAD, refL[scratchRef[j]]);
                        loadD(j);
                        mv.visitMethodInsn(INVOKEVIRTUAL, atomType[j], "derivative", "(I[DD)D", false);
                        mv.visitInsn(DMUL);
                    }, false);
                }
            }
            case LOOP -> {
                if (fusedLoop(j)) return; // its gradient was added in the forward sweep
                mv.visitVarInsn(ALOAD, pL);
                pushInt(j);
                mv.visitVarInsn(ALOAD, xL);
                mv.visitVarInsn(ALOAD, gL);
                mv.visitVarInsn(DLOAD, g);
                mv.visitMethodInsn(INVOKEVIRTUAL, PROGRAM, "loopBackward", "(I[D[DD)V", false);
            }
            default -> {
            }
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

    private void product(int g, int factor) {
        mv.visitVarInsn(DLOAD, g);
        loadD(factor);
        mv.visitInsn(DMUL);
    }

    /** adj[t] += term (or -= term); the first contribution to an adjoint stores it. */
    private void contribute(int t, Runnable term, boolean subtract) {
        if (!p.needsGradient[t]) return;
        if (!inited[t]) {
            term.run();
            if (subtract) mv.visitInsn(DNEG);
            mv.visitVarInsn(DSTORE, adjL[t]);
            inited[t] = true;
            return;
        }
        mv.visitVarInsn(DLOAD, adjL[t]);
        term.run();
        mv.visitInsn(subtract ? DSUB : DADD);
        mv.visitVarInsn(DSTORE, adjL[t]);
    }

    // ---- operands ---------------------------------------------------------------------------------

    private void loadD(int j) {
        if (op[j] == CONST) pushDouble(k[j]);
        else if (isInt[j]) {
            mv.visitVarInsn(ILOAD, valL[j]);
            mv.visitInsn(I2D);
        } else mv.visitVarInsn(DLOAD, valL[j]);
    }

    private void loadI(int j) {
        if (op[j] == CONST) pushInt((int) k[j]);
        else mv.visitVarInsn(ILOAD, valL[j]);
    }

    private void pushInt(int v) {
        if (v >= -1 && v <= 5) mv.visitInsn(ICONST_0 + v);
        else if (v >= Byte.MIN_VALUE && v <= Byte.MAX_VALUE) mv.visitIntInsn(BIPUSH, v);
        else if (v >= Short.MIN_VALUE && v <= Short.MAX_VALUE) mv.visitIntInsn(SIPUSH, v);
        else mv.visitLdcInsn(v);
    }

    private void pushDouble(double v) {
        if (Double.doubleToRawLongBits(v) == 0L) mv.visitInsn(DCONST_0);
        else if (v == 1) mv.visitInsn(DCONST_1);
        else mv.visitLdcInsn(v);
    }

    @Override
    public String toString() {
        return "KernelCompiler" + Arrays.toString(op);
    }
}
