package org.gradus.optim;

import org.gradus.atoms.array.ArrayOps;
import org.gradus.expr.Constant;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Variable;

import java.util.ArrayList;
import java.util.List;
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

    /**
     * {@code lhs op rhs} as scalar constraints: itself when both sides are scalars, else one per element, as CVXPY reads
     * {@code w >= 0} of a vector (a number on either side is compared with every element); {@code w >= 0.1} of a vector
     * variable is then a bound on each element ({@code w[0] >= 0.1}, ...), kept as bounds by the methods that can.
     *
     * @throws IllegalArgumentException when the two sides are arrays of different shapes
     */
    public static List<Constraint> elementwise(Expr lhs, String op, Expr rhs) {
        if (!lhs.isArray() && !rhs.isArray()) return List.of(new Constraint(lhs, op, rhs));
        if (lhs.isArray() && rhs.isArray() && !lhs.shape().equals(rhs.shape())) {
            throw new IllegalArgumentException("the two sides of " + lhs + " " + op + " " + rhs + " have different shapes: "
                    + lhs + " " + lhs.shape().described() + ", " + rhs + " " + rhs.shape().described());
        }
        int n = (lhs.isArray() ? lhs : rhs).shape().size();
        List<Constraint> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            Constant k = Constant.of(i);
            out.add(new Constraint(lhs.isArray() ? ArrayOps.index(lhs, k) : lhs, op, rhs.isArray() ? ArrayOps.index(rhs, k) : rhs));
        }
        return out;
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
