package org.gradus.api;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A Hessian (JSON kind {@code hessian}): symbolic ({@code hessian(f)}: rows of expressions) or at a point
 * ({@code hessian(f).at(...)}: the matrix, its eigenvalues in ascending order and its definiteness).
 */
public final class Hessian extends Result {
    Hessian(Record record) {
        super(record);
    }

    /** The variables of its rows and columns, in order. */
    public List<String> variables() {
        return JsonValues.strings(field("variables"));
    }

    /** True for a symbolic Hessian. */
    public boolean isSymbolic() {
        return field("symbolic") != null;
    }

    /** The second derivatives as Groovy text, by rows; empty for a Hessian at a point. */
    public List<List<String>> symbolic() {
        if (!(field("symbolic") instanceof List<?> rows)) return List.of();
        List<List<String>> out = new ArrayList<>();
        for (Object row : rows) out.add(JsonValues.strings(row));
        return Collections.unmodifiableList(out);
    }

    /** The point it was evaluated at; null for a symbolic Hessian. */
    public Point at() {
        return point("at");
    }

    /** The matrix at {@link #at()}, by rows; empty for a symbolic Hessian. */
    public double[][] matrix() {
        return JsonValues.rows(field("matrix"));
    }

    /** Its eigenvalues, ascending; empty for a symbolic Hessian. */
    public double[] eigenvalues() {
        return JsonValues.numbers(field("eigenvalues"));
    }

    /**
     * {@code positive definite}, {@code positive semidefinite}, {@code negative definite},
     * {@code negative semidefinite} or {@code indefinite}; null for a symbolic Hessian.
     */
    public String definiteness() {
        return text("definiteness");
    }
}
