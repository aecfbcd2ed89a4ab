package org.gradus.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import ch.randelshofer.fastdoubleparser.JavaFloatParser;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.regex.Pattern;

/**
 * Fills a table's contiguous storage from the text of its records, on two threads: the reading thread
 * hands over blocks of records in file order, and one converter thread (with the reader, whenever
 * blocks pile up) turns their cells into numbers written straight into place — features row-major in
 * {@code x}, the target in {@code y}. The first bad record in file order is the one reported, however
 * the blocks were shared out.
 *
 * <p>With {@link Precision#FLOAT} the storage is {@code float[]}: each cell's text is rounded once,
 * correctly, to the nearest 32-bit float (never through a double first).
 */
final class TableFill {
    static final int BLOCK = 2048;
    private static final int SKIPPED = -2;

    private final String fileName;
    /** The file's columns, every one, as its header names them. */
    private final List<String> columns;
    /** The columns read (all but those {@code usecols} left out), the data set's columns. */
    private final List<String> kept;
    /** Per column of the file: its feature index, -1 for the target, or {@link #SKIPPED}. */
    private final int[] feature;
    private final int features;
    private final boolean hasTarget;
    private final Precision precision;
    /** The storage: double[] (or float[] with precision float), features row-major. */
    private Object x;
    /** The target column, same storage type as x, or null. */
    private Object y;
    /** With {@code classes}: the target's label text per row, numbered by {@link ClassLabels} at the end. */
    private String[] labels;
    private int capacity;
    private int rows;
    private Block current;
    private final LinkedBlockingQueue<Block> queue = new LinkedBlockingQueue<>();
    private final ReentrantReadWriteLock storage = new ReentrantReadWriteLock();
    private final Thread converter;
    private long errorRow = Long.MAX_VALUE;
    private String error;
    private volatile boolean failed;
    /** Set when every block has been queued: the converter stops when it finds the queue empty. */
    private volatile boolean closed;

    TableFill(String fileName, List<String> columns, String target, int expectedRows, boolean parallel) {
        this(fileName, columns, CsvOptions.of(target), expectedRows, parallel);
    }

    /**
     * As above, reading the columns {@code options} keeps; with {@code classes} the target holds labels
     * (any text), numbered 0..K−1 when finished; {@code precision} says how the numbers are stored.
     */
    TableFill(String fileName, List<String> columns, CsvOptions options, int expectedRows, boolean parallel) {
        String target = options.target();
        boolean classes = options.classes();
        this.precision = options.precision();
        this.fileName = fileName;
        this.columns = columns;
        this.feature = new int[columns.size()];
        List<String> read = new ArrayList<>();
        int k = 0;
        for (int j = 0; j < feature.length; j++) {
            String c = columns.get(j);
            feature[j] = !options.keeps(c) ? SKIPPED : c.equals(target) ? -1 : k++;
            if (feature[j] != SKIPPED) read.add(c);
        }
        this.kept = List.copyOf(read);
        this.features = k;
        this.hasTarget = target != null;
        this.capacity = Math.max(16, expectedRows);
        this.x = precision.allocate(Math.multiplyExact(capacity, Math.max(1, features)));
        this.y = hasTarget ? precision.allocate(capacity) : null;
        this.labels = hasTarget && classes ? new String[capacity] : null;
        this.current = new Block(0, BLOCK);
        this.converter = parallel ? new Thread(this::convertQueued, "gradus-csv") : null;
        if (converter != null) {
            converter.setDaemon(true);
            converter.start();
        }
    }

    /** Whether a bad record has been found (the reader may stop reading). */
    boolean failed() {
        return failed;
    }

    /** The next record of the file, in order, from the given line. */
    void add(String[] fields, long line) {
        if (fields.length != columns.size()) {
            fail(rows, fileName + " line " + line + ": " + fields.length + " value(s), but the header has " + columns.size()
                    + " columns " + columns);
            return;
        }
        Block b = current;
        b.fields[b.count] = fields;
        b.lines[b.count++] = line;
        rows++;
        if (b.count == BLOCK) {
            dispatch(b);
            current = new Block(rows, BLOCK);
        }
    }

    /** All records added: waits for the conversions; the storage, or the first error in file order. */
    DataSet finish(String name, String target) {
        dispatch(current);
        if (converter != null) {
            closed = true;
            Block b;
            while ((b = queue.poll()) != null) convert(b);
            try {
                converter.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new DataFileException("loading " + fileName + " was interrupted");
            }
        }
        if (error != null) throw new DataFileException(error);
        if (rows == 0) throw new DataFileException(fileName + " has a header but no rows");
        if (capacity > rows + rows / 10 + 16) { // a generous estimate: give the rest back
            x = precision.resize(x, rows * features);
            if (y != null) y = precision.resize(y, rows);
        }
        if (x instanceof float[] xf) {
            float[] yf = (float[]) y;
            List<String> classList = null;
            if (labels != null) {
                double[] classNumbers = new double[rows];
                classList = ClassLabels.encode(labels, rows, classNumbers);
                for (int r = 0; r < rows; r++) yf[r] = (float) classNumbers[r]; // class numbers are small whole numbers: exact
            }
            return new DataSet(name, kept, target, rows, xf, yf, classList);
        }
        double[] xd = (double[]) x, yd = (double[]) y;
        if (labels != null) return new DataSet(name, kept, target, rows, xd, yd, ClassLabels.encode(labels, rows, yd));
        return new DataSet(name, kept, target, rows, xd, yd);
    }

    private void dispatch(Block b) {
        if (b.count == 0) return;
        ensureCapacity(b.firstRow + b.count);
        if (converter == null) {
            convert(b);
            return;
        }
        queue.add(b);
        while (queue.size() > 2) { // the converter is behind: the reader converts too
            Block other = queue.poll();
            if (other == null) break;
            convert(other);
        }
    }

    private void ensureCapacity(int needed) {
        if (needed <= capacity) return;
        storage.writeLock().lock();
        try {
            int grown = Math.max(needed, capacity + capacity / 2);
            x = precision.resize(x, Math.multiplyExact(grown, Math.max(1, features)));
            if (y != null) y = precision.resize(y, grown);
            if (labels != null) labels = Arrays.copyOf(labels, grown);
            capacity = grown;
        } finally {
            storage.writeLock().unlock();
        }
    }

    private void convertQueued() {
        try {
            while (true) {
                boolean last = closed; // read before polling: an empty queue after closing means done
                Block b = queue.poll(20, TimeUnit.MILLISECONDS);
                if (b != null) convert(b);
                else if (last) return;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void convert(Block b) {
        storage.readLock().lock();
        try {
            double[] xs = x instanceof double[] d ? d : null, ys = y instanceof double[] d ? d : null;
            float[] xf = x instanceof float[] f ? f : null, yf = y instanceof float[] f ? f : null;
            boolean single = xf != null;
            String[] ls = labels;
            int f = features;
            for (int i = 0; i < b.count; i++) {
                String[] fields = b.fields[i];
                int r = b.firstRow + i;
                for (int j = 0; j < fields.length; j++) {
                    if (feature[j] == SKIPPED) continue;
                    if (ls != null && feature[j] < 0) {
                        ls[r] = CsvLoader.unquote(fields[j]);
                        continue;
                    }
                    double v;
                    try {
                        v = parse(fields[j].strip(), single);
                    } catch (NumberFormatException e) {
                        String cell = CsvLoader.unquote(fields[j]);
                        try {
                            v = parse(cell, single);
                        } catch (NumberFormatException notNumber) {
                            fail(r, fileName + " line " + b.lines[i] + ", column " + columns.get(j) + ": " + notANumber(cell, j, fields));
                            return;
                        }
                    }
                    if (!Double.isFinite(v)) {
                        String cell = CsvLoader.unquote(fields[j]);
                        if (Double.isNaN(v)) {
                            fail(r, fileName + " line " + b.lines[i] + ", column " + columns.get(j) + ": " + notANumber(cell, j, fields));
                            return;
                        }
                        boolean overflow = single && Double.isInfinite(v) && Double.isFinite(JavaDoubleParser.parseDouble(cell.strip()));
                        fail(r, fileName + " line " + b.lines[i] + ", column " + columns.get(j) + ": '" + cell + "' is not a finite number"
                                + (overflow ? " as a 32-bit float (at most about 3.4e38); read the file with precision: 'double'" : ""));
                        return;
                    }
                    int k = feature[j];
                    if (single) {
                        if (k >= 0) xf[r * f + k] = (float) v; // v is already a float: exact
                        else yf[r] = (float) v;
                    } else if (k >= 0) xs[r * f + k] = v;
                    else ys[r] = v;
                }
                b.fields[i] = null;
            }
        } finally {
            storage.readLock().unlock();
        }
    }

    /**
     * Why a cell's text is not a number, and what to do: a missing value (empty, or a marker pandas reads as
     * NaN) is filled in or its row removed; text in a feature column is left out with {@code usecols} (naming the features
     * whose cells in this record are numbers; the target is read anyway), in
     * the target read with {@code classes: true}; a one-column header that holds a {@code ;} or a tab is
     * another separator.
     */
    private String notANumber(String cell, int column, String[] record) {
        if (cell.isBlank() || MISSING.contains(cell)) {
            return (cell.isBlank() ? "the cell is empty (a missing value)" : "'" + cell + "' marks a missing value")
                    + "; every cell must hold a number: fill it in or remove the row";
        }
        String said = "'" + cell + "' is not a number";
        String separator = CsvLoader.separatorHint(fileName, columns);
        if (!separator.isEmpty()) return said + separator;
        if (!WORDS.matcher(cell).matches()) return said; // a typo such as 1.2.3 or nan?, not a column of text
        if (feature[column] == -1) return said + "; if " + columns.get(column) + " holds class labels, read them with classes: true";
        List<String> numeric = new ArrayList<>();
        for (int j = 0; j < record.length; j++) if (feature[j] >= 0 && isNumber(record[j])) numeric.add(columns.get(j));
        if (numeric.isEmpty()) return said;
        return said + "; to leave out the columns that hold text, read only the others: usecols: " + quoted(numeric);
    }

    /** Text as a column of names or labels holds: a letter, then letters, digits, spaces and _ . ' - */
    private static final Pattern WORDS = Pattern.compile("\\p{L}[\\p{L}\\p{N} _.'-]*");

    /** Texts {@code pandas.read_csv} reads as a missing value (NaN) by default, besides an empty cell. */
    private static final Set<String> MISSING = Set.of("NA", "N/A", "n/a", "NaN", "nan", "-NaN", "-nan", "NULL", "null",
            "None", "<NA>", "#N/A", "#NA", "#N/A N/A", "-1.#IND", "1.#IND", "-1.#QNAN", "1.#QNAN");

    private static boolean isNumber(String field) {
        try {
            return Double.isFinite(JavaDoubleParser.parseDouble(CsvLoader.unquote(field)));
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String quoted(List<String> names) {
        StringBuilder sb = new StringBuilder("[");
        for (String n : names) sb.append(sb.length() > 1 ? ", '" : "'").append(n.replace("'", "\\'")).append('\'');
        return sb.append(']').toString();
    }

    /** The number a cell's text means: as a double, or rounded once to the nearest float (then widened, exactly). */
    private static double parse(String text, boolean single) {
        return single ? JavaFloatParser.parseFloat(text) : JavaDoubleParser.parseDouble(text);
    }

    private synchronized void fail(long row, String message) {
        if (row < errorRow) {
            errorRow = row;
            error = message;
        }
        failed = true;
    }

    /** Consecutive records from row firstRow on, with the line each starts on. */
    private static final class Block {
        final int firstRow;
        final String[][] fields;
        final long[] lines;
        int count;

        Block(int firstRow, int size) {
            this.firstRow = firstRow;
            this.fields = new String[size][];
            this.lines = new long[size];
        }
    }
}
