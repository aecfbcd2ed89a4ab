package org.gradus.atoms;

/** The curvature of an expression as proved by the composition rules. */
public enum Curvature {
    CONSTANT, AFFINE, CONVEX, CONCAVE, UNKNOWN;

    public boolean isConvex() {
        return this == CONSTANT || this == AFFINE || this == CONVEX;
    }

    public boolean isConcave() {
        return this == CONSTANT || this == AFFINE || this == CONCAVE;
    }

    public boolean isAffine() {
        return this == CONSTANT || this == AFFINE;
    }

    /** Curvature of a sum of two terms. */
    public Curvature plus(Curvature o) {
        if (this == CONSTANT) return o;
        if (o == CONSTANT) return this;
        if (isAffine() && o.isAffine()) return AFFINE;
        if (isConvex() && o.isConvex()) return CONVEX;
        if (isConcave() && o.isConcave()) return CONCAVE;
        return UNKNOWN;
    }

    public Curvature negate() {
        return switch (this) {
            case CONVEX -> CONCAVE;
            case CONCAVE -> CONVEX;
            default -> this;
        };
    }

    /** Curvature of c * this for a constant c of the given sign (positive, zero or negative). */
    public Curvature scale(double c) {
        if (c == 0) return CONSTANT;
        return c > 0 ? this : negate();
    }
}
