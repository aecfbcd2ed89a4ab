package org.gradus.dsl.arrays

import groovy.json.JsonSlurper
import org.gradus.dsl.GradusSession
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * huber, argmax and the two-argument max in the witness search (issue 13): their interval rules are tight
 * enough at the three points of a secant for the interval check to certify it, so a function that is neither
 * convex nor concave gets its checked counterexamples instead of "unknown" (or "linear — sampled"). Each
 * reported secant is recomputed here by plain arithmetic, with the formulas written out by hand:
 * huber(r) = r²/2 for |r| ≤ 1, |r| − 1/2 beyond; argmax the index of the first largest element.
 */
class KinkedAtomWitnessSpec extends Specification {
    @TempDir
    Path dir

    Map run(String source) {
        Files.writeString(dir.resolve('t.opt'), source)
        new JsonSlurper().parseText(new GradusSession().run(dir.resolve('t.opt'))[0].toJson()) as Map
    }

    static double huber(double r) {
        double a = Math.abs(r)
        a <= 1 ? 0.5 * a * a : a - 0.5
    }

    /** The gap f(t·a + (1−t)·b) − (t·f(a) + (1−t)·f(b)) of a reported secant, by hand. */
    static double gap(Map secant, Closure<Double> f) {
        double t = secant.t as double
        Map a = secant.a as Map, b = secant.b as Map
        Map mix = a.collectEntries { k, v ->
            [(k): v instanceof List ? [(List) v, (List) b[k]].transpose().collect { p, q -> t * (p as double) + (1 - t) * (q as double) }
                    : t * (v as double) + (1 - t) * (b[k] as double)]
        }
        f(mix) - (t * f(a) + (1 - t) * f(b))
    }

    def "log(huber(x, 0) + 1), a concave function of a convex one: neither, both secants checked by hand"() {
        given: 'near 0 it is log(1 + x²/2), convex there (f″(0) = 1); beyond |x| = 1 it is log(|x| + 1/2), concave'
        Closure<Double> f = { Map p -> Math.log(huber(p.x as double) + 1) }

        when:
        Map r = run('x = variable(0)\nconvexity(log(huber(x, 0) + 1))')

        then:
        r.verdict == 'neither'
        r.certainty == 'counterexample'
        gap(r.counterexample as Map, f) > 0
        Math.abs(gap(r.counterexample as Map, f) - (r.counterexample.gap as double)) < 1e-12
        gap(r.concavityCounterexample as Map, f) < 0
        Math.abs(gap(r.concavityCounterexample as Map, f) - (r.concavityCounterexample.gap as double)) < 1e-12
    }

    def "argmax(v), a step function: neither, not 'linear — sampled'"() {
        given: 'argmax([v0, v1]) is 0 where v0 ≥ v1 and 1 where v0 < v1: it jumps, so no secant stays on one side'
        Closure<Double> f = { Map p -> List v = p.v as List; (v[1] as double) > (v[0] as double) ? 1d : 0d }

        when:
        Map r = run('v = vector(2)\nconvexity(argmax(v))')

        then:
        r.verdict == 'neither'
        r.certainty == 'counterexample'
        gap(r.counterexample as Map, f) > 0
        gap(r.counterexample as Map, f) == (r.counterexample.gap as double)
        gap(r.concavityCounterexample as Map, f) < 0
        gap(r.concavityCounterexample as Map, f) == (r.concavityCounterexample.gap as double)
    }

    def "the two-argument max inside a concave function: log(max(x, y) + 3) over a box, both secants by hand"() {
        given:
        Closure<Double> f = { Map p -> Math.log(Math.max(p.x as double, p.y as double) + 3) }

        when:
        Map r = run('x = variable(0); y = variable(0)\nconvexity(log(max(x, y) + 3), over: [x: -2..2, y: -2..2])')

        then:
        r.verdict == 'neither'
        gap(r.counterexample as Map, f) > 0
        Math.abs(gap(r.counterexample as Map, f) - (r.counterexample.gap as double)) < 1e-12
        gap(r.concavityCounterexample as Map, f) < 0
        Math.abs(gap(r.concavityCounterexample as Map, f) - (r.concavityCounterexample.gap as double)) < 1e-12
    }
}
