package org.gradus.calculus

import groovy.json.JsonSlurper
import org.gradus.dsl.GradusSession
import org.gradus.result.Shown

/**
 * The reference values of issue 12's calculus tests, computed by sympy and mpmath
 * ({@code reference/calculus/calculus_reference.py} beside the JSON in the test resources), and a way to
 * run a script and read what it shows as JSON.
 */
class CalculusReference {
    static final Map DATA = new JsonSlurper().parse(CalculusReference.getResource('/reference/calculus/calculus_reference.json')) as Map

    /** What each top-level statement of the script shows, as JSON maps. */
    static List<Map> run(String source) {
        List<Shown> shown = new GradusSession().run(source, 'calculus.opt')
        shown.collect { new JsonSlurper().parseText(it.toJson()) as Map }
    }

    /** A JSON number or ±Infinity text as a double; null stays null. */
    static Double number(Object v) {
        if (v == null) return null
        if (v == 'Infinity') return Double.POSITIVE_INFINITY
        if (v == '-Infinity') return Double.NEGATIVE_INFINITY
        (v as Number).doubleValue()
    }

    /** Equal within 1e-12 relative (exact for infinities and nulls). */
    static boolean close(Object got, Object want) {
        Double g = number(got), w = number(want)
        if (g == null || w == null) return g == w
        if (w.infinite || g.infinite) return g == w
        Math.abs(g - w) <= 1e-12 * Math.max(1, Math.abs(w))
    }
}
