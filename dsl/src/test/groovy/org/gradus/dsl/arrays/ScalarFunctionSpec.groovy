package org.gradus.dsl.arrays

import org.gradus.dsl.GradusException
import org.gradus.dsl.GradusSession
import spock.lang.Specification
import spock.lang.Unroll

/**
 * A word that needs one number at each point refuses a vector or a matrix, as CVXPY refuses a vector objective
 * ("The 'minimize' objective must resolve to a scalar") and torch.autograd.grad a vector output ("grad can be
 * implicitly created only for scalar outputs"). Before, minimize((w.T * [1, 2] - 3)**2) "converged" at w = 0 with
 * f = 0, where (0 - 3)² = 9 for each element, and partial(w**2, w[0]) was 2*w[0], the partial of the sum, not the
 * vector (2*w[0], 0).
 */
class ScalarFunctionSpec extends Specification {
    @Unroll
    def "#statement is an error at the word that names the shape"() {
        when:
        new GradusSession().run("w = vector(2)\nW = matrix(2, 3)\nx = variable(1)\n$statement\n", 't.opt')

        then:
        GradusException e = thrown()
        e.message.startsWith("$word needs a scalar function (one number at each point), and ")
        e.message.contains(shape)
        e.message.contains('sum(...) adds the elements')
        e.line == 4
        e.column == 1

        where:
        statement                                 | word             | shape
        'minimize((w.T * [1, 2] - 3)**2)'         | 'minimize'       | 'is a vector of 2: * between two vectors is elementwise, as in numpy'
        'maximize(w)'                             | 'maximize'       | 'w is a vector of 2'
        'grad(w**2)'                              | 'grad'           | 'is a vector of 2'
        'hessian(exp(W))'                         | 'hessian'        | 'is a 2×3 matrix'
        'partial(w**2, w[0])'                     | 'partial'        | 'is a vector of 2'
        'directional(w**2, [1, 0])'               | 'directional'    | 'is a vector of 2'
        'convexity(w**2)'                         | 'convexity'      | 'is a vector of 2'
        'stationary(w**2)'                        | 'stationary'     | 'is a vector of 2'
        'taylor(exp(w), at: [w: [0, 0]])'         | 'taylor'         | 'is a vector of 2'
        'differentiable(abs(w), at: [w: [0, 0]])' | 'differentiable' | 'is a vector of 2'
        'limit(x*w, x: 0)'                        | 'limit'          | 'is a vector of 2'
        'monotonicity(x*w)'                       | 'monotonicity'   | 'is a vector of 2'
        "plot w**2, file: 'q.png'"                | 'plot'           | 'is a vector of 2'
    }

    def "the scalar forms work: the sum, the inner product, an element"() {
        given: 'by hand: (w·(1, 2) - 3)² from w = 0 has its minimum 0 on the line w₀ + 2w₁ = 3; ∂(w₀² + w₁²)/∂w₀ = 2w₀'
        def shown = new GradusSession().run('''
            w = vector(2)
            r = minimize((dot(w, [1, 2]) - 3)**2)
            r.x.w[0] + 2*r.x.w[1]
            partial(sum(w**2), w[0])
            grad((w**2)[1])
        ''', 't.opt')*.toText()

        expect:
        Math.abs((shown[0] as double) - 3) < 1e-6
        shown[1] == '2*w[0]'
        shown[2].contains('∂/∂w[0] = 0') && shown[2].contains('∂/∂w[1] = 2*w[1]')
    }
}
