package org.gradus.eval;

import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Power;
import org.gradus.atoms.UnaryAtom;
import org.gradus.atoms.VectorFunction;
import org.gradus.expr.Constant;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.Layout;
import org.gradus.expr.Lookup;
import org.gradus.expr.SumOver;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An expression DAG compiled once into flat instruction arrays, evaluated at any point without
 * building new graphs: values in one forward sweep, gradients by reverse-mode AD (one backward sweep,
 * each local derivative from the atom), vector-Jacobian products of several outputs.
 *
 * <p>A reduction {@code sum(range) { i -> body }} is one LOOP instruction holding its body as a
 * sub-program compiled once; the body runs per index value. In the backward sweep a LOOP re-runs its
 * body forward and backward per index value. When the adjoint of a LOOP is a compile-time constant
 * (the reduction reaches the output only through sums and constant factors, as in {@code mean(data)
 * {..} + 0.1*l2(w)}) the forward and backward sweeps of the body are fused into one pass, so a value
 * with gradient reads the data once.
 *
 * <p>Not thread-safe: a program owns its scratch arrays. Compile one per thread.
 */
public final class Program {
    static final byte CONST = 0, VAR = 1, INDEX = 2, ELEM = 3, LOOKUP = 4, ADD = 5, ADDC = 6, ADDN = 7, MUL = 8,
            MULC = 9, MULN = 10, DIV = 11, SQ = 12, POWC = 13, POW = 14, UNARY = 15, GENERIC = 16, LOOP = 17;

    final int size;
    final byte[] op;
    final int[] a;
    final int[] b;
    final double[] k;
    final int[][] args;
    final Atom[] atom;
    final double[][] table;
    final Program[] body;
    private final String[] dataRows;
    final int[] from;
    final int[] to;
    final int[] outputs;
    final boolean[] needsGradient;
    /** For LOOP instructions: the constant adjoint when the loop can be fused, else NaN. */
    final double[] fusedSeed;
    final int[] env;
    private final double[] val;
    private final double[] adj;
    private final double[][] argValues;
    private final Map<String, int[]> subsets;
    /** Loop bodies compiled to JVM bytecode once they have run long enough (see KernelCompiler). */
    private final LoopKernels kernels;

    private Program(Builder bld, int[] outputs, int[] env, Map<String, int[]> subsets) {
        this.size = bld.op.size();
        this.op = new byte[size];
        this.a = new int[size];
        this.b = new int[size];
        this.k = new double[size];
        this.args = new int[size][];
        this.atom = new Atom[size];
        this.table = new double[size][];
        this.body = new Program[size];
        this.dataRows = new String[size];
        this.from = new int[size];
        this.to = new int[size];
        this.needsGradient = new boolean[size];
        this.argValues = new double[size][];
        for (int i = 0; i < size; i++) {
            op[i] = bld.op.get(i);
            a[i] = bld.a.get(i);
            b[i] = bld.b.get(i);
            k[i] = bld.k.get(i);
            args[i] = bld.args.get(i);
            atom[i] = bld.atom.get(i);
            table[i] = bld.table.get(i);
            body[i] = bld.body.get(i);
            dataRows[i] = bld.dataRows.get(i);
            from[i] = bld.from.get(i);
            to[i] = bld.to.get(i);
            if (args[i] != null) argValues[i] = new double[args[i].length];
        }
        this.outputs = outputs;
        this.env = env;
        this.subsets = subsets;
        this.val = new double[size];
        this.adj = new double[size];
        markGradientPaths();
        this.fusedSeed = outputs.length == 1 ? constantAdjoints(outputs[0]) : nanArray(size);
        this.kernels = new LoopKernels(size);
    }

    /** Compiles one expression over the coordinates of the layout. */
    public static Program compile(Expr e, Layout layout) {
        return compile(List.of(e), layout);
    }

    /** Compiles several expressions together; shared sub-expressions are computed once. */
    public static Program compile(List<Expr> exprs, Layout layout) {
        Map<IndexSymbol, Integer> slots = new HashMap<>();
        for (Expr e : exprs) {
            Traversal.forEachNode(e, n -> {
                if (n instanceof SumOver s) slots.putIfAbsent(s.index(), slots.size());
            });
        }
        int[] env = new int[Math.max(1, slots.size())];
        return compile(exprs, layout, slots, env, new HashMap<>());
    }

    private static Program compile(List<Expr> exprs, Layout layout, Map<IndexSymbol, Integer> slots, int[] env,
                                   Map<String, int[]> subsets) {
        Builder bld = new Builder(layout, slots, env, subsets);
        int[] outs = new int[exprs.size()];
        for (int i = 0; i < outs.length; i++) outs[i] = bld.emit(exprs.get(i));
        return new Program(bld, outs, env, subsets);
    }

    public int outputCount() {
        return outputs.length;
    }

    /** Number of instructions, counting loop bodies once (the size of the compiled graph). */
    public int instructionCount() {
        int n = size;
        for (Program p : body) if (p != null) n += p.instructionCount();
        return n;
    }

    /**
     * Restricts every data reduction over {@code dataRows} to the given rows (a mini-batch), scaled so
     * the reduction still estimates the full sum; null restores all rows.
     */
    public void useRows(String dataRows, int[] rows) {
        if (rows == null) subsets.remove(dataRows);
        else subsets.put(dataRows, rows);
    }

    /** The value of the first output at x. */
    public double value(double[] x) {
        forward(x);
        return val[outputs[0]];
    }

    /** Every output at x, into {@code out}. */
    public void values(double[] x, double[] out) {
        forward(x);
        for (int i = 0; i < outputs.length; i++) out[i] = val[outputs[i]];
    }

    /** The value of the (single) output at x; its gradient is written into {@code grad}. */
    public double valueAndGradient(double[] x, double[] grad) {
        Arrays.fill(grad, 0);
        forwardFused(x, grad, 1.0);
        double v = val[outputs[0]];
        Arrays.fill(adj, 0);
        adj[outputs[0]] = 1;
        backward(x, grad, true);
        return v;
    }

    /** Σₖ seeds[k]·∇outputₖ(x) into {@code grad} (a vector-Jacobian product); the outputs' values into {@code out} if not null. */
    public void vectorJacobian(double[] x, double[] seeds, double[] grad, double[] out) {
        Arrays.fill(grad, 0);
        forward(x);
        if (out != null) for (int i = 0; i < outputs.length; i++) out[i] = val[outputs[i]];
        Arrays.fill(adj, 0);
        for (int i = 0; i < outputs.length; i++) adj[outputs[i]] += seeds[i];
        backward(x, grad, false);
    }

    // ---- forward and backward sweeps ------------------------------------------------------------

    private void forward(double[] x) {
        forwardFused(x, null, Double.NaN);
    }

    /** The forward sweep; with grad != null, LOOPs with a constant adjoint also run their body backward. */
    private void forwardFused(double[] x, double[] grad, double scale) {
        final byte[] op = this.op;
        final int[] a = this.a, b = this.b;
        final double[] k = this.k, val = this.val;
        for (int i = 0; i < size; i++) {
            switch (op[i]) {
                case CONST -> val[i] = k[i];
                case VAR -> val[i] = x[a[i]];
                case INDEX -> val[i] = env[a[i]];
                case ELEM -> val[i] = x[a[i] + element(i, val[b[i]])];
                case LOOKUP -> val[i] = table[i][lookupIndex(i, val[b[i]])];
                case ADD -> val[i] = val[a[i]] + val[b[i]];
                case ADDC -> val[i] = val[a[i]] + k[i];
                case ADDN -> {
                    double s = 0;
                    for (int j : args[i]) s += val[j];
                    val[i] = s;
                }
                case MUL -> val[i] = val[a[i]] * val[b[i]];
                case MULC -> val[i] = val[a[i]] * k[i];
                case MULN -> {
                    double p = 1;
                    for (int j : args[i]) p *= val[j];
                    val[i] = p;
                }
                case DIV -> val[i] = val[a[i]] / val[b[i]];
                case SQ -> {
                    double v = val[a[i]];
                    val[i] = v * v;
                }
                case POWC -> val[i] = Power.pow(val[a[i]], k[i]);
                case POW -> val[i] = Power.pow(val[a[i]], val[b[i]]);
                case UNARY -> val[i] = ((UnaryAtom) atom[i]).apply(val[a[i]]);
                case GENERIC -> {
                    double[] av = argValues[i];
                    int[] ai = args[i];
                    for (int j = 0; j < ai.length; j++) av[j] = val[ai[j]];
                    val[i] = atom[i].value(av);
                }
                case LOOP -> {
                    double seed = fusedSeed[i];
                    val[i] = grad != null && !Double.isNaN(seed) && needsGradient[i]
                            ? loopFused(i, x, grad, seed * scale) : loop(i, x);
                }
                default -> throw new IllegalStateException("bad opcode " + op[i]);
            }
        }
    }

    private int element(int i, double index) {
        int idx = (int) index;
        if (idx < 0 || idx >= (int) k[i]) {
            throw new IndexOutOfBoundsException("index " + idx + " is outside 0.." + ((int) k[i] - 1));
        }
        return idx;
    }

    private int lookupIndex(int i, double index) {
        int idx = (int) index;
        if (idx < 0 || idx >= table[i].length) {
            throw new IndexOutOfBoundsException("index " + idx + " is outside 0.." + (table[i].length - 1));
        }
        return idx;
    }

    double loop(int i, double[] x) {
        Program p = body[i];
        int slot = a[i];
        int[] rows = dataRows[i] == null ? null : subsets.get(dataRows[i]);
        LoopKernel kernel = kernels.get(this, i, rows);
        if (kernel != null) {
            return rows == null ? kernel.sum(x, from[i], to[i]) : kernel.sumRows(x, rows) * (to[i] - from[i]) / rows.length;
        }
        double s = 0;
        if (rows != null) {
            for (int r : rows) {
                env[slot] = r;
                p.forward(x);
                s += p.val[p.outputs[0]];
            }
            return s * (to[i] - from[i]) / rows.length;
        }
        for (int r = from[i]; r < to[i]; r++) {
            env[slot] = r;
            p.forward(x);
            s += p.val[p.outputs[0]];
        }
        return s;
    }

    /** One pass over the range: each body value, and at once its gradient times the loop's constant adjoint. */
    double loopFused(int i, double[] x, double[] grad, double seed) {
        Program p = body[i];
        int slot = a[i];
        int[] rows = dataRows[i] == null ? null : subsets.get(dataRows[i]);
        LoopKernel kernel = kernels.get(this, i, rows);
        double s = 0;
        if (rows != null) {
            double scale = (double) (to[i] - from[i]) / rows.length;
            if (kernel != null) return kernel.sumRowsFused(x, grad, seed * scale, rows) * scale;
            for (int r : rows) {
                env[slot] = r;
                s += p.bodyValueAndGradient(x, grad, seed * scale);
            }
            return s * scale;
        }
        if (kernel != null) return kernel.sumFused(x, grad, seed, from[i], to[i]);
        for (int r = from[i]; r < to[i]; r++) {
            env[slot] = r;
            s += p.bodyValueAndGradient(x, grad, seed);
        }
        return s;
    }

    private double bodyValueAndGradient(double[] x, double[] grad, double seed) {
        forwardFused(x, grad, seed);
        double v = val[outputs[0]];
        Arrays.fill(adj, 0);
        adj[outputs[0]] = seed;
        backward(x, grad, true);
        return v;
    }

    private void backward(double[] x, double[] grad, boolean fusedDone) {
        final byte[] op = this.op;
        final int[] a = this.a, b = this.b;
        final double[] k = this.k, val = this.val, adj = this.adj;
        for (int i = size - 1; i >= 0; i--) {
            double g = adj[i];
            if (g == 0 || !needsGradient[i]) continue;
            switch (op[i]) {
                case VAR -> grad[a[i]] += g;
                case ELEM -> grad[a[i] + (int) val[b[i]]] += g;
                case ADD -> {
                    adj[a[i]] += g;
                    adj[b[i]] += g;
                }
                case ADDC -> adj[a[i]] += g;
                case ADDN -> {
                    for (int j : args[i]) adj[j] += g;
                }
                case MUL -> {
                    adj[a[i]] += g * val[b[i]];
                    adj[b[i]] += g * val[a[i]];
                }
                case MULC -> adj[a[i]] += g * k[i];
                case MULN -> {
                    int[] ai = args[i];
                    for (int j = 0; j < ai.length; j++) {
                        double p = g;
                        for (int m = 0; m < ai.length; m++) if (m != j) p *= val[ai[m]];
                        adj[ai[j]] += p;
                    }
                }
                case DIV -> {
                    double d = val[b[i]];
                    adj[a[i]] += g / d;
                    adj[b[i]] -= g * val[i] / d;
                }
                case SQ -> adj[a[i]] += 2 * val[a[i]] * g;
                case POWC -> {
                    double p = k[i];
                    adj[a[i]] += g * p * Power.pow(val[a[i]], p - 1);
                }
                case POW -> {
                    double base = val[a[i]], p = val[b[i]];
                    adj[a[i]] += g * (p == 0 ? 0 : p * Power.pow(base, p - 1));
                    adj[b[i]] += g * (val[i] == 0 ? 0 : val[i] * Math.log(base));
                }
                case UNARY -> adj[a[i]] += g * ((UnaryAtom) atom[i]).slope(val[a[i]], val[i]);
                case GENERIC -> {
                    double[] av = argValues[i];
                    int[] ai = args[i];
                    for (int j = 0; j < ai.length; j++) av[j] = val[ai[j]];
                    for (int j = 0; j < ai.length; j++) adj[ai[j]] += g * atom[i].derivative(j, av, val[i]);
                }
                case LOOP -> {
                    if (!(fusedDone && !Double.isNaN(fusedSeed[i]))) loopBackward(i, x, grad, g);
                }
                default -> {
                }
            }
        }
    }

    void loopBackward(int i, double[] x, double[] grad, double g) {
        Program p = body[i];
        int slot = a[i];
        int[] rows = dataRows[i] == null ? null : subsets.get(dataRows[i]);
        LoopKernel kernel = kernels.get(this, i, rows);
        if (rows != null) {
            double scale = (double) (to[i] - from[i]) / rows.length;
            if (kernel != null) {
                kernel.sumRowsFused(x, grad, g * scale, rows);
                return;
            }
            for (int r : rows) {
                env[slot] = r;
                p.bodyValueAndGradient(x, grad, g * scale);
            }
            return;
        }
        if (kernel != null) {
            kernel.sumFused(x, grad, g, from[i], to[i]);
            return;
        }
        for (int r = from[i]; r < to[i]; r++) {
            env[slot] = r;
            p.bodyValueAndGradient(x, grad, g);
        }
    }

    /**
     * Loop bodies are compiled to bytecode once a loop has run this many iterations in all; 0 compiles
     * them at first use, {@link Long#MAX_VALUE} never (interpreting only). Applies to nested loops too.
     */
    void jitThreshold(long iterations) {
        kernels.threshold = iterations;
        for (Program p : body) if (p != null) p.jitThreshold(iterations);
    }

    /** Number of loop bodies compiled to bytecode so far, nested ones included. */
    int compiledLoopCount() {
        int n = kernels.compiledCount();
        for (Program p : body) if (p != null) n += p.compiledLoopCount();
        return n;
    }

    // ---- compile-time analyses ------------------------------------------------------------------

    private void markGradientPaths() {
        for (int i = 0; i < size; i++) {
            boolean need = switch (op[i]) {
                case VAR, ELEM -> true;
                case CONST, INDEX, LOOKUP -> false;
                case LOOP -> body[i].needsGradient[body[i].outputs[0]];
                case ADDN, MULN, GENERIC -> anyNeeds(args[i]);
                case ADD, MUL, DIV, POW -> needsGradient[a[i]] || needsGradient[b[i]];
                default -> needsGradient[a[i]];
            };
            needsGradient[i] = need;
        }
    }

    private boolean anyNeeds(int[] ids) {
        for (int j : ids) if (needsGradient[j]) return true;
        return false;
    }

    /**
     * The adjoint of each instruction when it is a compile-time constant (the instruction reaches the
     * output only through additions and constant factors), else NaN. Instructions are visited from the
     * output back; an instruction's consumers all come after it.
     */
    private double[] constantAdjoints(int output) {
        double[] c = new double[size];
        boolean[] known = new boolean[size];
        Arrays.fill(known, true);
        c[output] = 1;
        for (int i = size - 1; i >= 0; i--) {
            int[] children = childrenOf(i);
            for (int j = 0; j < children.length; j++) {
                int ch = children[j];
                if (!known[i]) {
                    known[ch] = false;
                    continue;
                }
                switch (op[i]) {
                    case ADD, ADDC, ADDN -> c[ch] += c[i];
                    case MULC -> c[ch] += c[i] * k[i];
                    default -> known[ch] = false;
                }
            }
        }
        double[] seeds = nanArray(size);
        for (int i = 0; i < size; i++) if (op[i] == LOOP && known[i]) seeds[i] = c[i];
        return seeds;
    }

    private int[] childrenOf(int i) {
        return switch (op[i]) {
            case CONST, VAR, INDEX, LOOP -> new int[0];
            case ELEM, LOOKUP -> new int[]{b[i]};
            case ADD, MUL, DIV, POW -> new int[]{a[i], b[i]};
            case ADDN, MULN, GENERIC -> args[i];
            default -> new int[]{a[i]};
        };
    }

    private static double[] nanArray(int n) {
        double[] d = new double[n];
        Arrays.fill(d, Double.NaN);
        return d;
    }

    // ---- the compiler ---------------------------------------------------------------------------

    private static final class Builder {
        final List<Byte> op = new ArrayList<>();
        final List<Integer> a = new ArrayList<>(), b = new ArrayList<>(), from = new ArrayList<>(), to = new ArrayList<>();
        final List<Double> k = new ArrayList<>();
        final List<int[]> args = new ArrayList<>();
        final List<Atom> atom = new ArrayList<>();
        final List<double[]> table = new ArrayList<>();
        final List<Program> body = new ArrayList<>();
        final List<String> dataRows = new ArrayList<>();
        final Map<Expr, Integer> emitted = new HashMap<>();
        final Layout layout;
        final Map<IndexSymbol, Integer> slots;
        final int[] env;
        final Map<String, int[]> subsets;

        Builder(Layout layout, Map<IndexSymbol, Integer> slots, int[] env, Map<String, int[]> subsets) {
            this.layout = layout;
            this.slots = slots;
            this.env = env;
            this.subsets = subsets;
        }

        int add(byte o, int x, int y, double c, int[] as, Atom at) {
            op.add(o);
            a.add(x);
            b.add(y);
            k.add(c);
            args.add(as);
            atom.add(at);
            table.add(null);
            body.add(null);
            dataRows.add(null);
            from.add(0);
            to.add(0);
            return op.size() - 1;
        }

        int emit(Expr e) {
            Integer done = emitted.get(e);
            if (done != null) return done;
            int id = emitNew(e);
            emitted.put(e, id);
            return id;
        }

        private int emitNew(Expr e) {
            if (e instanceof Constant c) return add(CONST, 0, 0, c.value(), null, null);
            if (e instanceof Variable v) return add(VAR, offsetOf(v), 0, 0, null, null);
            if (e instanceof IndexSymbol s) {
                Integer slot = slots.get(s);
                if (slot == null) throw new IllegalArgumentException("loop index " + s.name() + " used outside its sum");
                return add(INDEX, slot, 0, 0, null, null);
            }
            if (e instanceof Element el) {
                int idx = emit(el.index());
                return add(ELEM, offsetOf(el.vector()), idx, el.vector().size(), null, null);
            }
            if (e instanceof Lookup l) {
                int idx = emit(l.index());
                int id = add(LOOKUP, 0, idx, 0, null, null);
                table.set(id, l.table());
                return id;
            }
            if (e instanceof VectorFunction v) return emit(v.lowered());
            if (e instanceof SumOver s) {
                Program p = compile(List.of(s.body()), layout, slots, env, subsets);
                int id = add(LOOP, slots.get(s.index()), 0, 0, null, null);
                body.set(id, p);
                from.set(id, s.from());
                to.set(id, s.to());
                dataRows.set(id, s.dataRows());
                return id;
            }
            Apply ap = (Apply) e;
            Atom at = ap.atom();
            List<Expr> xs = ap.args();
            if (at instanceof Add) {
                if (xs.size() == 2 && xs.get(1) instanceof Constant c) return add(ADDC, emit(xs.get(0)), 0, c.value(), null, null);
                if (xs.size() == 2) return add(ADD, emit(xs.get(0)), emit(xs.get(1)), 0, null, null);
                return add(ADDN, 0, 0, 0, emitAll(xs), null);
            }
            if (at instanceof Multiply) {
                if (xs.size() == 2 && xs.get(0) instanceof Constant c) return add(MULC, emit(xs.get(1)), 0, c.value(), null, null);
                if (xs.size() == 2) return add(MUL, emit(xs.get(0)), emit(xs.get(1)), 0, null, null);
                if (xs.get(0) instanceof Constant c) {
                    int rest = add(MULN, 0, 0, 0, emitAll(xs.subList(1, xs.size())), null);
                    return add(MULC, rest, 0, c.value(), null, null);
                }
                return add(MULN, 0, 0, 0, emitAll(xs), null);
            }
            if (at instanceof Divide) return add(DIV, emit(xs.get(0)), emit(xs.get(1)), 0, null, null);
            if (at instanceof Power) {
                if (xs.get(1) instanceof Constant c) {
                    if (c.value() == 2) return add(SQ, emit(xs.get(0)), 0, 0, null, null);
                    return add(POWC, emit(xs.get(0)), 0, c.value(), null, null);
                }
                return add(POW, emit(xs.get(0)), emit(xs.get(1)), 0, null, null);
            }
            if (at instanceof UnaryAtom) return add(UNARY, emit(xs.get(0)), 0, 0, null, at);
            return add(GENERIC, 0, 0, 0, emitAll(xs), at);
        }

        private int[] emitAll(List<Expr> xs) {
            int[] ids = new int[xs.size()];
            for (int i = 0; i < ids.length; i++) ids[i] = emit(xs.get(i));
            return ids;
        }

        private int offsetOf(org.gradus.expr.VariableBlock v) {
            int o = layout.offset(v);
            if (o < 0) throw new IllegalArgumentException("variable " + v.name() + " is not among the coordinates " + layout.coordinateNames());
            return o;
        }
    }
}
