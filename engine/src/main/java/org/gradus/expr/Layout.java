package org.gradus.expr;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The coordinates of a search space: variable blocks in declaration order, each at an offset of a
 * flat {@code double[]} point. Gradients and Hessian rows follow this order.
 */
public final class Layout {
    private final List<VariableBlock> blocks;
    private final Map<VariableBlock, Integer> offsets = new IdentityHashMap<>();
    private final int dimension;

    public Layout(List<? extends VariableBlock> blocks) {
        List<VariableBlock> sorted = new ArrayList<>(new LinkedHashSet<>(blocks));
        sorted.sort(Comparator.comparingLong(VariableBlock::order));
        this.blocks = List.copyOf(sorted);
        int off = 0;
        for (VariableBlock b : this.blocks) {
            offsets.put(b, off);
            off += b.size();
        }
        this.dimension = off;
    }

    /** The variables the expressions depend on. */
    public static Layout of(Expr... exprs) {
        List<VariableBlock> found = new ArrayList<>();
        for (Expr e : exprs) {
            Traversal.forEachNode(e, n -> {
                if (n instanceof Variable v) found.add(v);
                else if (n instanceof Element el) found.add(el.vector());
                else if (n instanceof VariableArray va) found.add(va.variable());
            });
        }
        return new Layout(found);
    }

    public List<VariableBlock> blocks() {
        return blocks;
    }

    public int dimension() {
        return dimension;
    }

    public boolean contains(VariableBlock b) {
        return offsets.containsKey(b);
    }

    /** Offset of the block's first coordinate, or -1 when the block is not part of this layout. */
    public int offset(VariableBlock b) {
        Integer o = offsets.get(b);
        return o == null ? -1 : o;
    }

    public String coordinateName(int index) {
        for (VariableBlock b : blocks) {
            int o = offsets.get(b);
            if (index < o + b.size()) return b.coordinateName(index - o);
        }
        throw new IndexOutOfBoundsException("coordinate " + index + " of " + dimension);
    }

    public List<String> coordinateNames() {
        List<String> out = new ArrayList<>(dimension);
        for (VariableBlock b : blocks) for (int k = 0; k < b.size(); k++) out.add(b.coordinateName(k));
        return out;
    }

    /** The coordinate as a scalar expression: the variable or the element. */
    public Expr coordinate(int index) {
        for (VariableBlock b : blocks) {
            int o = offsets.get(b);
            if (index < o + b.size()) return b instanceof Variable v ? v : ((VectorVariable) b).get(index - o);
        }
        throw new IndexOutOfBoundsException("coordinate " + index + " of " + dimension);
    }

    public double[] start() {
        double[] x = new double[dimension];
        for (VariableBlock b : blocks) {
            int o = offsets.get(b);
            for (int k = 0, n = b.size(); k < n; k++) x[o + k] = b.start(k);
        }
        return x;
    }

    public double[] lower() {
        double[] x = new double[dimension];
        for (VariableBlock b : blocks) {
            int o = offsets.get(b);
            for (int k = 0, n = b.size(); k < n; k++) x[o + k] = b.lower(k);
        }
        return x;
    }

    public double[] upper() {
        double[] x = new double[dimension];
        for (VariableBlock b : blocks) {
            int o = offsets.get(b);
            for (int k = 0, n = b.size(); k < n; k++) x[o + k] = b.upper(k);
        }
        return x;
    }

    public boolean bounded() {
        for (VariableBlock b : blocks) {
            for (int k = 0; k < b.size(); k++) {
                if (Double.isFinite(b.lower(k)) || Double.isFinite(b.upper(k))) return true;
            }
        }
        return false;
    }

    /** A point as name → number (scalars), double[] (vectors) or double[][] (matrices, by rows), in layout order. */
    public Map<String, Object> toMap(double[] x) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (VariableBlock b : blocks) {
            int o = offsets.get(b);
            if (b instanceof VectorVariable vv && vv.isMatrix()) {
                int cols = vv.shape().columns();
                double[][] m = new double[vv.shape().rows()][cols];
                for (int i = 0; i < m.length; i++) System.arraycopy(x, o + i * cols, m[i], 0, cols);
                out.put(b.name(), m);
            } else if (b instanceof VectorVariable) {
                double[] v = new double[b.size()];
                System.arraycopy(x, o, v, 0, v.length);
                out.put(b.name(), v);
            } else {
                out.put(b.name(), x[o]);
            }
        }
        return out;
    }

    /**
     * A flat point from values given by variable name (numbers, or lists/arrays for vectors).
     * Names not given take {@code fallback}'s value; null fallback makes a missing name an error.
     */
    public double[] fromNames(Map<String, ?> values, double[] fallback) {
        double[] x = fallback == null ? new double[dimension] : fallback.clone();
        Set<String> known = new LinkedHashSet<>();
        for (VariableBlock b : blocks) known.add(b.name());
        for (String name : values.keySet()) {
            if (!known.contains(name)) {
                throw new IllegalArgumentException("'" + name + "' is not a variable of this expression; its variables are " + known);
            }
        }
        List<String> missing = new ArrayList<>();
        for (VariableBlock b : blocks) {
            int o = offsets.get(b);
            Object v = values.get(b.name());
            if (v == null) {
                if (fallback == null) missing.add(b.name());
                continue;
            }
            double[] vs = toDoubles(v, b.name());
            if (vs.length != b.size()) {
                throw new IllegalArgumentException(b.name() + " has " + b.size() + " element(s), got " + vs.length + " value(s)");
            }
            System.arraycopy(vs, 0, x, o, vs.length);
        }
        if (!missing.isEmpty()) throw new IllegalArgumentException("no value given for " + String.join(", ", missing));
        return x;
    }

    /** Numbers, lists, arrays, and a matrix's rows (lists of lists, double[][]) flattened row by row. */
    private static double[] toDoubles(Object v, String name) {
        if (v instanceof Number n) return new double[]{n.doubleValue()};
        if (v instanceof double[] d) return d;
        if (v instanceof double[][] m) {
            List<Object> rows = new ArrayList<>();
            for (double[] r : m) rows.add(r);
            return toDoubles(rows, name);
        }
        if (v instanceof List<?> l) {
            double[] flat = new double[l.size()]; // a list of numbers (a vector's start): no boxing
            int k = 0;
            for (Object o : l) {
                if (!(o instanceof Number n)) break;
                flat[k++] = n.doubleValue();
            }
            if (k == flat.length) return flat;
            List<Double> out = new ArrayList<>();
            for (Object o : l) {
                if (o instanceof Number n) out.add(n.doubleValue());
                else if (o instanceof List<?> || o instanceof double[]) for (double d : toDoubles(o, name)) out.add(d);
                else throw new IllegalArgumentException("value " + o + " for " + name + " is not a number");
            }
            double[] d = new double[out.size()];
            for (int i = 0; i < d.length; i++) d[i] = out.get(i);
            return d;
        }
        throw new IllegalArgumentException("value " + v + " for " + name + " is not a number");
    }
}
