package org.gradus.optim;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Per-iteration records of a run: iteration, f (the objective's own value), the stationarity measure
 * (‖∇f‖∞ for gradient methods), the step length ‖Δx‖₂ and the learning rate or line-search step.
 * Row 0 is the start point.
 */
public final class Trace {
    public static final List<String> COLUMNS = List.of("iteration", "f", "gradNorm", "step", "lr");
    private int size;
    private int[] iteration = new int[64];
    private double[][] cols = new double[4][64];

    public void add(int it, double f, double gradNorm, double step, double lr) {
        if (size == iteration.length) {
            iteration = Arrays.copyOf(iteration, size * 2);
            for (int c = 0; c < cols.length; c++) cols[c] = Arrays.copyOf(cols[c], size * 2);
        }
        iteration[size] = it;
        cols[0][size] = f;
        cols[1][size] = gradNorm;
        cols[2][size] = step;
        cols[3][size] = lr;
        size++;
    }

    public int size() {
        return size;
    }

    public double f(int row) {
        return cols[0][row];
    }

    /** The records as maps (iteration, f, gradNorm, step, lr), for the result's {@code trace} field. */
    public List<Map<String, Object>> rows() {
        List<Map<String, Object>> out = new ArrayList<>(size);
        for (int r = 0; r < size; r++) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("iteration", iteration[r]);
            m.put("f", cols[0][r]);
            m.put("gradNorm", cols[1][r]);
            m.put("step", cols[2][r]);
            m.put("lr", cols[3][r]);
            out.add(m);
        }
        return out;
    }

    /**
     * Writes the trace as CSV to {@code file} (created or truncated). Scripts' trace files go through
     * {@link org.gradus.io.OutputFile}, which makes the write atomic. Non-finite numbers are written as
     * NaN, Infinity, -Infinity.
     */
    public void writeCsv(Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(String.join(",", COLUMNS));
            w.write('\n');
            for (int r = 0; r < size; r++) {
                w.write(Integer.toString(iteration[r]));
                for (double[] col : cols) {
                    w.write(',');
                    w.write(num(col[r]));
                }
                w.write('\n');
            }
        }
    }

    private static String num(double v) {
        if (Double.isNaN(v)) return "NaN";
        if (Double.isInfinite(v)) return v > 0 ? "Infinity" : "-Infinity";
        return Double.toString(v);
    }
}
