package org.gradus.data;

import java.io.Serializable;
import java.util.Arrays;

/**
 * How the rows of a partitioned data set are numbered: partition p holds the rows
 * {@code [first(p), first(p) + count(p))}. Turns the row numbers of a mini-batch into positions inside
 * each partition, so that only the partitions that hold rows of the batch need to work.
 */
public final class PartitionOffsets implements Serializable {
    private static final long serialVersionUID = 1L;

    /** first[p]: the number of partition p's first row; first[partitions] = all rows. */
    private final int[] first;

    /**
     * @param counts the rows of each partition, in partition order
     * @throws IllegalArgumentException for a negative count, or more rows than an int can number
     */
    public PartitionOffsets(long[] counts) {
        first = new int[counts.length + 1];
        long total = 0;
        for (int p = 0; p < counts.length; p++) {
            if (counts[p] < 0) throw new IllegalArgumentException("partition " + p + " has " + counts[p] + " rows");
            first[p] = (int) total;
            total += counts[p];
            if (total > Integer.MAX_VALUE - 8) throw new IllegalArgumentException("more than " + (Integer.MAX_VALUE - 8) + " rows");
        }
        first[counts.length] = (int) total;
    }

    public int partitions() {
        return first.length - 1;
    }

    public int rows() {
        return first[first.length - 1];
    }

    /** The number of partition p's first row. */
    public int first(int p) {
        return first[p];
    }

    /** The rows partition p holds. */
    public int count(int p) {
        return first[p + 1] - first[p];
    }

    /** The partition that holds row r. */
    public int partitionOf(int r) {
        if (r < 0 || r >= rows()) throw new IndexOutOfBoundsException("row " + r + " is outside 0.." + (rows() - 1));
        int p = Arrays.binarySearch(first, 0, first.length - 1, r);
        if (p >= 0) {
            while (p + 1 < first.length - 1 && first[p + 1] == r) p++;   // skip empty partitions
            return p;
        }
        return -p - 2;
    }

    /**
     * Per partition, the positions inside it of the rows {@code rows[lo..hi)}, in the order they come
     * there; null for a partition that holds none of them.
     */
    public int[][] positions(int[] rows, int lo, int hi) {
        int n = partitions();
        int[] counts = new int[n];
        int[] owner = new int[hi - lo];
        for (int k = lo; k < hi; k++) counts[owner[k - lo] = partitionOf(rows[k])]++;
        int[][] out = new int[n][];
        for (int p = 0; p < n; p++) if (counts[p] > 0) out[p] = new int[counts[p]];
        int[] filled = new int[n];
        for (int k = lo; k < hi; k++) {
            int p = owner[k - lo];
            out[p][filled[p]++] = rows[k] - first[p];
        }
        return out;
    }
}
