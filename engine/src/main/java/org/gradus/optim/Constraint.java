package org.gradus.optim;

import org.gradus.expr.Constant;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Variable;

import java.util.Objects;

/**
 * A constraint {@code lhs op rhs} with op {@code <=}, {@code >=} or {@code ==}.
 *
 * @throws IllegalArgumentException for any other op
 */
public record Constraint(Expr lhs, String op, Expr rhs) {
    public Constraint {
        Objects.requireNonNull(lhs, "lhs");
        Objects.requireNonNull(rhs, "rhs");
        if (!"<=".equals(op) && !">=".equals(op) && !"==".equals(op)) {
            throw new IllegalArgumentException("a constraint compares with <=, >= or ==, got '" + op + "'");
        }
    }

    /** {@code x + y <= 1}. */
    public String text() {
        return lhs + " " + op + " " + rhs;
    }

    public boolean isEquality() {
        return "==".equals(op);
    }

    /** A bound on coordinate {@code index} of a layout: {@code x >= 0} is (x's index, ">=", 0). */
    public record Bound(int index, String op, double value) {
    }

    /**
     * This constraint as a bound on one coordinate of the layout — a variable (or a vector's element) against a
     * constant, either way round ({@code 0 <= x} is {@code x >= 0}) — or null.
     */
    public Bound asBound(Layout layout) {
        int li = coordinate(lhs, layout);
        int ri = coordinate(rhs, layout);
        if (li >= 0 && rhs instanceof Constant k) return new Bound(li, op, k.value());
        if (ri >= 0 && lhs instanceof Constant k) {
            String flipped = switch (op) {
                case "<=" -> ">=";
                case ">=" -> "<=";
                default -> "==";
            };
            return new Bound(ri, flipped, k.value());
        }
        return null;
    }

    private static int coordinate(Expr e, Layout layout) {
        if (e instanceof Variable v && layout.contains(v)) return layout.offset(v);
        if (e instanceof Element el && el.constantIndex() >= 0 && layout.contains(el.vector())) return layout.offset(el.vector()) + el.constantIndex();
        return -1;
    }

    @Override
    public String toString() {
        return text();
    }
}
