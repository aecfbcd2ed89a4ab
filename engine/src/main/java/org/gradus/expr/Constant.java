package org.gradus.expr;

import java.util.List;

/** A real number. */
public final class Constant extends Expr {
    public static final Constant ZERO = new Constant(0);
    public static final Constant ONE = new Constant(1);

    private final double value;

    private Constant(double value) {
        this.value = value;
    }

    public static Constant of(double value) {
        if (value == 0) return ZERO; // also folds -0.0
        if (value == 1) return ONE;
        return new Constant(value);
    }

    public double value() {
        return value;
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }

    @Override
    protected int computeHash() {
        return Double.hashCode(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Constant c && Double.compare(c.value, value) == 0;
    }
}
