package org.gradus.bench;

import org.gradus.atoms.Softplus;
import org.gradus.atoms.Dot;
import org.gradus.data.DataSet;
import org.gradus.data.Precision;
import org.gradus.expr.Expr;
import org.gradus.atoms.Ops;
import org.gradus.expr.Variable;
import org.gradus.atoms.VectorFunction;
import org.gradus.expr.VectorVariable;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;

/**
 * The synthetic logistic-regression table of the data benchmarks, made in the JVM (the timing does
 * not depend on the values; {@code bench/make_data.py} writes the same kind of table as CSV for the
 * loading benchmarks and the Python references): features N(0, 1), labels Bernoulli(sigmoid(x·w*)),
 * fixed seed; and the objective a script builds from it,
 * {@code mean(data) { row -> logLoss(dot(w, row.x) + b, row.y) }}.
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
        SplittableRandom rnd = new SplittableRandom(1);
        double[] truth = new double[features];
        for (int k = 0; k < features; k++) truth[k] = gaussian(rnd) / Math.sqrt(features);
        double[][] table = new double[rows][features + 1];
        for (int r = 0; r < rows; r++) {
            double z = 0;
            for (int k = 0; k < features; k++) {
                table[r][k] = gaussian(rnd);
                z += table[r][k] * truth[k];
            }
            table[r][features] = rnd.nextDouble() < 1 / (1 + Math.exp(-z)) ? 1 : 0;
        }
        List<String> columns = new ArrayList<>();
        for (int k = 0; k < features; k++) columns.add("f" + k);
        columns.add("y");
        Precision storage = Precision.of(precision);
        this.stream = new double[storage == Precision.FLOAT ? rows * features / 2 : rows * features];
        for (int r = 0; r < rows; r++) {
            for (int k = 0; k < features; k++) {
                int at = r * features + k;
                if (at < stream.length) stream[at] = table[r][k];
            }
        }
        this.data = new DataSet("logit", columns, table, "y").withPrecision(storage);
        this.w = new VectorVariable("w", features, 0.0);
        this.loss = data.mean(row -> {
            Expr z = Ops.add(new VectorFunction(Dot.INSTANCE, List.of(w, row.getX())), b);
            return Ops.sub(Ops.apply(Softplus.INSTANCE, z), Ops.mul(row.getY(), z));
        }, e -> (Expr) e);
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
