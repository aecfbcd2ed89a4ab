package org.gradus.optim

import org.gradus.expr.Constant
import org.gradus.atoms.Ops
import org.gradus.expr.Variable
import spock.lang.Specification
import spock.lang.Unroll

import static org.gradus.optim.Problems.*

/** The optimization cases of the shared conformance suite, through the engine API the DSL calls. */
class ConformanceCasesSpec extends Specification {

    static OptimizationResult min(f, Map opts, List<Constraint> cons = []) {
        Minimizer.run(f, false, opts, cons, RunContext.defaults())
    }

    @Unroll
    def "rosenbrock.opt: #method reaches (1, 1) with tol 1e-10"() {
        when:
        def r = min(rosenbrock().f, [method: method, tol: 1e-10])

        then:
        r.status() == Status.CONVERGED
        r.method() == method
        r.value() <= 1e-12
        Math.abs(r.point()[0] - 1) <= 1e-6
        Math.abs(r.point()[1] - 1) <= 1e-6

        where:
        method << ['lbfgs', 'bfgs', 'newton']
    }

    def bowl() {
        def x = new Variable("x", 0), y = new Variable("y", 0)
        add(sq(sub(x, c(3))), mul(2, sq(add(y, c(1)))))
    }

    @Unroll
    def "descent_variants.opt: #opts"() {
        when:
        def r = min(bowl(), opts)

        then:
        (status == null || r.status() == status)
        Math.abs(r.point()[0] - 3) <= atol
        Math.abs(r.point()[1] + 1) <= atol

        where:
        opts                                                                                                           | status           | atol
        [method: 'gd', lr: 0.1, tol: 1e-8, maxIter: 10000]                                                             | Status.CONVERGED | 1e-7
        [method: 'gd', normalized: true, lr: 0.5, schedule: sched('inverseTime', [decay: 0.1]), tol: 1e-6, maxIter: 20000] | null       | 1e-2
        [method: 'gd', lineSearch: 'armijo', tol: 1e-10]                                                               | Status.CONVERGED | 1e-8
        [method: 'momentum', lr: 0.05, momentum: 0.9, tol: 1e-8, maxIter: 5000]                                        | Status.CONVERGED | 1e-7
        [method: 'nesterov', lr: 0.05, momentum: 0.9, tol: 1e-8, maxIter: 5000]                                        | Status.CONVERGED | 1e-7
        [method: 'adam', lr: 0.1, schedule: sched('cosine', [period: 3000]), maxIter: 3000]                            | null             | 1e-3
    }

    static sched(String name, Map args) { org.gradus.optim.schedule.Schedules.create(name, args) }

    def "descent_variants.opt: gd with lr 1 on the bowl diverges and suggests a step < 2/L"() {
        when:
        def r = min(bowl(), [method: 'gd', lr: 1.0, maxIter: 500])

        then:
        r.status() == Status.DIVERGED
        r.message().contains('2/L')
        r.message().contains('0.5')
        r.message().contains('lr: 0.25')
    }

    def "error_unknown_method.opt: the message lists the valid methods"() {
        when:
        min(sq(sub(new Variable("x", 1), c(1))), [method: 'adamm'])

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('adamm')
        e.message.contains('adamw')
        e.message.contains('lbfgs')
    }

    def "constraints.opt: x + y <= 1 and x >= 0 on (x-2)² + (y-1)²"() {
        given:
        def x = new Variable("x", 0)
        def y = new Variable("y", 0)
        def f = add(sq(sub(x, c(2))), sq(sub(y, c(1))))

        when:
        def r = min(f, [:], [new Constraint(add(x, y), '<=', c(1)), new Constraint(x, '>=', c(0))])

        then:
        r.status() == Status.CONVERGED
        Math.abs(r.point()[0] - 1) <= 1e-5
        Math.abs(r.point()[1]) <= 1e-5
        Math.abs(r.value() - 2) <= 1e-5
        r.maxViolation() <= 1e-6
        r.constraints().size() == 2
        Math.abs((r.constraints()[0].multiplier as double) - 2) <= 1e-4
    }

    def "constraints.opt: bounds on u"() {
        given:
        def u = new Variable("u", 0.5, 0, 1)

        when:
        def r = min(sq(sub(u, c(2))), [:])

        then:
        r.status() == Status.CONVERGED
        r.point()[0] == 1d
        Math.abs(r.value() - 1) <= 1e-6
        r.extras().auto.contains('bounds')
    }

    def "constraints.opt: a + b with a² + b² == 2"() {
        given:
        def a = new Variable("a", -0.5)
        def b = new Variable("b", 0.3)

        when:
        def r = min(add(a, b), [:], [new Constraint(add(sq(a), sq(b)), '==', c(2))])

        then:
        r.status() == Status.CONVERGED
        Math.abs(r.point()[0] + 1) <= 1e-5
        Math.abs(r.point()[1] + 1) <= 1e-5
        Math.abs(r.value() + 2) <= 1e-5
        r.maxViolation() <= 1e-6
        Math.abs((r.constraints()[0].multiplier as double) - 0.5) <= 1e-4
    }
}
