package org.gradus.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import ch.randelshofer.fastdoubleparser.JavaFloatParser;

import java.io.IOException;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fast way through the common CSV file — ASCII, no quotes, a header line, every record one line
 * of numbers separated by commas, lines ended by LF or CRLF, no blank lines — read straight from the
 * file's bytes: no characters decoded, no strings made. The file is cut into pieces of {@link #PIECE}
 * bytes, each owning the lines that start in it; a first sweep counts each piece's lines (so every
 * piece knows the row it starts at), a second parses each piece's cells with FastDoubleParser's
 * byte-array entry (the parser {@link TableFill} uses on strings: the same numbers, bit for bit) into
 * place in the table's contiguous storage. Both sweeps run on two threads for files over
 * {@link CsvLoader#LARGE}.
 *
 * <p>It never reports an error itself: at the first thing that is not plain (a quote, a blank line,
 * a cell that is not a finite number, a record of the wrong length, non-ASCII text, class labels) it
 * gives up ({@link #load} returns null) and {@link CsvLoader} reads the file its general way, which
 * reports every error exactly as before.
 */
final class PlainCsv {
    /** Bytes per piece: small enough to share the work evenly, large enough that a piece is many lines. */
    static final int PIECE = 1 << 20;

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private final FileChannel channel;
    private final long size;
    private final long bodyStart;
    private final int[] feature;
    private final int features;
    private final boolean single;
    private final int pieceBytes;
    private final int pieces;
    private long[] firstRow;
    private Object x;
    private Object y;
    private volatile boolean notPlain;
    private final AtomicInteger nextPiece = new AtomicInteger();
    private final AtomicLong bytesDone = new AtomicLong();

    private PlainCsv(FileChannel channel, long size, long bodyStart, int[] feature, int features, Precision precision, int pieceBytes) {
        this.channel = channel;
        this.size = size;
        this.bodyStart = bodyStart;
        this.feature = feature;
        this.features = features;
        this.single = precision == Precision.FLOAT;
        this.pieceBytes = pieceBytes;
        this.pieces = (int) Math.max(1, (size - bodyStart + pieceBytes - 1) / pieceBytes);
    }

    /**
     * The table of a plain file, or null when the file is not plain (then nothing is reported: read it
     * the general way). Large files tell {@code listener} (may be null) how far the parse has got.
     *
     * @throws DataFileException when the table cannot fit in the heap (the message of {@link MemoryCheck})
     */
    static DataSet load(Path file, String fileName, String target, Precision precision, LoadListener listener) throws IOException {
        return load(file, fileName, target, precision, listener, PIECE, Files.size(file) >= CsvLoader.LARGE);
    }

    /** As above, in pieces of {@code pieceBytes}, on two threads when {@code parallel} (for tests: many pieces in a small file). */
    static DataSet load(Path file, String fileName, String target, Precision precision, LoadListener listener, int pieceBytes, boolean parallel)
            throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = ch.size();
            byte[] head = new byte[(int) Math.min(size, 1 << 16)];
            int n = readFully(ch, head, 0, head.length, 0);
            int eol = indexOf(head, n, (byte) '\n');
            if (eol < 0) return null;
            List<String> columns = header(head, eol);
            if (columns == null || target != null && !columns.contains(target)) return null;
            int[] feature = new int[columns.size()];
            int k = 0;
            for (int j = 0; j < feature.length; j++) feature[j] = columns.get(j).equals(target) ? -1 : k++;
            MemoryCheck.requireMemory(fileName, MemoryCheck.estimateRows(file, size), columns.size(), precision.bytes());
            PlainCsv csv = new PlainCsv(ch, size, eol + 1, feature, k, precision, pieceBytes);
            if (!csv.countRows(parallel, fileName)) return null;
            long rows = csv.firstRow[csv.pieces];
            if (rows == 0 || rows * k > Integer.MAX_VALUE - 16) return null;
            csv.x = precision.allocate((int) rows * k);
            csv.y = target != null ? precision.allocate((int) rows) : null;
            if (!csv.parse(parallel, parallel ? listener : null, fileName)) return null;
            String name = fileName.replaceFirst("\\.[^.]*$", "");
            if (csv.single) return new DataSet(name, columns, target, (int) rows, (float[]) csv.x, (float[]) csv.y, null);
            return new DataSet(name, columns, target, (int) rows, (double[]) csv.x, (double[]) csv.y);
        }
    }

    /** The header's column names, or null when it is not plain (quotes, non-ASCII, an empty name, a lone CR). */
    private static List<String> header(byte[] head, int eol) {
        int end = eol > 0 && head[eol - 1] == '\r' ? eol - 1 : eol;
        for (int i = 0; i < end; i++) if (head[i] == '"' || head[i] == '\r' || head[i] < 0) return null;
        List<String> columns = new ArrayList<>();
        for (String c : new String(head, 0, end, StandardCharsets.US_ASCII).split(",", -1)) {
            String s = c.strip();
            if (s.isEmpty()) return null;
            columns.add(s);
        }
        return columns;
    }

    /** firstRow[p] = the data rows before piece p (firstRow[pieces] = all of them); false when not plain. */
    private boolean countRows(boolean parallel, String fileName) throws IOException {
        long[] lines = new long[pieces];
        run(parallel, fileName, buf -> {
            int p;
            while (!notPlain && (p = nextPiece.getAndIncrement()) < pieces) lines[p] = countLines(p, buf);
        });
        if (notPlain) return false;
        firstRow = new long[pieces + 1];
        for (int p = 0; p < pieces; p++) firstRow[p + 1] = firstRow[p] + lines[p];
        nextPiece.set(0);
        return true;
    }

    /**
     * The lines that start in piece p = [start, end): one per newline at [max(bodyStart, start − 1), end − 1)
     * (the line after it starts inside the piece), and the body's first line in piece 0.
     */
    private long countLines(int p, byte[][] buf) throws IOException {
        long start = pieceStart(p), end = pieceStart(p + 1);
        if (start >= end) return 0;
        long from = Math.max(bodyStart, start - 1);
        int n = (int) (end - 1 - from);
        byte[] b = buffer(buf, Math.max(n, 1));
        int read = readFully(channel, b, 0, n, from);
        return (p == 0 ? 1 : 0) + newlines(b, read);
    }

    /** The LF bytes among b[0..n), eight at a time: a byte of w ^ LF is zero exactly where w has a LF. */
    static long newlines(byte[] b, int n) {
        long count = 0;
        int i = 0;
        for (; i + 8 <= n; i += 8) {
            long w = (long) LONGS.get(b, i) ^ 0x0a0a0a0a0a0a0a0aL;
            long nonzero = ((w & 0x7f7f7f7f7f7f7f7fL) + 0x7f7f7f7f7f7f7f7fL) | w; // high bit set in each nonzero byte, no carries between bytes
            count += Long.bitCount(~nonzero & 0x8080808080808080L);
        }
        for (; i < n; i++) if (b[i] == '\n') count++;
        return count;
    }

    private long pieceStart(int p) {
        return Math.min(size, bodyStart + (long) p * pieceBytes);
    }

    /** Parses every piece into place; false when a piece is not plain. */
    private boolean parse(boolean parallel, LoadListener listener, String fileName) throws IOException {
        Thread caller = Thread.currentThread();
        run(parallel, fileName, buf -> {
            int p;
            long nextReport = CsvLoader.LARGE;
            while (!notPlain && (p = nextPiece.getAndIncrement()) < pieces) {
                if (!parsePiece(p, buf)) notPlain = true;
                long done = bytesDone.addAndGet(pieceStart(p + 1) - pieceStart(p));
                if (listener != null && Thread.currentThread() == caller && done >= nextReport) {
                    listener.onProgress(fileName, done, size);
                    nextReport = done + (4L << 20);
                }
            }
        });
        return !notPlain;
    }

    /**
     * The lines starting in piece p, parsed into rows firstRow[p].. : reads the piece from one byte
     * before its start (to see whether a line starts at its first byte) on to the end of its last line.
     */
    private boolean parsePiece(int p, byte[][] buf) throws IOException {
        long start = pieceStart(p), end = pieceStart(p + 1);
        if (start >= end) return true;
        long from = p == 0 ? start : start - 1;
        int n = (int) (end - from);
        byte[] b = buffer(buf, n + (1 << 16));
        int read = readFully(channel, b, 0, n, from);
        if (read < n) return false;
        int pos = p == 0 ? 0 : nextLine(b, 0, read) + 1; // the first line starting at or after start
        int limit = n; // lines must start before this offset
        // make sure the last line starting in the piece is whole: read on until a newline at or after limit − 1 or the end
        int tail = read;
        while (from + tail < size && indexOf(b, Math.max(limit - 1, 0), tail, (byte) '\n') < 0) {
            if (tail + (1 << 16) > b.length) b = grow(buf, tail + (1 << 16));
            int more = readFully(channel, b, tail, Math.min(b.length - tail, 1 << 16), from + tail);
            if (more <= 0) break;
            tail += more;
        }
        double[] value = new double[1];
        long row = firstRow[p];
        long lastRow = firstRow[p + 1];
        while (pos < limit && pos < tail) {
            if (row >= lastRow) return false;
            pos = parseLine(b, pos, tail, (int) row, value);
            if (pos < 0) return false;
            row++;
        }
        return row == lastRow;
    }

    /**
     * One record starting at pos into row r; the offset after its line end, or −1 when it is not plain.
     */
    private int parseLine(byte[] b, int pos, int tail, int r, double[] value) {
        int cols = feature.length;
        for (int j = 0; j < cols; j++) {
            int q = single ? ShortDecimal.NOT_SHORT : ShortDecimal.parse(b, pos, tail, value);
            double v;
            if (q == ShortDecimal.NOT_SHORT) {
                q = pos;
                while (q < tail && b[q] != ',' && b[q] != '\n' && b[q] != '\r') q++;
                if (q == pos) return -1;
                try {
                    v = single ? JavaFloatParser.parseFloat(b, pos, q - pos) : JavaDoubleParser.parseDouble(b, pos, q - pos);
                } catch (NumberFormatException e) {
                    return -1;
                }
                if (!Double.isFinite(v)) return -1;
            } else {
                v = value[0];
            }
            byte stop = q < tail ? b[q] : (byte) '\n';
            if ((j < cols - 1) != (stop == ',')) return -1;
            int k = feature[j];
            if (single) {
                if (k >= 0) ((float[]) x)[r * features + k] = (float) v;
                else ((float[]) y)[r] = (float) v;
            } else if (k >= 0) ((double[]) x)[r * features + k] = v;
            else ((double[]) y)[r] = v;
            pos = q + 1;
            if (stop == '\r') {
                if (q + 1 < tail && b[q + 1] == '\n') return q + 2;
                return q + 1 >= tail ? q + 1 : -1;
            }
        }
        return pos;
    }

    private static int nextLine(byte[] b, int from, int to) {
        int i = indexOf(b, from, to, (byte) '\n');
        return i < 0 ? to : i;
    }

    private interface Work {
        void run(byte[][] buffer) throws IOException;
    }

    /** Runs work on the calling thread and, when parallel, on one more; any failure marks the file not plain. */
    private void run(boolean parallel, String fileName, Work work) throws IOException {
        Thread helper = null;
        if (parallel && pieces > 1) {
            helper = new Thread(() -> {
                try {
                    work.run(new byte[1][]);
                } catch (Throwable e) { // whatever stopped the helper (even an Error): the pieces it took are not done, so read the general way
                    notPlain = true;
                }
            }, "gradus-csv");
            helper.setDaemon(true);
            helper.start();
        }
        try {
            work.run(new byte[1][]);
        } catch (RuntimeException e) {
            notPlain = true;
        } finally {
            if (helper != null) {
                try {
                    helper.join();
                } catch (InterruptedException e) {
                    notPlain = true;
                    Thread.currentThread().interrupt();
                    throw new DataFileException("loading " + fileName + " was interrupted");
                }
            }
        }
    }

    private static byte[] buffer(byte[][] holder, int n) {
        if (holder[0] == null || holder[0].length < n) holder[0] = new byte[n];
        return holder[0];
    }

    private static byte[] grow(byte[][] holder, int n) {
        byte[] b = java.util.Arrays.copyOf(holder[0], Math.max(n, holder[0].length * 2));
        holder[0] = b;
        return b;
    }

    private static int readFully(FileChannel ch, byte[] b, int off, int len, long position) throws IOException {
        ByteBuffer bb = ByteBuffer.wrap(b, off, len);
        int total = 0;
        while (bb.hasRemaining()) {
            int r = ch.read(bb, position + total);
            if (r < 0) break;
            total += r;
        }
        return total;
    }

    private static int indexOf(byte[] b, int n, byte c) {
        return indexOf(b, 0, n, c);
    }

    private static int indexOf(byte[] b, int from, int to, byte c) {
        for (int i = from; i < to; i++) if (b[i] == c) return i;
        return -1;
    }
}
