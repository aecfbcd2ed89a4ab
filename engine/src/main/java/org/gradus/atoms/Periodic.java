package org.gradus.atoms;

/**
 * Rigorous placement of an interval between multiples of π/2, for the curvature and monotonicity of
 * sin, cos and tan. {@code Math.PI} is below π and {@code Math.nextUp(Math.PI)} above it, so bounds
 * on m·π/2 are exact where the product is exact and one ulp wider otherwise.
 */
public final class Periodic {
    private Periodic() {
    }

    private static final double HALF_PI_LO = Math.PI / 2;
    private static final double HALF_PI_HI = Math.nextUp(Math.PI) / 2;

    /** A double certainly ≤ m·π/2. */
    public static double lowerBound(long m) {
        if (m == 0) return 0;
        if (m < 0) return -upperBound(-m);
        double v = m * HALF_PI_LO;
        return exactMultiple(m) ? v : Math.nextDown(v);
    }

    /** A double certainly ≥ m·π/2. */
    public static double upperBound(long m) {
        if (m == 0) return 0;
        if (m < 0) return -lowerBound(-m);
        double v = m * HALF_PI_HI;
        return exactMultiple(m) ? v : Math.nextUp(v);
    }

    private static boolean exactMultiple(long m) {
        return m > 0 && (m & (m - 1)) == 0 && m < (1L << 40);
    }

    /**
     * The m ≡ residue (mod 4) for which x ⊆ [m·π/2, (m+2)·π/2], or null when there is none (or x is
     * unbounded). With {@code open} the inclusion must be strict at both ends.
     */
    public static Long cell(Interval x, int residue, boolean open) {
        if (!x.bounded() || Math.abs(x.lo()) > 1e12 || Math.abs(x.hi()) > 1e12) return null;
        long m0 = (long) Math.floor(x.lo() / HALF_PI_LO);
        for (long m = m0 - 4; m <= m0 + 1; m++) {
            if (Math.floorMod(m, 4) != Math.floorMod(residue, 4)) continue;
            double a = upperBound(m), b = lowerBound(m + 2);
            boolean inside = open ? (x.lo() > a && x.hi() < b) : (x.lo() >= a && x.hi() <= b);
            if (inside) return m;
        }
        return null;
    }

    /** The m of either parity for which x ⊆ [m·π/2, (m+1)·π/2] (a quarter period), or null. */
    public static Long quarter(Interval x) {
        if (!x.bounded() || Math.abs(x.lo()) > 1e12 || Math.abs(x.hi()) > 1e12) return null;
        long m0 = (long) Math.floor(x.lo() / HALF_PI_LO);
        for (long m = m0 - 2; m <= m0 + 1; m++) {
            if (x.lo() >= upperBound(m) && x.hi() <= lowerBound(m + 1)) return m;
        }
        return null;
    }
}
