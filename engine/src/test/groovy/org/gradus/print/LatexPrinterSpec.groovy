package org.gradus.print

import org.gradus.expr.Expr
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable
import spock.lang.Shared
import spock.lang.Specification

import static org.gradus.expr.Fn.*

/** {@code f.latex()}: LaTeX that renders as the mathematics, with no double superscripts or run-together numbers. */
class LatexPrinterSpec extends Specification {
    @Shared Variable x = new Variable('x', 0)
    @Shared Variable y = new Variable('y', 0)
    @Shared Variable alpha = new Variable('alpha', 0)
    @Shared Variable rate = new Variable('rate', 0)
    @Shared VectorVariable w = new VectorVariable('w', 10, 0)

    def "#latex"() {
        expect:
        (build() as Expr).latex() == latex

        where:
        latex | build
        '\\left(1 - x\\right)^{2} + 100 \\left(y - x^{2}\\right)^{2}' | { -> (1 - x)**2 + 100*(y - x**2)**2 }
        'x^{2} + 2 x y - y'                                          | { -> x**2 + 2*x*y - y }
        '\\frac{x + 1}{y}'                                            | { -> (x + 1)/y }
        '\\sqrt{x^{2} + 1}'                                           | { -> sqrt(x**2 + 1) }
        'e^{-x^{2}}'                                                  | { -> exp(-x**2) }
        '\\left(e^{x}\\right)^{2}'                                    | { -> exp(x)**2 }
        '\\left(\\frac{x}{y}\\right)^{2}'                             | { -> (x/y)**2 }
        '2 \\cdot 3^{x}'                                              | { -> 2*3**x }
        '-x'                                                          | { -> -x }
        'x - 2 y'                                                     | { -> x - 2*y }
        '\\left|x\\right| + \\sigma\\left(y\\right)'                  | { -> abs(x) + sigmoid(y) }
        '\\log\\left(x\\right) y'                                     | { -> log(x)*y }
        'x^{y + 1}'                                                   | { -> x**(y + 1) }
        '\\alpha \\mathrm{rate}'                                      | { -> alpha*rate }
        '\\sum_{i=0}^{4} \\left(w_{2 i + 1} - w_{2 i}^{2}\\right)^{2}' | { -> sum(0..<5) { i -> (w[2*i + 1] - w[2*i]**2)**2 } }
        '\\sqrt{\\sum_{i=0}^{9} w_{i}^{2}}'                           | { -> norm2(w) }
        '\\log\\left(e^{x} + e^{y}\\right)'                             | { -> logsumexp(x, y) }
        '\\arctan\\left(x\\right)'                                      | { -> atan(x) }
    }
}
