package org.gradus.expr;

import java.util.Arrays;

/** A vector of decision variables {@code w[0] .. w[n-1]}, all with the same bounds. */
public final class VectorVariable implements VariableBlock, Vec {
    private final long order = Variable.ORDER.incrementAndGet();
    private volatile String name;
    private final double[] start;
    private final double lower;
    private final double upper;

    public VectorVariable(String name, double[] start, double lower, double upper) {
        if (start.length < 1) throw new IllegalArgumentException("a vector needs at least one element, got " + start.length);
        if (Double.isNaN(lower) || Double.isNaN(upper)) throw new IllegalArgumentException("a bound must be a number, not NaN");
        if (!(lower <= upper)) throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        for (double s : start) {
            if (!Double.isFinite(s)) throw new IllegalArgumentException("a start value must be a finite number, not " + s);
            if (s < lower || s > upper) {
                throw new IllegalArgumentException("start value " + s + " is outside the bounds [" + lower + ", " + upper + "]");
            }
        }
        this.name = name;
        this.start = start.clone();
        this.lower = lower;
        this.upper = upper;
    }

    public VectorVariable(String name, int size, double start) {
        this(name, filled(size, start), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    private static double[] filled(int n, double v) {
        if (n < 1) throw new IllegalArgumentException("a vector needs at least one element, got " + n);
        double[] a = new double[n];
        Arrays.fill(a, v);
        return a;
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
        return start.length;
    }

    @Override
    public double start(int k) {
        return start[k];
    }

    @Override
    public double lower(int k) {
        return lower;
    }

    @Override
    public double upper(int k) {
        return upper;
    }

    /** The element {@code this[k]}; k is checked against the size. */
    @Override
    public Expr get(int k) {
        if (k < 0 || k >= start.length) {
            throw new IndexOutOfBoundsException("index " + k + " is outside " + name() + "[0.." + (start.length - 1) + "]");
        }
        return new Element(this, Constant.of(k));
    }

    /** The element at an index expression built from loop indices, e.g. {@code x[2*i + 1]}. */
    @Override
    public Expr get(Expr index) {
        if (index instanceof Constant c) {
            double v = c.value();
            if (v != Math.rint(v)) throw new IllegalArgumentException("index " + v + " of " + name() + " is not an integer");
            return get((int) v);
        }
        return new Element(this, index);
    }

    @Override
    public String toString() {
        return name();
    }
}
