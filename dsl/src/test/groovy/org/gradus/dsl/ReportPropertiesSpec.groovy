package org.gradus.dsl

import org.gradus.dsl.sandbox.AllowList
import spock.lang.Specification
import spock.lang.Unroll

import java.lang.reflect.Modifier

/**
 * A script reads the fields of the analysis reports as properties, by their JSON names (SPEC §4), as it reads
 * {@code r.status}: {@code convexity(f).verdict}, {@code differentiable(f, at: p).differentiable}. The values are
 * worked by hand: x² is strictly convex (its second derivative 2 > 0), |x| is continuous but not differentiable
 * at 0, sin(x)/x → 1 at 0, x³ − 3x increases, decreases, increases (its derivative 3x² − 3 changes sign at ±1),
 * x·y/(x² + y²) has no limit at (0, 0) (0 along y = 0, 1/2 along y = x), x² + 4y² has mu = 2, L = 8: step 1/8,
 * condition 4, rate 3/4; sign jumps at 0.
 */
class ReportPropertiesSpec extends Specification {

    @Unroll
    def "#statement (sandboxed: #sandboxed)"() {
        when:
        GradusSession session = new GradusSession()
        session.sandboxed = sandboxed
        session.run("x = variable(0.5); y = variable(0.5)\nassert $statement\n", 'reports.opt')

        then:
        noExceptionThrown()

        where:
        [statement, sandboxed] << [[
                "convexity(x**2).verdict == 'convex'",
                "convexity(x**2).certainty == 'proof'",
                'convexity(x**2).strict == true',
                "convexity(x**2).reason instanceof String && !convexity(x**2).reason.isEmpty()",
                'convexity(x**2, over: [x: -1..1]).L == 2',
                "convexity(x**3).verdict == 'neither' && convexity(x**3).counterexample.gap > 0",
                'differentiable(abs(x), at: [x: 0]).continuous == true',
                'differentiable(abs(x), at: [x: 0]).differentiable == false',
                'differentiable(x**2, at: [x: 1]).differentiable == true',
                'limit(sin(x)/x, x: 0).value == 1',
                'limit(sin(x)/x, x: 0).exists == true',
                'limit(1/x, x: 0).left.value == -Infinity && limit(1/x, x: 0).right.finite == false',
                "monotonicity(x**3 - 3*x).intervals*.direction == ['increasing', 'decreasing', 'increasing']",
                "convexity(constraints { x**2 + y**2 <= 1 }).verdict == 'convex'",
                "convexity(constraints { x**2 + y**2 >= 1 }).verdict == 'neither'",
                "hessian(x**2 + y**2).at(x: 0, y: 0).definiteness == 'positive definite'",
                'matrix([[1, 2, 3], [4, 5, 6]]).columns == 3',
                "limit(sin(x)/x, x: 0).method.startsWith('L') && limit(sin(x)/x, x: 0).reason.contains('0/0') && limit(sin(x)/x, x: 0).at == 0",
                "limit(sin(x)/x, x: 0).variable == 'x' && limit(sin(x)/x, x: 0).side == 'both'",
                "limit(x*y/(x**2 + y**2), x: 0, y: 0).exists == false && limit(x*y/(x**2 + y**2), x: 0, y: 0).at.y == 0",
                "limit(x*y/(x**2 + y**2), x: 0, y: 0).method == 'paths differ' && limit(x*y/(x**2 + y**2), x: 0, y: 0).variable == 'x, y'",
                'convexity(x**2 + 4*y**2).stepSize == 0.125 && convexity(x**2 + 4*y**2).condition == 4 && convexity(x**2 + 4*y**2).rate == 0.75',
                "convexity(x**2 + 4*y**2).expression == 'x**2 + 4*y**2' && convexity(x**2 + 4*y**2).domain.contains('R')",
                "monotonicity(x**3 - 3*x).expression == 'x**3 - 3*x'",
                "differentiable(sign(x), at: [x: 0]).continuity == 'jump' && differentiable(sign(x), at: [x: 0]).at.x == 0",
        ], [true, false]].combinations()
    }

    def "every field the sandbox lets a script read from a report is a property too, not only a method"() {
        given: 'the methods without arguments that AllowList names for the reports (toText/toJson, norm and size stay methods, as size() is on a Groovy list)'
        List<String> unreadable = []
        AllowList.MEMBERS.each { Class type, Set<String> words ->
            if (!type.name.startsWith('org.gradus.analysis') && !type.name.startsWith('org.gradus.calculus')) return
            MetaClass mc = GroovySystem.metaClassRegistry.getMetaClass(type)
            for (String w : words) {
                boolean accessor = type.methods.any { it.name == w && it.parameterCount == 0 && !Modifier.isStatic(it.modifiers) }
                if (accessor && !(w in ['toText', 'toJson', 'norm', 'name', 'size']) && (mc.getMetaProperty(w) ?: mc.getMetaProperty(w.uncapitalize())) == null) unreadable << "${type.simpleName}.$w".toString()
            }
        }

        expect:
        unreadable == []
    }
}
