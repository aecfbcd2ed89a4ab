package org.gradus.spark;

import org.apache.spark.Partitioner;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapFunction2;
import org.apache.spark.api.java.function.Function;
import org.apache.spark.api.java.function.Function2;
import org.apache.spark.sql.Row;
import org.gradus.data.Chunks;
import org.gradus.data.DataFileException;
import org.gradus.data.RowBlock;
import scala.Tuple2;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;

/**
 * Turns the rows Spark read into one {@link RowBlock} per partition — the features row-major, the
 * target beside — keeping the rows in the order Spark holds them, so that row r of the data set is the
 * same row for a mini-batch here as in memory. For a data set that stays in Spark every partition holds
 * whole chunks of rows ({@link Chunks}: the summation order of a pass in memory), so that a pass there
 * adds the rows in the same order as in memory: the chunks are cut into P contiguous runs, P the
 * {@code partitions:} asked for or else the partitions Spark read. When the partitions Spark read are
 * already cut at chunk boundaries (or there is one), the rows do not move; else they are moved once
 * (a shuffle keyed by row number), still in order.
 */
final class Blocks {
    private Blocks() {
    }

    /**
     * @param order column indexes of the row: the features, then the target when there is one
     * @param names the column names in the row's order (for messages)
     * @param what  the script's words for the table, for messages: {@code parquet('clicks.parquet')}
     */
    static JavaRDD<RowBlock> of(JavaRDD<Row> rows, int[] order, List<String> names, boolean hasTarget, String what) {
        JavaRDD<double[]> values = rows.map(new Values(order, names, what));
        return values.mapPartitions(new Pack(order.length, hasTarget), true);
    }

    /**
     * As {@link #of}, every partition holding whole chunks: for a data set whose passes run in Spark.
     * Reads the rows once to count them per partition (a job), and once more to move them when the
     * partitions are not cut at chunk boundaries.
     */
    static JavaRDD<RowBlock> aligned(JavaRDD<Row> rows, int[] order, List<String> names, boolean hasTarget, String what, Integer partitions) {
        JavaRDD<double[]> values = rows.map(new Values(order, names, what));
        long[] counts = values.mapPartitions(Blocks::count, true).collect().stream().mapToLong(Long::longValue).toArray();
        int target = partitions != null ? partitions : counts.length;
        long n = 0;
        long[] first = new long[counts.length];
        for (int p = 0; p < counts.length; p++) {
            first[p] = n;
            n += counts[p];
        }
        if (target != counts.length) {
            values = values.mapPartitionsWithIndex(new Numbered(first), true)
                    .mapToPair(t -> t)
                    .partitionBy(new ChunkRuns(target, n))
                    .mapPartitions(Blocks::inOrder, true);
        } else if (!Chunks.aligned(counts)) {
            values = completed(values, first, counts, n);
        }
        return values.mapPartitions(new Pack(order.length, hasTarget), true);
    }

    /**
     * The partitions Spark read, each completed to whole chunks: a chunk that starts in partition q and ends in
     * later ones belongs to q, so the rows of it that lie at the start of later partitions move back to q
     * (a shuffle of those rows only: at most one chunk per partition) and are appended there in row order.
     */
    private static JavaRDD<double[]> completed(JavaRDD<double[]> values, long[] first, long[] counts, long rows) {
        int size = Chunks.rowsPerChunk(rows);
        long[] lead = new long[counts.length];
        for (int p = 0; p < counts.length; p++) {
            long into = first[p] % size;
            lead[p] = counts[p] == 0 || into == 0 ? 0 : Math.min(counts[p], size - into);
        }
        JavaPairRDD<Long, double[]> moved = values.mapPartitionsWithIndex(new Leading(first, lead), true)
                .mapToPair(t -> t)
                .partitionBy(new ChunkStart(first, counts, size));
        return values.zipPartitions(moved, new Append(lead));
    }

    /** The first lead[p] rows of partition p, each with its number in the whole data set. */
    private record Leading(long[] first, long[] lead) implements Function2<Integer, Iterator<double[]>, Iterator<Tuple2<Long, double[]>>> {
        @Override
        public Iterator<Tuple2<Long, double[]>> call(Integer partition, Iterator<double[]> it) {
            List<Tuple2<Long, double[]>> out = new ArrayList<>();
            for (long r = 0; r < lead[partition] && it.hasNext(); r++) out.add(new Tuple2<>(first[partition] + r, it.next()));
            return out.iterator();
        }
    }

    /** A partition's rows without the ones that moved back, then the rows of its last chunk that arrived, in row order. */
    private record Append(long[] lead) implements FlatMapFunction2<Iterator<double[]>, Iterator<Tuple2<Long, double[]>>, double[]> {
        @Override
        public Iterator<double[]> call(Iterator<double[]> own, Iterator<Tuple2<Long, double[]>> arrived) {
            List<double[]> out = new ArrayList<>();
            long skip = lead[TaskContext.getPartitionId()];
            for (long r = 0; own.hasNext(); r++) {
                double[] row = own.next();
                if (r >= skip) out.add(row);
            }
            inOrder(arrived).forEachRemaining(out::add);
            return out.iterator();
        }
    }

    private static Iterator<Long> count(Iterator<double[]> it) {
        long n = 0;
        for (; it.hasNext(); it.next()) n++;
        return Collections.singletonList(n).iterator();
    }

    /** Each row with its number in the whole data set: partition p's rows from first[p] on. */
    private record Numbered(long[] first) implements Function2<Integer, Iterator<double[]>, Iterator<Tuple2<Long, double[]>>> {
        @Override
        public Iterator<Tuple2<Long, double[]>> call(Integer partition, Iterator<double[]> it) {
            long[] next = {first[partition]};
            return new Iterator<>() {
                @Override
                public boolean hasNext() {
                    return it.hasNext();
                }

                @Override
                public Tuple2<Long, double[]> next() {
                    return new Tuple2<>(next[0]++, it.next());
                }
            };
        }
    }

    /** The rows of a shuffle's partition sorted by their numbers. */
    private static Iterator<double[]> inOrder(Iterator<Tuple2<Long, double[]>> it) {
        List<Tuple2<Long, double[]>> all = new ArrayList<>();
        it.forEachRemaining(all::add);
        all.sort((a, b) -> Long.compare(a._1(), b._1()));
        List<double[]> out = new ArrayList<>(all.size());
        for (Tuple2<Long, double[]> t : all) out.add(t._2());
        return out.iterator();
    }

    /**
     * An error Spark raised while it read or evaluated: the Gradus error inside it when there is one
     * (a bad cell found on an executor), else one readable paragraph; the cause is kept for {@code --debug}.
     */
    static RuntimeException readable(Exception e, String what) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof DataFileException d) return new DataFileException(d.getMessage(), e);
        }
        String message = String.valueOf(e.getMessage());
        int line = message.indexOf('\n');
        return new DataFileException(what + ": Spark failed: " + (line < 0 ? message : message.substring(0, line)), e);
    }

    /** A row's values as doubles: the features, then the target. */
    private record Values(int[] order, List<String> names, String what) implements Function<Row, double[]> {
        @Override
        public double[] call(Row row) {
            double[] v = new double[order.length];
            for (int k = 0; k < order.length; k++) {
                Object cell = row.get(order[k]);
                if (cell == null) {
                    throw new DataFileException(what + ": an empty cell in column '" + names.get(order[k])
                            + "'; every cell of a data set must hold a number: fill or drop such rows first");
                }
                v[k] = ((Number) cell).doubleValue();
            }
            return v;
        }
    }

    /** The rows of one partition as one block. */
    private record Pack(int width, boolean hasTarget) implements FlatMapFunction<Iterator<double[]>, RowBlock> {
        @Override
        public Iterator<RowBlock> call(Iterator<double[]> it) {
            List<double[]> rows = new ArrayList<>();
            it.forEachRemaining(rows::add);
            int n = rows.size(), f = hasTarget ? width - 1 : width;
            if ((long) n * f > Integer.MAX_VALUE - 8) {
                throw new DataFileException("one partition of " + n + " rows × " + f + " features holds more than 2³¹ numbers; "
                        + "ask for more partitions (partitions: n)");
            }
            double[] x = new double[n * f];
            double[] y = hasTarget ? new double[n] : null;
            for (int r = 0; r < n; r++) {
                double[] v = rows.get(r);
                System.arraycopy(v, 0, x, r * f, f);
                if (hasTarget) y[r] = v[f];
            }
            return Collections.singletonList(new RowBlock(n, f, x, y)).iterator();
        }
    }

    /** Row r to the partition that holds the first row of r's chunk (partition p holds rows [first[p], first[p] + counts[p])). */
    private static final class ChunkStart extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final long[] first;
        private final long[] counts;
        private final int size;

        ChunkStart(long[] first, long[] counts, int size) {
            this.first = first;
            this.counts = counts;
            this.size = size;
        }

        @Override
        public int numPartitions() {
            return first.length;
        }

        @Override
        public int getPartition(Object key) {
            long start = (Long) key / size * size;
            int lo = 0, hi = first.length - 1;
            while (lo < hi) {                        // the last partition whose first row is ≤ start, among the non-empty ones
                int mid = (lo + hi + 1) >>> 1;
                if (first[mid] <= start) lo = mid;
                else hi = mid - 1;
            }
            while (lo > 0 && counts[lo] == 0) lo--;  // (a guard: an empty partition shares its first row with the next)
            return lo;
        }
    }

    /** Row i (of n) to the partition of its chunk ({@link Chunks#partitionOf}): P contiguous runs of whole chunks. */
    private static final class ChunkRuns extends Partitioner {
        private static final long serialVersionUID = 1L;
        private final int partitions;
        private final long rows;

        ChunkRuns(int partitions, long rows) {
            this.partitions = partitions;
            this.rows = rows;
        }

        @Override
        public int numPartitions() {
            return partitions;
        }

        @Override
        public int getPartition(Object key) {
            return Chunks.partitionOf((Long) key, rows, partitions);
        }
    }
}
