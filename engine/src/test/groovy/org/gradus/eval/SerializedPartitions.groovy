package org.gradus.eval

import org.gradus.data.ChunkSums
import org.gradus.data.Chunks
import org.gradus.data.ColumnRanges
import org.gradus.data.DataSet
import org.gradus.data.PartitionOffsets
import org.gradus.data.PartitionTask
import org.gradus.data.Partials
import org.gradus.data.Partitions
import org.gradus.data.RowBlock

/**
 * Partitions without Spark, for engine tests: the rows of an in-memory table cut into blocks that have
 * been through Java serialization (as a partition's rows reach an executor), each holding whole chunks
 * ({@link Chunks#partitionOf}, as the Spark module cuts them), and every pass sends the task and the zero
 * through serialization too and combines the partial sums in a tree of depth 2 — what Spark does, in
 * one JVM. Counts the passes and the blocks each pass visited.
 */
class SerializedPartitions implements Partitions {
    final List<RowBlock> blocks
    final PartitionOffsets offsets
    int passes = 0
    List<Integer> visited = []

    /** The rows of {@code d} (in memory, with a target) cut into {@code count} contiguous blocks of whole chunks. */
    SerializedPartitions(DataSet d, int count) {
        int n = d.rows(), f = d.features()
        List<double[]> cols = d.featureNames().collect { d.column(it) }
        double[] y = d.column(d.target())
        long[] counts = new long[count]
        for (int r = 0; r < n; r++) counts[Chunks.partitionOf(r, n, count)]++
        offsets = new PartitionOffsets(counts)
        blocks = (0..<count).collect { p ->
            int first = offsets.first(p), rows = offsets.count(p)
            double[] x = new double[rows * f]
            double[] t = new double[rows]
            for (int r = 0; r < rows; r++) {
                for (int k = 0; k < f; k++) x[r * f + k] = cols[k][first + r]
                t[r] = y[first + r]
            }
            roundTrip(new RowBlock(rows, f, x, t)) as RowBlock
        }
    }

    /** A partitioned data set over these blocks, named and with the columns of {@code d}. */
    static DataSet of(DataSet d, int count) {
        DataSet.partitioned(d.name() + '_p', d.columns(), d.target(), new SerializedPartitions(d, count))
    }

    @Override
    String where() { "test partitions, ${blocks.size()} partitions" }

    @Override
    int rows() { offsets.rows() }

    /** Gathered block by block, as the Spark module gathers them where its blocks are cached. */
    @Override
    ColumnRanges ranges() { blocks.collect { ColumnRanges.of(it) }.inject { a, b -> ColumnRanges.merge(a, b) } }

    @Override
    Partials reduce(PartitionTask task, double[] x, boolean gradient, int[] rows, int lo, int hi) {
        passes++
        int[][] positions = rows == null ? null : offsets.positions(rows, lo, hi)
        List<Partials> perBlock = []
        blocks.eachWithIndex { RowBlock b, int p ->
            if (positions != null && positions[p] == null) return
            visited << p
            PartitionTask there = roundTrip(task) as PartitionTask
            Partials acc = roundTrip(Partials.zero(x.length, gradient)) as Partials
            there.addTo(acc, b, roundTrip(x) as double[], positions == null ? null : positions[p])
            perBlock << (roundTrip(acc) as Partials)
        }
        // depth 2: pairs first, then the pairs in order
        List<Partials> level = perBlock.collate(2).collect { pair -> pair.size() == 1 ? pair[0] : pair[0].merge(pair[1]) }
        Partials total = Partials.zero(x.length, gradient)
        level.each { total.merge(it) }
        total
    }

    @Override
    ChunkSums reduceChunks(PartitionTask task, double[] x, boolean gradient, double seed) {
        passes++
        List<ChunkSums> perBlock = []
        blocks.eachWithIndex { RowBlock b, int p ->
            visited << p
            PartitionTask there = roundTrip(task) as PartitionTask
            ChunkSums acc = roundTrip(ChunkSums.zero(offsets.rows(), x.length, gradient)) as ChunkSums
            there.addChunks(acc, b, offsets.first(p), roundTrip(x) as double[], seed)
            perBlock << (roundTrip(acc) as ChunkSums)
        }
        List<ChunkSums> level = perBlock.collate(2).collect { pair -> pair.size() == 1 ? pair[0] : pair[0].merge(pair[1]) }
        ChunkSums total = ChunkSums.zero(offsets.rows(), x.length, gradient)
        level.each { total.merge(it) }
        total
    }

    static Object roundTrip(Object o) {
        def bytes = new ByteArrayOutputStream()
        new ObjectOutputStream(bytes).withCloseable { it.writeObject(o) }
        new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())).withCloseable { it.readObject() }
    }
}
