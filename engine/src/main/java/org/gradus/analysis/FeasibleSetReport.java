package org.gradus.analysis;

import org.gradus.expr.Layout;
import org.gradus.expr.PointArgs;
import org.gradus.optim.Constraint;
import org.gradus.result.Shown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@link FeasibleSet#analyze}: whether the set where every constraint holds is convex, how
 * certain ({@code proof}, {@code counterexample} or {@code sampled}), why, and the same for each
 * constraint. JSON kind {@code convexity} with {@code constraints} (each {@code text}, {@code verdict},
 * {@code reason}) and, for {@code neither}, a {@code counterexample}: feasible points {@code a} and
 * {@code b}, their {@code midpoint} and the constraint it {@code violates}.
 */
public final class FeasibleSetReport implements Shown {
    private final Map<String, Object> fields;

    private FeasibleSetReport(Map<String, Object> fields) {
        this.fields = fields;
    }

    @Override
    public String kind() {
        return "convexity";
    }

    @Override
    public Map<String, Object> fields() {
        return new LinkedHashMap<>(fields);
    }

    /** {@code convex}, {@code neither} (not convex) or {@code unknown}. */
    public String verdict() {
        return (String) fields.get("verdict");
    }

    /** {@code proof}, {@code counterexample} or {@code sampled}. */
    public String certainty() {
        return (String) fields.get("certainty");
    }

    public String reason() {
        return (String) fields.get("reason");
    }

    /** Each constraint's {@code text}, {@code verdict} and {@code reason}. */
    @SuppressWarnings("unchecked")
    public List<Map<String, Object>> constraints() {
        return (List<Map<String, Object>>) fields.get("constraints");
    }

    /** For {@code neither}: {@code a}, {@code b}, {@code midpoint} (point maps) and {@code violates}; else null. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> counterexample() {
        return (Map<String, Object>) fields.get("counterexample");
    }

    @Override
    public String toText() {
        StringBuilder sb = new StringBuilder("convexity of the set { ").append(fields.get("expression")).append(" }: ")
                .append("neither".equals(verdict()) ? "not convex" : verdict()).append(" — ").append(certainty());
        for (Map<String, Object> c : constraints()) {
            sb.append("\n  ").append(c.get("text")).append(": ").append("neither".equals(c.get("verdict")) ? "not convex" : c.get("verdict"))
                    .append(" — ").append(c.get("reason"));
        }
        sb.append("\n  the set: ").append(reason());
        return sb.toString();
    }

    @Override
    public String toString() {
        return toText();
    }

    /** {@code (x = 1, y = 0.5)}. */
    static String point(Map<String, Object> m) {
        StringBuilder sb = new StringBuilder("(");
        boolean first = true;
        for (Map.Entry<String, Object> e : m.entrySet()) {
            if (!first) sb.append(", ");
            first = false;
            sb.append(e.getKey()).append(" = ").append(PointArgs.formatValue(e.getValue()));
        }
        return sb.append(')').toString();
    }

    /** Collects the fields in order. */
    static final class Builder {
        private final List<Constraint> constraints;
        private final List<FeasibleSet.Judgement> judged;
        private String verdict, certainty, reason;
        private JensenSearch.Found found;

        Builder(List<Constraint> constraints, List<FeasibleSet.Judgement> judged) {
            this.constraints = constraints;
            this.judged = judged;
        }

        Builder verdict(String v, String c, String why) {
            verdict = v;
            certainty = c;
            reason = why;
            return this;
        }

        Builder counterexample(JensenSearch.Found f) {
            found = f;
            return this;
        }

        FeasibleSetReport build() {
            Map<String, Object> m = new LinkedHashMap<>();
            List<String> texts = new ArrayList<>();
            List<Map<String, Object>> rows = new ArrayList<>();
            for (int i = 0; i < constraints.size(); i++) {
                texts.add(constraints.get(i).text());
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("text", constraints.get(i).text());
                row.put("verdict", judged.get(i).verdict());
                row.put("certainty", judged.get(i).certainty());
                row.put("reason", judged.get(i).reason());
                rows.add(row);
            }
            m.put("expression", String.join("; ", texts));
            m.put("verdict", verdict);
            m.put("certainty", certainty);
            m.put("reason", reason);
            m.put("constraints", rows);
            if (found != null) {
                Layout layout = JensenSearch.layoutOf(constraints);
                Map<String, Object> c = new LinkedHashMap<>();
                c.put("a", layout.toMap(found.a()));
                c.put("b", layout.toMap(found.b()));
                c.put("midpoint", layout.toMap(found.midpoint()));
                c.put("violates", found.violated().text());
                m.put("counterexample", c);
            } else {
                m.put("counterexample", null);
            }
            return new FeasibleSetReport(m);
        }
    }
}
