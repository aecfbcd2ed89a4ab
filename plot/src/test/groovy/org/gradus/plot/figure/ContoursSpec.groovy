package org.gradus.plot.figure

import spock.lang.Specification

/** Marching squares against curves known by hand. */
class ContoursSpec extends Specification {

    def "the level set x² + y² = 1 is one closed curve of radius 1"() {
        given:
        Grid g = LevelsSpec.grid(-2, 2, -2, 2) { x, y -> x * x + y * y }

        when:
        List<double[][]> lines = Contours.trace(g, 1)

        then:
        lines.size() == 1
        def line = lines[0]
        line[0].length > 100
        (0..<line[0].length).every { Math.abs(Math.hypot(line[0][it], line[1][it]) - 1) < 2e-3 }
        // closed: it ends where it starts
        Math.hypot(line[0][0] - line[0][-1], line[1][0] - line[1][-1]) < 1e-12
    }

    def "the level set x·y = 0.5 has two branches, on the hyperbola"() {
        given:
        Grid g = LevelsSpec.grid(-2, 2, -2, 2) { x, y -> x * y }

        when:
        List<double[][]> lines = Contours.trace(g, 0.5)

        then:
        lines.size() == 2
        lines.every { l -> (0..<l[0].length).every { Math.abs(l[0][it] * l[1][it] - 0.5) < 1e-3 } }
    }

    def "cells with an undefined corner are left out (log of a negative number)"() {
        given:
        Grid g = LevelsSpec.grid(-1, 1, -1, 1) { x, y -> x > 0 ? Math.log(x) : Double.NaN }

        when:
        List<double[][]> lines = Contours.trace(g, Math.log(0.5))

        then:
        lines.size() == 1
        lines[0][0].every { Math.abs(it - 0.5) < 3e-3 }
    }
}
