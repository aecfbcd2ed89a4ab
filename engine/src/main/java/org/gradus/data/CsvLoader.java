package org.gradus.data;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads a CSV file with a header row into a {@link DataSet}. A plain file of numbers (the common case)
 * is parsed straight from its bytes by {@link PlainCsv}, on two threads; any other file — quotes, blank
 * lines, class labels, or an error to report — is read this general way (the system property
 * {@code gradus.plainCsv=off} reads every file this way, to compare). FastCSV (RFC 4180: quoting, blank lines,
 * CRLF) splits the records; {@link TableFill} converts the cells on two threads straight into the
 * table's contiguous storage. Before reading, {@link MemoryCheck} estimates the memory the table needs
 * and refuses a table the JVM cannot hold.
 *
 * <p>{@link CsvOptions} chooses another separator ({@code sep: ';'}) and the columns to read ({@code usecols});
 * such files are always read the general way.
 *
 * <p>Every cell must be a number (surrounding spaces allowed); the first bad cell is reported as
 * {@code houses.csv line 3, column age: 'abc' is not a number}, a record with the wrong number of
 * values as {@code houses.csv line 4: 2 value(s), but the header has 3 columns [size, age, price]}.
 * Errors are {@link DataFileException}s.
 */
public final class CsvLoader {
    /** Files at least this large are converted on two threads and report progress. */
    static final long LARGE = 8L << 20;

    private CsvLoader() {
    }

    public static DataSet load(Path file, String target) {
        return load(file, target, null);
    }

    /** As {@link #load(Path, String)}, telling {@code listener} (may be null) how far it has got. */
    public static DataSet load(Path file, String target, LoadListener listener) {
        return load(file, target, false, listener);
    }

    /**
     * As {@link #load(Path, String, LoadListener)}; with {@code classes} the target column holds class
     * labels (numbers or text), numbered 0..K−1 in sorted order and listed by {@link DataSet#classes()}.
     */
    public static DataSet load(Path file, String target, boolean classes, LoadListener listener) {
        return load(file, target, classes, Precision.DOUBLE, listener);
    }

    /**
     * As {@link #load(Path, String, boolean, LoadListener)}, storing the numbers with {@code precision}
     * ({@link Precision#FLOAT}: each cell rounded once to the nearest 32-bit float; a cell beyond the
     * float range is a located error).
     */
    public static DataSet load(Path file, String target, boolean classes, Precision precision, LoadListener listener) {
        return load(file, new CsvOptions(target, classes, precision, CsvOptions.COMMA, null), listener);
    }

    /**
     * As {@link #load(Path, String, boolean, Precision, LoadListener)}, with the cells separated by
     * {@code options.separator()} and only {@code options.columns()} read (in the file's order).
     */
    public static DataSet load(Path file, CsvOptions options, LoadListener listener) {
        String fileName = file.getFileName().toString();
        String target = options.target();
        try {
            long size = Files.size(file);
            boolean large = size >= LARGE;
            if (options.plain() && !"off".equals(System.getProperty("gradus.plainCsv"))) {
                DataSet plain = PlainCsv.load(file, fileName, target, options.precision(), listener);
                if (plain != null) return plain;
            }
            try (CountingStream bytes = new CountingStream(Files.newInputStream(file));
                 CsvReader<CsvRecord> csv = CsvReader.builder().fieldSeparator(options.separator()).skipEmptyLines(true)
                         .ignoreDifferentFieldCount(true).ofCsvRecord(new InputStreamReader(bytes, StandardCharsets.UTF_8))) {
                Iterator<CsvRecord> records = csv.iterator();
                List<String> columns = header(fileName, records);
                if (target != null && !columns.contains(target)) {
                    throw new DataFileException(fileName + " has no column '" + target + "'; its columns are " + columns
                            + separatorHint(fileName, columns));
                }
                requireColumns(fileName, columns, options);
                long expected = MemoryCheck.estimateRows(file, size);
                int read = (int) columns.stream().filter(options::keeps).count();
                MemoryCheck.requireMemory(fileName, expected, read, options.precision().bytes());
                TableFill fill = new TableFill(fileName, columns, options, (int) Math.min(expected, Integer.MAX_VALUE / 2), large);
                long nextReport = LARGE;
                while (records.hasNext() && !fill.failed()) {
                    CsvRecord rec = records.next();
                    fill.add(rec.getFields().toArray(new String[0]), rec.getStartingLineNumber());
                    if (listener != null && large && bytes.count >= nextReport) {
                        listener.onProgress(fileName, bytes.count, size);
                        nextReport = bytes.count + (4L << 20);
                    }
                }
                return fill.finish(fileName.replaceFirst("\\.[^.]*$", ""), target);
            }
        } catch (NoSuchFileException e) {
            throw new DataFileException("no data file " + file);
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            if (e instanceof DataFileException d) throw d;
            throw new DataFileException("cannot read " + fileName + ": " + e.getMessage(), e);
        } finally {
            if (listener != null) listener.onFinish();
        }
    }

    /** Every column {@code usecols} names is one of the file's, and at least one feature is left. */
    private static void requireColumns(String fileName, List<String> columns, CsvOptions options) {
        if (options.columns() == null) return;
        for (String c : options.columns()) {
            if (!columns.contains(c)) {
                throw new DataFileException(fileName + " has no column '" + c + "' (usecols); its columns are " + columns
                        + separatorHint(fileName, columns));
            }
        }
        List<String> features = columns.stream().filter(c -> !c.equals(options.target())).toList();
        if (features.stream().noneMatch(options::keeps)) {
            throw new DataFileException("usecols: " + options.columns() + " leaves " + fileName + " no feature column besides the target "
                    + options.target() + "; name at least one of " + features);
        }
    }

    /**
     * When a header read with commas is one column holding a {@code ;}, a tab or a {@code |}: the advice to
     * read the file with that separator ({@code "; the file seems separated by ';': csv('sales.csv', sep: ';')"});
     * otherwise the empty string.
     */
    static String separatorHint(String fileName, List<String> columns) {
        if (columns.size() != 1) return "";
        String only = columns.get(0);
        for (char c : new char[] {';', '\t', '|'}) {
            if (only.indexOf(c) >= 0) {
                String sep = CsvOptions.printable(c);
                return "; the file seems separated by " + sep + ", not commas: read it with csv('" + fileName + "', sep: " + sep + ")";
            }
        }
        return "";
    }

    private static List<String> header(String fileName, Iterator<CsvRecord> records) {
        if (!records.hasNext()) throw new DataFileException(fileName + " has no header row");
        List<String> columns = new ArrayList<>();
        for (String c : records.next().getFields()) columns.add(unquote(c));
        if (columns.isEmpty() || columns.size() == 1 && columns.get(0).isEmpty()) {
            throw new DataFileException(fileName + " has no header row");
        }
        return columns;
    }

    /** A field without its surrounding spaces, and without quotes that spaces kept the parser from seeing ({@code  "b" }). */
    static String unquote(String field) {
        String s = field.strip();
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') s = s.substring(1, s.length() - 1).replace("\"\"", "\"");
        return s;
    }

    /** Counts the bytes read through it (for progress). */
    private static final class CountingStream extends FilterInputStream {
        volatile long count;

        CountingStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) count++;
            return b;
        }

        @Override
        public int read(byte[] buf, int off, int len) throws IOException {
            int n = super.read(buf, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
