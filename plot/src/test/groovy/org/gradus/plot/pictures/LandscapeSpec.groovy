package org.gradus.plot.pictures

import org.gradus.expr.Layout
import org.gradus.expr.VectorVariable
import org.gradus.expr.Variable

import spock.lang.Specification

/** Random directions scaled block by block as Li et al. (2018) do. */
class LandscapeSpec extends Specification {

    def "each block of a random direction has the norm of the point's block; a zero block gets norm 1"() {
        given:
        VectorVariable w = new VectorVariable('w', [0, 0, 0] as double[], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
        Variable b = new Variable('b', 0, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
        Layout layout = new Layout([w, b])
        double[] theta = [3, 0, 4, 0] as double[]       // ‖w‖ = 5, b = 0

        when:
        double[][] d = Landscape.random(layout, theta, 1)

        then:
        d.every { dir -> Math.abs(Math.sqrt(dir[0]**2 + dir[1]**2 + dir[2]**2) - 5) < 1e-12 && Math.abs(Math.abs(dir[3]) - 1) < 1e-12 }
        d[0] != d[1]
        Landscape.random(layout, theta, 1)[0] == d[0]            // the seed fixes the plane
        Landscape.random(layout, theta, 2)[0] != d[0]
    }
}
