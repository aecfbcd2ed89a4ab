package org.gradus.eval;

import org.gradus.atoms.Power;

/** Static helpers called from generated loop kernels; each matches the interpreter's arithmetic exactly. */
final class KernelSupport {
    private KernelSupport() {
    }

    /** An element index computed in floating point, truncated and checked as the interpreter does. */
    static int index(double v, int size) {
        return index((int) v, size);
    }

    static int index(int idx, int size) {
        if (idx < 0 || idx >= size) {
            throw new IndexOutOfBoundsException("index " + idx + " is outside 0.." + (size - 1));
        }
        return idx;
    }

    /** ∂(base**p)/∂base. */
    static double powBase(double base, double p) {
        return p == 0 ? 0 : p * Power.pow(base, p - 1);
    }

    /** ∂(base**p)/∂p, given value = base**p. */
    static double powExponent(double base, double value) {
        return value == 0 ? 0 : value * Math.log(base);
    }
}
