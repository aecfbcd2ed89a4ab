package org.gradus.atoms;

/**
 * An increasing S-shaped function with its inflection at 0 — sigmoid, tanh, atan: its range is the image
 * of the argument's range, it is convex for x ≤ 0 and concave for x ≥ 0, and neither across 0.
 */
public abstract class SShaped extends UnaryAtom {

    @Override
    public Interval range(Interval x) {
        return x.mapIncreasing(this::apply);
    }

    @Override
    public Curvature curvature(Interval x) {
        if (x.nonpositive()) return Curvature.CONVEX;
        if (x.nonnegative()) return Curvature.CONCAVE;
        return Curvature.UNKNOWN;
    }

    @Override
    public Monotonicity monotonicity(Interval x) {
        return Monotonicity.INCREASING;
    }

    @Override
    public boolean strictlyIncreasing() {
        return true;
    }
}
