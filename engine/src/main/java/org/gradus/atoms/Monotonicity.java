package org.gradus.atoms;

/** How an atom moves with one argument on a given range of that argument. */
public enum Monotonicity {
    INCREASING, DECREASING, NONMONOTONE
}
