package org.gradus.bench;

import org.gradus.atoms.Dot;
import org.gradus.atoms.Losses;
import org.gradus.data.DataSet;
import org.gradus.data.Precision;
import org.gradus.expr.Expr;
import org.gradus.atoms.Ops;
import org.gradus.expr.Variable;
import org.gradus.atoms.VectorFunction;
import org.gradus.expr.VectorVariable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The synthetic logistic-regression table of the data benchmarks and the objective a script builds
 * from it, {@code mean(data) { row -> logLoss(dot(w, row.x) + b, row.y) }}: features N(0, 1), labels
 * Bernoulli(sigmoid(x·w*)), fixed seed. Either made here in the JVM (the timing does not depend on the
 * values), or read from the binary table {@code bench/make_data.py ROWS --binary} wrote — the very
 * numbers numpy's reference ({@code bench/python/logistic_numpy.py ROWS FILE}) reads: rows × (features
 * + 1) float64, little-endian, row by row, the label last.
 *
 * <p>The table is built in its contiguous storage directly (no row arrays), so 10⁶ × 100 needs about
 * 0.8 GB for the table and as much again for the bandwidth yardstick.
 */
public final class LogisticData {
    public final DataSet data;
    public final VectorVariable w;
    public final Variable b = new Variable("b", 0.0);
    public final Expr loss;
    /**
     * As many bytes as the feature storage holds (rows × features doubles, or half as many doubles for
     * float storage), for the bandwidth yardstick.
     */
    public final double[] stream;

    /** @param precision {@code double} or {@code float}: how the table stores its numbers ({@code csv(..., precision:)}) */
    public LogisticData(int rows, int features, String precision) {
        this(rows, features, precision, null);
    }

    /**
     * @param file the binary table of {@code make_data.py --binary} (rows × (features + 1) float64), or
     *             null to make the table here
     */
    public LogisticData(int rows, int features, String precision, Path file) {
        double[] x = new double[Math.multiplyExact(rows, features)];
        double[] y = new double[rows];
        if (file == null) generate(rows, features, x, y);
        else read(file, rows, features, x, y);
        List<String> columns = new ArrayList<>();
        for (int k = 0; k < features; k++) columns.add("f" + k);
        columns.add("y");
        Precision storage = Precision.of(precision);
        this.stream = new double[storage == Precision.FLOAT ? x.length / 2 : x.length];
        System.arraycopy(x, 0, stream, 0, stream.length);
        this.data = new DataSet("logit", columns, "y", rows, x, y).withPrecision(storage);
        this.w = new VectorVariable("w", features, 0.0);
        this.loss = data.mean(row -> {
            Expr z = Ops.add(new VectorFunction(Dot.INSTANCE, List.of(w, row.getX())), b);
            return Losses.logLoss(z, row.getY()); // as a script writes it (it was softplus(z) − y·z until the tenth session)
        }, e -> (Expr) e);
    }

    private static void generate(int rows, int features, double[] x, double[] y) {
        SplittableRandom rnd = new SplittableRandom(1);
        double[] truth = new double[features];
        for (int k = 0; k < features; k++) truth[k] = gaussian(rnd) / Math.sqrt(features);
        for (int r = 0; r < rows; r++) {
            double z = 0;
            for (int k = 0; k < features; k++) {
                x[r * features + k] = gaussian(rnd);
                z += x[r * features + k] * truth[k];
            }
            y[r] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
    }

    private static void read(Path file, int rows, int features, double[] x, double[] y) {
        long bytes = (long) rows * (features + 1) * Double.BYTES;
        try (FileChannel ch = FileChannel.open(file)) {
            if (ch.size() != bytes) {
                throw new IllegalArgumentException(file + " holds " + ch.size() + " bytes; " + rows + " rows of " + (features + 1)
                        + " float64 need " + bytes + " (write it with: python3 bench/make_data.py " + rows + " --binary)");
            }
            ByteBuffer buf = ByteBuffer.allocateDirect((features + 1) * Double.BYTES * 4096).order(ByteOrder.LITTLE_ENDIAN);
            int r = 0;
            while (r < rows) {
                buf.clear();
                int take = Math.min(4096, rows - r);
                buf.limit(take * (features + 1) * Double.BYTES);
                while (buf.hasRemaining()) {
                    if (ch.read(buf) < 0) throw new IOException("unexpected end of " + file);
                }
                buf.flip();
                DoubleBuffer d = buf.asDoubleBuffer();
                for (int q = 0; q < take; q++, r++) {
                    d.get(x, r * features, features);
                    y[r] = d.get();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A start point with small random weights (so that z varies as in training). */
    public double[] point() {
        SplittableRandom rnd = new SplittableRandom(2);
        double[] x = new double[w.size() + 1];
        for (int k = 0; k < x.length; k++) x[k] = 0.1 * gaussian(rnd);
        return x;
    }

    static double gaussian(SplittableRandom rnd) {
        double u = rnd.nextDouble(), v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log1p(-u)) * Math.cos(2 * Math.PI * v);
    }
}
