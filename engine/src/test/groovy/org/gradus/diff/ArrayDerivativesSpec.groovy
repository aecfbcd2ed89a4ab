package org.gradus.diff

import org.apache.commons.math3.analysis.differentiation.DerivativeStructure
import org.gradus.atoms.Ops
import org.gradus.atoms.array.ArrayOps
import org.gradus.eval.CompiledFunction
import org.gradus.expr.Constant
import org.gradus.expr.Expr
import org.gradus.expr.IndexSymbol
import org.gradus.expr.Layout
import org.gradus.expr.Lookup
import org.gradus.expr.Shape
import org.gradus.expr.TableSlice
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable
import spock.lang.Specification

import static org.gradus.expr.Fn.*

/**
 * Every array operation differentiated by reverse mode over whole arrays, against two independent
 * references: the same function written element by element in commons-math3 DerivativeStructure
 * (value, gradient and Hessian to 1e-9, see {@link Reference#check}: also finite differences, the
 * symbolic gradient and Hessian, and Hessian-vector products), and the same function written element
 * by element as a scalar expression, which the scalar engine differentiates (value and gradient).
 * One closure writes each elementwise form for both: it only uses operators and {@link S}'s functions.
 */
class ArrayDerivativesSpec extends Specification {
    def "#name: value, gradient and Hessian against DerivativeStructure, differences and the symbolic route"() {
        given:
        Expr f = build[0]()
        Closure elementwise = build[1]
        Closure<DerivativeStructure> ref = { List d -> elementwise(ArrayCases.parts(d)) as DerivativeStructure }

        expect:
        Reference.check(f, ArrayCases.layout, ref, Reference.points(name.hashCode(), 3, [[-1.2, 1.2]] * ArrayCases.layout.dimension()), { List d -> [d] }) == 3

        where:
        name << ArrayCases.cases().keySet()
        build << ArrayCases.cases().values()
    }

    def "#name: value and gradient equal those of the same function written element by element"() {
        given:
        Expr f = build[0]()
        List<Expr> coords = (0..<ArrayCases.layout.dimension()).collect { ArrayCases.layout.coordinate(it) }
        Expr scalar = build[1](ArrayCases.parts(coords)) as Expr
        CompiledFunction array = new CompiledFunction(f, ArrayCases.layout), elements = new CompiledFunction(scalar, ArrayCases.layout)
        Random rnd = new Random(name.hashCode())

        expect: 'the elementwise form has no array in it'
        !org.gradus.expr.Dependence.hasArrays(scalar)
        5.times {
            double[] x = (0..<ArrayCases.layout.dimension()).collect { -1.2 + 2.4 * rnd.nextDouble() } as double[]
            double[] ga = new double[x.length], ge = new double[x.length]
            double va = array.valueAndGradient(x, ga), ve = elements.valueAndGradient(x, ge)
            Reference.close(va, ve, 1e-12, 0, "value of $f")
            Reference.close(ga, ge, 1e-11, "gradient of $f vs its elementwise form")
        }

        where:
        name << ArrayCases.cases().keySet()
        build << ArrayCases.cases().values()
    }
}
