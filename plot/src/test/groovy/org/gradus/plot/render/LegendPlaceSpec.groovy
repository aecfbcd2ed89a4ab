package org.gradus.plot.render

import org.gradus.plot.figure.Axis
import org.gradus.plot.figure.Curve
import org.gradus.plot.figure.Markers
import org.gradus.plot.figure.Panel
import org.jfree.chart.ui.RectangleAnchor
import spock.lang.Specification

import java.awt.Color
import java.awt.geom.Rectangle2D

/**
 * Where the legend goes: the place where its box covers the fewest points and crossing segments, in matplotlib's
 * order on a tie — as matplotlib's loc='best' chooses (checked against it: the same data give 'upper left' there).
 * On [0, 1]², a legend box of 0.3 × 0.15.
 */
class LegendPlaceSpec extends Specification {
    static final Ranges.Range UNIT = new Ranges.Range(0, 1)

    static RectangleAnchor place(List layers, double width = 0.3, double height = 0.15, List<Rectangle2D> texts = []) {
        Legends.freeCorner(new Panel(null, Axis.range('x', 0, 1), Axis.range('y', 0, 1), layers, false), UNIT, UNIT, width, height, texts).anchor()
    }

    static Markers points(List<List<Double>> xy) {
        new Markers('data', xy*.get(0) as double[], xy*.get(1) as double[], Markers.Shape.POINT, Color.BLUE, 6, null)
    }

    def "a lone point under the upper-right box sends the legend to the empty upper left, though that quarter holds more points"() {
        given: 'the lower half full; one point at (0.95, 0.95); three in the upper-left quarter but below its box (y = 0.7)'
        def lower = (0..<10).collectMany { i -> (0..<5).collect { j -> [i / 9d, j / 12d] } }
        def layers = [points(lower + [[0.95d, 0.95d], [0.1d, 0.7d], [0.2d, 0.7d], [0.3d, 0.7d]])]

        expect: 'matplotlib: upper left'
        place(layers) == RectangleAnchor.TOP_LEFT
    }

    def "a straight line drawn as one segment counts where it crosses a box, with no point inside"() {
        given: 'the diagonal from (0, 0) to (1, 1) crosses the upper-right and lower-left boxes'
        def diagonal = new Curve('y = x', [0, 1] as double[], [0, 1] as double[], Color.BLACK, Curve.Dash.DASHED, 2)

        expect: 'the next place in matplotlib order: upper left'
        place([diagonal]) == RectangleAnchor.TOP_LEFT
    }

    def "a parabola leaves the upper middle free, a V the lower left: as matplotlib placed the same legend"() {
        given: 'on [-2, 2] with matplotlib: y = x² put its legend (285 × 25 px of 620 × 462) upper center, y = |x| lower left'
        double[] xs = (0..<200).collect { it / 199d } as double[]
        def parabola = new Curve('x²', xs, xs.collect { (2 * it - 1) ** 2 } as double[], Color.BLUE, Curve.Dash.SOLID, 2)
        def vee = new Curve('|x|', xs, xs.collect { Math.abs(2 * it - 1) } as double[], Color.BLUE, Curve.Dash.SOLID, 2)

        expect:
        place([parabola], 285 / 620d, 25 / 462d) == RectangleAnchor.TOP
        place([vee], 285 / 620d, 25 / 462d) == RectangleAnchor.BOTTOM_LEFT
    }

    def "a mark's label is not hidden: a word under the upper-right box sends the legend to the upper left (matplotlib 3.6 would cover it)"() {
        given: 'a low line; the label "maximum" of a mark at (0.75, 0.9) drawn over [0.78, 0.95] × [0.9, 0.96]'
        def line = new Curve('f', [0, 1] as double[], [0, 0.2] as double[], Color.BLUE, Curve.Dash.SOLID, 2)
        def label = new Rectangle2D.Double(0.78, 0.9, 0.17, 0.06)

        expect:
        place([line]) == RectangleAnchor.TOP_RIGHT
        place([line], 0.3, 0.15, [label]) == RectangleAnchor.TOP_LEFT

        and: 'a word is worth hiding only where every other place hides more than 25 points of the curves'
        def grid = (0..<30).collectMany { i -> (0..<30).collect { j -> [i / 29d, j / 29d] } }
        def full = points(grid.findAll { p -> !(p[0] > 0.68 && p[1] > 0.83) })      // about 40 points under every other place
        place([full], 0.3, 0.15, [label]) == RectangleAnchor.TOP_RIGHT
    }

    def "nothing drawn: upper right"() {
        expect:
        place([]) == RectangleAnchor.TOP_RIGHT
    }
}
