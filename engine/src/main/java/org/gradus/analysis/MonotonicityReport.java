package org.gradus.analysis;

import org.gradus.expr.Expr;
import org.gradus.print.Numbers;
import org.gradus.result.Shown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The answer of {@link MonotonicIntervals#of}; JSON kind {@code monotonicity} (SPEC §2): {@code expression},
 * {@code over} ({name: [lo, hi]}), {@code intervals} (each {@code from}, {@code to}, {@code direction} —
 * increasing, decreasing, constant, or unknown where no proof was found — and {@code reason}), then
 * {@code points} (the points where f′ = 0 or f is not smooth, in the words of the report) and {@code note}.
 */
public final class MonotonicityReport implements Shown {
    private final Expr f;
    private final String variable;
    private final double lo, hi;
    private final List<MonotonicIntervals.Piece> pieces;
    private final Map<Double, String> points;
    private final List<String> notes;

    MonotonicityReport(Expr f, String variable, double lo, double hi, List<MonotonicIntervals.Piece> pieces,
                       Map<Double, String> points, List<String> notes) {
        this.f = f;
        this.variable = variable;
        this.lo = lo;
        this.hi = hi;
        this.pieces = List.copyOf(pieces);
        this.points = new TreeMap<>(points);
        this.notes = List.copyOf(notes);
    }

    /** The maximal intervals, left to right. */
    public List<MonotonicIntervals.Piece> intervals() {
        return pieces;
    }

    /** The variable's name. */
    public String variable() {
        return variable;
    }

    @Override
    public String kind() {
        return "monotonicity";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("expression", f.toString());
        m.put("over", Map.of(variable, new double[]{lo, hi}));
        List<Map<String, Object>> list = new ArrayList<>();
        for (MonotonicIntervals.Piece p : pieces) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("from", p.from());
            e.put("to", p.to());
            e.put("direction", p.direction());
            e.put("reason", p.reason());
            list.add(e);
        }
        m.put("intervals", list);
        m.put("points", new ArrayList<>(points.values()));
        if (!notes.isEmpty()) m.put("note", String.join("; ", notes));
        return m;
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder("monotonicity of ").append(f).append(" on ")
                .append(MonotonicIntervals.interval(lo, hi, Numbers.format(lo), Numbers.format(hi), false, false)).append(":");
        if (pieces.isEmpty()) sb.append("\n  f is undefined on the whole interval");
        for (MonotonicIntervals.Piece p : pieces) {
            sb.append("\n  ").append(p.direction()).append(" on ").append(p.text()).append("  (").append(p.reason()).append(")");
        }
        if (!points.isEmpty()) sb.append("\n  split at ").append(String.join(", ", points.values()));
        for (String n : notes) sb.append("\n  note: ").append(n);
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
