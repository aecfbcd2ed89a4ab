package org.gradus.calculus;

import org.gradus.expr.Expr;
import org.gradus.print.Numbers;
import org.gradus.result.Shown;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The answer of {@link Limit#of}; JSON kind {@code limit} (SPEC §2): {@code expression}, {@code variable},
 * {@code at} (a map of name → value for several variables, whose {@code variable} is "x, y"), {@code side}, {@code value} (null when there is none or it is not decided), {@code left},
 * {@code right} (the one-sided limits computed, null when not asked for or none), {@code exists} (null when
 * not decided), {@code reason}, and {@code method} (how it was decided, in a word or two).
 */
public final class LimitReport implements Shown {
    private final Expr f;
    private final String variable, side;
    private final double at;
    /** The point of a limit in several variables (name → value), or null for one variable. */
    private final Map<String, Double> point;
    private final SideLimit limit, left, right;

    LimitReport(Expr f, String variable, double at, String side, SideLimit[] sides) {
        this(f, variable, at, null, side, sides);
    }

    LimitReport(Expr f, String variables, Map<String, Double> point, SideLimit[] sides) {
        this(f, variables, Double.NaN, point, "both", sides);
    }

    private LimitReport(Expr f, String variable, double at, Map<String, Double> point, String side, SideLimit[] sides) {
        this.f = f;
        this.variable = variable;
        this.at = at;
        this.point = point;
        this.side = side;
        this.limit = sides[0];
        this.left = sides[1];
        this.right = sides[2];
    }

    /** The limit asked for (both sides, or the side given). */
    public SideLimit limit() {
        return limit;
    }

    /** The limit from the left, or null when not computed. */
    public SideLimit left() {
        return left;
    }

    /** The limit from the right, or null when not computed. */
    public SideLimit right() {
        return right;
    }

    /** True when it exists, false when it does not, null when not decided. */
    public Boolean exists() {
        return switch (limit.status()) {
            case EXISTS -> true;
            case NONE, UNDEFINED -> false;
            case UNKNOWN -> null;
        };
    }

    /** The limit (±∞ allowed), or NaN when there is none or it is not decided. */
    public double value() {
        return limit.exists() ? limit.value() : Double.NaN;
    }

    @Override
    public String kind() {
        return "limit";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("expression", f.toString());
        m.put("variable", variable);
        m.put("at", point != null ? point : at);
        m.put("side", side);
        m.put("value", limit.exists() ? (Object) limit.value() : null);
        m.put("left", number(left));
        m.put("right", number(right));
        m.put("exists", exists());
        m.put("reason", limit.reason());
        m.put("method", limit.method());
        if (limit.exact() != null && limit.exact().isExact()) m.put("exact", limit.exact().text());
        return m;
    }

    private static Object number(SideLimit s) {
        return s != null && s.exists() ? (Object) s.value() : null;
    }

    @Override
    public String toText() {
        String arrow = point != null ? "(" + variable + ") → (" + String.join(", ", point.values().stream().map(Numbers::format).toList()) + ")"
                : variable + " → " + (Double.isInfinite(at) ? (at > 0 ? "∞" : "-∞") : Numbers.format(at))
                + (side.equals("left") ? "⁻" : side.equals("right") ? "⁺" : "");
        String answer = switch (limit.status()) {
            case EXISTS -> limit.text();
            case NONE -> "does not exist";
            case UNDEFINED -> "f has no values there";
            case UNKNOWN -> "unknown";
        };
        return "limit of " + f + " as " + arrow + ": " + answer + "\n  " + limit.method() + " — " + limit.reason();
    }

    @Override
    public String toString() {
        return toText();
    }
}
