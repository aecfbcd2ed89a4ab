package org.gradus.eval

import groovy.transform.CompileStatic
import spock.lang.Specification

/**
 * The DOT sums against the order DotProducts documents, written out here once more as plain loops (over a
 * table of doubles, and over a table of floats, whose values widened must give the same bits): eight
 * partial sums (element j into s(j mod 8)), each a product then a sum, the leftover elements into s0 after
 * the loop, combined as ((s0+s1)+(s2+s3))+((s4+s5)+(s6+s7)). Bit for bit, whatever runs them: the scalar
 * code in the suite's usual JVM, the Vector API's lanes (VectorDots) in the `vector-unit` run of the engine's
 * tests, whose JVM has the module (there the spec also checks that the vector unit is really in use on a
 * processor with AVX2, once warmed up, so that the run cannot quietly test the scalar code twice), and in a third
 * run whose JVM is limited to AVX2 (-XX:UseAVX=2: vectors of four doubles, VectorDots' other branch).
 */
class VectorDotsSpec extends Specification {

    def setupSpec() {
        VectorUnit.awaitWarm(120_000) // where the vector unit is available, the sums below run there
    }

    @CompileStatic
    static double reference(double[] x, int xo, double[] t, int to, int n) {
        double[] s = new double[8]
        int j = 0
        for (; j + 7 < n; j += 8) {
            for (int k = 0; k < 8; k++) {
                double p = x[xo + j + k] * t[to + j + k]
                s[k] = s[k] + p
            }
        }
        for (; j < n; j++) {
            double p = x[xo + j] * t[to + j]
            s[0] = s[0] + p
        }
        double a = s[0] + s[1], b = s[2] + s[3], c = s[4] + s[5], d = s[6] + s[7]
        double left = a + b, right = c + d
        return left + right
    }

    static boolean sameBits(double p, double q) {
        Double.doubleToRawLongBits(p) == Double.doubleToRawLongBits(q) || (Double.isNaN(p) && Double.isNaN(q))
    }

    static double[] randomArray(Random rnd, int n) {
        double[] a = new double[n]
        for (int k = 0; k < n; k++) {
            // magnitudes over many binades, so that the order of the additions shows in the last bits
            a[k] = rnd.nextGaussian() * Math.pow(2, rnd.nextInt(40) - 20)
        }
        a
    }

    def "the vector unit is in use in the run whose JVM has the Vector API, on a processor with AVX2"() {
        given:
        boolean expected = Boolean.getBoolean('gradus.simd.expected')
        boolean avx2 = new File('/proc/cpuinfo').with { it.exists() && it.text.contains(' avx2') }

        expect:
        !expected || !avx2 || (VectorUnit.inUse() && VectorUnit.warmFloats)
        VectorUnit.describe() != null
    }

    def "the run that asks for vectors of a given width gets them (the AVX2 run: VectorDots' four-lane branch)"() {
        given:
        Integer lanes = Integer.getInteger('gradus.simd.expectedLanes')
        boolean avx2 = new File('/proc/cpuinfo').with { it.exists() && it.text.contains(' avx2') }

        expect:
        lanes == null || !avx2 || VectorDots.LANES == lanes
    }

    def "dot of #n elements at offsets #xo, #to: the documented order, bit for bit"() {
        given:
        Random rnd = new Random(31 * n + xo)
        double[] x = randomArray(rnd, xo + n + 3)
        double[] t = randomArray(rnd, to + 2 * n + 5)

        expect:
        (0..<20).every {
            x[xo + rnd.nextInt(Math.max(1, n))] = rnd.nextGaussian() * 1e6
            sameBits(DotProducts.dot(x, xo, t, to, n), reference(x, xo, t, to, n))
        }

        where:
        [n, xo, to] << [[0, 1, 2, 3, 7, 8, 9, 15, 16, 17, 31, 64, 100, 101, 257], [0, 3], [0, 5]].combinations()
    }

    def "dotPair of #n elements: each value is the single dot's, bit for bit"() {
        given:
        Random rnd = new Random(n)
        double[] x = randomArray(rnd, n + 4)
        double[] t = randomArray(rnd, 3 * n + 9)
        double[] out = new double[4]

        when:
        DotProducts.dotPair(x, 2, t, 1, n + 7, n, out, 1)

        then:
        sameBits(out[1], reference(x, 2, t, 1, n))
        sameBits(out[2], reference(x, 2, t, n + 7, n))
        out[0] == 0d && out[3] == 0d

        where:
        n << [0, 1, 5, 8, 13, 24, 99, 100, 101]
    }

    def "the chain rules of #n elements over a table of #kind, one row and two, add element by element as a plain loop does, bit for bit"() {
        given:
        Random rnd = new Random(7 * n + 1)
        float[] f = randomFloats(rnd, 2 * n + 11)
        double[] t = kind == 'floats' ? widened(f) : randomArray(rnd, 2 * n + 11)
        Object table = t
        if (kind == 'floats') table = f                      // (not a ?: of the two: Groovy widens f to a double[] there)
        double[] grad = randomArray(rnd, n + 3)
        double g0 = rnd.nextGaussian() * 1e3, g1 = rnd.nextGaussian() * 1e2   // comparable: the order of the additions shows
        double[] one = grad.clone(), two = grad.clone(), expectedOne = grad.clone(), expectedTwo = grad.clone()
        for (int j = 0; j < n; j++) {
            double p = g0 * t[4 + j]
            expectedOne[2 + j] = expectedOne[2 + j] + p
            double q = g1 * t[n + 9 + j]
            expectedTwo[2 + j] = (expectedTwo[2 + j] + p) + q
        }

        when:
        chainRules(one, two, g0, g1, table, n)

        then:
        (0..<grad.length).every { sameBits(one[it], expectedOne[it]) && sameBits(two[it], expectedTwo[it]) }

        where:
        [n, kind] << [[0, 1, 3, 4, 7, 8, 9, 16, 17, 100, 101], ['doubles', 'floats']].combinations()
    }

    /** The one-row and two-row chain rules over {@code table}, each overload named at compile time. */
    @CompileStatic
    static void chainRules(double[] one, double[] two, double g0, double g1, Object table, int n) {
        if (table instanceof float[]) {
            DotProducts.addScaled(one, 2, g0, (float[]) table, 4, n)
            DotProducts.addScaledPair(two, 2, g0, g1, (float[]) table, 4, n + 9, n)
        } else {
            DotProducts.addScaled(one, 2, g0, (double[]) table, 4, n)
            DotProducts.addScaledPair(two, 2, g0, g1, (double[]) table, 4, n + 9, n)
        }
    }

    static float[] randomFloats(Random rnd, int n) {
        float[] a = new float[n]
        for (int k = 0; k < n; k++) a[k] = (float) (rnd.nextGaussian() * Math.pow(2, rnd.nextInt(40) - 20))
        a
    }

    /** The float table's values, each widened exactly: the table of doubles the float code must agree with. */
    static double[] widened(float[] f) {
        double[] d = new double[f.length]
        for (int k = 0; k < f.length; k++) d[k] = (double) f[k]
        d
    }

    def "over a float table, dot and dotPair of #n elements give the documented order's bits on the widened values"() {
        given:
        Random rnd = new Random(17 * n + 3)
        double[] x = randomArray(rnd, n + 5)
        float[] f = randomFloats(rnd, 3 * n + 9)
        double[] t = widened(f)
        double[] out = new double[2]

        when:
        DotProducts.dotPair(x, 3, f, 2, n + 6, n, out)

        then:
        sameBits(DotProducts.dot(x, 3, f, 2, n), reference(x, 3, t, 2, n))
        sameBits(DotProducts.dot(x, 3, f, n + 6, n), reference(x, 3, t, n + 6, n))
        sameBits(out[0], reference(x, 3, t, 2, n))
        sameBits(out[1], reference(x, 3, t, n + 6, n))

        where:
        n << [0, 1, 3, 4, 7, 8, 9, 15, 16, 17, 64, 100, 101, 257]
    }

    def "special values go through as the scalar arithmetic takes them: #name"() {
        given:
        double[] x = (0..<19).collect { 1.5d } as double[]
        double[] t = (0..<19).collect { -0.25d } as double[]
        x[position] = value

        expect:
        sameBits(DotProducts.dot(x, 0, t, 0, 19), reference(x, 0, t, 0, 19))

        where:
        name         | position | value
        'NaN'        | 4        | Double.NaN
        '+infinity'  | 9        | Double.POSITIVE_INFINITY
        'overflow'   | 17       | Double.MAX_VALUE
        'subnormal'  | 0        | Double.MIN_VALUE
        'minus zero' | 3        | -0.0d
    }

    def "the warm-up runs the sums and returns a finite sum"() {
        expect:
        !VectorUnit.AVAILABLE || Double.isFinite(VectorDots.warmUp(50) + VectorDots.warmUpFloats(50))
    }
}
