package org.gradus.plot.terminal

import org.gradus.plot.figure.Axis
import org.gradus.plot.figure.Curve
import org.gradus.plot.figure.Figure
import org.gradus.plot.figure.Markers
import org.gradus.plot.figure.Panel

import java.awt.Color

import spock.lang.Specification

/** Braille cells worked out by hand from the Unicode dot numbering (dots 1-2-3-7 left, 4-5-6-8 right). */
class BrailleSpec extends Specification {

    def "each dot sets its own bit of U+2800"() {
        given:
        BrailleCanvas c = new BrailleCanvas(1, 1)

        when:
        c.dot(x, y, 0)

        then:
        c.cell(0, 0) == (char) expected

        where:
        x | y | expected
        0 | 0 | 0x2801          // ⠁ dot 1
        0 | 1 | 0x2802          // ⠂ dot 2
        0 | 2 | 0x2804          // ⠄ dot 3
        0 | 3 | 0x2840          // ⡀ dot 7
        1 | 0 | 0x2808          // ⠈ dot 4
        1 | 1 | 0x2810          // ⠐ dot 5
        1 | 2 | 0x2820          // ⠠ dot 6
        1 | 3 | 0x2880          // ⢀ dot 8
    }

    def "a diagonal from (0, 0) to (3, 3) fills two cells: ⠑ and ⢄"() {
        given:
        BrailleCanvas c = new BrailleCanvas(2, 1)

        when:
        c.line(0, 0, 3, 3, 0xff0000)

        then:
        c.cell(0, 0) == '⠑' as char    // dots 1 and 5: (0,0), (1,1)
        c.cell(0, 1) == '⢄' as char    // dots 3 and 8: (2,2), (3,3)
        c.colour(0, 1) == 0xff0000
    }

    def "a horizontal line through a tiny plot is a row of ⠉ right of the axis, with its end mark"() {
        given: 'y = 0 over x ∈ [0, 1], y ∈ [-1, 1], end marked at x = 0.98'
        def line = new Curve(null, [0, 1] as double[], [0, 0] as double[], new Color(0x1f77b4), Curve.Dash.SOLID, 2)
        def end = Markers.at(0.98, 0, Markers.Shape.CROSS, Color.RED, 8, null)
        def fig = new Figure(null, [new Panel(null, Axis.range(null, 0, 1), Axis.range(null, -1, 1), [line, end], false)], [])

        when: '30 × 10 cells: row 0 the y label, rows 1-6 the plot, 7 the axis, 8 the x ticks, 9 the x label;' +
                ' columns 0-2 the y tick labels (-1, 0, 1 are at most 2 wide), 3 the axis, 4-29 the plot (52 × 24 dots)'
        TerminalPicture p = TerminalRenderer.render(fig, 30, 10, false)
        List<String> rows = p.lines()

        then: 'y = 0 is dot row 12 = the top dots (1 and 4) of cell row 3: ⠉ in every plot column, × at x = 0.98 (dot 50, column 25)'
        rows.size() == 10
        rows[4] == '  0┤' + '⠉' * 25 + '×'
        rows[1].startsWith('  1┤')
        rows[6].startsWith(' -1┤')
        rows[7] == '   └┬' + '─' * 12 + '┬' + '─' * 11 + '┬'
        rows[8] == '    0           0.5          1'
        p.foreground(4, 10) == 0x1f77b4
        p.foreground(4, 29) == 0xff0000
    }

    def "with colours, the level sets are the cells' backgrounds: the band colour at each cell's centre, darker where f is lower"() {
        given: 'x² + y² over [-2, 2]², bands 0..8'
        def fig = org.gradus.plot.render.Drawings.bowl()

        when:
        TerminalPicture p = TerminalRenderer.render(fig, 60, 24, true)
        // the plot area: rows 1..(24 - 4 - 1 legend - 1 colour bar - 1), columns right of the axis
        List<int[]> cells = []
        for (int r = 1; r < 17; r++) for (int c = 4; c < 60; c++) if (p.background(r, c) != TerminalPicture.DEFAULT) cells << ([r, c] as int[])
        def lum = { int rgb -> 0.2126 * ((rgb >> 16) & 255) + 0.7152 * ((rgb >> 8) & 255) + 0.0722 * (rgb & 255) }
        int[] centre = cells.min { Math.abs(it[0] - 9) + Math.abs(it[1] - 32) }
        int[] corner = cells.min { it[0] + it[1] }

        then: 'every cell of the plot has a band colour; the centre (f near 0) is the darkest band, the corner (f near 8) a light one'
        cells.size() > 500
        p.background(centre[0], centre[1]) == (org.gradus.plot.figure.ColourMap.VIRIDIS.at(0).RGB & 0xffffff)
        lum(p.background(corner[0], corner[1])) > lum(p.background(centre[0], centre[1])) + 100
        p.lines().any { it.contains('gd: 2 iterations, f = 0') }
    }
}
