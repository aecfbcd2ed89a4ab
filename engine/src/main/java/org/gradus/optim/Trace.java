package org.gradus.optim;

import org.gradus.expr.Layout;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recorded iterates of one run (SPEC §2 "Pictures"): per row the iteration, the epoch, f (the
 * objective's own value; the mini-batch estimate in a mini-batch run), the stationarity measure
 * {@code gradNorm} (‖∇f‖∞ for mini-batches), the step length ‖Δx‖₂, the learning rate or line-search
 * step, the point itself (one column per variable element: {@code x}, {@code y}, {@code w[0]}, ...),
 * and, for cost plots, the cumulative {@code seconds} and function {@code evaluations} since the run
 * started. A mini-batch run traced with {@code trace:} also records {@code fullF}, the objective on all
 * rows, once per epoch (NaN in the other rows).
 *
 * <p>Row 0 is the start point; the last row is the last iterate (for a run that ends {@code diverged},
 * {@code interrupted}, ... the result's point is the best one seen, which may be an earlier row).
 *
 * <p>Two ways to record:
 * <ul>
 * <li>{@link #everyIterate} ({@code trace: true} or a file name): every iteration is a row.</li>
 * <li>{@link #thinned} (the path kept by default for problems of ≤ {@link #KEPT_DIMENSION} variables):
 * at most {@link #maxRowsFor(int) maxRows} rows. When the rows fill up, every second row is dropped and
 * from then on only every second iteration is recorded (the stride doubles), so a long run keeps
 * between maxRows/2 and maxRows rows evenly spaced in iterations — rows at iterations 0, s, 2s, ... for
 * a stride s — plus its last iterate. {@code fullF} is not computed for a thinned trace (it costs a pass
 * over all rows).</li>
 * </ul>
 *
 * <p>Columns by name: {@link #column(String)}; the iterates as a matrix: {@link #iterates()}; rows as
 * maps for scripts and JSON: {@link #rows()}; CSV: {@link #writeCsv(Path)}. A variable element whose
 * name is also a column's (a variable called {@code f} or {@code lr}) appears as {@code var.f}.
 */
public final class Trace {
    /** The columns every trace has, before the variables. */
    public static final List<String> COLUMNS = List.of("iteration", "epoch", "f", "gradNorm", "step", "lr");
    /** Problems with at most this many variables keep a thinned path without {@code trace:}. */
    public static final int KEPT_DIMENSION = 1000;
    private static final int MAX_ROWS = 2048;
    private static final int MIN_ROWS = 64;
    private static final int MAX_NUMBERS = 1 << 20;   // 8 MB of iterates

    private final List<String> variables;
    private final int n;
    private final int maxRows;
    private final int stepsPerEpoch;
    private final boolean fullF;
    private int stride = 1;
    private int size;
    private int[] iteration = new int[16];
    private double[][] cols = new double[8][16];   // epoch, f, gradNorm, step, lr, fullF, seconds, evaluations
    private double[] points;
    private long startNanos = -1;
    private long startEvaluations;
    private int lastIteration = -1;
    private int offset;
    private Objective own;

    private static final int EPOCH = 0, F = 1, GRAD = 2, STEP = 3, LR = 4, FULL_F = 5, SECONDS = 6, EVALS = 7;

    private Trace(Layout layout, int maxRows, int stepsPerEpoch, boolean fullF) {
        List<String> names = new ArrayList<>();
        for (String v : layout.coordinateNames()) names.add(isColumn(v) ? "var." + v : v);
        this.variables = List.copyOf(names);
        this.n = layout.dimension();
        this.maxRows = maxRows;
        this.stepsPerEpoch = Math.max(1, stepsPerEpoch);
        this.fullF = fullF;
        this.points = new double[iteration.length * n];
    }

    /**
     * Every iterate ({@code trace:}).
     *
     * @param stepsPerEpoch mini-batch steps per epoch, or 0 for a full-batch run (then epoch = iteration)
     */
    public static Trace everyIterate(Layout layout, int stepsPerEpoch) {
        return new Trace(layout, Integer.MAX_VALUE, stepsPerEpoch, stepsPerEpoch > 0);
    }

    /** The path kept by default: at most {@link #maxRowsFor(int)} rows, thinned evenly. */
    public static Trace thinned(Layout layout, int stepsPerEpoch) {
        return new Trace(layout, maxRowsFor(layout.dimension()), stepsPerEpoch, false);
    }

    /** The row budget of a thinned trace of n variables: 2048 rows, fewer past 8 MB of iterates (never below 64). */
    public static int maxRowsFor(int n) {
        return Math.max(MIN_ROWS, Math.min(MAX_ROWS, MAX_NUMBERS / Math.max(1, n)));
    }

    // ---- recording (the descent loop) -----------------------------------------------------------

    /** The first run that records here starts the clock and the evaluation count. */
    void start(Iterate it) {
        if (startNanos >= 0) return;
        startNanos = System.nanoTime();
        startEvaluations = (own == null ? it.objective : own).fCount();
    }

    /**
     * The next runs continue this trace (the rounds of an augmented Lagrangian): their iteration t is
     * row iteration {@code offset + t}, their start point (already the last row) is not repeated, and f
     * is the objective's own value, {@code own}, not the value the inner method minimizes.
     */
    void follow(int offset, Objective own) {
        this.offset = offset;
        this.own = own;
    }

    /**
     * Whether the rows are the inner iterates of an augmented Lagrangian's rounds (a run with general constraints): they
     * may lie outside the feasible set, below the constrained minimum, and their gradient column is the Lagrangian's.
     */
    public boolean ofConstrainedRun() {
        return own != null;
    }

    /** Records iterate t (with its stationarity measure) when the stride keeps it. */
    void record(int t, Iterate it, double sign, double measure) {
        int i = offset + t;
        if (i % stride != 0 || t == 0 && lastIteration == i) return;
        add(i, it, sign, measure);
    }

    /** Records the last iterate t when {@link #record} skipped it. */
    void last(int t, Iterate it, double sign, double measure) {
        if (lastIteration != offset + t) add(offset + t, it, sign, measure);
    }

    private void add(int t, Iterate it, double sign, double measure) {
        if (size == maxRows) thin();
        if (size == iteration.length) grow();
        int r = size++;
        boolean epochEnd = stepsPerEpoch > 0 && t % stepsPerEpoch == 0;
        iteration[r] = t;
        cols[EPOCH][r] = t / stepsPerEpoch;
        cols[F][r] = sign * (own == null ? it.f : own.fullValue(it.x));
        cols[GRAD][r] = measure;
        cols[STEP][r] = t == 0 ? 0 : it.stepNorm;
        cols[LR][r] = t == 0 ? Double.NaN : it.lr;
        cols[FULL_F][r] = fullF && epochEnd ? sign * it.objective.fullValue(it.x) : Double.NaN;
        cols[SECONDS][r] = (System.nanoTime() - startNanos) / 1e9;
        cols[EVALS][r] = (own == null ? it.objective : own).fCount() - startEvaluations;
        System.arraycopy(it.x, 0, points, r * n, n);
        lastIteration = t;
    }

    private void grow() {
        int cap = (int) Math.min((long) maxRows, Math.max(16L, 2L * iteration.length));
        if ((long) cap * n > Integer.MAX_VALUE - 16) {
            throw new IllegalArgumentException("trace: the iterates of " + size + " iterations of " + n + " variables fill the largest array a trace "
                    + "can hold; trace a shorter run (maxIter) or a smaller problem");
        }
        iteration = Arrays.copyOf(iteration, cap);
        for (int c = 0; c < cols.length; c++) cols[c] = Arrays.copyOf(cols[c], cap);
        points = Arrays.copyOf(points, cap * n);
    }

    /** Keeps rows 0, 2, 4, ... and doubles the stride. */
    private void thin() {
        int kept = 0;
        for (int r = 0; r < size; r += 2, kept++) {
            iteration[kept] = iteration[r];
            for (double[] c : cols) c[kept] = c[r];
            System.arraycopy(points, r * n, points, kept * n, n);
        }
        size = kept;
        stride *= 2;
    }

    // ---- reading ---------------------------------------------------------------------------------

    /** The number of rows. */
    public int size() {
        return size;
    }

    /** The number of variable elements (columns of {@link #iterates()}). */
    public int dimension() {
        return n;
    }

    /** True when every iterate is a row (not thinned). */
    public boolean complete() {
        return stride == 1;
    }

    /** The iterations between recorded rows (1 for a complete trace). */
    public int stride() {
        return stride;
    }

    /** True when the trace has the {@code fullF} column (a mini-batch run traced with {@code trace:}). */
    public boolean hasFullF() {
        return fullF;
    }

    /** The variable elements' column names, in layout order ({@code x}, {@code w[0]}, ...). */
    public List<String> variables() {
        return variables;
    }

    /** Every column name in order: {@link #COLUMNS}, the variables, then [fullF,] seconds, evaluations. */
    public List<String> columns() {
        List<String> c = new ArrayList<>(COLUMNS);
        c.addAll(variables);
        if (fullF) c.add("fullF");
        c.add("seconds");
        c.add("evaluations");
        return c;
    }

    public int iteration(int row) {
        check(row);
        return iteration[row];
    }

    /** Completed epochs at this row (mini-batch runs); the iteration for full-batch runs. */
    public int epoch(int row) {
        check(row);
        return (int) cols[EPOCH][row];
    }

    /** The objective's own value (for maximize, f itself); the mini-batch estimate in a mini-batch run. */
    public double f(int row) {
        check(row);
        return cols[F][row];
    }

    /** The stationarity measure compared with tol (‖∇f‖∞ on the mini-batch for mini-batch runs). */
    public double gradNorm(int row) {
        check(row);
        return cols[GRAD][row];
    }

    /** ‖Δx‖₂ of the step that reached this row (0 in row 0). */
    public double step(int row) {
        check(row);
        return cols[STEP][row];
    }

    /** The learning rate or line-search step of that step (NaN in row 0). */
    public double lr(int row) {
        check(row);
        return cols[LR][row];
    }

    /** The objective on all rows at the end of each epoch; NaN elsewhere and without {@link #hasFullF()}. */
    public double fullF(int row) {
        check(row);
        return cols[FULL_F][row];
    }

    /** Seconds since the run started, when this row was recorded. */
    public double seconds(int row) {
        check(row);
        return cols[SECONDS][row];
    }

    /** Function evaluations (f or f with ∇f, line-search trials included) since the run started. */
    public long evaluations(int row) {
        check(row);
        return (long) cols[EVALS][row];
    }

    /** Coordinate i (layout order) of the iterate in this row. */
    public double x(int row, int i) {
        check(row);
        if (i < 0 || i >= n) throw new IndexOutOfBoundsException("coordinate " + i + " of " + n);
        return points[row * n + i];
    }

    /** The iterate in this row, as a flat point in layout order (a copy). */
    public double[] point(int row) {
        check(row);
        return Arrays.copyOfRange(points, row * n, row * n + n);
    }

    /** All iterates: rows × variables (a copy). */
    public double[][] iterates() {
        double[][] m = new double[size][];
        for (int r = 0; r < size; r++) m[r] = point(r);
        return m;
    }

    /**
     * One column by name (one of {@link #columns()}), as numbers per row (a copy).
     *
     * @throws IllegalArgumentException for a name that is not a column, listing the columns
     */
    public double[] column(String name) {
        double[] out = new double[size];
        int v = variables.indexOf(name);
        int c = switch (name) {
            case "epoch" -> EPOCH;
            case "f" -> F;
            case "gradNorm" -> GRAD;
            case "step" -> STEP;
            case "lr" -> LR;
            case "fullF" -> fullF ? FULL_F : -2;
            case "seconds" -> SECONDS;
            case "evaluations" -> EVALS;
            case "iteration" -> -1;
            default -> -2;
        };
        if (c == -2 && v < 0) throw new IllegalArgumentException("the trace has no column '" + name + "'; its columns: " + String.join(", ", columns()));
        for (int r = 0; r < size; r++) out[r] = c == -1 ? iteration[r] : c >= 0 ? cols[c][r] : points[r * n + v];
        return out;
    }

    /** The rows as a script reads and shows them: a list of maps, printed as a table. */
    public TraceTable table() {
        return new TraceTable(this);
    }

    /** The rows as maps from column name to value (numbers; iteration, epoch and evaluations as whole numbers). */
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> out = new ArrayList<>(size);
        for (int r = 0; r < size; r++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("iteration", iteration[r]);
            m.put("epoch", (int) cols[EPOCH][r]);
            m.put("f", cols[F][r]);
            m.put("gradNorm", cols[GRAD][r]);
            m.put("step", cols[STEP][r]);
            m.put("lr", cols[LR][r]);
            for (int i = 0; i < n; i++) m.put(variables.get(i), points[r * n + i]);
            if (fullF) m.put("fullF", cols[FULL_F][r]);
            m.put("seconds", cols[SECONDS][r]);
            m.put("evaluations", (long) cols[EVALS][r]);
            out.add(m);
        }
        return out;
    }

    /**
     * Writes the trace as CSV with a header row ({@link #columns()}) to {@code file} (created or
     * truncated). A script's trace file goes through {@link org.gradus.io.OutputFile}, which writes it into
     * a temporary file in the target's folder and renames it over the target, so it is never half written.
     * Non-finite numbers are written as NaN, Infinity, -Infinity.
     */
    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", columns()));
            w.write('\n');
            StringBuilder line = new StringBuilder();
            for (int r = 0; r < size; r++) {
                line.setLength(0);
                line.append(iteration[r]).append(',').append((int) cols[EPOCH][r]);
                for (int c = F; c <= LR; c++) line.append(',').append(num(cols[c][r]));
                for (int i = 0; i < n; i++) line.append(',').append(num(points[r * n + i]));
                if (fullF) line.append(',').append(num(cols[FULL_F][r]));
                line.append(',').append(num(cols[SECONDS][r])).append(',').append((long) cols[EVALS][r]).append('\n');
                w.append(line);
            }
        }
    }

    private void check(int row) {
        if (row < 0 || row >= size) throw new IndexOutOfBoundsException("row " + row + " of a trace of " + size + " rows");
    }

    private static boolean isColumn(String name) {
        return COLUMNS.contains(name) || name.equals("fullF") || name.equals("seconds") || name.equals("evaluations");
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        return Double.toString(v);
    }
}
