package org.gradus.expr;

import org.gradus.print.Numbers;

import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A scalar decision variable with a start value and optional bounds.
 *
 * <p>Variables compare by identity. A variable is created unnamed and takes the name it is first
 * assigned to in a script ({@link #nameIfUnnamed}); its creation order fixes its place in gradients
 * and Hessians.
 */
public final class Variable extends Expr implements VariableBlock {
    static final AtomicLong ORDER = new AtomicLong();

    private final long order = ORDER.incrementAndGet();
    private volatile String name;
    private final double start;
    private final double lower;
    private final double upper;

    public Variable(String name, double start, double lower, double upper) {
        if (!Double.isFinite(start)) throw new IllegalArgumentException("the start value must be a finite number, not " + start);
        if (Double.isNaN(lower) || Double.isNaN(upper)) throw new IllegalArgumentException("a bound must be a number, not NaN");
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        }
        if (start < lower || start > upper) throw new IllegalArgumentException(outsideBounds(start, lower, upper));
        this.name = name;
        this.start = start;
        this.lower = lower;
        this.upper = upper;
    }

    public Variable(String name, double start) {
        this(name, start, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    @Override
    public String name() {
        return name == null ? "v" + order : name;
    }

    @Override
    public boolean hasName() {
        return name != null;
    }

    @Override
    public synchronized void nameIfUnnamed(String n) {
        if (name == null) name = n;
    }

    @Override
    public long order() {
        return order;
    }

    @Override
    public int size() {
        return 1;
    }

    public double start() {
        return start;
    }

    public double lower() {
        return lower;
    }

    public double upper() {
        return upper;
    }

    @Override
    public double start(int k) {
        return start;
    }

    @Override
    public double lower(int k) {
        return lower;
    }

    @Override
    public double upper(int k) {
        return upper;
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }

    @Override
    protected int computeHash() {
        return Long.hashCode(order);
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }

    /** The message for a start value outside its bounds, naming the nearest value inside them (where scipy would clip it). */
    static String outsideBounds(double start, double lower, double upper) {
        return "start value " + Numbers.format(start) + " is outside the bounds [" + bound(lower) + ", " + bound(upper)
                + "]: a start lies within its bounds (the nearest is " + Numbers.format(Math.max(lower, Math.min(upper, start))) + ")";
    }

    private static String bound(double b) {
        return Double.isInfinite(b) ? (b > 0 ? "∞" : "-∞") : Numbers.format(b);
    }
}
