package org.gradus.result;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;

/** Turns any shown value into a {@link Shown}: numbers, expressions, reports, and everything else by its text. */
public final class Results {
    private Results() {
    }

    public static Shown of(Object value) {
        if (value instanceof Shown s) return s;
        if (value instanceof Constant c) return new NumberResult(c.value());
        if (value instanceof Expr e) return new ExpressionResult(e);
        if (value instanceof Number n) return new NumberResult(n.doubleValue());
        return new TextResult(String.valueOf(value));
    }
}
