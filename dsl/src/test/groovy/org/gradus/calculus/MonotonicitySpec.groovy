package org.gradus.calculus

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

import static org.gradus.calculus.CalculusReference.close

/**
 * {@code monotonicity(f, over: [x: a..b])} against the zeros of f′ found by sympy (and the kinks, by hand):
 * maximal intervals with exact endpoints; x³ increasing on the whole interval (f′(0) = 0 without a sign change).
 */
class MonotonicitySpec extends Specification {
    @Shared List<Map> cases = CalculusReference.DATA.monotonicity as List<Map>
    @Shared List<Map> got = CalculusReference.run((['x = variable(0)'] + cases.collect {
        "monotonicity(${it.expression}, over: [x: ${it.from}..${it.to}])"
    }).join('\n'))

    def "there are at least 12 reference splits"() {
        expect:
        cases.size() >= 12
    }

    @Unroll
    def "monotonicity of #c.expression on [#c.from, #c.to]"() {
        when:
        List<Map> intervals = got[i].intervals as List<Map>

        then:
        got[i].kind == 'monotonicity'
        intervals*.direction == c.intervals*.direction
        [intervals, c.intervals].transpose().every { g, w -> close(g.from, w.from) && close(g.to, w.to) }

        where:
        i << (0..<cases.size())
        c = cases[i]
    }

    def "the report writes intervals as the lectures do: an infinite end is open, as ∞; a point where f is undefined is open"() {
        when: "x³ − 3x: f′ = 3x² − 3 is 0 at ±1 (by hand); 1/x is undefined at 0"
        String cubic = new org.gradus.dsl.GradusSession().run('x = variable(0)\nmonotonicity(x**3 - 3*x)', 'm.opt')[0].toText()
        String reciprocal = new org.gradus.dsl.GradusSession().run('x = variable(1)\nmonotonicity(1/x, over: [x: -2..2])', 'm.opt')[0].toText()

        then:
        cubic.readLines()[0] == 'monotonicity of x**3 - 3*x on (-∞, ∞):'
        cubic.contains('increasing on (-∞, -1]')
        cubic.contains('decreasing on [-1, 1]')
        cubic.contains('increasing on [1, ∞)')
        reciprocal.contains('decreasing on [-2, 0)')
        reciprocal.contains('decreasing on (0, 2]')
    }

    @Unroll
    def "a pole splits the intervals and is open on both sides, though f is finite at the double nearest it: #f on [0, 3] (by hand: #why)"() {
        when:
        String text = new org.gradus.dsl.GradusSession().run("x = variable(1)\nmonotonicity($f, over: [x: 0..3])", 'm.opt')[0].toText()

        then: 'before: tan was increasing on [0, 3] (tan(1) = 1.557 > tan(2) = -2.185), or had an unknown sliver beside π/2'
        text.contains('increasing on [0, 1.57079632679)') && text.contains('increasing on (1.57079632679, 3]')
        !text.contains('unknown') && !text.contains('note:')

        where:
        f          | why
        'tan(x)'   | "tan′ = 1/cos² x > 0 on each side of the pole at π/2"
        '1/cos(x)' | "(1/cos)′ = sin x/cos² x > 0 on (0, π)"
    }

    def "where f′ cannot be resolved the direction is unknown there, said once per stretch; a shared factor e^-x is no obstacle"() {
        when: "x·e^-x: f′ = e^-x(1 − x) has the one zero 1 though e^-x underflows past x = 745 (by hand); " +
              "x·e^-x + e^-2x on [−10, 800]: f′ = e^-x(1 − x) − 2e^-2x < 0 (by hand: (1 − x) − 2e^-x ≤ −ln 2 < 0), its sign unknown where both underflow"
        String product = new org.gradus.dsl.GradusSession().run('x = variable(0)\nmonotonicity(x*exp(-x))', 'm.opt')[0].toText()
        Map sum = CalculusReference.run("x = variable(0)\nmonotonicity(x*exp(-x) + exp(-2*x), over: [x: -10..800])")[0]
        String sumText = new org.gradus.dsl.GradusSession().run("x = variable(0)\nmonotonicity(x*exp(-x) + exp(-2*x), over: [x: -10..800])", 'm.opt')[0].toText()

        then:
        product.contains('increasing on (-∞, 1]') && product.contains('decreasing on [1, ∞)') && !product.contains('note:')
        (sum.intervals as List<Map>)*.direction == ['decreasing', 'unknown']
        close((sum.intervals as List<Map>)[0].from, -10) && (sum.intervals as List<Map>)[1].to == 800
        sumText.readLines().count { it.contains('note:') } == 1
    }

    def "where f has no value: an end f has no value at is inside the note, one it has a value at outside; a domain edge is named so"() {
        when: 'log x / x has no value at 0, √x − x has (sympy: continuous_domain gives (0, ∞) and [0, ∞)); log(1 − x²) none at ±1'
        String log = new org.gradus.dsl.GradusSession().run('x = variable(1)\nmonotonicity(log(x)/x)', 'm.opt')[0].toText()
        String root = new org.gradus.dsl.GradusSession().run('x = variable(1)\nmonotonicity(sqrt(x) - x)', 'm.opt')[0].toText()
        String both = new org.gradus.dsl.GradusSession().run('x = variable(0)\nmonotonicity(log(1 - x**2))', 'm.opt')[0].toText()

        then:
        log.contains('note: f is undefined on (-∞, 0]') && log.contains("split at 0 (an edge of f's domain)")
        root.contains('note: f is undefined on (-∞, 0)') && root.contains('decreasing on [0.25, ∞)')
        root.contains('increasing on [0, 0.25]')      // f(0) = 0 is reached from the right: the edge is in the interval
        both.contains('note: f is undefined on (-∞, -1]') && both.contains('note: f is undefined on [1, ∞)')
        both.contains("split at -1 (an edge of f's domain), 0 (f′ = 0), 1 (an edge of f's domain)")
    }

    @Unroll
    def "an edge of the domain where f has a value closes the interval, and f′ unbounded there leaves no unknown sliver: #f"() {
        when: 'sympy: is_increasing(f, Interval(a, b)) is True on each closed interval below'
        String text = new org.gradus.dsl.GradusSession().run("x = variable(0)\nmonotonicity($f)", 'm.opt')[0].toText()

        then: 'before: sqrt(1 - x**2) had four unknown pieces [-1, -1] and [1, 1] beside its edges, sqrt(x) was increasing on (0, ∞)'
        want.every { text.contains(it) }
        !text.contains('unknown') && !text.contains('not resolved')

        where:
        f                   || want
        'sqrt(1 - x**2)'    || ['increasing on [-1, 0]', 'decreasing on [0, 1]', 'note: f is undefined on (-∞, -1)', 'note: f is undefined on (1, ∞)']
        'sqrt(x)'           || ['increasing on [0, ∞)']
        'sqrt(x*(1 - x))'   || ['increasing on [0, 1/2]', 'decreasing on [1/2, 1]']
        'x**1.5 - x'        || ['decreasing on [0, 0.444444444444]', 'increasing on [0.444444444444, ∞)']
        'x*log(x)'          || ['decreasing on (0, 0.367879441171]']
    }

    @Unroll
    def "where f′ touches 0 inside a one-signed piece the report says so, not f′ > 0 inside: #f on [-10, 10] (by hand: #why)"() {
        when:
        String text = new org.gradus.dsl.GradusSession().run("x = variable(1)\nmonotonicity($f, over: [x: -10..10])", 'm.opt')[0].toText()

        then:
        text.contains(want)

        where:
        f              | why                                                   || want
        'x - sin(x)'   | "f′ = 1 − cos x: 0 at 0 and ±2π = ±6.28318530718"     || 'increasing on [-10, 10]  (f′ > 0 inside except at -6.28318530718, 0, 6.28318530718 (f′ = 0))'
        'x + cos(x)'   | "f′ = 1 − sin x: 0 at π/2 + 2πk, k = −1, 0, 1"        || 'increasing on [-10, 10]  (f′ > 0 inside except at -4.71238898038, 1.57079632679, 7.85398163397 (f′ = 0))'
        '-x - sin(x)'  | "f′ = −1 − cos x: 0 at ±π, ±3π = ±9.42477796077"      || 'decreasing on [-10, 10]  (f′ < 0 inside except at -9.42477796077, -3.14159265359, 3.14159265359, 9.42477796077 (f′ = 0))'
        'x + x**3'     | "f′ = 1 + 3x² ≥ 1"                                    || 'increasing on [-10, 10]  (f′ > 0 inside)'
    }

    def "on the whole line, or on x > 0 where f needs it: #f (by hand: #why)"() {
        when:
        String text = new org.gradus.dsl.GradusSession().run("x = variable(1)\nmonotonicity($f)", 'm.opt')[0].toText()

        then:
        want.every { text.contains(it) }
        !text.contains('unknown') && !text.contains('not resolved')
        text.readLines().findAll { it.contains('note:') }.every { it.contains('note: f is undefined on (-∞, 0]') }

        where:
        f                      | why                                            || want
        'x/(x**2 + 1)'         | "f′ = (1 − x²)/(1 + x²)²: zeros ±1"            || ['decreasing on (-∞, -1]', 'increasing on [-1, 1]', 'decreasing on [1, ∞)']
        '(x**2 - 1)/(x**2 + 1)' | "f′ = 4x/(1 + x²)²: zero 0"                   || ['decreasing on (-∞, 0]', 'increasing on [0, ∞)']
        'x + 1/x'              | "f′ = 1 − 1/x²: zeros ±1, a pole at 0"         || ['increasing on (-∞, -1]', 'decreasing on [-1, 0)', 'decreasing on (0, 1]', 'increasing on [1, ∞)']
        'sigmoid(x)'           | "f′ = σ(1 − σ) > 0, though 1 − σ is 0 in doubles past x = 37" || ['increasing on (-∞, ∞)']
        '2*x + cos(x)'         | "f′ = 2 − sin x ≥ 1"                           || ['increasing on (-∞, ∞)']
        'x + sin(x)'           | "f′ = 1 + cos x ≥ 0, 0 only at odd multiples of π (cos clipped to [−1, 1] after rounding)" || ['increasing on (-∞, ∞)']
        'x - tanh(x)'          | "f′ = tanh² x ≥ 0, 0 only at 0"               || ['increasing on (-∞, ∞)']
        'x - sin(x)'           | "f′ = 1 − cos x ≥ 0, 0 only at multiples of 2π, among them the middle 0" || ['increasing on (-∞, ∞)']
        '-x - sin(x)'          | "f′ = −1 − cos x ≤ 0, 0 only at odd multiples of π" || ['decreasing on (-∞, ∞)']
        'log(x)/x'             | "f′ = (1 − log x)/x²: zero e (over x²: no unknown tail past 10¹²)" || ['increasing on (0, 2.71828182846]', 'decreasing on [2.71828182846, ∞)']
        'log(x)/sqrt(x)'       | "f′ = (2 − log x)/(2x^1.5): zero e²"           || ['increasing on (0, 7.38905609893]', 'decreasing on [7.38905609893, ∞)']
        'log(x)**2/x'          | "f′ = log x·(2 − log x)/x²: zeros 1 and e²"   || ['decreasing on (0, 1]', 'increasing on [1, 7.38905609893]', 'decreasing on [7.38905609893, ∞)']
        'x*log(x)'             | "f′ = log x + x·(1/x) = log x + 1: zero 1/e (an unknown piece (0, 7.1e-14] before)" || ['decreasing on (0, 0.367879441171]', 'increasing on [0.367879441171, ∞)']
        'log(sigmoid(x))'      | "f′ = 1 − σ(x) > 0; σ is never 0, so log is defined everywhere (a note of unresolved zeros of σ before)" || ['increasing on (-∞, ∞)']
        'log(1 - sigmoid(x))'  | "f′ = −σ(x) < 0; 1 − σ is never 0"            || ['decreasing on (-∞, ∞)']
    }

    def "a periodic f′ on an unbounded interval is unknown with advice, not a search that lists a million turns (or one guessed direction)"() {
        when: 'sin x turns at every π/2 + kπ (by hand)'
        String text = new org.gradus.dsl.GradusSession().run('x = variable(1)\nmonotonicity(sin(x))', 'm.opt')[0].toText()

        then:
        text.readLines().size() == 2
        text.contains('unknown on (-∞, ∞)') && text.contains('give a bounded one, as in over: [x: 0..7]')
    }

    @Unroll
    def "property: the sign of f′ sampled inside each interval agrees with its direction (#f)"() {
        when:
        Map m = CalculusReference.run("x = variable(0)\nmonotonicity($f, over: [x: -3..3])")[0]
        List<String> probes = []
        List<String> want = []
        m.intervals.each { Map iv ->
            double a = iv.from as double, b = iv.to as double
            [0.13, 0.5, 0.87].each { double s ->
                probes << "grad($f).at(x: ${a + s * (b - a)})"
                want << iv.direction
            }
        }
        List<Map> slopes = CalculusReference.run("x = variable(0)\n" + probes.join('\n'))

        then:
        [slopes, want].transpose().every { Map g, String dir ->
            double d = (g.value instanceof Map ? g.value.x : g.value) as double
            dir == 'increasing' ? d >= 0 : dir == 'decreasing' ? d <= 0 : d == 0
        }

        where:
        f << randomPolynomials(10) + ['sin(3*x) + x/2', 'x*exp(-x**2)', 'abs(x**2 - 1)', 'relu(x - 1) - relu(-x - 1)']
    }

    /** Random polynomials of degree 2 to 5 with small integer coefficients (seeded). */
    static List<String> randomPolynomials(int n) {
        Random random = new Random(7)
        (1..n).collect {
            int degree = 2 + random.nextInt(4)
            (0..degree).collect { k -> "${random.nextInt(9) - 4}*x**$k" }.join(' + ')
        }
    }
}
