package org.gradus.optim

import org.gradus.expr.Variable
import spock.lang.Specification
import spock.lang.Unroll

import static org.gradus.optim.Problems.*

class OptionsSpec extends Specification {

    @Unroll
    def "bad options #opts: #fragment"() {
        when:
        Minimizer.run(sq(sub(new Variable("x", 3), c(1))), false, opts, [], RunContext.defaults())

        then:
        def e = thrown(IllegalArgumentException)
        fragment.every { e.message.contains(it) }

        where:
        opts                                 | fragment
        [method: 'adamm']                    | ["unknown method 'adamm'", 'adamw', 'lbfgs', 'nelder-mead']
        [lrr: 0.1]                           | ["unknown option 'lrr'; did you mean 'lr'?", 'valid options: method, lr']
        [method: 'adma']                     | ["unknown method 'adma'; did you mean 'adam'?"]
        [methd: 'adam']                      | ["unknown option 'methd'; did you mean 'method'?"]
        [method: 'BFGS']                     | ["unknown method 'BFGS'; method names are lower case: 'bfgs'"]
        [method: 'L-BFGS-B']                 | ["unknown method 'L-BFGS-B'; in Gradus, that is 'lbfgs'"]
        [method: 'SGD']                      | ["in Gradus, that is 'gd' with batch:"]
        [method: 'SLSQP']                    | ["unknown method 'SLSQP'; in Gradus, that is 'auto' with the constraints in subjectTo:"]
        [method: 'trust-constr']             | ["in Gradus, that is 'auto' with the constraints in subjectTo:"]
        [method: 'Powell']                   | ["in Gradus, that is 'nelder-mead' (no derivatives)"]
        [method: 'simulated-annealing']      | ["unknown method 'simulated-annealing'; valid methods: auto, gd"]
        [maxiter: 100]                       | ["unknown option 'maxiter'; in Gradus, that is maxIter"]
        [learning_rate: 0.1]                 | ["in Gradus, that is lr"]
        [x0: [x: 1]]                         | ["in Gradus, that is start"]
        [from: [x: 1]]                       | ["unknown option 'from'; in Gradus, that is start"]     // not ftol, the nearest spelling
        [num_epochs: 3]                      | ["in Gradus, that is epochs"]
        [bounds: [x: [0, 1]]]                | ["unknown option 'bounds'; in Gradus, that is subjectTo: { x >= 0; x <= 1 }", 'variable(0.5, lower: 0, upper: 1)']
        [colour: 'red']                      | ["unknown option 'colour'; valid options"]
        [method: 'gd', lr: 0]                | ['lr must be a positive number']
        [method: 'gd', lr: -1]               | ['lr must be a positive number']
        [method: 'adam', beta1: 1]           | ['beta1 must be in [0, 1)']
        [method: 'adam', beta2: 1.5]         | ['beta2 must be in [0, 1)']
        [method: 'adam', memory: 5]          | ["option 'memory' does not apply to method 'adam'", 'lbfgs']
        [method: 'lbfgs', lr: 0.1]           | ["option 'lr' does not apply to method 'lbfgs'"]
        [lr: 0.1]                            | ["(the method auto picked)"]
        [method: 'gd', lineSearch: 'exact']  | ["unknown lineSearch 'exact'", 'armijo, wolfe']
        [method: 'gd', maxIter: 1.5]         | ['maxIter must be a whole number']
        [method: 'gd', batch: 4]             | ['batch: needs a data reduction']
        [method: 'lbfgs', start: [z: 1]]     | ["'z' is not a variable"]
        [method: 'gd', momentum: 0.9]        | ["option 'momentum' does not apply to method 'gd'"]
        [over: [x: [1, 3] as double[]]]     | ["option 'over' is the box restarts draw their starts from, so it needs restarts: N", 'subjectTo: { x >= 1; x <= 3 }']
    }

    def "a zero gradient with normalized steps is convergence, not a division by zero"() {
        when:
        def r = Minimizer.run(sq(sub(new Variable("x", 1), c(1))), false, [method: 'gd', normalized: true, lr: 0.1, tol: 0], [], RunContext.defaults())

        then:
        r.status() == Status.CONVERGED
        r.point()[0] == 1d
    }

    def "start values override the declared ones"() {
        when:
        def r = Minimizer.run(rosenbrock().f, false, [method: 'lbfgs', start: [x: 0.5, y: 0.5], maxIter: 0], [], RunContext.defaults())

        then:
        r.point() == [0.5, 0.5] as double[]
        r.status() == Status.MAX_ITERATIONS
    }
}
