package org.gradus.calculus

import org.gradus.dsl.GradusSession
import org.gradus.result.Shown
import spock.lang.Specification
import spock.lang.Unroll

/**
 * {@code convexity(constraints { ... })}: constraint sets labelled convex or not by hand (the reason is in
 * each row), including the traps of issue 12: nonlinear equalities, convex >= constant, products on the
 * positive quadrant. A "neither" verdict's counterexample is re-checked here in plain double arithmetic.
 */
class FeasibleSetsSpec extends Specification {

    Map json(String constraints) {
        List<Shown> shown = new GradusSession().run("x = variable(0.5)\ny = variable(0.5)\nconvexity(constraints { $constraints })", 'sets.opt')
        new groovy.json.JsonSlurper().parseText(shown.last().toJson()) as Map
    }

    @Unroll
    def "#constraints is #verdict (#why)"() {
        when:
        Map r = json(constraints)

        then:
        r.kind == 'convexity'
        r.verdict == verdict
        r.certainty == certainty
        r.constraints*.text == constraints.split('; ') as List
        r.reason

        where:
        constraints                                   | verdict   | certainty        | why
        'x**2 + y**2 <= 1'                            | 'convex'  | 'proof'          | 'a disc: convex <= constant'
        'x**2 + y**2 <= 1; x + y >= 0'                | 'convex'  | 'proof'          | 'half a disc: an intersection of convex sets'
        'x + 2*y == 1'                                | 'convex'  | 'proof'          | 'a line: affine == constant'
        'exp(x) <= y'                                 | 'convex'  | 'proof'          | 'the epigraph of exp: convex <= affine'
        'log(x) >= y'                                 | 'convex'  | 'proof'          | 'the hypograph of log: concave >= affine'
        'abs(x) + abs(y) <= 1; x - y == 0.25'         | 'convex'  | 'proof'          | 'a diamond cut by a line'
        'x**2 + x*y + y**2 <= 3'                      | 'convex'  | 'proof'          | 'an ellipse: not DCP (x*y) but its Hessian [[2, 1], [1, 2]] is PSD'
        'x*y >= 1; x >= 0; y >= 0'                    | 'convex'  | 'proof'          | 'a product on the positive quadrant: the geometric mean sqrt(x*y) is concave there'
        'x*y >= 1; x >= 0'                            | 'convex'  | 'proof'          | 'one branch of a hyperbola: x >= 0 and x*y >= 1 > 0 force y > 0'
        'exp(x) + y**2 >= -1'                         | 'convex'  | 'proof'          | 'holds everywhere: the whole plane'
        'x**2 + 1 <= 0'                               | 'convex'  | 'proof'          | 'holds nowhere: the empty set is convex'
        'x**2 >= 0'                                   | 'convex'  | 'proof'          | 'holds everywhere: −x² ≤ 0 needs −1 · [0, ∞] = [−∞, 0] exactly'
        'x**2 + y**2 >= 0; x + y <= 1'                | 'convex'  | 'proof'          | 'the whole plane cut by a half-plane'
        'x*(y + 1) >= 2; x >= 0'                      | 'convex'  | 'proof'          | 'a shifted branch: y + 1 > 0 on the set'
        'x*y**2 >= 1; x >= 0'                         | 'neither' | 'counterexample' | 'y**2 does not fix the sign of y: (2, 0.875) and (1.625, -1) are in it, their midpoint is not'
        'x*y >= -1; x >= 0'                           | 'neither' | 'counterexample' | 'a negative bound fixes no sign'
        '(x - 1)**2 + y**2 <= 1; (x + 1)**2 + y**2 <= 1' | 'convex' | 'proof'        | 'two discs touching at the origin'
        'x**2 + y**2 >= 1'                            | 'neither' | 'counterexample' | 'outside a disc: convex >= constant; (-1, 0), (1, 0) have midpoint 0'
        'x*y == 0.5'                                  | 'neither' | 'counterexample' | 'a hyperbola: (1, 0.5) and (0.5, 1) have midpoint (0.75, 0.75), 0.5625 != 0.5'
        'x*y >= 1'                                    | 'neither' | 'counterexample' | 'both branches of a hyperbola: (1, 1), (-1, -1) have midpoint 0'
        'x**2 == 1'                                   | 'neither' | 'counterexample' | 'two lines x = -1 and x = 1'
        'x**2 + y**2 == 1'                            | 'neither' | 'counterexample' | 'a circle: no exact double on it off the axes, so the points are proved within rounding of it'
        'x**2 + 3*y**2 == 2'                          | 'neither' | 'counterexample' | 'an ellipse'
        'x**2 - y**2 <= 1'                            | 'neither' | 'counterexample' | '(2, 2) and (2, -2) are in it, (2, 0) is not'
        'sin(x) <= 0.5'                               | 'neither' | 'counterexample' | '0 and 3 are in it, 1.5 is not'
        'x**2 + y**2 <= 1; x*y == 0.25'               | 'neither' | 'counterexample' | 'four arcs of a hyperbola inside the disc'
    }

    @Unroll
    def "a counterexample to #constraints is real: a and b satisfy every constraint, the midpoint violates one"() {
        when:
        Map c = json(constraints).counterexample as Map
        def ok = { Map p -> checks.every { it(p.x as double, p.y as double) } }

        then:
        ok(c.a as Map)
        ok(c.b as Map)
        !ok(c.midpoint as Map)
        (c.midpoint.x as double) == ((c.a.x as double) + (c.b.x as double)) / 2

        where:
        constraints          | checks
        'x**2 + y**2 >= 1'   | [{ double x, double y -> x * x + y * y >= 1 }]
        'x*y >= 1'           | [{ double x, double y -> x * y >= 1 }]
        'x**2 - y**2 <= 1'   | [{ double x, double y -> x * x - y * y <= 1 }]
        'x*y == 0.5'         | [{ double x, double y -> Math.abs(x * y - 0.5) < 1e-9 }]
        'x*y**2 >= 1; x >= 0' | [{ double x, double y -> x * y * y >= 1 }, { double x, double y -> x >= 0 }]
        'x**2 + y**2 == 1'   | [{ double x, double y -> Math.abs(x * x + y * y - 1) < 1e-9 }]
    }

    @Unroll
    def "a set proved convex through a forced sign survives random midpoints: #constraints"() {
        given: 'feasible points drawn independently of Gradus: x in (0, 6], y from the bound upward'
        def rnd = new Random(7)
        def point = { -> double px = 0.01 + 6 * rnd.nextDouble(); [px, lowest(px) + 4 * rnd.nextDouble()] as double[] }

        expect:
        json(constraints).verdict == 'convex'
        (0..<2000).every {
            double[] a = point(), b = point()
            double t = rnd.nextDouble()
            holds(t * a[0] + (1 - t) * b[0], t * a[1] + (1 - t) * b[1])
        }

        where:
        constraints              | lowest                        | holds
        'x*y >= 1; x >= 0'       | { double x -> 1 / x }         | { double x, double y -> x * y >= 1 - 1e-12 && x >= 0 }
        'x*(y + 1) >= 2; x >= 0' | { double x -> 2 / x - 1 }     | { double x, double y -> x * (y + 1) >= 2 - 1e-12 && x >= 0 }
    }

    def "a set the rules cannot prove and no counterexample refutes is unknown, never a guess"() {
        // {x**2 >= 1, x >= 0} is the ray x >= 1 (convex), but a convex function >= a constant is not covered by the rules
        expect:
        json('x**2 >= 1; x >= 0').verdict == 'unknown'
    }

    def "per constraint and as a whole: one constraint alone is not convex, the set with the bounds is"() {
        when:
        Map r = json('x*y >= 1; x >= 0; y >= 0')

        then:
        r.verdict == 'convex'
        r.constraints[0].reason.contains('geometric mean')
        json('x*y >= 1').constraints[0].verdict == 'neither'

        and: 'a constraint that always holds, or never, says so'
        json('exp(x) + y**2 >= -1').constraints[0].reason.contains('holds everywhere (-(exp(x) + y**2) - 1 <= 0 by interval arithmetic): its set is the whole space')
        json('x**2 + 1 <= 0').constraints[0].reason.contains('holds nowhere')

        and: 'with x >= 0 alone the set forces y > 0, and the reason says so'
        json('x*y >= 1; x >= 0').constraints[0].reason.contains('x is nonnegative where x >= 0, so on the set, where the product is >= 1 > 0, y is positive too')
    }

    def "a set of a vector variable: the unit ball of norm2 is convex, its outside is not"() {
        when:
        List<Map> r = new GradusSession().run('''
            v = vector(2)
            convexity(constraints { norm2(v) <= 1 })
            convexity(constraints { norm2(v) >= 1 })
        ''', 'sets.opt').collect { new groovy.json.JsonSlurper().parseText(it.toJson()) as Map }

        then:
        r*.verdict == ['convex', 'neither']
        r*.certainty == ['proof', 'counterexample']
    }

    def "constraints { ... } also works as subjectTo:"() {
        when:
        List<Shown> shown = new GradusSession().run('''
            x = variable(0.5)
            y = variable(0.5)
            disc = constraints { x**2 + y**2 <= 1 }
            r = minimize(x + y, subjectTo: disc)
            (x + y).at(r)
        ''', 'sets.opt')

        then: 'the minimum of x + y on the unit disc is -sqrt(2), at x = y = -sqrt(1/2)'
        Math.abs((new groovy.json.JsonSlurper().parseText(shown.last().toJson()) as Map).value + Math.sqrt(2)) < 1e-4
    }

    @Unroll
    def "minimize says whether the problem it solved is convex: #objective subject to #constraint"() {
        when:
        List<Shown> shown = new GradusSession().run("x = variable(1)\ny = variable(1)\nminimize($objective, subjectTo: { $constraint }, maxIter: 200)", 'sets.opt')
        Map problem = (new groovy.json.JsonSlurper().parseText(shown.last().toJson()) as Map).problem as Map

        then:
        problem.convex == convex
        problem.reason.contains(words)

        where:
        objective               | constraint         | convex | words
        'y**2 + (x - 1)**2'     | 'x + y <= 1'       | true   | 'a local minimum is global'
        'x*y + x**2'            | 'x + y <= 1'       | null   | 'not proved convex'
        'x**2 + y**2'           | 'x*y == 1'         | null   | 'the rules do not prove x*y == 1 convex'
        '-sqrt(x*y)'            | 'x + 2*y <= 4; x >= 0; y >= 0' | true | 'the objective is convex by the composition rules'
        '-sqrt(x*y)'            | 'x + 2*y <= 4'     | null   | 'not proved convex'
        'x**2/y'                | 'x + y >= 2; y >= 1' | true | 'a local minimum is global'
        'x**2 + x*y + y**2'     | 'x + y >= 1'       | true   | 'its Hessian is the constant matrix with eigenvalues 1, 3'
        '-(x**2 + x*y + y**2)'  | 'x + y >= 1'       | null   | 'not proved convex'
    }

    def "a quadratic form the rules cannot read is proved convex by its constant Hessian: the minimum-variance portfolio (by hand: w = S^-1 1 / 1'S^-1 1)"() {
        when: 'dot(w, S*w) was "of unknown curvature ... the minimum found may be only local"'
        Map r = new groovy.json.JsonSlurper().parseText(new GradusSession().run('''w = vector(3)
S = matrix([[0.1, 0.02, 0.01], [0.02, 0.08, 0.03], [0.01, 0.03, 0.12]])
minimize(dot(w, S*w), subjectTo: { sum(w) == 1; w >= 0 })''', 'portfolio.opt').last().toJson()) as Map

        then: 'eigenvalues of 2S by numpy: 0.118701, 0.193291, 0.288008; the weights by hand 16/45, 7/18, 23/90 (scipy SLSQP agrees to 1e-6)'
        r.problem.convex == true
        r.problem.reason.contains('eigenvalues 0.118701, 0.193291, 0.288008')
        [r.x.w, [16 / 45, 7 / 18, 23 / 90]].transpose().every { a, b -> Math.abs(a - b) < 1e-6 }
        Math.abs(r.f - 0.0413 / 0.9) < 1e-8
    }

    def "the objective's curvature is judged on the box the bounds leave: max sqrt(x*y) over x + 2y <= 4, x, y >= 0 (by hand: (2, 1), f = sqrt(2), lambda = sqrt(2)/4)"() {
        when: 'the geometric mean is concave where x, y >= 0, not on the whole plane; it was "not proved convex"'
        Map r = new groovy.json.JsonSlurper().parseText(new GradusSession().run(
                "x = variable(1)\ny = variable(1)\nmaximize(sqrt(x*y), subjectTo: { x + 2*y <= 4; x >= 0; y >= 0 })", 'gm.opt').last().toJson()) as Map

        then:
        r.problem.convex == true
        r.problem.reason.contains('a convex problem, so a local maximum is global')
        Math.abs(r.x.x - 2) < 1e-6 && Math.abs(r.x.y - 1) < 1e-6
        Math.abs(r.f - Math.sqrt(2)) < 1e-8
        Math.abs(r.constraints[0].multiplier - Math.sqrt(2) / 4) < 1e-6
    }
}
