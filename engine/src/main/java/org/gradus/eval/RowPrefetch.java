package org.gradus.eval;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Brings a mini-batch's rows into the cache before a data reduction's body reads them. The rows of a
 * shuffled batch are scattered over a table far larger than the cache: read one after another by the
 * body, each row waits for memory (and for a TLB walk) several times, and a step over 256 rows × 100
 * features took four times as long as over 256 consecutive rows. Here every cache line of the batch's
 * rows is read first in tight loops of independent loads, which the processor overlaps, so the body
 * then finds its rows in the cache.
 *
 * <p>It only reads, so it changes no result. The tables it reads are those of the loop's body whose
 * length is a whole multiple of the loop's range — a data set's tables, row r at
 * {@code [r·stride, (r+1)·stride)} — at most {@link #MAX_BYTES} of rows per call (about half of one
 * core's L2 cache, so the rows are still there when the body reads them). The system property
 * {@code gradus.prefetch=off} turns it off (to measure what it gains).
 */
final class RowPrefetch {
    static final long MAX_BYTES = 512 << 10;
    private static final boolean ENABLED = !"off".equals(System.getProperty("gradus.prefetch"));
    /** Doubles (8 bytes) per 64-byte cache line; floats per line are twice as many. */
    private static final int LINE_DOUBLES = 8;
    /** Reads nothing (a loop that is not over a data set's rows). */
    static final RowPrefetch NONE = new RowPrefetch(List.of(), List.of());

    private final double[][] doubles;
    private final int[] doubleStride;
    private final float[][] floats;
    private final int[] floatStride;
    private final long bytesPerRow;
    /** What the reads added up to: a side effect, so the JIT keeps the reads. */
    private long sink;

    private RowPrefetch(List<Object> tables, List<Integer> strides) {
        List<double[]> d = new ArrayList<>();
        List<float[]> f = new ArrayList<>();
        List<Integer> ds = new ArrayList<>(), fs = new ArrayList<>();
        long bytes = 0;
        for (int k = 0; k < tables.size(); k++) {
            if (tables.get(k) instanceof double[] t) {
                d.add(t);
                ds.add(strides.get(k));
                bytes += strides.get(k) * 8L;
            } else {
                f.add((float[]) tables.get(k));
                fs.add(strides.get(k));
                bytes += strides.get(k) * 4L;
            }
        }
        this.doubles = d.toArray(new double[0][]);
        this.floats = f.toArray(new float[0][]);
        this.doubleStride = ds.stream().mapToInt(Integer::intValue).toArray();
        this.floatStride = fs.stream().mapToInt(Integer::intValue).toArray();
        this.bytesPerRow = Math.max(1, bytes);
    }

    /** The prefetch of data LOOP i of tape t: its body's row tables (none for other loops). */
    static RowPrefetch of(Tape t, int i) {
        Tape body = t.body[i];
        int range = t.to[i] - t.from[i];
        if (!ENABLED || body == null || t.dataRows[i] == null || t.from[i] != 0 || range <= 0) return NONE;
        Set<Object> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Object> tables = new ArrayList<>();
        List<Integer> strides = new ArrayList<>();
        for (int j = 0; j < body.size; j++) {
            Object table = body.table[j] != null ? body.table[j] : body.floats[j];
            if (table == null || !seen.add(table)) continue;
            int length = body.tableLength(j);
            if (length == 0 || length % range != 0) continue;
            tables.add(table);
            strides.add(length / range);
        }
        return tables.isEmpty() ? NONE : new RowPrefetch(tables, strides);
    }

    /**
     * Reads every cache line of the rows rows[lo..hi) (as many as {@link #MAX_BYTES} allows): the first
     * line of every row, then the second of every row, and so on, then each row's last element. The rows
     * lie on different pages, so the first round looks up all their pages' addresses at once (one
     * translation each, overlapped) and the later rounds find them translated; line after line within
     * one row, each row's lines waited for its own page's translation. An Adam step of 256 rows (10 epochs,
     * the median step): 52.8 µs instead of 64.5 on a 10⁵ × 100 table, 58.7 instead of 87.2 on 10⁶ × 100
     * (docs/benchmarks.md, fifteenth session).
     */
    void touch(int[] rows, int lo, int hi) {
        if (doubles.length + floats.length == 0) return;
        int end = (int) Math.min(hi, lo + MAX_BYTES / bytesPerRow);
        long s = 0;
        for (int t = 0; t < doubles.length; t++) s += touch(doubles[t], doubleStride[t], rows, lo, end);
        for (int t = 0; t < floats.length; t++) s += touch(floats[t], floatStride[t], rows, lo, end);
        sink += s;
    }

    private static long touch(double[] t, int stride, int[] rows, int lo, int end) {
        long s = 0;
        for (int j = 0; j < stride; j += LINE_DOUBLES) {
            for (int k = lo; k < end; k++) {
                long at = (long) rows[k] * stride + j;
                if (at >= 0 && at < t.length) s += Double.doubleToRawLongBits(t[(int) at]);
            }
        }
        for (int k = lo; k < end; k++) {
            long last = (long) rows[k] * stride + stride - 1;
            if (last >= 0 && last < t.length) s += Double.doubleToRawLongBits(t[(int) last]);
        }
        return s;
    }

    private static long touch(float[] t, int stride, int[] rows, int lo, int end) {
        long s = 0;
        for (int j = 0; j < stride; j += 2 * LINE_DOUBLES) {
            for (int k = lo; k < end; k++) {
                long at = (long) rows[k] * stride + j;
                if (at >= 0 && at < t.length) s += Float.floatToRawIntBits(t[(int) at]);
            }
        }
        for (int k = lo; k < end; k++) {
            long last = (long) rows[k] * stride + stride - 1;
            if (last >= 0 && last < t.length) s += Float.floatToRawIntBits(t[(int) last]);
        }
        return s;
    }

    /** For tests: what the reads added up to. */
    long sink() {
        return sink;
    }
}
