package org.gradus.calculus

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

import static org.gradus.calculus.CalculusReference.close

/** {@code limit(f, x: a, side:)} against sympy's limits: removable, jumps, infinite, at ±∞, oscillating, one-sided. */
class LimitsSpec extends Specification {
    @Shared List<Map> cases = CalculusReference.DATA.limits as List<Map>
    @Shared List<Map> got = CalculusReference.run((['x = variable(0)'] + cases.collect {
        "limit(${it.expression}, x: ${it.at}, side: '${it.side}')"
    }).join('\n'))

    def "there are at least 30 reference limits"() {
        expect:
        cases.size() >= 30
        got.size() == cases.size()
    }

    @Unroll
    def "limit(#c.expression, x: #c.at, side: #c.side) = #c.value"() {
        when:
        Map r = got[i]

        then:
        r.kind == 'limit'
        r.exists == c.exists
        close(r.value, c.value)
        c.side != 'both' || (close(r.left, c.left) && close(r.right, c.right))
        r.reason
        r.method != 'unknown'

        where:
        i << (0..<cases.size())
        c = cases[i]
    }

    @Unroll
    def "how #expression at #at was decided: #method"() {
        expect:
        CalculusReference.run("x = variable(0)\nlimit($expression, x: $at)")[0].method == method

        where:
        expression          | at   | method
        'sin(x)/x'          | '0'  | "L'Hôpital"
        '(1 - cos(x))/x**2' | '0'  | "L'Hôpital ×2"
        'x*sin(1/x)'        | '0'  | 'bounded × vanishing'
        'abs(x)/x'          | '0'  | 'one-sided limits differ'
        'sin(1/x)'          | '0'  | 'oscillates'
        'x**2 + 3*x'        | '2'  | 'continuous'
    }

    def "L'Hôpital's quotient of derivatives is printed with its parentheses: (tan(x)**2 + 1) / 1, not tan(x)**2 + 1 / 1"() {
        expect:
        CalculusReference.run("x = variable(0)\nlimit(tan(x)/x, x: 0)")[0].reason.contains('quotient of the derivatives, (tan(x)**2 + 1) / 1,')
        CalculusReference.run("x = variable(0)\nlimit((x**2 - 4)/(x - 2), x: 2)")[0].reason.contains('quotient of the derivatives, 2*x / 1,')
    }

    @Unroll
    def "a limit decided by the scale that dominates names it: #expression at #at → #value"() {
        when: 'sympy: limit(x*log(x), x, 0, "+") = 0, limit(log(x)/x, x, oo) = 0, limit(exp(x)/x**3, x, oo) = oo, limit(1/x, x, 0, "-") = -oo'
        def r = CalculusReference.run("x = variable(0)\nlimit($expression, x: $at$side)")[0]

        then:
        CalculusReference.number(r.value) == value
        r.reason.endsWith(words)

        where:
        expression    | at         | side             | value                    | words
        'x*log(x)'    | '0'        | ", side: 'right'" | 0                        | 'x*log(x) (a power outweighs every power of a logarithm), so f → 0'
        'log(x)/x'    | 'Infinity' | ''               | 0                        | 'log(x)/x (a power outweighs every power of a logarithm), so f → 0'
        'exp(x)/x**3' | 'Infinity' | ''               | Double.POSITIVE_INFINITY | 'exp(x)/x**3 (the exponential outweighs every power and logarithm), so f → ∞'
        '1/x'         | '0'        | ", side: 'left'"  | Double.NEGATIVE_INFINITY | 'f = 1/x, so f → -∞'
    }

    @Unroll
    def "a limit that is #name up to rounding is named so in the report: #expression at #at"() {
        when:
        String text = new org.gradus.dsl.GradusSession().run("x = variable(0)\nlimit($expression, x: $at)", 'named.opt')[0].toText()

        then: 'the values by hand: (1 + x)^(1/x) → e, (1 + 2x)^(1/x) → e², (1 − x)^(1/x) → 1/e, and negatives named as such; a value 10⁻⁹ away is no constant'
        text.startsWith("limit of ")
        text.readLines()[0].endsWith(shown)

        where:
        expression                  | at         || name   | shown
        '(1 + x)**(1/x)'            | '0'        || 'e'    | ': e = 2.718281828'
        '(1 + 1/x)**x'              | 'Infinity' || 'e'    | ': e = 2.718281828'
        '(1 + 2*x)**(1/x)'          | '0'        || 'e²'   | ': e² = 7.389056099'
        '(1 - x)**(1/x)'            | '0'        || '1/e'  | ': 1/e = 0.3678794412'
        'atan(x)'                   | '-Infinity' || '−π/2' | ': −π/2 = -1.570796327'    // sympy: limit(atan(x), x, -oo) = -pi/2
        '-(1 + x)**(1/x)'           | '0'        || '−e'   | ': −e = -2.718281828'
        '(1 + x)**(1/x) + 1e-9'     | '0'        || 'none' | ': 2.718281829'
        'sin(x)/x'                  | '0'        || 'none' | ': 1'
    }

    def "an infinite limit is written as the arrow writes the point, ∞ (it was Infinity): #expression at #at"() {
        when:
        String text = new org.gradus.dsl.GradusSession().run("x = variable(0)\nlimit($expression, x: $at)", 'infinite.opt')[0].toText()

        then: 'sympy: limit(1/x**2, x, 0) = oo, limit(-exp(x), x, oo) = -oo, limit(1/x, x, 0, "-") = -oo'
        text.readLines()[0].endsWith(shown)
        !text.contains('Infinity')

        where:
        expression | at         || shown
        '1/x**2'   | '0'        || 'as x → 0: ∞'
        '-exp(x)'  | 'Infinity' || 'as x → ∞: -∞'
        '1/x'      | '0'        || 'as x → 0: does not exist'
    }

    @Unroll
    def "a point that is the rounding of π, √2 or 0.1 does not make a pole of a numerator that vanishes there: #expression at #at → #value"() {
        when: 'sympy at the exact points: sin(x)/(x - pi) → -1, (x**2 - 2)/(x - sqrt(2)) → 2*sqrt(2), (10*x - 1)/(x - 1/10) → 10, cos(x)/(x - pi/2) → -1, (1 + cos(x))/(x - pi)**2 → 1/2, log(x)/(x - E) → ±oo (no limit), 1/(x - 1/10) → ±oo'
        Map r = CalculusReference.run("x = variable(0)\nlimit($expression, x: $at)")[0]

        then:
        r.exists == (value != null)
        value == null || Math.abs((r.value as double) - value) <= 1e-9
        !rounding || r.reason.contains('is a double standing for a number it rounds')
        rounding || !r.reason.contains('standing for')

        where:
        expression                          | at             || value          | rounding
        'sin(x)/(x - Math.PI)'              | 'Math.PI'      || -1             | true
        '(x**2 - 2)/(x - sqrt(2))'          | 'sqrt(2)'      || 2 * Math.sqrt(2) | true
        '(10*x - 1)/(x - 0.1)'              | '0.1'          || 10             | true
        'cos(x)/(x - Math.PI/2)'            | 'Math.PI/2'    || -1             | true
        '(1 + cos(x))/(x - Math.PI)**2'     | 'Math.PI'      || 0.5            | true
        'log(x)/(x - Math.E)'               | 'Math.E'       || null           | false
        '1/(x - 0.1)'                       | '0.1'          || null           | false
        'sin(x)/(x - 3)'                    | '3'            || null           | false
    }

    @Unroll
    def "a pole within the rounding of the point: #expression at #at has one-sided limits #left and #right, not the value at the double"() {
        when: 'sympy: limit(tan(x), x, pi/2, "-") = oo, "+" = -oo; 1/sin(x) at pi: "-" = oo, "+" = -oo; 1/cos(x) at pi/2: "-" = oo, "+" = -oo'
        Map r = CalculusReference.run("x = variable(0)\nlimit($expression, x: $at)")[0]

        then:
        !r.exists
        close(r.left, left) && close(r.right, right)
        r.reason.contains('was taken as 0: f has a pole at that number; at the double itself f is finite')

        where:
        expression | at          || left       | right
        'tan(x)'   | 'Math.PI/2' || 'Infinity' | '-Infinity'
        '1/sin(x)' | 'Math.PI'   || 'Infinity' | '-Infinity'
        '1/cos(x)' | 'Math.PI/2' || 'Infinity' | '-Infinity'
    }

    @Unroll
    def "a jump or kink within the rounding of the point is at that number: #expression at #at has one-sided limits #left and #right"() {
        when: 'sympy: limit(sign(sin(x)), x, pi, "-") = 1, "+" = -1; abs(sin(x))/(x - pi): "-" = -1, "+" = 1; by hand, relu(cos(x))/(x - π/2) is cos(x)/(x - π/2) → -1 from the left, 0 from the right'
        Map r = CalculusReference.run("x = variable(0)\nlimit($expression, x: $at)")[0]

        then: 'at the double itself each is continuous (sin(Math.PI) = 1.2e-16 > 0), so a walk in doubles would give one value'
        !r.exists
        close(r.left, left) && close(r.right, right)
        r.reason.contains('standing for a')

        where:
        expression                      | at          || left | right
        'sign(sin(x))'                  | 'Math.PI'   || 1    | -1
        'abs(sin(x))/(x - Math.PI)'     | 'Math.PI'   || -1   | 1
        'relu(cos(x))/(x - Math.PI/2)'  | 'Math.PI/2' || -1   | 0
    }

    def "a logarithm's or a root's argument within the rounding of the point is 0 at that number: log(sin(x)) → -∞, sqrt(sin(x)) → 0 at Math.PI, from the left"() {
        expect: "sympy: limit(log(sin(x)), x, pi, '-') = -oo, limit(sqrt(sin(x)), x, pi, '-') = 0; both undefined to the right of π"
        with(CalculusReference.run("x = variable(0)\nlimit(log(sin(x)), x: Math.PI)")[0]) {
            close(it.value, '-Infinity') && it.right == null
        }
        with(CalculusReference.run("x = variable(0)\nlimit(sqrt(sin(x)), x: Math.PI)")[0]) {
            close(it.value, 0) && it.right == null
        }
    }

    def "a value at a rounded point that is no pole stays the value: sin(x) at Math.PI is sin of the double, tan(x) at 1.5 is tan(1.5)"() {
        expect: 'by hand: sin(3.141592653589793) = 1.2246467991473532e-16; tan(1.5) = 14.101419947171719 (numpy)'
        CalculusReference.run("x = variable(0)\nlimit(sin(x), x: Math.PI)")[0].method == 'continuous'
        Math.abs((CalculusReference.run("x = variable(0)\nlimit(tan(x), x: 1.5)")[0].value as double) - 14.101419947171719) < 1e-12
    }

    @Unroll
    def "property: where f is continuous, its limit is its value (#f at x = #a)"() {
        when:
        List<Map> r = CalculusReference.run("x = variable(0)\nlimit($f, x: $a)\n($f).at(x: $a)")

        then:
        r[0].method == 'continuous'
        close(r[0].value, r[1].value) || Math.abs((r[0].value as double) - (r[1].value as double)) <= 1e-12 * Math.abs(r[1].value as double)

        where:
        [f, a] << randomContinuous(24)
    }

    /** Random compositions of atoms that are continuous everywhere, at random points (seeded). */
    static List<List> randomContinuous(int n) {
        Random random = new Random(12)
        List<String> unary = ['exp(%s)', 'sin(%s)', 'cos(%s)', 'tanh(%s)', 'sigmoid(%s)', 'sqrt(1 + (%s)**2)', 'log(2 + sin(%s))',
                              '(%s)**2', 'abs(%s)', 'softplus(%s)']
        List<String> binary = ['%s + %s', '%s*%s', '%s - %s', '(%s)/(2 + cos(%s))']
        Closure<String> gen
        gen = { int depth ->
            if (depth == 0 || random.nextInt(4) == 0) return random.nextBoolean() ? 'x' : "${random.nextInt(5) + 1}*x"
            if (random.nextBoolean()) return String.format(unary[random.nextInt(unary.size())], gen(depth - 1))
            String.format(binary[random.nextInt(binary.size())], gen(depth - 1), gen(depth - 1))
        }
        (1..n).collect { [gen(3), (random.nextInt(41) - 20) / 8.0] }
    }
}
