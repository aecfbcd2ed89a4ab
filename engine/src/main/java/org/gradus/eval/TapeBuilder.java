package org.gradus.eval;

import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Power;
import org.gradus.atoms.UnaryAtom;
import org.gradus.atoms.VectorAtom;
import org.gradus.atoms.VectorFunction;
import org.gradus.data.DataSet;
import org.gradus.atoms.array.ArrayNode;
import org.gradus.expr.Constant;
import org.gradus.expr.DataRowsKey;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.Layout;
import org.gradus.expr.Lookup;
import org.gradus.atoms.Ops;
import org.gradus.expr.SumOver;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;
import org.gradus.expr.VariableBlock;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.gradus.eval.Opcode.*;

/**
 * Turns expressions into a {@link Tape}: each distinct sub-expression becomes one instruction (shared
 * sub-expressions are computed once), chosen by the shape of the node — {@code x + 3} is ADDC,
 * {@code 2*x} MULC, {@code x**2} SQ — and every reduction a LOOP over a body tape of its own. Loop
 * indices are numbered into slots of one environment shared by the whole program.
 */
final class TapeBuilder {
    private final List<Byte> op = new ArrayList<>();
    private final List<Integer> a = new ArrayList<>(), b = new ArrayList<>(), from = new ArrayList<>(), to = new ArrayList<>();
    private final List<Double> k = new ArrayList<>();
    private final List<int[]> args = new ArrayList<>();
    private final List<Atom> atom = new ArrayList<>();
    /** Per instruction its table: a double[] or float[] ({@link org.gradus.expr.TableStorage}), or null. */
    private final List<Object> table = new ArrayList<>();
    private final List<Tape> body = new ArrayList<>();
    private final List<String> dataRows = new ArrayList<>();
    private final List<Remote> remote = new ArrayList<>();
    private final List<Integer> len = new ArrayList<>();
    private final List<int[]> dims = new ArrayList<>();
    private final List<VectorAtom> vectorAtom = new ArrayList<>();
    private final ArrayTapeBuilder arrays = new ArrayTapeBuilder(this);
    private final Map<Expr, Integer> emitted = new HashMap<>();
    private final Layout layout;
    private final Map<IndexSymbol, Integer> slots;
    /** Whether this tape is the body of a reduction (a sum over partitioned rows may not be nested). */
    private final boolean nested;

    private TapeBuilder(Layout layout, Map<IndexSymbol, Integer> slots, boolean nested) {
        this.layout = layout;
        this.slots = slots;
        this.nested = nested;
    }

    /** The slot of every loop index in the expressions, numbered from 0. */
    static Map<IndexSymbol, Integer> indexSlots(List<Expr> exprs) {
        Map<IndexSymbol, Integer> slots = new HashMap<>();
        for (Expr e : exprs) {
            Traversal.forEachNode(e, n -> {
                if (n instanceof SumOver s) slots.putIfAbsent(s.index(), slots.size());
            });
        }
        return slots;
    }

    /** The tape of the expressions (one output each) over the coordinates of the layout. */
    static Tape build(List<Expr> exprs, Layout layout, Map<IndexSymbol, Integer> slots) {
        return build(exprs, layout, slots, false);
    }

    private static Tape build(List<Expr> exprs, Layout layout, Map<IndexSymbol, Integer> slots, boolean nested) {
        TapeBuilder bld = new TapeBuilder(layout, slots, nested);
        int[] outs = new int[exprs.size()];
        for (int i = 0; i < outs.length; i++) outs[i] = bld.emit(exprs.get(i));
        return bld.tape(outs);
    }

    private Tape tape(int[] outputs) {
        int n = op.size();
        byte[] o = new byte[n];
        int[] aa = new int[n], bb = new int[n], ff = new int[n], tt = new int[n];
        double[] kk = new double[n];
        for (int i = 0; i < n; i++) {
            o[i] = op.get(i);
            aa[i] = a.get(i);
            bb[i] = b.get(i);
            kk[i] = k.get(i);
            ff[i] = from.get(i);
            tt[i] = to.get(i);
        }
        int[] ll = new int[n];
        for (int i = 0; i < n; i++) ll[i] = len.get(i);
        return new Tape(o, aa, bb, kk, args.toArray(new int[0][]), atom.toArray(new Atom[0]), doubleTables(table), floatTables(table),
                body.toArray(new Tape[0]), ff, tt, dataRows.toArray(new String[0]), remote.toArray(new Remote[0]), outputs, ll,
                dims.toArray(new int[0][]), vectorAtom.toArray(new VectorAtom[0]));
    }

    /** An array instruction of {@code length} elements (0: a scalar value) with its shape parameters. */
    int addArray(byte o, int x, int y, double c, int[] as, Atom at, int length, int... shape) {
        int id = add(o, x, y, c, as, at);
        len.set(id, length);
        dims.set(id, shape);
        return id;
    }

    /** The table instruction id reads: a double[] or a float[]. */
    void setTable(int id, Object t) {
        table.set(id, t);
    }

    private static double[][] doubleTables(List<Object> tables) {
        double[][] d = new double[tables.size()][];
        for (int i = 0; i < d.length; i++) if (tables.get(i) instanceof double[] t) d[i] = t;
        return d;
    }

    private static float[][] floatTables(List<Object> tables) {
        float[][] f = new float[tables.size()][];
        for (int i = 0; i < f.length; i++) if (tables.get(i) instanceof float[] t) f[i] = t;
        return f;
    }

    void setVectorAtom(int id, VectorAtom v) {
        vectorAtom.set(id, v);
    }

    /** An array-valued reduction: its body tape, range and rows key. */
    int addArrayLoop(SumOver s) {
        DataSet.PartitionedRows rows = DataSet.partitionedRows(s.dataRows());
        if (rows != null) {
            throw new IllegalArgumentException("an array-valued sum over the rows of " + DataRowsKey.displayName(s.dataRows()) + ", which live in "
                    + rows.partitions().where() + ", cannot be evaluated there yet; sum a number per row (mean(data) { row -> ... }), "
                    + "or read the data into memory (csv)");
        }
        Tape t = build(List.of(s.body()), layout, slots);
        int id = addArray(ALOOP, slots.get(s.index()), 0, 0, null, null, s.shape().size());
        body.set(id, t);
        from.set(id, s.from());
        to.set(id, s.to());
        dataRows.set(id, s.dataRows());
        return id;
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
        remote.add(null);
        from.add(0);
        to.add(0);
        len.add(0);
        dims.add(null);
        vectorAtom.add(null);
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
        if (e.isArray() || e instanceof ArrayNode) return arrays.emit(e);
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
            DataSet.PartitionedRows rows = DataSet.partitionedRows(s.dataRows());
            if (rows != null) return partitionedSum(s, rows);
            int dot = dotProduct(s);
            if (dot >= 0) return dot;
            Tape t = build(List.of(s.body()), layout, slots, true);
            int id = add(LOOP, slots.get(s.index()), 0, 0, null, null);
            body.set(id, t);
            from.set(id, s.from());
            to.set(id, s.to());
            dataRows.set(id, s.dataRows());
            return id;
        }
        return emitApply((Apply) e);
    }

    /**
     * A reduction over the rows of a partitioned data set: a LOOP like any other (mini-batches restrict it
     * by its rows key), evaluated where the rows are by the body's {@link RowKernel}.
     */
    private int partitionedSum(SumOver s, DataSet.PartitionedRows rows) {
        if (nested) {
            throw new IllegalArgumentException("a sum over the rows of " + DataRowsKey.displayName(s.dataRows()) + ", which live in "
                    + rows.partitions().where() + ", cannot be inside another sum; write it at the top of the objective");
        }
        Tape t = build(List.of(s.body()), layout, slots, true);
        int slot = slots.get(s.index());
        int id = add(LOOP, slot, 0, 0, null, null);
        body.set(id, t);
        from.set(id, s.from());
        to.set(id, s.to());
        dataRows.set(id, s.dataRows());
        RowKernel kernel = RowKernel.of(t, slot, Math.max(1, slots.size()), rows.featureTable(), rows.targetTable());
        remote.set(id, new Remote(rows.partitions(), kernel));
        return id;
    }

    /**
     * {@code sum(from..<to) { i -> v[i] * table[base + i] }} — how {@code dot(w, row.x)} lowers — as one
     * DOT instruction, or -1 when the reduction has another shape (or its elements may fall outside the
     * vector: the loop then reports the index as it runs).
     */
    private int dotProduct(SumOver s) {
        if (!(s.body() instanceof Apply ap && ap.atom() instanceof Multiply && ap.args().size() == 2)) return -1;
        IndexSymbol i = s.index();
        for (int side = 0; side < 2; side++) {
            if (!(ap.arg(side) instanceof Element el && el.index().equals(i))) continue;
            if (!(ap.arg(1 - side) instanceof Lookup l)) continue;
            Expr base = offsetFrom(l.index(), i);
            if (base == null || s.from() < 0 || s.to() > el.vector().size()) continue;
            int id = add(DOT, offsetOf(el.vector()) + s.from(), emit(base), s.to() - s.from(), null, null);
            table.set(id, l.table());
            from.set(id, s.from());
            return id;
        }
        return -1;
    }

    /** base when index is {@code i} (base 0) or {@code base + i} with base free of i; else null. */
    private static Expr offsetFrom(Expr index, IndexSymbol i) {
        if (index.equals(i)) return Constant.ZERO;
        if (!(index instanceof Apply sum && sum.atom() instanceof Add)) return null;
        List<Expr> rest = new ArrayList<>();
        int found = 0;
        for (Expr term : sum.args()) {
            if (term.equals(i)) found++;
            else if (Traversal.contains(term, i)) return null;
            else rest.add(term);
        }
        return found == 1 ? Ops.add(rest) : null;
    }

    private int emitApply(Apply ap) {
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

    int offsetOf(VariableBlock v) {
        int o = layout.offset(v);
        if (o < 0) throw new IllegalArgumentException("variable " + v.name() + " is not among the coordinates " + layout.coordinateNames());
        return o;
    }
}
