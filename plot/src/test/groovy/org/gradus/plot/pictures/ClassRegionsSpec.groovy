package org.gradus.plot.pictures

import org.gradus.data.DataSet
import org.gradus.plot.figure.Curve
import org.gradus.plot.figure.Region

import spock.lang.Specification

/** A softmax classifier's decision regions and the exact pieces of its boundaries. */
class ClassRegionsSpec extends Specification {

    /** Scores z0 = 0, z1 = a, z2 = b: class 0 where a, b < 0; class 1 where a > 0 and a > b; class 2 where b > 0 and b > a. */
    static final ClassRegions MODEL = new ClassRegions([[0, 0], [1, 0], [0, 1]] as double[][], [0, 0, 0] as double[])

    static DataSet square() {
        double[][] t = [[-1, -1, 0], [1, -1, 1], [-1, 1, 2], [1, 1, 1]] as double[][]
        new DataSet('square', ['a', 'b', 'label'], t, 'label')
    }

    def "the boundaries are the pieces of the lines where two classes tie and beat the third, by hand"() {
        when: 'over [-1, 1]²: 0|1 on a = 0 for b ≤ 0, 0|2 on b = 0 for a ≤ 0, 1|2 on a = b for a ≥ 0'
        List<Curve> lines = MODEL.layers(square(), 0, 1, -1, 1, -1, 1).findAll { it instanceof Curve } as List<Curve>

        then:
        lines.size() == 3
        joins(lines[0], [0, -1], [0, 0])
        joins(lines[1], [-1, 0], [0, 0])
        joins(lines[2], [0, 0], [1, 1])
        lines[0].legend() == "decision boundaries (two classes' scores tie)" && lines[1].legend() == null
    }

    /** Whether the segment runs from p to q, in either direction. */
    static boolean joins(Curve c, List<Number> p, List<Number> q) {
        Closure<Boolean> at = { int i, List<Number> e -> Math.abs(c.x()[i] - e[0]) < 1e-12 && Math.abs(c.y()[i] - e[1]) < 1e-12 }
        at(0, p) && at(1, q) || at(0, q) && at(1, p)
    }

    def "each class's region is shaded where its score is the largest"() {
        when:
        List<Region> regions = MODEL.layers(square(), 0, 1, -1, 1, -1, 1).findAll { it instanceof Region } as List<Region>

        then: 'the winner at each point, by hand'
        regions*.draw() == [Region.Draw.SHADE] * 3
        [[-0.5, -0.5, 0], [0.5, -0.5, 1], [0.9, 0.2, 1], [-0.5, 0.5, 2], [0.2, 0.9, 2]].every { p ->
            (0..2).every { k -> (regions[k].g().valueAt(p[0], p[1]) <= 0) == (k == p[2]) }
        }
    }

    def "a feature not drawn is held at its mean: its weights move the lines"() {
        given: 'a third feature c with mean 1 and weight 1 in class 0 only: z0 = 1, so 0|1 is at a = 1, out of the box but for its corner'
        double[][] t = [[-1, -1, 0, 0], [1, -1, 2, 1], [-1, 1, 1, 2]] as double[][]
        DataSet d = new DataSet('d', ['a', 'b', 'c', 'label'], t, 'label')
        ClassRegions m = new ClassRegions([[0, 0, 1], [1, 0, 0], [0, 1, 0]] as double[][], [0, 0, 0] as double[])

        when:
        List<Curve> lines = m.layers(d, 0, 1, -1, 2, -1, 2).findAll { it instanceof Curve } as List<Curve>

        then: 'z0 = 1, z1 = a, z2 = b: 0|1 on a = 1 for b ≤ 1, 0|2 on b = 1 for a ≤ 1, 1|2 on a = b for a ≥ 1'
        lines.size() == 3
        lines.every { c -> (0..1).every { i -> [Math.abs(c.x()[i] - 1), Math.abs(c.y()[i] - 1), Math.abs(c.x()[i] - c.y()[i])].min() < 1e-12 } }
    }
}
