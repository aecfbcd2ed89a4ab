package org.gradus.data;

/**
 * The order in which a pass over the rows of a data set adds them up, as a property of the rows alone:
 * rows 0 .. n − 1 are cut into chunks of {@link #rowsPerChunk(long)} rows (the last may be shorter),
 * each chunk is summed from zero in row order, and the chunk sums are added in chunk order. The pass in
 * memory ({@code org.gradus.eval.DataPass}, on any number of threads) and a pass over partitions
 * ({@link Partitions#reduceChunks}, any number of them) both follow it, so both give the same bits.
 *
 * <p>Partitions that hold whole chunks are what makes that possible where the rows live elsewhere:
 * {@link #partitionOf} cuts the chunks into contiguous runs, one per partition. The chunks are also the
 * most partitions (and threads) that can work in one pass: a small table has {@link #FEW} chunks of at least
 * {@link #SMALLEST} rows, shared by the cores (the 1797 rows of the digits are 7 chunks of 256 rows and one of 5,
 * where they were one chunk on one core); from {@link #FEW} · 2048 rows on, the count grows with the rows (one per 2048 rows)
 * up to {@link #MAX_CHUNKS}, so that up to 1024 partitions (executor cores) share a pass over 2·10⁶ rows or more.
 * The price is on the way back: a pass over partitions returns one gradient per chunk (at most
 * {@code MAX_CHUNKS × parameters} doubles, 0.8 MB for 101 parameters), and the pass in memory keeps as
 * many partial gradients (never more than the parameters / (2048 × features) share of the table itself, or
 * {@link #FEW} of them for a small table).
 */
public final class Chunks {
    /** Rows per chunk of a table of at least {@link #FEW} · 2048 rows: at least this many, and at most {@link #MAX_CHUNKS} chunks. */
    public static final int MIN_ROWS = 2048;
    /** A smaller table is cut into this many chunks (or fewer, of {@link #SMALLEST} rows), so that its pass uses every core. */
    public static final int FEW = 8;
    /** The fewest rows in a chunk (the last may be shorter): below this a chunk's work would not pay for handing it to a thread. */
    public static final int SMALLEST = 256;
    /** The most chunks a pass has (reached at 2048 · 1024 = 2 097 152 rows; more rows make longer chunks). */
    public static final int MAX_CHUNKS = 1024;

    private Chunks() {
    }

    /** The rows in each chunk of a pass over {@code rows} rows (the last chunk may be shorter). */
    public static int rowsPerChunk(long rows) {
        long few = Math.max(SMALLEST, (rows + FEW - 1) / FEW);      // a small table: FEW chunks
        return (int) Math.max(Math.min(few, MIN_ROWS), (rows + MAX_CHUNKS - 1) / MAX_CHUNKS);
    }

    /** How many chunks a pass over {@code rows} rows has (0 for none). */
    public static int count(long rows) {
        int size = rowsPerChunk(rows);
        return (int) ((rows + size - 1) / size);
    }

    /**
     * The partition, of {@code partitions}, that holds row {@code row} of {@code rows} when the chunks are
     * cut into contiguous runs: chunk c goes to partition ⌊c·P/C⌋. Every partition then holds whole chunks
     * (with more partitions than chunks, some hold none).
     */
    public static int partitionOf(long row, long rows, int partitions) {
        int chunks = Math.max(1, count(rows));
        long chunk = row / rowsPerChunk(rows);
        return (int) Math.min(partitions - 1, chunk * partitions / chunks);
    }

    /** Whether partitions of these row counts (in order) each hold whole chunks. */
    public static boolean aligned(long[] counts) {
        long rows = 0;
        for (long c : counts) rows += c;
        int size = rowsPerChunk(rows);
        long end = 0;
        for (long c : counts) {
            end += c;
            if (end != rows && end % size != 0) return false;
        }
        return true;
    }
}
