package org.gradus.expr;

import java.util.Arrays;

/**
 * A vector {@code w[0] .. w[n-1]} or a matrix {@code W[0,0] .. W[r-1,c-1]} of decision variables, all with
 * the same bounds. A matrix's elements are its coordinates in row-major order (W[i, j] is coordinate
 * i·columns + j of the block). Used whole in array expressions ({@link #whole()}: {@code W * x},
 * {@code 2*v}) or element by element ({@link #get(int)}: {@code w[3]}, inside sums {@code w[2*i]}).
 */
public final class VectorVariable implements VariableBlock, Vec {
    private final long order = Variable.ORDER.incrementAndGet();
    private volatile String name;
    private final double[] start;
    private final double lower;
    private final double upper;
    private final Shape shape;
    private final Initializer init;
    private final VariableArray whole;

    /**
     * A vector variable.
     *
     * @throws IllegalArgumentException for no elements, reversed bounds, or a start value outside them
     */
    public VectorVariable(String name, double[] start, double lower, double upper) {
        this(name,  Shape.vector(start.length), start, lower, upper, null);
    }

    public VectorVariable(String name, int size, double start) {
        this(name, filled(size, start), Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
    }

    private VectorVariable(String name, Shape shape, double[] start, double lower, double upper, Initializer init) {
        if (Double.isNaN(lower) || Double.isNaN(upper)) throw new IllegalArgumentException("a bound must be a number, not NaN");
        if (start.length != shape.size()) {
            throw new IllegalArgumentException("a " + shape.text() + " " + (shape.isMatrix() ? "matrix" : "vector") + " needs "
                    + shape.size() + " start values, got " + start.length);
        }
        if (!(lower <= upper)) throw new IllegalArgumentException("lower bound " + lower + " is above upper bound " + upper);
        for (double s : start) {
            if (!Double.isFinite(s)) throw new IllegalArgumentException("a start value must be a finite number, not " + s);
            if (s < lower || s > upper) throw new IllegalArgumentException(Variable.outsideBounds(s, lower, upper));
        }
        this.name = name;
        this.shape = shape;
        this.start = start.clone();
        this.lower = lower;
        this.upper = upper;
        this.init = init;
        this.whole = new VariableArray(this);
    }

    /**
     * A vector or matrix variable whose start values are drawn by an initializer.
     *
     * @param shape a vector or matrix shape
     * @throws IllegalArgumentException for a scalar shape, or reversed bounds
     */
    public static VectorVariable drawn(String name, Shape shape, Initializer init, double lower, double upper) {
        if (shape.isScalar()) throw new IllegalArgumentException("an array variable needs a vector or matrix shape");
        double[] s = init.draw(shape);
        for (int i = 0; i < s.length; i++) s[i] = Math.min(upper, Math.max(lower, s[i]));
        return new VectorVariable(name, shape, s, lower, upper, init);
    }

    /** A matrix variable with the given start values, row-major. */
    public static VectorVariable matrix(String name, int rows, int columns, double[] start, double lower, double upper) {
        return new VectorVariable(name, Shape.matrix(rows, columns), start, lower, upper, null);
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

    /** The number of elements (rows × columns for a matrix). */
    @Override
    public int size() {
        return start.length;
    }

    /** A vector of n, or a matrix of rows × columns. */
    public Shape shape() {
        return shape;
    }

    public boolean isMatrix() {
        return shape.isMatrix();
    }

    /** The initializer its start values were drawn with, or null when they were given. */
    public Initializer initializer() {
        return init;
    }

    /** The variable as one array-valued expression. */
    public VariableArray whole() {
        return whole;
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

    /** {@code w[3]}, or {@code W[1,2]} for element 1·columns + 2 of a matrix. */
    @Override
    public String coordinateName(int k) {
        return shape.isMatrix() ? name() + "[" + k / shape.columns() + "," + k % shape.columns() + "]" : name() + "[" + k + "]";
    }

    /** The element {@code this[k]} (row-major for a matrix); k is checked against the size. */
    @Override
    public Expr get(int k) {
        if (k < 0 || k >= start.length) {
            throw new IndexOutOfBoundsException("index " + k + " is outside " + name() + "[0.." + (start.length - 1) + "]");
        }
        return new Element(this, Constant.of(k));
    }

    /**
     * The element {@code W[i, j]} of a matrix.
     *
     * @throws IndexOutOfBoundsException when i or j is outside the matrix
     */
    public Expr get(int i, int j) {
        if (!shape.isMatrix()) throw new IllegalArgumentException(name() + " is a vector of " + size() + ", not a matrix: write " + name() + "[" + i + "]");
        if (i < 0 || i >= shape.rows() || j < 0 || j >= shape.columns()) {
            throw new IndexOutOfBoundsException("index [" + i + ", " + j + "] is outside the " + shape.text() + " matrix " + name());
        }
        return get(i * shape.columns() + j);
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
    public Expr asArray() {
        return whole;
    }

    @Override
    public String toString() {
        return name();
    }
}
