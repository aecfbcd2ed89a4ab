package org.gradus.data;

import org.gradus.atoms.Ops;
import org.gradus.expr.Constant;
import org.gradus.expr.DataRowsKey;
import org.gradus.expr.Expr;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.Lookup;
import org.gradus.expr.TableSlice;
import org.gradus.expr.TableStorage;
import org.gradus.expr.Vec;
import org.gradus.result.Shown;

import java.lang.ref.WeakReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;

/**
 * A table of numbers: named columns, one of them (optionally) the target. Feature values are stored
 * row-major so that a row's feature vector is contiguous; a reduction over the rows
 * ({@link #mean}, {@link #sum}) is one node whose body reads the current row by index.
 *
 * <p>A {@linkplain #partitioned partitioned} data set keeps its rows elsewhere (in Spark partitions, see
 * {@link Partitions}): its reductions are built the same way, over stand-in tables that name the rows,
 * and the compiled evaluation sends their bodies to where the rows are.
 */
public final class DataSet implements Shown {
    private static final AtomicLong IDS = new AtomicLong();
    /** The partitioned data sets alive, by id: how compiled evaluation finds where a reduction's rows are. */
    private static final Map<Long, WeakReference<DataSet>> PARTITIONED = new ConcurrentHashMap<>();

    private final long id = IDS.incrementAndGet();
    private volatile String name;
    private final List<String> columns;
    private final String target;
    private final List<String> features = new ArrayList<>();
    private final int rows;
    /** rows × features, row-major: a double[], or a float[] with {@linkplain #precision() precision} float. */
    private final Object x;
    /** The target column (a double[] or float[] like {@link #x}), or null. */
    private final Object y;
    /** Where the rows are, for a partitioned data set; else null. */
    private final Partitions partitions;
    /** The class labels of a class target (class k is {@code classes.get(k)}), or null. */
    private final List<String> classes;
    /** The rows' numbers in the table a slice or split took them from (null: 0, 1, …). */
    private int[] labels;

    /** A table given row by row (each row one value per column, in column order). */
    public DataSet(String name, List<String> columns, double[][] table, String target) {
        this(name, columns, target, table.length, rowMajorFeatures(columns, table, target), targetColumn(columns, table, target));
    }

    /**
     * A table in its contiguous storage, taken as it is (not copied): {@code x} holds the features of
     * row r at {@code [r·f, (r+1)·f)} (f = the columns other than the target, in order), {@code y} the
     * target of each row (null without a target). Arrays may be longer than the rows need.
     */
    public DataSet(String name, List<String> columns, String target, int rows, double[] x, double[] y) {
        this(name, columns, target, rows, x, y, (Partitions) null, null);
    }

    /** As above, for a class target: {@code y} holds class numbers 0..K−1, {@code classes} their labels. */
    public DataSet(String name, List<String> columns, String target, int rows, double[] x, double[] y, List<String> classes) {
        this(name, columns, target, rows, x, y, null, classes);
    }

    /**
     * A table stored as 32-bit floats ({@code precision: 'float'}): half the memory and bandwidth of
     * doubles; every element is read widened to double, so sums and gradients are computed in double.
     * Laid out as {@link #DataSet(String, List, String, int, double[], double[])}; {@code classes} may be
     * null (no class target).
     */
    public DataSet(String name, List<String> columns, String target, int rows, float[] x, float[] y, List<String> classes) {
        this(name, columns, target, rows, x, y, null, classes);
    }

    private DataSet(String name, List<String> columns, String target, int rows, Object x, Object y, Partitions partitions,
                    List<String> classes) {
        this.partitions = partitions;
        this.classes = classes == null ? null : List.copyOf(classes);
        this.name = name;
        this.columns = List.copyOf(columns);
        this.target = target;
        this.rows = rows;
        for (String c : columns) if (!c.equals(target)) features.add(c);
        this.x = x;
        this.y = y;
    }

    /**
     * A data set whose rows live in {@code partitions} (a Spark data set): {@code rows},
     * {@code features}, {@code columns} as for any data set; its reductions are evaluated where the rows
     * are. {@link #column}, {@link #split} are not available for it.
     *
     * @param columns every column in order, the target included (a target must be one of them)
     */
    public static DataSet partitioned(String name, List<String> columns, String target, Partitions partitions) {
        if (target != null && !columns.contains(target)) throw new IllegalArgumentException("no column '" + target + "' among " + columns);
        DataSet d = new DataSet(name, columns, target, partitions.rows(), new double[0], target == null ? null : new double[0], partitions, null);
        PARTITIONED.values().removeIf(ref -> ref.get() == null);
        PARTITIONED.put(d.id, new WeakReference<>(d));
        return d;
    }

    /**
     * The rows of a partitioned data set as compiled evaluation needs them: where they are, and the
     * stand-in tables its row expressions read (features and target), which name the rows of each
     * partition in a compiled body.
     */
    public record PartitionedRows(Partitions partitions, double[] featureTable, double[] targetTable) {
    }

    /** The partitioned rows a data reduction with this {@linkplain #rowsKey rows key} sums over, or null when they are in memory. */
    public static PartitionedRows partitionedRows(String rowsKey) {
        if (rowsKey == null) return null;
        int hash = rowsKey.lastIndexOf('#');
        if (hash < 0) return null;
        long id;
        try {
            id = Long.parseLong(rowsKey.substring(hash + 1));
        } catch (NumberFormatException e) {
            return null;
        }
        WeakReference<DataSet> ref = PARTITIONED.get(id);
        DataSet d = ref == null ? null : ref.get();
        return d == null ? null : new PartitionedRows(d.partitions, (double[]) d.x, (double[]) d.y);
    }

    /**
     * The range of the values a lookup into a partitioned data set's stand-in table can read, as
     * {min, max}, from the column ranges its partitions gathered ({@link Partitions#ranges}); null when
     * {@code table} is not a stand-in table or the range is not known. A lookup {@code table[stride·i + column]}
     * with the features table's own stride reads one column; any other lookup (stride 0 for a slice) may
     * read any feature. The target's table holds one column.
     */
    public static double[] standInRange(Object table, long stride, long column) {
        for (WeakReference<DataSet> ref : PARTITIONED.values()) {
            DataSet d = ref.get();
            if (d == null || (d.x != table && d.y != table)) continue;
            ColumnRanges r = d.partitions.ranges();
            if (r == null) return null;
            if (d.y == table) return r.target();
            boolean oneColumn = stride == r.features() && column >= 0 && column < r.features();
            return oneColumn ? r.feature((int) column) : r.allFeatures();
        }
        return null;
    }

    /** Where the rows are when they are not in this process, else null. */
    public Partitions partitions() {
        return partitions;
    }

    void requireInMemory(String what) {
        if (partitions != null) {
            throw new IllegalArgumentException(what + " needs the rows in memory, but " + name + " lives in " + partitions.where()
                    + "; read it without --master (or with csv/parquet) to have it in memory");
        }
    }

    private static double[] rowMajorFeatures(List<String> columns, double[][] table, String target) {
        int f = target == null ? columns.size() : columns.size() - 1;
        double[] x = new double[table.length * f];
        for (int r = 0; r < table.length; r++) {
            int k = 0;
            for (int j = 0; j < columns.size(); j++) if (!columns.get(j).equals(target)) x[r * f + k++] = table[r][j];
        }
        return x;
    }

    private static double[] targetColumn(List<String> columns, double[][] table, String target) {
        if (target == null) return null;
        int t = columns.indexOf(target);
        double[] y = new double[table.length];
        for (int r = 0; r < table.length; r++) y[r] = table[r][t];
        return y;
    }

    public String name() {
        return name;
    }

    public void nameIfUnnamed(String n) {
        if (name == null || name.isEmpty()) name = n;
    }

    /** Renames the data set (the variable it is assigned to names it in printed expressions). */
    public void rename(String n) {
        name = n;
    }

    public int rows() {
        return rows;
    }

    public int features() {
        return features.size();
    }

    public List<String> columns() {
        return columns;
    }

    public List<String> featureNames() {
        return features;
    }

    /** The labels of a class target, or null (no class target). */
    List<String> classesOrNull() {
        return classes;
    }

    /**
     * The labels of a class target ({@code csv(..., classes: true)}), in class order: row.y = k means
     * {@code classes().get(k)}.
     *
     * @throws IllegalArgumentException when the target was not read as classes
     */
    public List<String> classes() {
        if (classes == null) throw new IllegalArgumentException(name + " has no classes; read it with csv(file, target: 'label', classes: true)");
        return classes;
    }

    /** The number of classes of a class target, 0 without one. */
    public int classCount() {
        return classes == null ? 0 : classes.size();
    }

    public String target() {
        return target;
    }

    /**
     * How the numbers are stored: {@code "double"} (64-bit, the default) or {@code "float"} (32-bit,
     * read with {@code precision: 'float'}); arithmetic is in double either way.
     */
    public String precision() {
        return x instanceof float[] ? "float" : "double";
    }

    /**
     * This table stored with {@code precision}: itself when it already is, else a copy of its rows
     * (floats rounded to nearest from the doubles, or widened exactly to doubles).
     *
     * @throws IllegalArgumentException for a partitioned data set (its rows are where they live, as doubles)
     */
    public DataSet withPrecision(Precision precision) {
        if (precision.word().equals(precision())) return this;
        requireInMemory("precision: '" + precision.word() + "'");
        return subset(inOrder(), 0, rows, null, precision);
    }

    /** A copy of one column's values, row by row. */
    public double[] column(String c) {
        requireInMemory("a column's values");
        double[] col = new double[rows];
        if (c.equals(target)) {
            for (int r = 0; r < rows; r++) col[r] = TableStorage.at(y, r);
            return col;
        }
        int k = features.indexOf(c), f = features.size();
        if (k < 0) throw new IllegalArgumentException(name + " has no column '" + c + "'; its columns are " + columns);
        for (int r = 0; r < rows; r++) col[r] = TableStorage.at(x, r * f + k);
        return col;
    }

    /** The numbers of row {@code r} (from 0), for a loop over the rows; {@code r} outside the table is an error. */
    public RowValues row(int r) {
        requireInMemory("reading a row");
        if (r < 0 || r >= rows) throw new IndexOutOfBoundsException("row " + r + " is outside " + name + "'s rows 0.." + (rows - 1));
        int f = features.size();
        double[] values = new double[f];
        for (int k = 0; k < f; k++) values[k] = TableStorage.at(x, r * f + k);
        return new RowValues(name, r, columns, target, values, y == null ? null : TableStorage.at(y, r));
    }

    /** The key of this data set's reductions, for mini-batches. */
    public String rowsKey() {
        return DataRowsKey.of(name, id);
    }

    /** (1/rows)·Σ_rows body(row): the body is built once with a symbolic row. */
    public Expr mean(Function<Row, Object> body, Function<Object, Expr> toExpr) {
        return Ops.mul(Constant.of(1.0 / rows), sum(body, toExpr));
    }

    /** Σ_rows body(row). */
    public Expr sum(Function<Row, Object> body, Function<Object, Expr> toExpr) {
        IndexSymbol r = new IndexSymbol("row");
        Expr e = toExpr.apply(body.apply(new Row(r)));
        return Ops.sum(r, 0, rows, e, rowsKey());
    }

    /** The rows [from, to) in order, as pandas' {@code df[from:to]}: a data set with the same columns, target and storage. */
    public DataSet rows(int from, int to) {
        requireInMemory("a slice of rows");
        if (from < 0 || to > rows || from >= to) {
            throw new IllegalArgumentException(name + " has " + rows + " rows (0 to " + (rows - 1) + "); the slice " + from + "..<" + to + " reaches past them"
                    + (from >= 0 && from < rows && to > rows ? ": " + name + "[" + from + "..<" + rows + "] is up to the last" : ""));
        }
        return subset(inOrder(), from, to, "rows_" + from + "_to_" + (to - 1), Precision.of(precision()));
    }

    /** A train/test split: a shuffled fraction of the rows, and the rest. */
    public List<DataSet> split(double fraction, long seed) {
        requireInMemory("split");
        if (!(fraction > 0 && fraction < 1)) throw new IllegalArgumentException("split needs a fraction between 0 and 1, got " + fraction);
        int[] order = inOrder();
        Random rnd = new Random(seed);
        for (int i = rows - 1; i > 0; i--) {
            int j = rnd.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int cut = (int) Math.round(fraction * rows);
        if (cut == 0 || cut == rows) throw new IllegalArgumentException("split(" + fraction + ") of " + rows + " rows leaves a part empty");
        Precision same = Precision.of(precision());
        return List.of(subset(order, 0, cut, "train", same), subset(order, cut, rows, "test", same));
    }

    /** The rows order[from..to), in that order, stored with {@code precision}; named name_suffix (or name without a suffix). */
    DataSet subset(int[] order, int from, int to, String suffix, Precision precision) {
        int n = to - from, f = features.size();
        boolean single = precision == Precision.FLOAT;
        Object px = single ? new float[n * f] : new double[n * f];
        Object py = y == null ? null : single ? new float[n] : new double[n];
        for (int i = from; i < to; i++) {
            int r = order[i], at = (i - from) * f;
            for (int k = 0; k < f; k++) TableStorage.store(px, at + k, TableStorage.at(x, r * f + k));
            if (py != null) TableStorage.store(py, i - from, TableStorage.at(y, r));
        }
        DataSet part = new DataSet(suffix == null ? name : name + "_" + suffix, columns, target, n, px, py, null, classes);
        part.labels = new int[n];
        for (int i = from; i < to; i++) part.labels[i - from] = label(order[i]);
        return part;
    }

    private int[] inOrder() {
        return java.util.stream.IntStream.range(0, rows).toArray();
    }

    /** Row r's number in the table it was taken from, as pandas keeps a slice's index: data[10..<20]'s first row is 10. */
    public int label(int r) {
        return labels == null ? r : labels[r];
    }

    /** The current row inside a reduction: {@code row.x} (features), {@code row.y} (target), {@code row['col']}. */
    public final class Row {
        private final IndexSymbol r;

        Row(IndexSymbol r) {
            this.r = r;
        }

        /** The feature vector of the row. */
        public Vec getX() {
            int f = features.size();
            if (f == 0) throw new IllegalArgumentException(name + " has no feature columns");
            return new Vec() {
                @Override
                public int size() {
                    return f;
                }

                @Override
                public Expr get(int k) {
                    if (k < 0 || k >= f) throw new IndexOutOfBoundsException("feature " + k + " is outside row.x[0.." + (f - 1) + "]");
                    return new Lookup(name + ".x", x, Ops.add(Ops.mul(Constant.of(f), r), Constant.of(k)), "row.x[" + k + "]");
                }

                @Override
                public Expr get(Expr index) {
                    if (index instanceof Constant c) return get((int) c.value());
                    return new Lookup(name + ".x", x, Ops.add(Ops.mul(Constant.of(f), r), index), null);
                }

                @Override
                public Expr asArray() { // W * row.x, row.x - mu: the row's features as one block of the table
                    return new TableSlice(name + ".x", x, Ops.mul(Constant.of(f), r), f, "row.x");
                }

                @Override
                public String toString() {
                    return "row.x";
                }
            };
        }

        /** The target of the row. */
        public Expr getY() {
            if (y == null) throw new IllegalArgumentException(name + " has no target; read it with csv(file, target: 'column')");
            return new Lookup(name + ".y", y, r, "row.y");
        }

        /**
         * One column by name as a property, {@code row.price}, as pandas reads {@code row.price}: the same as
         * {@code row['price']} (row.x and row.y stay the features and the target; a column named x is {@code row['x']}).
         */
        public Expr get(String column) {
            return getAt(column);
        }

        /** One column of the row. */
        public Expr getAt(String column) {
            String label = "row['" + column + "']";
            if (column.equals(target)) return new Lookup(name + ".y", y, r, label);
            int k = features.indexOf(column), f = features.size();
            if (k < 0) throw new IllegalArgumentException(name + " has no column '" + column + "'; its columns are " + columns);
            return new Lookup(name + ".x", x, Ops.add(Ops.mul(Constant.of(f), r), Constant.of(k)), label);
        }
    }

    @Override
    public String kind() {
        return "dataset";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("rows", rows);
        m.put("features", features.size());
        m.put("columns", columns);
        m.put("target", target);
        if (x instanceof float[]) m.put("precision", "float"); // shown only when not the default double
        if (partitions != null) m.put("engine", partitions.where());
        if (classes != null) m.put("classes", classes);
        return m;
    }

    @Override
    public String toText() {
        return "data set " + name + ": " + rows + " rows, " + features.size() + " features " + features
                + (target != null ? ", target " + target : "") + (x instanceof float[] ? ", 32-bit floats" : "") + (classes != null ? ", classes " + classes : "")
                + (partitions != null ? ", in " + partitions.where() : "");
    }

    @Override
    public String toString() {
        return toText();
    }
}
