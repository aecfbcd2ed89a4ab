package org.gradus.optim

import spock.lang.Specification

/**
 * The stationarity measure of methods with weight decay ({@link Objective#projectedResidualNorm}): values worked by
 * hand, and bit for bit the definition (one running maximum in index order) on random vectors of every length
 * around the four-way unrolling, with and without bounds, and NaN whenever a gradient component is not finite.
 */
class ResidualNormSpec extends Specification {
    static Objective objective(int n, double lo = Double.NEGATIVE_INFINITY, double hi = Double.POSITIVE_INFINITY) {
        double[] lower = new double[n]
        double[] upper = new double[n]
        Arrays.fill(lower, lo)
        Arrays.fill(upper, hi)
        new Objective(lower, upper) {
            double value(double[] x) { 0 }

            double valueAndGradient(double[] x, double[] g) { 0 }
        }
    }

    /** The definition, as the methods computed it before: one running maximum, the projection per component. */
    static double definition(Objective o, double[] x, double[] g, double wd, double a, double b) {
        double m = 0, finite = 0
        for (int i = 0; i < x.length; i++) {
            finite += g[i] * 0
            m = Math.max(m, o.projectedComponent(i, x[i], g[i] + wd * x[i] * (a * Math.abs(g[i]) + b)))
        }
        finite == 0 ? m : Double.NaN
    }

    def "worked by hand: AdamW's residual g + wd·x·(|g| + eps) and the coupled g + wd·x"() {
        given:
        double[] x = [1, 1]
        double[] g = [1, -2]

        expect: 'r = (1 + 0.5·1.1, −2 + 0.5·2.1) = (1.55, −0.95); coupled: (1.5, −1.5)'
        Math.abs(objective(2).projectedResidualNorm(x, g, 0.5, 1, 0.1) - 1.55) < 1e-15
        objective(2).projectedResidualNorm(x, g, 0.5, 0, 1) == 1.5
        and: 'at an upper bound x = 1, the component −0.95 pushes outward (x would grow): it counts 0'
        Math.abs(objective(2, -1, 1).projectedResidualNorm(x, g, 0.5, 1, 0.1) - 1.55) < 1e-15
        objective(2, -1, 1).projectedResidualNorm(x, [-3, -2] as double[], 0.5, 0, 1) == 0
    }

    def "the same bits as the definition, for every length, with and without bounds"() {
        given:
        def random = new Random(11)

        expect:
        for (n in (0..9) + [1001]) {
            for (bounded in [false, true]) {
                def o = bounded ? objective(n, -0.5, 0.5) : objective(n)
                double[] x = (0..<n).collect { random.nextGaussian() * (bounded ? 0.5 : 3) } as double[]
                if (bounded) o.project(x)
                double[] g = (0..<n).collect { random.nextGaussian() * 10 } as double[]
                for (p in [[0.01, 0, 1], [0.1, 1, 1e-8], [2.5, 1, 0.3]]) {
                    double got = o.projectedResidualNorm(x, g, p[0], p[1], p[2])
                    double want = definition(o, x, g, p[0], p[1], p[2])
                    assert Double.doubleToRawLongBits(got) == Double.doubleToRawLongBits(want)
                }
            }
        }
    }

    def "NaN when some gradient component is infinite or NaN, wherever it is"() {
        expect:
        for (n in [1, 4, 5, 8, 13]) {
            for (int at = 0; at < n; at++) {
                for (bad in [Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.NaN]) {
                    double[] x = new double[n]
                    double[] g = new double[n]
                    Arrays.fill(x, -1.0)
                    Arrays.fill(g, 0.5)
                    g[at] = bad
                    assert Double.isNaN(objective(n).projectedResidualNorm(x, g, 0.1, 1, 1e-8))
                    assert Double.isNaN(objective(n).projectedResidualNorm(x, g, 0.1, 0, 1))
                }
            }
        }
    }
}
