package org.gradus.eval;

import org.gradus.data.ChunkSums;
import org.gradus.data.PartitionTask;
import org.gradus.data.Partials;
import org.gradus.data.RowBlock;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectOutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import static org.gradus.eval.Opcode.LOOP;

/**
 * The compiled body of a data reduction ({@code mean(data) { row -> ... }}) as it travels to the
 * partitions of a partitioned data set: a serializable engine object — the body's tape in
 * {@link PortableTape} form, the slot of its row index — never a script's closure. Where the rows are,
 * it is rebuilt into a {@link Program} over the block's own features and target (its body compiled to
 * bytecode as in memory, see {@link LoopKernels}) and kept for the next pass ({@link BlockPrograms}), so
 * a pass costs one sweep over the rows.
 *
 * <p>On a block it computes exactly what the in-memory reduction computes on the same rows: the same
 * instructions, the same kernels. Chunk by chunk ({@link #addChunks}) it also adds in the same order, so
 * a full pass gives the in-memory bits; a mini-batch ({@link #addTo}) is summed per partition, and only its
 * partial sums are added in another order.
 */
public final class RowKernel implements PartitionTask {
    private static final long serialVersionUID = 1L;

    /** Names this kernel in the per-JVM cache of programs: a digest of its content, so equal bodies share programs. */
    private final String id;
    private final PortableTape body;
    private final int slot;
    private final int envSize;

    private RowKernel(PortableTape body, int slot, int envSize) {
        this.body = body;
        this.slot = slot;
        this.envSize = envSize;
        this.id = digest(body, slot, envSize);
    }

    private static String digest(PortableTape body, int slot, int envSize) {
        try (ByteArrayOutputStream bytes = new ByteArrayOutputStream(); ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(body);
            out.writeInt(slot);
            out.writeInt(envSize);
            out.flush();
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes.toByteArray()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The kernel of a reduction's body tape, whose row index is in {@code slot} of an environment of
     * {@code envSize} slots, reading the stand-in tables {@code features} and {@code target}.
     *
     * @throws IllegalArgumentException when the body cannot travel (see {@link PortableTape#of})
     */
    static RowKernel of(Tape body, int slot, int envSize, double[] features, double[] target) {
        return new RowKernel(PortableTape.of(body, features, target), slot, envSize);
    }

    String id() {
        return id;
    }

    @Override
    public void addTo(Partials acc, RowBlock block, double[] x, int[] rows) {
        Program p = BlockPrograms.take(this, block);
        try {
            double[] g = acc.gradientSum();
            int n = rows == null ? block.rows() : rows.length;
            if (n == 0) return;
            acc.add(Loops.chunk(p, 0, x, g, 1.0, rows, 0, n), n);
        } finally {
            BlockPrograms.give(this, block, p);
        }
    }

    @Override
    public void addChunks(ChunkSums acc, RowBlock block, int firstRow, double[] x, double seed) {
        int n = block.rows();
        if (n == 0) return;
        int size = acc.chunkRows();
        if (firstRow % size != 0 || (n % size != 0 && firstRow + (long) n != acc.totalRows())) {
            throw new IllegalStateException("the rows [" + firstRow + ", " + (firstRow + n) + ") of a partition do not hold whole chunks of "
                    + size + " rows; the data set's partitions must be cut at chunk boundaries (org.gradus.data.Chunks)");
        }
        Program p = BlockPrograms.take(this, block);
        try {
            for (int lo = 0; lo < n; lo += size) {
                int hi = Math.min(n, lo + size);
                double[] g = acc.newGradient();
                double v = Loops.chunk(p, 0, x, g, seed, null, lo, hi);
                acc.put((firstRow + lo) / size, hi - lo, v, g);
            }
        } finally {
            BlockPrograms.give(this, block, p);
        }
    }

    /** A program of one LOOP: the body over the block's rows [0, rows), reading the block's tables. */
    Program program(RowBlock block) {
        Tape bound = body.bind(block.x(), block.y());
        Tape top = new Tape(new byte[]{LOOP}, new int[]{slot}, new int[1], new double[1], new int[1][], new org.gradus.atoms.Atom[1],
                new double[1][], new float[1][], new Tape[]{bound}, new int[]{0}, new int[]{block.rows()}, new String[1], new Remote[1], new int[]{0},
                new int[1], new int[1][], new org.gradus.atoms.VectorAtom[1]);
        return Program.of(top, envSize);
    }
}
