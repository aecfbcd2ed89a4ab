package org.gradus.eval;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * {@link DotProducts}' sums and chain rules over a table of doubles or of 32-bit floats on the processor's
 * vector unit, bit for bit the same. A float table's elements are widened to doubles as they are loaded
 * (eight floats, 256 bits, into a 512-bit vector of doubles: exact), then multiplied and added as doubles, so
 * a float table reads half the bytes and gives the bits a double table holding the same values gives. The
 * chain rules g += s·row are element by element (C2 did not vectorize their two-row form here: 16 ms of an
 * 86 ms pass over 10⁶ rows on one thread). The sums: the eight partial sums
 * s0…s7 (element j into s(j mod 8)) are the eight lanes of one 512-bit vector (AVX-512), or of two 256-bit
 * vectors (AVX2: s0…s3 and s4…s7); each lane multiplies then adds, as the scalar code does (no fused
 * multiply-add, which would round once instead of twice), the leftover elements go into s0 after the loop,
 * and the lanes are combined as ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)). So the interpreter, the compiled
 * kernels, the scalar code and this code all give the same bits ({@code VectorDotsSpec}). Each vector loop
 * runs to a bound taken before it ({@code j < (n & -8)}), the form C2 compiles as a counted loop: unrolled,
 * the array bounds checked once before it instead of at every vector, and no safepoint poll at every
 * step. Written {@code j + 7 < n}, the same loops took 13 % longer a row (two-row dots and chain rules
 * over 256 rows in the cache: 15.4 → 13.4 and 17.2 → 15.2 ns a row, a {@code /tmp} harness).
 *
 * <p>JDK 17 offers vector instructions to Java only through its incubating Vector API, a module the JVM
 * resolves only when started with {@code --add-modules jdk.incubator.vector} (and then prints a warning line
 * on its standard error). This class names that module's types, so it is loaded only when
 * {@link VectorUnit} found the module: the resident daemon starts with it (its standard error is its
 * log); a process of its own, a test or a benchmark uses it when its JVM options add the module. Until C2
 * compiles it, vector code runs many times slower than scalar code (objects instead of registers), so the
 * sums are used only after {@link #warmUp} (and, for floats, {@link #warmUpFloats}) has run ({@link VectorUnit}).
 */
final class VectorDots {
    private static final VectorSpecies<Double> EIGHT = DoubleVector.SPECIES_512;
    private static final VectorSpecies<Double> FOUR = DoubleVector.SPECIES_256;
    /** The floats that widen into EIGHT's and FOUR's lanes: 8 floats in 256 bits, 4 in 128. */
    private static final VectorSpecies<Float> EIGHT_FLOATS = FloatVector.SPECIES_256;
    private static final VectorSpecies<Float> FOUR_FLOATS = FloatVector.SPECIES_128;
    /** Lanes of the processor's widest vector of doubles: 8 with AVX-512, 4 with AVX2, 2 with SSE only. */
    static final int LANES = DoubleVector.SPECIES_PREFERRED.length();
    private static final boolean WIDE = LANES >= 8;

    private VectorDots() {
    }

    /** As {@link DotProducts#dot(double[], int, double[], int, int)}. */
    static double dot(double[] x, int xo, double[] t, int to, int n) {
        int j = 0;
        if (WIDE) {
            DoubleVector s = DoubleVector.zero(EIGHT);
            for (int upper = n & -8; j < upper; j += 8) {
                s = s.add(DoubleVector.fromArray(EIGHT, x, xo + j).mul(DoubleVector.fromArray(EIGHT, t, to + j)));
            }
            double s0 = s.lane(0);
            for (; j < n; j++) s0 += x[xo + j] * t[to + j];
            return ((s0 + s.lane(1)) + (s.lane(2) + s.lane(3))) + ((s.lane(4) + s.lane(5)) + (s.lane(6) + s.lane(7)));
        }
        DoubleVector lo = DoubleVector.zero(FOUR), hi = DoubleVector.zero(FOUR);
        for (int upper = n & -8; j < upper; j += 8) {
            lo = lo.add(DoubleVector.fromArray(FOUR, x, xo + j).mul(DoubleVector.fromArray(FOUR, t, to + j)));
            hi = hi.add(DoubleVector.fromArray(FOUR, x, xo + j + 4).mul(DoubleVector.fromArray(FOUR, t, to + j + 4)));
        }
        double s0 = lo.lane(0);
        for (; j < n; j++) s0 += x[xo + j] * t[to + j];
        return ((s0 + lo.lane(1)) + (lo.lane(2) + lo.lane(3))) + ((hi.lane(0) + hi.lane(1)) + (hi.lane(2) + hi.lane(3)));
    }

    /** As {@link DotProducts#dotPair(double[], int, double[], int, int, int, double[], int)}: each x element loaded once for both rows. */
    static void dotPair(double[] x, int xo, double[] t, int ta, int tb, int n, double[] out, int oo) {
        int j = 0;
        if (WIDE) {
            DoubleVector s = DoubleVector.zero(EIGHT), u = DoubleVector.zero(EIGHT);
            for (int upper = n & -8; j < upper; j += 8) {
                DoubleVector w = DoubleVector.fromArray(EIGHT, x, xo + j);
                s = s.add(w.mul(DoubleVector.fromArray(EIGHT, t, ta + j)));
                u = u.add(w.mul(DoubleVector.fromArray(EIGHT, t, tb + j)));
            }
            double s0 = s.lane(0), u0 = u.lane(0);
            for (; j < n; j++) {
                s0 += x[xo + j] * t[ta + j];
                u0 += x[xo + j] * t[tb + j];
            }
            out[oo] = ((s0 + s.lane(1)) + (s.lane(2) + s.lane(3))) + ((s.lane(4) + s.lane(5)) + (s.lane(6) + s.lane(7)));
            out[oo + 1] = ((u0 + u.lane(1)) + (u.lane(2) + u.lane(3))) + ((u.lane(4) + u.lane(5)) + (u.lane(6) + u.lane(7)));
            return;
        }
        DoubleVector slo = DoubleVector.zero(FOUR), shi = DoubleVector.zero(FOUR);
        DoubleVector ulo = DoubleVector.zero(FOUR), uhi = DoubleVector.zero(FOUR);
        for (int upper = n & -8; j < upper; j += 8) {
            DoubleVector wlo = DoubleVector.fromArray(FOUR, x, xo + j), whi = DoubleVector.fromArray(FOUR, x, xo + j + 4);
            slo = slo.add(wlo.mul(DoubleVector.fromArray(FOUR, t, ta + j)));
            shi = shi.add(whi.mul(DoubleVector.fromArray(FOUR, t, ta + j + 4)));
            ulo = ulo.add(wlo.mul(DoubleVector.fromArray(FOUR, t, tb + j)));
            uhi = uhi.add(whi.mul(DoubleVector.fromArray(FOUR, t, tb + j + 4)));
        }
        double s0 = slo.lane(0), u0 = ulo.lane(0);
        for (; j < n; j++) {
            s0 += x[xo + j] * t[ta + j];
            u0 += x[xo + j] * t[tb + j];
        }
        out[oo] = ((s0 + slo.lane(1)) + (slo.lane(2) + slo.lane(3))) + ((shi.lane(0) + shi.lane(1)) + (shi.lane(2) + shi.lane(3)));
        out[oo + 1] = ((u0 + ulo.lane(1)) + (ulo.lane(2) + ulo.lane(3))) + ((uhi.lane(0) + uhi.lane(1)) + (uhi.lane(2) + uhi.lane(3)));
    }

    /** As {@link DotProducts#addScaled(double[], int, double, double[], int, int)}: element by element, so the same bits. */
    static void addScaled(double[] grad, int go, double g, double[] t, int to, int n) {
        VectorSpecies<Double> v = WIDE ? EIGHT : FOUR;
        int step = v.length(), j = 0;
        for (int upper = n & -step; j < upper; j += step) {
            DoubleVector.fromArray(v, grad, go + j).add(DoubleVector.fromArray(v, t, to + j).mul(g)).intoArray(grad, go + j);
        }
        for (; j < n; j++) grad[go + j] += g * t[to + j];
    }

    /** As {@link DotProducts#addScaledPair(double[], int, double, double, double[], int, int, int)}: the same bits. */
    static void addScaledPair(double[] grad, int go, double g0, double g1, double[] t, int t0, int t1, int n) {
        VectorSpecies<Double> v = WIDE ? EIGHT : FOUR;
        int step = v.length(), j = 0;
        for (int upper = n & -step; j < upper; j += step) {
            DoubleVector.fromArray(v, grad, go + j)
                    .add(DoubleVector.fromArray(v, t, t0 + j).mul(g0))
                    .add(DoubleVector.fromArray(v, t, t1 + j).mul(g1))
                    .intoArray(grad, go + j);
        }
        for (; j < n; j++) grad[go + j] = (grad[go + j] + g0 * t[t0 + j]) + g1 * t[t1 + j];
    }

    // ---- over a table of 32-bit floats: each element widened to double (exactly), then the same operations ----

    /** Eight floats from t[i] widened to the eight lanes of a 512-bit vector of doubles (one vcvtps2pd). */
    private static DoubleVector eight(float[] t, int i) {
        return (DoubleVector) FloatVector.fromArray(EIGHT_FLOATS, t, i).convertShape(VectorOperators.F2D, EIGHT, 0);
    }

    /** Four floats from t[i] widened to the four lanes of a 256-bit vector of doubles. */
    private static DoubleVector four(float[] t, int i) {
        return (DoubleVector) FloatVector.fromArray(FOUR_FLOATS, t, i).convertShape(VectorOperators.F2D, FOUR, 0);
    }

    /** As {@link DotProducts#dot(double[], int, float[], int, int)}: the widened elements, the same bits. */
    static double dot(double[] x, int xo, float[] t, int to, int n) {
        int j = 0;
        if (WIDE) {
            DoubleVector s = DoubleVector.zero(EIGHT);
            for (int upper = n & -8; j < upper; j += 8) s = s.add(DoubleVector.fromArray(EIGHT, x, xo + j).mul(eight(t, to + j)));
            double s0 = s.lane(0);
            for (; j < n; j++) s0 += x[xo + j] * (double) t[to + j];
            return ((s0 + s.lane(1)) + (s.lane(2) + s.lane(3))) + ((s.lane(4) + s.lane(5)) + (s.lane(6) + s.lane(7)));
        }
        DoubleVector lo = DoubleVector.zero(FOUR), hi = DoubleVector.zero(FOUR);
        for (int upper = n & -8; j < upper; j += 8) {
            lo = lo.add(DoubleVector.fromArray(FOUR, x, xo + j).mul(four(t, to + j)));
            hi = hi.add(DoubleVector.fromArray(FOUR, x, xo + j + 4).mul(four(t, to + j + 4)));
        }
        double s0 = lo.lane(0);
        for (; j < n; j++) s0 += x[xo + j] * (double) t[to + j];
        return ((s0 + lo.lane(1)) + (lo.lane(2) + lo.lane(3))) + ((hi.lane(0) + hi.lane(1)) + (hi.lane(2) + hi.lane(3)));
    }

    /** As {@link DotProducts#dotPair(double[], int, float[], int, int, int, double[])}: the same bits. */
    static void dotPair(double[] x, int xo, float[] t, int ta, int tb, int n, double[] out) {
        int j = 0;
        if (WIDE) {
            DoubleVector s = DoubleVector.zero(EIGHT), u = DoubleVector.zero(EIGHT);
            for (int upper = n & -8; j < upper; j += 8) {
                DoubleVector w = DoubleVector.fromArray(EIGHT, x, xo + j);
                s = s.add(w.mul(eight(t, ta + j)));
                u = u.add(w.mul(eight(t, tb + j)));
            }
            double s0 = s.lane(0), u0 = u.lane(0);
            for (; j < n; j++) {
                s0 += x[xo + j] * (double) t[ta + j];
                u0 += x[xo + j] * (double) t[tb + j];
            }
            out[0] = ((s0 + s.lane(1)) + (s.lane(2) + s.lane(3))) + ((s.lane(4) + s.lane(5)) + (s.lane(6) + s.lane(7)));
            out[1] = ((u0 + u.lane(1)) + (u.lane(2) + u.lane(3))) + ((u.lane(4) + u.lane(5)) + (u.lane(6) + u.lane(7)));
            return;
        }
        DoubleVector slo = DoubleVector.zero(FOUR), shi = DoubleVector.zero(FOUR);
        DoubleVector ulo = DoubleVector.zero(FOUR), uhi = DoubleVector.zero(FOUR);
        for (int upper = n & -8; j < upper; j += 8) {
            DoubleVector wlo = DoubleVector.fromArray(FOUR, x, xo + j), whi = DoubleVector.fromArray(FOUR, x, xo + j + 4);
            slo = slo.add(wlo.mul(four(t, ta + j)));
            shi = shi.add(whi.mul(four(t, ta + j + 4)));
            ulo = ulo.add(wlo.mul(four(t, tb + j)));
            uhi = uhi.add(whi.mul(four(t, tb + j + 4)));
        }
        double s0 = slo.lane(0), u0 = ulo.lane(0);
        for (; j < n; j++) {
            s0 += x[xo + j] * (double) t[ta + j];
            u0 += x[xo + j] * (double) t[tb + j];
        }
        out[0] = ((s0 + slo.lane(1)) + (slo.lane(2) + slo.lane(3))) + ((shi.lane(0) + shi.lane(1)) + (shi.lane(2) + shi.lane(3)));
        out[1] = ((u0 + ulo.lane(1)) + (ulo.lane(2) + ulo.lane(3))) + ((uhi.lane(0) + uhi.lane(1)) + (uhi.lane(2) + uhi.lane(3)));
    }

    /** As {@link DotProducts#addScaled(double[], int, double, float[], int, int)}: element by element, the same bits. */
    static void addScaled(double[] grad, int go, double g, float[] t, int to, int n) {
        int j = 0;
        if (WIDE) {
            for (int upper = n & -8; j < upper; j += 8) {
                DoubleVector.fromArray(EIGHT, grad, go + j).add(eight(t, to + j).mul(g)).intoArray(grad, go + j);
            }
        } else {
            for (int upper = n & -4; j < upper; j += 4) {
                DoubleVector.fromArray(FOUR, grad, go + j).add(four(t, to + j).mul(g)).intoArray(grad, go + j);
            }
        }
        for (; j < n; j++) grad[go + j] += g * (double) t[to + j];
    }

    /** As {@link DotProducts#addScaledPair(double[], int, double, double, float[], int, int, int)}: the same bits. */
    static void addScaledPair(double[] grad, int go, double g0, double g1, float[] t, int t0, int t1, int n) {
        int j = 0;
        if (WIDE) {
            for (int upper = n & -8; j < upper; j += 8) {
                DoubleVector.fromArray(EIGHT, grad, go + j).add(eight(t, t0 + j).mul(g0)).add(eight(t, t1 + j).mul(g1))
                        .intoArray(grad, go + j);
            }
        } else {
            for (int upper = n & -4; j < upper; j += 4) {
                DoubleVector.fromArray(FOUR, grad, go + j).add(four(t, t0 + j).mul(g0)).add(four(t, t1 + j).mul(g1))
                        .intoArray(grad, go + j);
            }
        }
        for (; j < n; j++) grad[go + j] = (grad[go + j] + g0 * (double) t[t0 + j]) + g1 * (double) t[t1 + j];
    }

    /**
     * Runs the sums often enough, on rows of a typical width, that C2 compiles them ({@link VectorUnit}'s
     * warm-up, once per JVM); returns a sum of the results so that the work is not optimized away.
     */
    static double warmUp(int rounds) {
        double[] x = new double[101], t = new double[2 * 101], out = new double[2];
        for (int j = 0; j < t.length; j++) t[j] = j % 7 - 3;
        double s = 0;
        for (int k = 0; k < rounds; k++) {
            x[k % x.length] = k;
            s += dot(x, 0, t, 0, 101);
            dotPair(x, 0, t, 0, 101, 101, out, 0);
            addScaled(x, 0, out[0] * 1e-9, t, 101, 101);
            addScaledPair(x, 0, out[1] * 1e-9, -out[1] * 1e-9, t, 0, 101, 101);
            s += out[1];
        }
        return s;
    }

    /** As {@link #warmUp}, the sums over a table of floats. */
    static double warmUpFloats(int rounds) {
        double[] x = new double[101], out = new double[2];
        float[] t = new float[2 * 101];
        for (int j = 0; j < t.length; j++) t[j] = j % 7 - 3;
        double s = 0;
        for (int k = 0; k < rounds; k++) {
            x[k % x.length] = k;
            s += dot(x, 0, t, 0, 101);
            dotPair(x, 0, t, 0, 101, 101, out);
            addScaled(x, 0, out[0] * 1e-9, t, 101, 101);
            addScaledPair(x, 0, out[1] * 1e-9, -out[1] * 1e-9, t, 0, 101, 101);
            s += out[1];
        }
        return s;
    }
}
