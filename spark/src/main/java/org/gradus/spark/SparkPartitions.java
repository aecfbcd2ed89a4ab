package org.gradus.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.rdd.PartitionPruningRDD;
import org.gradus.data.ChunkSums;
import org.gradus.data.PartitionOffsets;
import org.gradus.data.PartitionTask;
import org.gradus.data.Partials;
import org.gradus.data.ColumnRanges;
import org.gradus.data.Partitions;
import org.gradus.data.RowBlock;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The rows of a data set held by Spark: a cached RDD with one {@link RowBlock} per partition, each
 * holding whole chunks of rows ({@link org.gradus.data.Chunks}). A pass is what MLlib's L-BFGS does for
 * its loss ({@code RDDLossFunction}, {@code LBFGS.CostFun}): the parameters are broadcast, each partition
 * sums the compiled body over its block ({@link PartitionTask}, broadcast once for all passes),
 * {@code treeAggregate} combines the results, and the parameters' broadcast is destroyed. A full pass brings back each chunk's sums
 * ({@link ChunkSums}, made on the executors), added on the driver in chunk order as in memory; a
 * mini-batch only runs the partitions that hold its rows (the others are pruned from the job), each on
 * the positions of its rows, into one {@link Partials} per partition.
 */
final class SparkPartitions implements Partitions {
    /** The depth of the aggregation tree of a mini-batch's sums, as MLlib's L-BFGS uses. */
    static final int TREE_DEPTH = 2;
    /**
     * The depth for a full pass's chunk sums: one level. The chunks must reach the driver separately to be
     * added in the rows' order, so an intermediate level could not shrink what arrives there; it would only
     * add a shuffle stage to every pass (measured: docs/benchmarks.md).
     */
    static final int CHUNK_TREE_DEPTH = 1;

    private final JavaSparkContext context;
    private final JavaRDD<RowBlock> blocks;
    private final PartitionOffsets offsets;
    private final String where;
    private final ColumnRanges ranges;
    /** Each kernel broadcast once, for all its passes: executors keep it deserialized, so a task carries only its handle. */
    private final Map<PartitionTask, Broadcast<PartitionTask>> kernels = new IdentityHashMap<>();

    /**
     * @param blocks cached, one block per partition
     * @param counts the rows of each partition, in partition order
     * @param ranges every column's range over all rows, or null when not known
     */
    SparkPartitions(JavaSparkContext context, JavaRDD<RowBlock> blocks, long[] counts, ColumnRanges ranges, String master) {
        this.context = context;
        this.ranges = ranges;
        this.blocks = blocks;
        this.offsets = new PartitionOffsets(counts);
        this.where = "spark " + master + ", " + counts.length + (counts.length == 1 ? " partition" : " partitions");
    }

    @Override
    public String where() {
        return where;
    }

    @Override
    public ColumnRanges ranges() {
        return ranges;
    }

    @Override
    public int rows() {
        return offsets.rows();
    }

    @Override
    public Partials reduce(PartitionTask task, double[] x, boolean gradient, int[] rows, int lo, int hi) {
        Parameters parameters = Parameters.of(context, x);
        try {
            JavaRDD<Partials> partial;
            if (rows == null) {
                partial = blocks.mapPartitions(new Sum(kernel(task), parameters, gradient, x.length, null), true);
            } else {
                int[][] positions = offsets.positions(rows, lo, hi);
                List<int[]> kept = new ArrayList<>();
                boolean[] keep = new boolean[positions.length];
                for (int p = 0; p < positions.length; p++) {
                    if (positions[p] != null) {
                        keep[p] = true;
                        kept.add(positions[p]);
                    }
                }
                JavaRDD<RowBlock> some = JavaRDD.fromRDD(PartitionPruningRDD.create(blocks.rdd(), new Kept(keep)), blocks.classTag());
                partial = some.mapPartitionsWithIndex(new SumAt(new Sum(kernel(task), parameters, gradient, x.length, kept.toArray(new int[0][]))), true);
            }
            Partials zero = Partials.zero(x.length, gradient);
            return partial.treeAggregate(zero, Partials::merge, Partials::merge, TREE_DEPTH);
        } catch (Exception e) {          // SparkException: checked, undeclared by Spark's Scala API
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException("a pass over the rows on " + where + " failed: " + firstLine(e.getMessage()), e);
        } finally {
            parameters.destroy();
        }
    }

    @Override
    public ChunkSums reduceChunks(PartitionTask task, double[] x, boolean gradient, double seed) {
        Parameters parameters = Parameters.of(context, x);
        try {
            JavaRDD<ChunkSums> chunks = blocks.mapPartitionsWithIndex(new Chunked(kernel(task), parameters, offsets, gradient, seed, x.length), true);
            ChunkSums zero = ChunkSums.zero(offsets.rows(), x.length, gradient);
            return chunks.treeAggregate(zero, ChunkSums::merge, ChunkSums::merge, CHUNK_TREE_DEPTH);
        } catch (Exception e) {          // SparkException: checked, undeclared by Spark's Scala API
            if (e instanceof RuntimeException r) throw r;
            throw new IllegalStateException("a pass over the rows on " + where + " failed: " + firstLine(e.getMessage()), e);
        } finally {
            parameters.destroy();
        }
    }

    /** The broadcast of this kernel, made on its first pass. */
    private synchronized Broadcast<PartitionTask> kernel(PartitionTask task) {
        return kernels.computeIfAbsent(task, context::broadcast);
    }

    private static String firstLine(String message) {
        if (message == null) return "no reason given";
        int line = message.indexOf('\n');
        return line < 0 ? message : message.substring(0, line);
    }

    /** The partial sum of one partition: the body over its block's rows (all, or the positions of this partition's batch rows). */
    private record Sum(Broadcast<PartitionTask> task, Parameters parameters, boolean gradient, int dimension, int[][] positions)
            implements org.apache.spark.api.java.function.FlatMapFunction<Iterator<RowBlock>, Partials> {
        @Override
        public Iterator<Partials> call(Iterator<RowBlock> it) {
            return at(-1, it);
        }

        Iterator<Partials> at(int partition, Iterator<RowBlock> it) {
            Partials acc = Partials.zero(dimension, gradient);
            double[] x = parameters.value();
            PartitionTask kernel = task.value();
            while (it.hasNext()) kernel.addTo(acc, it.next(), x, positions == null ? null : positions[partition]);
            return Collections.singletonList(acc).iterator();
        }
    }

    /** The chunk sums of one partition, whose first row is numbered by the offsets. */
    private record Chunked(Broadcast<PartitionTask> task, Parameters parameters, PartitionOffsets offsets, boolean gradient, double seed,
                           int dimension) implements org.apache.spark.api.java.function.Function2<Integer, Iterator<RowBlock>, Iterator<ChunkSums>> {
        @Override
        public Iterator<ChunkSums> call(Integer partition, Iterator<RowBlock> it) {
            ChunkSums acc = ChunkSums.zero(offsets.rows(), dimension, gradient);
            double[] x = parameters.value();
            int first = offsets.first(partition);
            PartitionTask kernel = task.value();
            while (it.hasNext()) {
                RowBlock b = it.next();
                kernel.addChunks(acc, b, first, x, seed);
                first += b.rows();
            }
            return Collections.singletonList(acc).iterator();
        }
    }

    /** {@link Sum} on a pruned RDD, whose partition index numbers the kept partitions in order. */
    private record SumAt(Sum sum) implements org.apache.spark.api.java.function.Function2<Integer, Iterator<RowBlock>, Iterator<Partials>> {
        @Override
        public Iterator<Partials> call(Integer partition, Iterator<RowBlock> it) {
            return sum.at(partition, it);
        }
    }

    /** Which partitions a mini-batch needs, for {@link PartitionPruningRDD}. */
    private static final class Kept extends scala.runtime.AbstractFunction1<Object, Object> implements Serializable {
        private static final long serialVersionUID = 1L;
        private final boolean[] keep;

        Kept(boolean[] keep) {
            this.keep = keep;
        }

        @Override
        public Object apply(Object partition) {
            return keep[(Integer) partition];
        }
    }
}
