package org.gradus.plot.render

import org.gradus.plot.figure.ColourMap
import org.gradus.plot.figure.Palette

import java.awt.Color
import java.awt.image.BufferedImage

import spock.lang.Specification

import static org.gradus.plot.render.Drawings.*

/** A drawn page, checked pixel by pixel where the content is known. */
class PageRendererSpec extends Specification {

    def "the data area maps the fixed ranges onto a rectangle inside the page"() {
        when:
        def (BufferedImage img, List<DataArea> areas) = draw(bowl())
        DataArea a = areas[0]

        then:
        img.width == 800 && img.height == 600
        a.rect().minX > 20 && a.rect().maxX < 760 && a.rect().minY >= 8 && a.rect().maxY < 570
        Math.abs(a.px(0) - a.rect().centerX) < 1e-9
        Math.abs(a.py(2) - a.rect().minY) < 1e-9
        Math.abs(a.py(-2) - a.rect().maxY) < 1e-9
    }

    def "lower f is darker: the bands of x² + y² get lighter away from the minimum"() {
        given:
        def (BufferedImage img, List<DataArea> areas) = draw(bowl())
        DataArea a = areas[0]
        // points with f = 0.1, 1.48, 3.6, 5.3, 7.41 (one per band 0, 1, 3, 5, 7), away from contour lines and the path
        List<double[]> points = [[0.3, -0.1], [1.2, -0.2], [1.8, -0.6], [1.9, -1.3], [1.95, -1.9]].collect { it as double[] }

        when:
        List<Color> colours = points.collect { p -> pixel(img, a.px(p[0]), a.py(p[1])) }

        then: 'each is the viridis colour of its band (band k of 8 at k/7)'
        [0, 1, 3, 5, 7].withIndex().every { int band, int i -> near(colours[i], ColourMap.VIRIDIS.at(band / 7d), 3) }

        and: 'and luminance grows with f'
        (1..<colours.size()).every { luminance(colours[it]) > luminance(colours[it - 1]) }
    }

    def "the path is drawn in its colour along the known iterates"() {
        given:
        def (BufferedImage img, List<DataArea> areas) = draw(bowl())
        DataArea a = areas[0]
        Color red = Palette.onField(0)

        expect: 'at the middle iterate and along both segments'
        near(pixel(img, a.px(-0.5), a.py(0.5)), red)
        [0.25, 0.5, 0.75].every { t -> near(pixel(img, a.px(-1.5 + t), a.py(1.5 - t)), red) }
        [0.25, 0.5, 0.75].every { t -> near(pixel(img, a.px(-0.5 + 0.5 * t), a.py(0.5 - 0.5 * t)), red) }

        and: 'not off the path'
        !near(pixel(img, a.px(-0.5), a.py(-0.5)), red)
    }

    def "the legend lists each path with its method, iterations and final f"() {
        expect:
        Legends.items(bowl().panels()[0]).collect { it.label } == ['gd: 2 iterations, f = 0']
    }

    def "a white path's legend sample is white with a dark edge, not a grey line that names no path on the picture"() {
        given: 'the second colour over level sets is white (it stands out on every band of viridis)'
        def p = bowl().panels()[0]
        def white = new org.gradus.plot.figure.Curve('momentum: 2 iterations, f = 0', PX, PY, Palette.onField(1), org.gradus.plot.figure.Curve.Dash.SOLID, 2)
        def panel = new org.gradus.plot.figure.Panel(null, p.x(), p.y(), p.layers() + [white], false)

        when:
        def item = Legends.items(panel).find { it.label.startsWith('momentum') }

        then:
        Palette.onField(1) == Color.WHITE
        item.shapeVisible && item.shapeFilled && item.fillPaint == Color.WHITE
        item.shapeOutlineVisible && luminance(item.outlinePaint as Color) < 100
        !item.lineVisible

        and: 'a coloured path keeps its line sample in its own colour'
        def red = Legends.items(panel).find { it.label.startsWith('gd') }
        red.lineVisible && red.linePaint == Palette.onField(0)
    }

    def "the title is drawn above the panel, which moves down to make room"() {
        when:
        def (BufferedImage img, List<DataArea> areas) = draw(bowl('A bowl'))
        def (BufferedImage img0, List<DataArea> areas0) = draw(bowl())

        then:
        areas[0].rect().minY > areas0[0].rect().minY + 10
        (300..500).any { x -> (8..30).any { y -> luminance(new Color(img.getRGB(x, y))) < 100 } }
        (300..500).every { x -> (8..12).every { y -> img0.getRGB(x, y) == Color.WHITE.RGB } }
    }

    def "equal aspect narrows the plot so a unit is as long on both axes"() {
        given:
        def f = bowl()
        def p = f.panels()[0]
        def square = new org.gradus.plot.figure.Figure(null, [new org.gradus.plot.figure.Panel(null, p.x(), p.y(), p.layers(), true)], [])

        when:
        DataArea a = draw(square)[1][0]

        then:
        Math.abs(a.rect().width - a.rect().height) < 1.5
    }

    def "on a small page a long legend gets a smaller font and stays inside the data area, frame and all"() {
        given: 'the bowl at 400 × 300 with a legend entry wider than its data area (256 px) at 12 px'
        def f = bowl()
        def p = f.panels()[0]
        def layers = p.layers().collect { it instanceof org.gradus.plot.figure.Curve
                ? new org.gradus.plot.figure.Curve('momentum: 3000 iterations, f = 6.8e-7 (batch f)', it.x(), it.y(), it.colour(), it.dash(), 2)
                : it }
        def small = new org.gradus.plot.figure.Figure(null, [new org.gradus.plot.figure.Panel(null, p.x(), p.y(), layers, false)], ['gd'])

        when:
        def (BufferedImage img, List<DataArea> areas) = draw(small, 400, 300)
        DataArea a = areas[0]
        Color border = new Color(0xcccccc)
        int top = ((int) a.rect().minY..<(int) a.rect().maxY).find { int y ->    // the legend's top border, wherever the data leave it
            ((int) a.rect().minX..<(int) a.rect().maxX).count { int x -> near(new Color(img.getRGB(x, y)), border, 12) } > 100
        }
        int row = top + 2                                      // just under the legend's top border, above its text
        List<Integer> frame = ((int) a.rect().minX..<(int) a.rect().maxX).findAll { x -> near(new Color(img.getRGB(x, row)), new Color(0xcccccc), 12) }

        then: 'both side borders are drawn, the left one inside the data area'
        frame.size() >= 2
        frame.min() > a.rect().minX + 3
        frame.max() - frame.min() > 100
    }
}
