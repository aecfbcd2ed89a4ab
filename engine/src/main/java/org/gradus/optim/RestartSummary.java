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
 * What {@code restarts: N} found: how many descents ran, their iterations, and the distinct minima (end
 * points more than 1e-3 relative apart; diverged and infeasible runs left out), best first, each with how
 * often it was reached.
 */
public record RestartSummary(int runs, int distinctMinima, int totalIterations, List<Minimum> minima) {

    /** A minimum found: its point (flat, layout order), f there (the user's sign), and how often. */
    public record Minimum(double[] x, double f, int found) {
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
        return new RestartSummary(runs.size(), points.size(), totalIterations, List.copyOf(minima));
    }

    Map<String, Object> json(Layout layout) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Minimum m : minima) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("x", layout.toMap(m.x()));
            e.put("f", m.f());
            e.put("found", m.found());
            list.add(e);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", runs);
        out.put("distinctMinima", distinctMinima);
        out.put("totalIterations", totalIterations);
        out.put("minima", list);
        return out;
    }

    /** The report's lines: the counts, then each minimum. */
    List<String> lines(Layout layout) {
        List<String> out = new ArrayList<>();
        out.add(runs + " descents, " + distinctMinima + " distinct minima found");
        for (Minimum m : minima) {
            List<String> parts = new ArrayList<>();
            layout.toMap(m.x()).forEach((k, v) -> parts.add(k + " = " + PointArgs.formatValue(v)));
            out.add("f = " + Numbers.round(m.f(), 8) + " at (" + String.join(", ", parts) + ") (" + m.found() + "×)");
        }
        return out;
    }
}
