package org.gradus.optim
import spock.lang.Specification
import static org.gradus.optim.Problems.*
import org.gradus.expr.Variable
class ScratchSpec extends Specification {
  def "print"() {
    when:
    def out = new StringBuilder()
    def x = new Variable("x", 0); def y = new Variable("y", 0)
    def bowl = add(sq(sub(x, c(3))), mul(2, sq(add(y, c(1)))))
    [[method:'lbfgs', tol:1e-10], [method:'gd', lr:1.0, maxIter:500], [method:'adam', lr:0.1, maxIter:3000]].each { o ->
      def r = Minimizer.run(rosenbrock().f, false, o, [], RunContext.defaults())
      out << r.toText() << "\n" << r.toJson() << "\n\n"
    }
    def r = Minimizer.run(bowl, false, [method:'gd', lr:1.0, maxIter:500], [], RunContext.defaults())
    out << r.toText() << "\n" << r.toJson() << "\n\n"
    r = Minimizer.run(lasso().f, false, [:], [], RunContext.defaults())
    out << r.toText() << "\n" << r.toJson() << "\n\n"
    r = Minimizer.run(himmelblau().f, false, [restarts: 20, seed: 1, over: [x: [-5,5], y: [-5,5]]], [], RunContext.defaults())
    out << r.toText() << "\n" << r.toJson() << "\n\n"
    new File('/tmp/optim-scratch.txt').text = out.toString()
    then: true
  }
}
