package org.gradus.analysis
import org.gradus.expr.Variable
import org.gradus.expr.Layout
import org.gradus.calculus.series.*
import org.gradus.calculus.Approach
import spock.lang.Specification
import static org.gradus.expr.Fn.*
class TmpDebugSpec extends Specification {
    def "debug"() {
        when:
        def x = new Variable('x', 0)
        def L = new Layout([x])
        def a = Math.PI / 2
        def coord = Approach.right('x', a).coordinate()
        try {
            def e = new Expander(L, [coord] as Expansion[], new Series(4)).expand(tan(x))
            println "tan " + e + " terms " + e.terms()
        } catch (Exception ex) { println "ex " + ex }
        then: true
    }
}
