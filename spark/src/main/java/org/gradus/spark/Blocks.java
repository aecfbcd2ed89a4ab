package org.gradus.spark;

import org.apache.spark.Partitioner;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.function.FlatMapFunction;
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
        if (target != counts.length || !Chunks.aligned(counts)) {
            long n = 0;
            long[] first = new long[counts.length];
            for (int p = 0; p < counts.length; p++) {
                first[p] = n;
                n += counts[p];
            }
            values = values.mapPartitionsWithIndex(new Numbered(first), true)
                    .mapToPair(t -> t)
                    .partitionBy(new ChunkRuns(target, n))
                    .mapPartitions(Blocks::inOrder, true);
        }
        return values.mapPartitions(new Pack(order.length, hasTarget), true);
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
