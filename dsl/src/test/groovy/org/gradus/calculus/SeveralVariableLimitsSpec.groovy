package org.gradus.calculus

import spock.lang.Unroll

import spock.lang.Specification

/**
 * {@code limit(f, x: a, y: b)} in several variables, the lectures' examples. A limit that does not exist is
 * shown by two paths with different limits (each path's limit checked with sympy: limit(f.subs({x: a(t), y:
 * b(t)}), t, 0, '+')); one that exists is 0 by hand (|x²y/(x² + y²)| ≤ |y|, |x³/(x² + y²)| ≤ |x|,
 * |xyz/(x² + y² + z²)| ≤ |z|/2 … ) and proved by the radial bound, or is a one-variable limit of a function of one
 * inner expression (sin(u)/u → 1, u·log u → 0, log u → −∞ as u = x² + y² → 0⁺, sympy's one-variable limits), or is
 * squeezed by orders of magnitude (bounds worked by hand beside each case); one that paths cannot settle is unknown.
 */
class SeveralVariableLimitsSpec extends Specification {

    static Map limit(String f, String at = 'x: 0, y: 0') {
        CalculusReference.run("x = variable(0)\ny = variable(0)\nz = variable(0)\nlimit($f, $at)")[0]
    }

    def "the point may be written at: [x: 0, y: 0], as differentiable and taylor take it"() {
        expect: 'x²y/(x² + y²) → 0 (|f| ≤ |y|); x·y/(x² + y²) has none'
        limit('x**2*y/(x**2 + y**2)', 'at: [x: 0, y: 0]').value == 0
        limit('x*y/(x**2 + y**2)', 'at: [x: 0, y: 0]').exists == false
        limit('sin(x)/x', 'at: [x: 0]').value == 1
    }

    @Unroll
    def "#f at (0, 0) has no limit: #why"() {
        when:
        Map r = limit(f)

        then:
        r.kind == 'limit' && r.exists == false && r.value == null && r.method == 'paths differ'
        witnesses.every { r.reason.contains(it) }
        r.variable == 'x, y' && r.at == [x: 0, y: 0]

        where:
        f                              | why                                         || witnesses
        'x*y/(x**2 + y**2)'            | '0 along the axes, 1/2 along y = x'         || ['the limit is 0', 'x = t, y = t as t → 0⁺', 'it is 1/2']
        '(x**2 - y**2)/(x**2 + y**2)'  | '1 along y = 0, −1 along x = 0'             || ['the limit is 1', 'x = 0, y = t', 'it is -1']
        'x**2*y/(x**4 + y**2)'         | '0 along every line, 1/2 along y = x²'      || ['the limit is 0', 'x = t, y = t²', 'it is 1/2']
        'x**4*y**4/(x**2 + y**4)**3'   | '0 along every line, 1/8 along x = y²'      || ['the limit is 0', 'x = t², y = t', 'it is 1/8']
        'sign(x) + y'                  | '1 from the right of x = 0, −1 from the left' || ['the limit is 1', 'as t → 0⁻ it is -1']
    }

    @Unroll
    def "#f at #at is #value, proved by #method"() {
        when:
        Map r = limit(f, at)

        then:
        r.exists == true && CalculusReference.number(r.value) == value && r.method == method

        where:
        f                                                      | at                  || value                     | method
        'x**2*y/(x**2 + y**2)'                                 | 'x: 0, y: 0'        || 0                         | 'radial bound'
        'x**3/(x**2 + y**2)'                                   | 'x: 0, y: 0'        || 0                         | 'radial bound'
        '(x - 1)*(y - 2)**2/((x - 1)**2 + (y - 2)**2)'         | 'x: 1, y: 2'        || 0                         | 'radial bound'
        'x*y*z/(x**2 + y**2 + z**2)'                           | 'x: 0, y: 0, z: 0'  || 0                         | 'radial bound'
        '(2*x**2 + 2*y**2 + x**3)/(x**2 + y**2)'               | 'x: 0, y: 0'        || 2                         | 'radial bound'
        '1/(x**2 + y**2)'                                      | 'x: 0, y: 0'        || Double.POSITIVE_INFINITY  | 'radial bound'
        '-1/(x**2 + 2*y**2)'                                   | 'x: 0, y: 0'        || Double.NEGATIVE_INFINITY  | 'radial bound'
        'x*y/(x**2 + y**2)'                                    | 'x: 1, y: 1'        || 0.5                       | 'continuous'
        'sqrt(x**2 + y**2)'                                    | 'x: 0, y: 0'        || 0                         | 'continuous'
        'sin(x**2 + y**2)/(x**2 + y**2)'                       | 'x: 0, y: 0'        || 1                         | 'substitution'
        '(x**2 + y**2)*log(x**2 + y**2)'                       | 'x: 0, y: 0'        || 0                         | 'substitution'
        'log(x**2 + y**2)'                                     | 'x: 0, y: 0'        || Double.NEGATIVE_INFINITY  | 'substitution'
        '(1 - cos(x**2 + y**2))/(x**2 + y**2)**2'              | 'x: 0, y: 0'        || 0.5                       | 'substitution'
        'sin(x*y)/(x*y)'                                       | 'x: 0, y: 0'        || 1                         | 'substitution'
    }

    @Unroll
    def "#f at the origin is #value by orders of magnitude: #why"() {
        when:
        Map r = limit(f, f.contains('z') ? 'x: 0, y: 0, z: 0' : 'x: 0, y: 0')

        then:
        r.exists == true && CalculusReference.number(r.value) == value && r.method == 'squeeze'
        r.reason.contains(bound)

        where:
        f                                        | why                                            || value | bound
        'x*y/sqrt(x**2 + y**2)'                  | '|xy| ≤ r², √(x² + y²) ≥ r'                    || 0     | '|f| ≤ C·r → 0'
        'x*y*z/sqrt(x**2 + y**2 + z**2)'         | '|xyz| ≤ r³, √(x² + y² + z²) ≥ r'              || 0     | '|f| ≤ C·r² → 0'
        'x*y*sin(1/(x*y))'                       | '|sin| ≤ 1, |xy| ≤ r²'                         || 0     | '|f| ≤ C·r² → 0'
        'x*sin(1/y) + y*sin(1/x)'                | '|f| ≤ |x| + |y| ≤ 2r'                         || 0     | 'sin(1/y) is bounded near the point'
        'x**2*sin(y)/(x**2 + y**2)'              | '|sin y| ≤ |y|, x² ≤ x² + y²'                  || 0     | '|f| ≤ C·r → 0'
        'x*log(x**2 + y**2)'                     | 'r·|log r| → 0'                                || 0     | '|f| ≤ C·r·|log r| → 0'
        'y*exp(-1/x**2)'                         | '0 < exp(−1/x²) ≤ 1'                           || 0     | '|f| ≤ C·r → 0'
        '(sqrt(x**2*y**2 + 1) - 1)/(x**2 + y**2)' | '√(1 + u) − 1 ≤ u/2 with u = x²y² ≤ r⁴'       || 0     | '|f| ≤ C·r² → 0'
        'tanh(x*y)/(x**2 + y**2)**0.25'          | '|tanh u| ≤ |u|, (x² + y²)^(1/4) ≥ r^(1/2)'     || 0     | '|f| ≤ C·r^1.5 → 0'
        'y/(2 + sin(1/x))'                       | '2 + sin ≥ 1'                                  || 0     | '|f| ≤ C·r → 0'
        '1 + x*y/sqrt(x**2 + y**2)'              | 'the same bound about 1'                       || 1     | '|f − 1| ≤ C·r → 0'
        'cos(x*y/sqrt(x**2 + y**2))'             | 'cos is Lipschitz: |f − 1| ≤ |xy|/√(x² + y²)'  || 1     | '|f − 1| ≤ C·r → 0'
        'exp(x*log(x**2 + y**2))'                | 'exp is Lipschitz near 0'                      || 1     | '|f − 1| ≤ C·r·|log r| → 0'
        'x*y/(abs(x) + abs(y))'                  | '|x| + |y| ≥ max(|x|, |y|) = r, |xy| ≤ r²'     || 0     | 'abs(x) + abs(y) ≥ c·r (at least its largest term)'
    }

    def "paths that agree prove nothing: the limit is unknown, and says what the paths gave"() {
        when: 'x³y/(x⁶ + y²) is 0 along every line and parabola tried but 1/2 along y = x³; x²y/(|x|³ + |y|) → 0 (≤ x², by hand), unproved'
        Map r = limit('x**3*y/(x**6 + y**2)')
        Map s = limit('x**2*y/(abs(x)**3 + abs(y))')

        then:
        r.exists == null && r.value == null && r.method == 'unknown'
        r.reason.contains('the limit is 0; paths that agree suggest a limit but do not prove one')
        s.exists == null && s.reason.contains('the limit is 0')

        and: 'no values along the lines and parabolas proves nothing about other curves (f is defined on y = x³ only): not decided, never "no limit"'
        limit('sqrt(-(y - x**3)**2) + x*y/(x**2 + y**2)').with { it.exists == null && it.method == 'unknown' }
    }

    def "f with no values anywhere near the point has no limit there, proved (sympy: log of a negative number is not real)"() {
        when: '−x² − y² is 0 at the origin and negative all around it (its lowest homogeneous part −x² − y² < 0 on the square)'
        Map r = limit('log(-x**2 - y**2)')
        Map s = limit('sqrt(x + y - 1)')

        then:
        r.exists == false && r.method == 'undefined'
        r.reason.contains('-x**2 - y**2 is 0 there and less all around it') && r.reason.contains('log needs its argument > 0')
        s.exists == false && s.reason.contains('x + y - 1 is -1 there, and sqrt needs its argument ≥ 0')
    }

    def "a substitution says what it substituted and from which side (sympy: limit(sin(u)/u, u, 0, '+') = 1)"() {
        expect:
        limit('sin(x**2 + y**2)/(x**2 + y**2)').reason.contains('every variable of f is inside u = x**2 + y**2, which tends to 0 from above')
        limit('sin(x*y)/(x*y)').reason.contains('where u = 0 f is undefined')
    }

    def "differentiable in several variables at a point where f is undefined names the limit, or the two paths"() {
        when:
        Map none = CalculusReference.run("x = variable(0)\ny = variable(0)\ndifferentiable(x*y/(x**2 + y**2), at: [x: 0, y: 0])")[0]
        Map removable = CalculusReference.run("x = variable(0)\ny = variable(0)\ndifferentiable(x**2*y/(x**2 + y**2), at: [x: 0, y: 0])")[0]

        then:
        none.continuous == false && none.reason.contains('it has no limit either [paths differ]') && none.reason.contains('it is 1/2')
        removable.continuous == false && removable.reason.contains('Its limit there exists and is 0 [radial bound]')
        removable.reason.contains('f extended by 0 at (x = 0, y = 0) is continuous')
    }

    def "a limit in several variables is at a finite point, from every direction; a variable left out is named"() {
        when:
        CalculusReference.run("x = variable(0)\ny = variable(0)\n" + script)

        then:
        Exception e = thrown()
        e.message.contains(message)

        where:
        script                                              || message
        "limit(x*y, x: 0, y: Infinity)"                     || 'in several variables the point must be finite, but y approaches Infinity'
        "limit(x*y, x: 0, y: 0, side: 'left')"              || 'side: is for one variable'
        "limit(x*y, x: 0)"                                  || 'give the point each variable approaches, as in limit(f, x: 0, y: 0)'
    }
}
