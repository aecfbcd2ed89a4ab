package org.gradus.optim.linesearch;

import org.gradus.optim.Iterate;

/**
 * A one-dimensional search along a descent direction d from the current iterate (Nocedal &amp; Wright,
 * ch. 3). Implementations are immutable values holding their parameters; defaults are documented on each.
 */
public interface LineSearch {
    /**
     * Looks for a step α along d, starting with the trial step {@code alpha0}. On success the iterate
     * is moved to the accepted point (x, f and g updated) and α is returned; when no acceptable step is
     * found the iterate is left unchanged and NaN is returned. {@code ∇f·d} must be negative.
     */
    double search(Iterate it, double[] d, double alpha0);

    /** A short description with the parameters, for reports. */
    String describe();

    /**
     * The search to use on a problem with bounds ({@code bounded} true): a backtracking search then
     * projects its trial points onto the box (Bertsekas' projected Armijo rule); others search as they are.
     */
    default LineSearch forBounds(boolean bounded) {
        return this;
    }
}
