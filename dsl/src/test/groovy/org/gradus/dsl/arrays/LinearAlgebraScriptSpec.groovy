package org.gradus.dsl.arrays

import groovy.json.JsonSlurper
import org.gradus.dsl.GradusException
import org.gradus.dsl.GradusSession
import spock.lang.Specification

/**
 * Linear algebra words in a script take what the script was shown at a point as numbers. By hand, for
 * f = x⁴ + xy + (1 + y)² at (0.75, -1.25): ∇f = (4x³ + y, x + 2(1 + y)) = (0.4375, 0.25), the Hessian
 * [[12x², 1], [1, 2]] = [[6.75, 1], [1, 2]] with det 12.5, its inverse [[2, -1], [-1, 6.75]]/12.5 and the Newton
 * step H⁻¹∇f = (0.05, 0.1). The normal equations of the line through (0, 1), (1, 2), (2, 2): (7/6, 1/2).
 */
class LinearAlgebraScriptSpec extends Specification {
    List<Map> run(String source) {
        new GradusSession().run(source, 't.opt').collect { new JsonSlurper().parseText(it.toJson()) as Map }
    }

    static boolean close(List got, List<Double> want) {
        got.size() == want.size() && (0..<got.size()).every { Math.abs((got[it] as double) - want[it]) < 1e-14 }
    }

    def "a Newton step by hand: solve(hessian(f).at(p), grad(f).at(p))"() {
        when:
        List<Map> r = run('''
            x = variable(1); y = variable(1)
            f = x**4 + x*y + (1 + y)**2
            p = [x: 0.75, y: -1.25]
            solve(hessian(f).at(p), grad(f).at(p))
            inv(hessian(f).at(p))
            det(hessian(f).at(p))
        ''')

        then:
        r[0].kind == 'vector'
        close(r[0].value, [0.05d, 0.1d])
        r[1].kind == 'matrix'
        close(r[1].value.flatten(), [0.16d, -0.08d, -0.08d, 0.54d])
        Math.abs((r[2].value as double) - 12.5) < 1e-13
    }

    def "the normal equations from constant matrices, and the value of an array expression at a point"() {
        when:
        List<Map> r = run('''
            X = matrix([[1, 0], [1, 1], [1, 2]])
            y = [1, 2, 2]
            solve(X.T * X, X.T * y)
            w = vector(2)
            eigenvalues((outer(w, w) + X.T * X).at(w: [1, 0]))
        ''')

        then: 'outer((1, 0), (1, 0)) + [[3, 3], [3, 5]] = [[4, 3], [3, 5]]: eigenvalues (9 ± sqrt 37)/2'
        close(r[0].value, [7 / 6d, 0.5d])
        close(r[1].value, [(9 - Math.sqrt(37)) / 2, (9 + Math.sqrt(37)) / 2])
    }

    def "a constant Hessian is numbers: the curvatures of a quadratic are eigenvalues(hessian(f))"() {
        given: 'x² + 3xy + 5y²: H = [[2, 3], [3, 10]], eigenvalues 6 ± 5 (numpy.linalg.eigvalsh: [1, 11]), inverse [[10, -3], [-3, 2]]/11'
        List<Map> r = run('''
            x = variable(1); y = variable(2)
            f = x**2 + 3*x*y + 5*y**2
            eigenvalues(hessian(f))
            inv(hessian(f))
        ''')

        expect:
        close(r[0].value, [1d, 11d])
        close(r[1].value.flatten(), [10 / 11d, -3 / 11d, -3 / 11d, 2 / 11d])

        when: 'a Hessian that varies needs its point'
        run('x = variable(1)\nshow eigenvalues(hessian(x**4))\n')

        then:
        GradusException e = thrown()
        e.message.contains('the Hessian of x**4 depends on the variables; take it at a point')
        e.column == 6
    }

    def "a matrix that depends on variables is an error at the word, saying to evaluate it first"() {
        when:
        run('W = matrix(2, 2)\nshow inv(W * 2)\n')

        then:
        GradusException e = thrown()
        e.message.contains('inv needs a matrix of numbers')
        e.message.contains('.at(r)')
        e.line == 2
        e.column == 6
    }
}
