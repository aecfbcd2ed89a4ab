package org.gradus.atoms;

/**
 * A unary atom whose value and slope at x are computed from e = e^(−|x|) — the same number at x and at −x —
 * and from a part that depends on e alone ({@link #shared}). A compiled kernel computes e once for every such
 * atom applied to z or −z, and each atom's shared part once: the logistic loss y·softplus(−z) + (1 − y)·softplus(z)
 * and its slopes σ(−z), σ(z) then take one exponential and one logarithm a row instead of four and two.
 *
 * <p>The atom's own {@code apply(x)} and {@code slope(x, y)} must be these methods with
 * e = {@link #expOfMinusAbs}(x): the compiled kernel then gives the interpreter's numbers bit for bit.
 */
public interface SharedExponential {
    /** e^(−|x|), in (0, 1]: the same bits at x and −x. */
    static double expOfMinusAbs(double x) {
        return Math.exp(-Math.abs(x));
    }

    /** The part of the value that depends on e alone (e itself by default). */
    default double shared(double e) {
        return e;
    }

    /** f(x), given e = e^(−|x|) and s = {@link #shared}(e). */
    double apply(double x, double e, double s);

    /** f′(x), given y = f(x) and e = e^(−|x|). */
    double slope(double x, double y, double e);
}
