package org.gradus.optim.method

import org.gradus.expr.Variable
import org.gradus.optim.Minimizer
import org.gradus.optim.RunContext
import org.gradus.optim.Status
import spock.lang.Specification

import static org.gradus.optim.Problems.*

/**
 * A method's stationarity test measures its own fixed point (issue 8). On f = (x − 3)² + 100(y − 3)²
 * with weight decay wd = 0.5, worked by hand:
 * <ul>
 * <li>Adam adds wd·x to the gradient, so it stops where ∇f + wd·x = 0: 2(x − 3) + x/2 = 0 gives
 * x = 12/5 = 2.4, and 200(y − 3) + y/2 = 0 gives y = 600/200.5.</li>
 * <li>AdamW shrinks x by (1 − lr·wd) and steps by u = g/(|g| + eps) at steady state, so it stops where
 * gᵢ + wd·xᵢ·(|gᵢ| + eps) = 0. With g = c(x − 3) for x &lt; 3 this is (x − 3)(1 − wd·x) = −wd·eps·x/c, whose
 * root near 2 is 1 − x/2 = eps·2/(2c), x = 2 − 2·eps/c: 2 − 1e-8 for x (c = 2) and 2 − 1e-10 for y
 * (c = 200), just inside the box |x| ≤ 1/wd = 2 that AdamW's decay implies. The residual's slope there
 * is 1 in x and 100 in y, so tol 1e-9 pins x to 1e-9 and y to 1e-11 (a NumPy simulation of the same
 * iteration reaches x − 2 = −1.00002e-8, y − 2 = −1.0002e-10).</li>
 * </ul>
 * Both used to end "max-iterations" at these points, because tol was tested on ∇f alone.
 */
class FixedPointSpec extends Specification {
    static f() {
        add(sq(sub(new Variable("x", 0), c(3))), mul(100, sq(sub(new Variable("y", 0), c(3)))))
    }

    def "adam with weightDecay converges to the minimizer of f + (wd/2)|x|²"() {
        when:
        def r = Minimizer.run(f(), false, [method: 'adam', lr: 0.01, weightDecay: 0.5, maxIter: 50000, tol: 1e-9], [], RunContext.defaults())

        then:
        r.status() == Status.CONVERGED
        r.message().contains('|∇f + wd·x|∞')
        Math.abs(r.point()[0] - 2.4) < 1e-9
        Math.abs(r.point()[1] - 600d / 200.5d) < 1e-11
    }

    def "adamw converges to its own fixed point, on the box |x| <= 1/wd"() {
        when:
        def r = Minimizer.run(f(), false, [method: 'adamw', lr: 0.01, weightDecay: 0.5, maxIter: 200000, tol: 1e-9], [], RunContext.defaults())

        then:
        r.status() == Status.CONVERGED
        r.message().contains('|∇f + wd·x·(|∇f| + eps)|∞')
        Math.abs(r.point()[0] - (2 - 1e-8)) < 2e-9
        Math.abs(r.point()[1] - (2 - 1e-10)) < 2e-11
    }
}
