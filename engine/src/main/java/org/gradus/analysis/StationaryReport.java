package org.gradus.analysis;

import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.PointArgs;
import org.gradus.print.Numbers;
import org.gradus.result.PointResult;
import org.gradus.result.Shown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The stationary points found by {@link Stationary#find}, each classified; JSON kind "stationary". */
public final class StationaryReport implements Shown {
    /** A point where ∇f = 0: its coordinates, f there, its type and the Hessian's eigenvalues (ascending). */
    public record Point(double[] x, double f, String type, double[] eigenvalues, String note) {
    }

    private final Expr f;
    private final Layout layout;
    private final String domain;
    private final List<Point> points;
    private final String note;

    StationaryReport(Expr f, Layout layout, String domain, List<Point> points, String note) {
        this.f = f;
        this.layout = layout;
        this.domain = domain;
        this.points = List.copyOf(points);
        this.note = note;
    }

    public List<Point> points() {
        return points;
    }

    /**
     * The points with named coordinates, as a script reads them ({@code s.points[0].at}, {@code .x},
     * {@code .type}; each prints as {@code (x = 1, y = 0)}).
     */
    public List<PointResult> namedPoints() {
        List<PointResult> out = new ArrayList<>();
        for (Point p : points) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("f", p.f());
            m.put("type", p.type());
            m.put("eigenvalues", p.eigenvalues());
            if (p.note() != null) m.put("note", p.note());
            out.add(new PointResult(layout.toMap(p.x()), m));
        }
        return out;
    }

    public String note() {
        return note;
    }

    @Override
    public String kind() {
        return "stationary";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("expression", f.toString());
        out.put("domain", domain);
        List<Map<String, Object>> ps = new ArrayList<>();
        for (Point p : points) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", layout.toMap(p.x()));
            m.put("f", p.f());
            m.put("type", p.type());
            m.put("eigenvalues", p.eigenvalues());
            if (p.note() != null) m.put("note", p.note());
            ps.add(m);
        }
        out.put("points", ps);
        out.put("note", note);
        return out;
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder("stationary points of ").append(f).append(" over ").append(domain).append(": ")
                .append(points.isEmpty() ? "none found" : points.size() + " found");
        for (Point p : points) {
            List<String> ev = new ArrayList<>();
            for (double v : p.eigenvalues()) ev.add(Numbers.round(v, 6));
            sb.append("\n  ").append(PointArgs.format(layout, p.x())).append("  f = ").append(Numbers.round(p.f(), 8))
                    .append("  ").append(p.type())
                    .append(ev.size() == 1 ? "  (f″ = " + ev.get(0) + ")" : "  (Hessian eigenvalues " + String.join(", ", ev) + ")");
            if (p.note() != null) sb.append("\n      ").append(p.note());
        }
        sb.append("\n  note: ").append(note);
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }
}
