package org.gradus.optim;

import org.gradus.expr.Layout;
import org.gradus.expr.PointArgs;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code restarts: N} found: how many descents ran, their iterations, and the distinct end points
 * (more than 1e-3 relative apart; diverged and infeasible runs left out), best first, each with how often
 * it was reached. A descent can stop where ∇f = 0 without a minimum there (started on a saddle, it stays):
 * once the caller has classified the end points by the second-derivative test ({@link #classified}), each
 * carries its type and {@code distinctMinima} counts the minima (maxima when maximizing) alone, with
 * the points at f's least (greatest) value.
 *
 * @param types the second-derivative test's verdict on each end point ({@code minimum}, {@code maximum},
 *              {@code saddle}, {@code degenerate}; {@code least} or {@code greatest} for a degenerate point where an
 *              interval bound of f over the whole space shows f within rounding of its least or greatest value), in the order of
 *              {@code minima}; null when not classified
 */
public record RestartSummary(int runs, int distinctMinima, int totalIterations, List<Minimum> minima, List<String> types) {

    /** An end point: its point (flat, layout order), f there (the user's sign), and how often. */
    public record Minimum(double[] x, double f, int found) {
    }

    /**
     * The same summary with each end point's type; {@code distinctMinima} becomes the number of the
     * extremum sought ({@code minimum} or {@code maximum}).
     */
    public RestartSummary classified(List<String> endPointTypes, String wanted) {
        if (endPointTypes.size() != minima.size()) throw new IllegalArgumentException("one type for each end point");
        int count = 0;
        String global = wanted.equals("maximum") ? "greatest" : "least";
        for (String t : endPointTypes) if (t.equals(wanted) || t.equals(global)) count++;
        return new RestartSummary(runs, count, totalIterations, minima, List.copyOf(endPointTypes));
    }

    static RestartSummary of(List<Runs.Run> runs, double sign) {
        List<double[]> points = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int totalIterations = 0;
        for (Runs.Run r : runs) {
            totalIterations += r.outcome().iterations();
            Status st = r.outcome().status();
            if (st == Status.DIVERGED || !Double.isFinite(r.own()) || r.violation() > 1e-6) continue;
            double[] x = r.outcome().x();
            int found = -1;
            for (int k = 0; k < points.size() && found < 0; k++) {
                double[] p = points.get(k);
                double d = 0, scale = 1;
                for (int i = 0; i < x.length; i++) {
                    d = Math.max(d, Math.abs(x[i] - p[i]));
                    scale = Math.max(scale, Math.abs(p[i]));
                }
                if (d <= 1e-3 * scale) found = k;
            }
            if (found < 0) {
                points.add(x.clone());
                values.add(r.own());
                counts.add(1);
            } else {
                counts.set(found, counts.get(found) + 1);
                if (sign * r.own() < sign * values.get(found)) {
                    values.set(found, r.own());
                    points.set(found, x.clone());
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < points.size(); k++) order.add(k);
        order.sort(Comparator.comparingDouble(k -> sign * values.get(k)));
        List<Minimum> minima = new ArrayList<>();
        for (int k : order) minima.add(new Minimum(points.get(k), values.get(k), counts.get(k)));
        return new RestartSummary(runs.size(), points.size(), totalIterations, List.copyOf(minima), null);
    }

    Map<String, Object> json(Layout layout) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (int k = 0; k < minima.size(); k++) {
            Minimum m = minima.get(k);
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("x", layout.toMap(m.x()));
            e.put("f", m.f());
            e.put("found", m.found());
            if (types != null) e.put("type", types.get(k));
            list.add(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", runs);
        out.put("distinctMinima", distinctMinima);
        if (types != null) out.put("distinctPoints", minima.size());
        out.put("totalIterations", totalIterations);
        out.put("minima", list);
        return out;
    }

    /** The report's lines: the counts, then each end point (with its type once classified). */
    List<String> lines(Layout layout) {
        List<String> out = new ArrayList<>();
        out.add(runs + " descents, " + (types == null ? distinctMinima + (distinctMinima == 1 ? " distinct minimum found" : " distinct minima found") : countsByType()));
        for (int k = 0; k < minima.size(); k++) {
            Minimum m = minima.get(k);
            List<String> parts = new ArrayList<>();
            layout.toMap(m.x()).forEach((name, v) -> parts.add(name + " = " + PointArgs.formatValue(v)));
            out.add("f = " + Numbers.round(m.f(), 8) + " at (" + String.join(", ", parts) + ") (" + m.found() + "×)"
                    + (types == null ? "" : ": " + (types.get(k).equals("degenerate") ? "undecided" : noun(types.get(k), 1))));
        }
        return out;
    }

    /** {@code 3 distinct end points: 2 minima, 1 saddle point}, the types in the order first met. */
    private String countsByType() {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String t : types) counts.merge(t, 1, Integer::sum);
        List<String> parts = new ArrayList<>();
        counts.forEach((t, n) -> parts.add(n + " " + noun(t, n)));
        return minima.size() + (minima.size() == 1 ? " distinct end point: " : " distinct end points: ") + String.join(", ", parts);
    }

    private static String noun(String type, int n) {
        return switch (type) {
            case "minimum" -> n == 1 ? "minimum" : "minima";
            case "maximum" -> n == 1 ? "maximum" : "maxima";
            case "saddle" -> n == 1 ? "saddle point" : "saddle points";
            case "least", "greatest" -> "at f's " + type + " value (up to rounding)";
            default -> "undecided by the second-derivative test";
        };
    }
}
