package org.gradus.expr;

import java.util.Locale;
import java.util.Random;

/**
 * How the start values of a vector or matrix variable are drawn: {@code 'zeros'} (the default),
 * {@code 'normal'} (N(0, scale²)), {@code 'uniform'} (U(−scale, scale)) or {@code 'glorot'}
 * (Glorot/Xavier uniform, U(−a, a) with a = scale·√(6 / (fan in + fan out)), the fans being a matrix's
 * columns and rows, and a vector's length for both). The numbers come from {@link Random} seeded with
 * {@code seed}, so a seed gives the same values on every machine. Multi-start runs
 * ({@code restarts:}) draw each further start from the same distribution ({@link #draw(Shape, long)}).
 *
 * @param kind  zeros, normal, uniform or glorot
 * @param scale the spread (default 1)
 * @param seed  the seed of the first draw
 */
public record Initializer(String kind, double scale, long seed) {
    /** The names {@code init:} takes. */
    public static final java.util.List<String> KINDS = java.util.List.of("zeros", "normal", "uniform", "glorot");

    /**
     * @throws IllegalArgumentException for an unknown kind or a scale that is negative or not finite
     */
    public Initializer {
        kind = kind.toLowerCase(Locale.ROOT);
        if (!KINDS.contains(kind)) throw new IllegalArgumentException("init: '" + kind + "' is not one of " + KINDS);
        if (!(scale >= 0) || Double.isInfinite(scale)) throw new IllegalArgumentException("scale: must be a finite number ≥ 0, got " + scale);
    }

    /** True for {@code 'zeros'}: every draw is 0. */
    public boolean isZeros() {
        return kind.equals("zeros");
    }

    /** The start values for an array of this shape, from the initializer's own seed. */
    public double[] draw(Shape shape) {
        return draw(shape, seed);
    }

    /** Values for an array of this shape from the given seed, row-major. */
    public double[] draw(Shape shape, long seed) {
        double[] out = new double[shape.size()];
        if (isZeros()) return out;
        Random rnd = new Random(seed);
        double fanIn = shape.isMatrix() ? shape.columns() : shape.size(), fanOut = shape.isMatrix() ? shape.rows() : shape.size();
        double a = kind.equals("glorot") ? scale * Math.sqrt(6 / (fanIn + fanOut)) : scale;
        for (int i = 0; i < out.length; i++) {
            out[i] = kind.equals("normal") ? a * rnd.nextGaussian() : a * (2 * rnd.nextDouble() - 1);
        }
        return out;
    }
}
