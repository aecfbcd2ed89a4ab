package org.gradus.atoms

import spock.lang.Specification

/**
 * softplus and σ — the logistic loss's value and slope, evaluated once per row of every data pass —
 * against mpmath at 50 digits (resources/reference/atoms/softplus_sigmoid.py wrote the points), in units
 * in the last place: softplus uses log(1 + e)·e/((1 + e) − 1) for log1p(e) (Goldberg's formula; a few
 * ulps, and three times faster than Math.log1p), σ one exponential.
 */
class SoftplusAccuracySpec extends Specification {
    static final List<double[]> POINTS = SoftplusAccuracySpec.getResource('/reference/atoms/softplus_sigmoid.txt').readLines()
            .findAll { !it.startsWith('#') }.collect { line -> line.split(' ').collect { Double.parseDouble(it) } as double[] }

    /** |actual − expected| in units of the last place of expected. */
    static double ulps(double actual, double expected) {
        actual == expected ? 0 : Math.abs(actual - expected) / Math.ulp(expected)
    }

    def "softplus is within 3 ulps of the exact value at every point, and never below 0"() {
        when:
        double worst = POINTS.collect { p -> ulps(Softplus.INSTANCE.apply(p[0]), p[1]) }.max()

        then:
        POINTS.size() == 1200
        worst <= 3
        POINTS.every { p -> Softplus.INSTANCE.apply(p[0]) >= 0 }
    }

    def "softplus's slope and sigmoid are within 2 ulps of the exact σ(x)"() {
        expect:
        POINTS.every { p -> ulps(Softplus.INSTANCE.slope(p[0], Softplus.INSTANCE.apply(p[0])), p[2]) <= 2 }
        POINTS.every { p -> ulps(Sigmoid.INSTANCE.apply(p[0]), p[2]) <= 2 }
    }

    def "the edges: infinities, NaN, signed zero"() {
        expect:
        Softplus.INSTANCE.apply(Double.POSITIVE_INFINITY) == Double.POSITIVE_INFINITY
        Softplus.INSTANCE.apply(Double.NEGATIVE_INFINITY) == 0d
        Double.isNaN(Softplus.INSTANCE.apply(Double.NaN))
        Softplus.INSTANCE.apply(-0.0d) == Math.log(2)
        Softplus.INSTANCE.slope(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY) == 1d
        Softplus.INSTANCE.slope(Double.NEGATIVE_INFINITY, 0) == 0d
        Sigmoid.INSTANCE.apply(Double.NEGATIVE_INFINITY) == 0d
    }
}
