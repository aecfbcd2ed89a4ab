package org.gradus.plot.figure

import spock.lang.Specification
import spock.lang.Unroll

/** Level choice against numpy's quartiles (plot/python/level_reference.py) and hand-checked rules. */
class LevelsSpec extends Specification {

    static Grid grid(double x0, double x1, double y0, double y1, Closure<Double> f) {
        double[] xs = Grid.linspace(x0, x1, 241), ys = Grid.linspace(y0, y1, 181)
        double[][] z = new double[ys.length][xs.length]
        for (int j = 0; j < ys.length; j++) for (int i = 0; i < xs.length; i++) z[j][i] = f(xs[i], ys[j])
        new Grid(xs, ys, z)
    }

    @Unroll
    def "#name: spread ratio #ratio (numpy) → log levels #log"() {
        when:
        Levels levels = Levels.choose(g.finiteValues(), 'auto')

        then:
        levels.log() == log
        levels.bounds()[0] <= g.finiteValues().min()
        levels.bounds()[-1] >= g.finiteValues().max()

        where:
        name         | ratio   | log   | g
        'rosenbrock' | 69.52   | true  | grid(-2, 2, -1, 3) { x, y -> (1 - x)**2 + 100 * (y - x * x)**2 }
        'beale'      | 5474.97 | true  | grid(-4.5, 4.5, -4.5, 4.5) { x, y -> (1.5 - x + x * y)**2 + (2.25 - x + x * y * y)**2 + (2.625 - x + x * y**3)**2 }
        'x²+y²'      | 6.22    | false | grid(-2, 2, -2, 2) { x, y -> x * x + y * y }
        'himmelblau' | 15.28   | false | grid(-5, 5, -5, 5) { x, y -> (x * x + y - 11)**2 + (x + y * y - 7)**2 }
    }

    def "Rosenbrock's log levels are 1-2-5 steps from 0 up past its maximum 2509"() {
        when:
        Levels levels = Levels.choose(grid(-2, 2, -1, 3) { x, y -> (1 - x)**2 + 100 * (y - x * x)**2 }.finiteValues(), 'auto')

        then:
        levels.bounds()[-1] == 5000d
        levels.bounds().toList().containsAll([1d, 2d, 5d, 10d, 20d, 50d, 100d, 200d, 500d, 1000d, 2000d])
        levels.bounds()[0] < 0.01
    }

    def "linear levels are nice steps covering the values"() {
        expect:
        Levels.linear(0, 8, 10).bounds().toList() == [0d, 1d, 2d, 3d, 4d, 5d, 6d, 7d, 8d]
        Levels.linear(-0.3, 0.7, 10).bounds().toList() == [-0.3d, -0.2d, -0.1d, 0d, 0.1d, 0.2d, 0.3d, 0.4d, 0.5d, 0.6d, 0.7d]
    }

    def "a value's band: below the first inner bound is band 0, at a bound the band above it"() {
        given:
        Levels l = new Levels([0, 1, 2, 5] as double[], false)

        expect:
        l.band(0.5) == 0
        l.band(1) == 1
        l.band(4.9) == 2
        l.band(100) == 2
        l.band(-3) == 0
        l.band(Double.NaN) == -1
        l.lines().toList() == [1d, 2d]
    }

    def "the spacing can be asked for, and a wrong word says what works"() {
        given:
        double[] v = (1..100).collect { it * it as double } as double[]

        expect:
        Levels.choose(v, 'log').log()
        !Levels.choose(v, 'linear').log()

        when:
        Levels.choose(v, 'cubic')

        then:
        IllegalArgumentException e = thrown()
        e.message.contains("'auto', 'log', 'linear'")
    }

    def "nice steps divide a range into about the parts asked for"() {
        expect:
        Levels.niceStep(4, 7) == 0.5d
        Levels.niceStep(4, 8) == 0.5d
        Levels.niceStep(300, 6) == 50d
        Levels.niceStep(1, 4) == 0.25d
    }
}
