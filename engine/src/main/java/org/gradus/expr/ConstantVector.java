package org.gradus.expr;

/** A vector of numbers, e.g. a direction or a row of coefficients; read by index inside reductions. */
public record ConstantVector(String name, double[] values) implements Vec {
    @Override
    public int size() {
        return values.length;
    }

    @Override
    public Expr get(int k) {
        return Constant.of(values[k]);
    }

    @Override
    public Expr asArray() {
        return new ConstantArray(name, values, Shape.vector(values.length));
    }

    @Override
    public Expr get(Expr index) {
        if (index instanceof Constant c) return get((int) c.value());
        return new Lookup(name, values, index);
    }
}
