package org.gradus.optim;

import org.gradus.expr.Expr;

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

    @Override
    public String toString() {
        return text();
    }
}
