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

    /**
     * An interval where f′ is identically 0 — f constant there — as one stationary set: its ends, how it is written
     * ({@code (-1, 1)}, {@code (-∞, 0]}), f there, its type ({@code minimum} or {@code maximum} where f is higher or
     * lower just beyond both ends, else {@code flat}) and why.
     */
    public record Stretch(double from, double to, String set, double f, String type, String note) {
    }

    /**
     * A point where f is continuous but has no gradient, found as a critical point: its coordinates, f there, its type
     * ({@code minimum}, {@code maximum}, {@code neither}, {@code degenerate}) and why — for one variable the one-sided
     * slopes ({@link Kinks}), for several the proof of the type ({@link KinkExtremum}); {@code slopes} is null then.
     */
    public record Corner(double[] x, double f, String type, double[] slopes, String note) {
        static Corner of(Kinks.Kink k) {
            return new Corner(new double[]{k.x()}, k.f(), k.type(), new double[]{k.left(), k.right()}, Kinks.reading(k));
        }

        Corner(double[] x, double f, String type, String note) {
            this(x, f, type, null, note);
        }
    }

    private final Expr f;
    private final Layout layout;
    private final String domain;
    private final List<Point> points;
    private final List<Stretch> stretches;
    private final List<Corner> kinks;
    private final String note;

    StationaryReport(Expr f, Layout layout, String domain, List<Point> points, String note) {
        this(f, layout, domain, points, List.of(), List.of(), note);
    }

    StationaryReport(Expr f, Layout layout, String domain, List<Point> points, List<Stretch> stretches, List<Corner> kinks, String note) {
        this.f = f;
        this.layout = layout;
        this.domain = domain;
        this.points = List.copyOf(points);
        this.stretches = List.copyOf(stretches);
        this.kinks = List.copyOf(kinks);
        this.note = note;
    }

    /**
     * The points where f is continuous but has no derivative, in coordinate order (see {@link Corner}), as a script reads
     * them: {@code s.kinks[0].at}, {@code .x}, {@code .f}, {@code .type}, and {@code .slopes} (from the left, from the right)
     * for one variable, {@code .note} for several.
     */
    public List<PointResult> kinks() {
        List<PointResult> out = new ArrayList<>();
        for (Map<String, Object> m : kinkFields()) {
            Map<String, Object> rest = new LinkedHashMap<>(m);
            @SuppressWarnings("unchecked") Map<String, Object> at = (Map<String, Object>) rest.remove("at");
            out.add(new PointResult(at, rest));
        }
        return out;
    }

    private List<Map<String, Object>> kinkFields() {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Corner k : kinks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("at", layout.toMap(k.x()));
            m.put("f", k.f());
            m.put("type", k.type());
            if (k.slopes() != null) m.put("slopes", k.slopes());
            else m.put("note", k.note());
            out.add(m);
        }
        return out;
    }

    /** The points where f is continuous but has no derivative, as {@link #kinks()} lists them. */
    public List<Corner> corners() {
        return kinks;
    }

    /** The intervals where f′ is identically 0, left to right (functions of one variable). */
    public List<Stretch> intervals() {
        return stretches;
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
        List<Map<String, Object>> sets = new ArrayList<>();
        for (Stretch s : stretches) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("from", s.from());
            m.put("to", s.to());
            m.put("set", s.set());
            m.put("f", s.f());
            m.put("type", s.type());
            m.put("note", s.note());
            sets.add(m);
        }
        out.put("intervals", sets);
        if (!kinks.isEmpty()) out.put("kinks", kinkFields());
        out.put("note", note);
        return out;
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder("stationary points of ").append(f).append(" over ").append(domain).append(": ")
                .append(points.isEmpty() && stretches.isEmpty() ? "none found" : points.isEmpty() ? "" : points.size() + " found");
        List<String> sets = new ArrayList<>();
        for (Stretch s : stretches) sets.add(s.set());
        if (!sets.isEmpty()) sb.append(points.isEmpty() ? "" : ", and ").append("every ").append(layout.coordinateName(0)).append(" in ").append(String.join(" and in ", sets));
        if (!kinks.isEmpty()) sb.append("; ").append(kinks.size() == 1 ? "a critical point at a kink" : kinks.size() + " critical points at kinks");   // "none found" is not all
        int next = 0;       // the stretches and points left to right (a stretch's points come from f′'s zeros elsewhere)
        for (Point p : points) {
            while (next < stretches.size() && stretches.get(next).from() < p.x()[0]) sb.append(text(stretches.get(next++)));
            List<String> ev = new ArrayList<>();
            for (double v : p.eigenvalues()) ev.add(Numbers.round(v, 6));
            sb.append("\n  ").append(PointArgs.format(layout, p.x())).append("  f = ").append(Numbers.round(p.f(), 8))
                    .append("  ").append(p.type())
                    .append(ev.isEmpty() ? "  (no f″ here: its one-sided values differ)"
                            : ev.size() == 1 ? "  (f″ = " + ev.get(0) + ")" : "  (Hessian eigenvalues " + String.join(", ", ev) + ")");
            if (p.note() != null) sb.append("\n      ").append(p.note());
        }
        while (next < stretches.size()) sb.append(text(stretches.get(next++)));
        if (!kinks.isEmpty()) sb.append("\n  ").append(kinks.size() == 1 ? "a kink" : kinks.size() + " kinks")
                .append(" (f has no ").append(layout.dimension() == 1 ? "derivative" : "gradient").append(" there: critical, not stationary)");
        for (Corner k : kinks) {
            sb.append("\n  ").append(PointArgs.format(layout, k.x())).append("  f = ").append(Numbers.round(k.f(), 8)).append("  ").append(k.type())
                    .append(k.slopes() != null ? "  (" + k.note() + ")" : "\n      " + k.note());
        }
        sb.append("\n  note: ").append(note);
        return sb.toString();
    }

    private String text(Stretch s) {
        return "\n  " + layout.coordinateName(0) + " in " + s.set() + "  f = " + Numbers.round(s.f(), 8) + "  " + s.type()
                + "  (f′ = 0 throughout)\n      " + s.note();
    }

    @Override
    public String toString() {
        return toText();
    }
}
