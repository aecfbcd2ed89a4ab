package org.gradus.calculus

import spock.lang.Shared
import spock.lang.Specification
import spock.lang.Unroll

/** {@code taylor(f, at:, order: n)}: orders 3–5 in one and two variables against sympy's series, like terms collected. */
class TaylorSpec extends Specification {
    @Shared List<Map> cases = CalculusReference.DATA.taylor as List<Map>

    @Unroll
    def "taylor(#c.expression, at: #c.at, order: #c.order) agrees with sympy's #c.polynomial"() {
        given:
        String at = c.at.collect { k, v -> "$k: $v" }.join(', ')
        List<String> lines = ['x = variable(0)', 'y = variable(0)', "p = taylor(${c.expression}, at: [$at], order: ${c.order})"]
        c.samples.each { Map s -> lines << "p.at(" + c.at.keySet().collect { k -> "$k: ${s[k]}" }.join(', ') + ")" }

        when:
        List<Double> values = CalculusReference.run(lines.join('\n'))*.value.collect { it as double }

        then:
        [values, c.values].transpose().every { double g, w -> Math.abs(g - (w as double)) <= 1e-12 * Math.max(1, Math.abs(w as double)) }

        where:
        c << cases
    }

    def "orders 3 to 5 in one and in two variables are covered"() {
        expect:
        cases.findAll { it.at.size() == 1 }*.order.containsAll([3, 4, 5])
        cases.findAll { it.at.size() == 2 }*.order.containsAll([3, 4, 5])
    }

    @Unroll
    def "printed simplified, like terms collected, exact coefficients as fractions (sympy: 2 + (x - 4)/4 - (x - 4)**2/64 + (x - 4)**3/512): #text"() {
        expect:
        CalculusReference.run("x = variable(0)\ny = variable(0)\n$text")[0].text == printed

        where:
        text                                                                        | printed
        'taylor((x - 1)*(y - 2) + (y - 2)*(x - 1), at: [x: 1, y: 2], order: 2)'     | '2*(x - 1)*(y - 2)'
        'taylor(exp(x) + x**2, at: [x: 0], order: 1)'                               | '1 + x'
        'taylor(x**3, at: [x: 0], order: 5)'                                        | 'x**3'
        'taylor(x*y, at: [x: 1, y: 2], order: 2)'                                   | '2 + 2*(x - 1) + (y - 2) + (x - 1)*(y - 2)'
        'taylor(sqrt(x), at: [x: 4], order: 3)'                                     | '2 + (x - 4)/4 - (x - 4)**2/64 + (x - 4)**3/512'
        'taylor(sqrt(1 + x), at: [x: 0], order: 4)'                                 | '1 + x/2 - x**2/8 + x**3/16 - 5*x**4/128'
        'taylor(sigmoid(x), at: [x: 0], order: 5)'                                  | '1/2 + x/4 - x**3/48 + x**5/480'
    }

    @Unroll
    def "at a double standing for pi/2 or pi, a coefficient that is the point's rounding is 0 (sympy at pi/2: #sympy): #text"() {
        expect: 'cos(Math.PI/2) = 6.1e-17 was printed as a term 6.123233995736766e-17*(x - 1.5707963267948966)'
        CalculusReference.run("x = variable(0)\ny = variable(0)\n$text")[0].text == printed

        where:
        text                                                                | printed                                                              | sympy
        'taylor(sin(x), at: [x: Math.PI/2], order: 3)'                      | '1 - (x - 1.5707963267948966)**2/2'                                   | '1 - (x - pi/2)**2/2'
        'taylor(sin(x)*cos(y), at: [x: Math.PI, y: Math.PI/2], order: 2)'   | '(x - 3.141592653589793)*(y - 1.5707963267948966)'                    | '(x - pi)*(y - pi/2)'
        'taylor(x**2 - 2, at: [x: sqrt(2)], order: 2)'                       | '2.8284271247461903*(x - 1.4142135623730951) + (x - 1.4142135623730951)**2' | '2*sqrt(2)*(x - sqrt(2)) + (x - sqrt(2))**2'
        'taylor(sin(x), at: [x: 3], order: 1)'                               | '0.1411200080598672 - 0.9899924966004454*(x - 3)'                     | 'sin(3) + cos(3)*(x - 3)'
    }

    def "exp's order-4 polynomial at 1 is 65/24; order 0 is the value"() {
        expect:
        Math.abs((CalculusReference.run("x = variable(0)\ntaylor(exp(x), at: [x: 0], order: 4).at(x: 1)")[0].value as double) - 65d / 24) < 1e-15
        CalculusReference.run("x = variable(0)\ntaylor(exp(x), at: [x: 0], order: 0)")[0].value == 1
    }

    @Unroll
    def "where f is undefined but its series from both sides agree, the polynomial of f extended by its limit (sympy: #printed): #text"() {
        expect: 'the zero polynomial is the number 0'
        CalculusReference.run("x = variable(0)\n$text")[0].with { it.text ?: String.valueOf(it.value) } == printed

        where:
        text                                                  | printed
        'taylor(sin(x)/x, at: [x: 0], order: 4)'              | '1 - x**2/6 + x**4/120'
        'taylor((1 - cos(x))/x**2, at: [x: 0], order: 4)'     | '1/2 - x**2/24 + x**4/720'
        'taylor(x/(exp(x) - 1), at: [x: 0], order: 4)'        | '1 - x/2 + x**2/12 - x**4/720'
        'taylor(log(1 + x)/x, at: [x: 0], order: 3)'          | '1 - x/2 + x**2/3 - x**3/4'
        'taylor((x**2 - 1)/(x - 1), at: [x: 1], order: 2)'    | '2 + (x - 1)'
        'taylor(sin(x - 1)/(x - 1), at: [x: 1], order: 2)'    | '1 - (x - 1)**2/6'
        'taylor(abs(x)**3, at: [x: 0], order: 2)'             | '0'
    }

    @Unroll
    def "no Taylor polynomial where the two sides differ or the series is no power series: #text"() {
        when: '|x|³ is C² but not C³ (right t³, left −t³ at order 3); x·|x| is C¹ only; √x and x·log|x| have no power series at 0'
        CalculusReference.run("x = variable(0)\n$text")

        then:
        Exception e = thrown()
        e.message.contains('taylor needs f smooth at (x = 0)')

        where:
        text << ['taylor(abs(x)**3, at: [x: 0], order: 3)', 'taylor(x*abs(x), at: [x: 0], order: 2)', 'taylor(abs(x), at: [x: 0], order: 1)',
                 'taylor(sqrt(x)*sin(x)/x, at: [x: 0], order: 1)', 'taylor(1/x, at: [x: 0], order: 1)', 'taylor(x*log(abs(x)), at: [x: 0], order: 1)']
    }
}
