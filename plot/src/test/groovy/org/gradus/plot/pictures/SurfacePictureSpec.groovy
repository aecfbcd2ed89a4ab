package org.gradus.plot.pictures

import org.gradus.atoms.Abs
import org.gradus.atoms.Ops
import org.gradus.plot.figure.Figure
import org.gradus.plot.figure.Markers
import org.gradus.plot.figure.Surface
import org.gradus.plot.render.Drawings
import org.gradus.plot.terminal.TerminalRenderer
import spock.lang.Specification

import java.awt.image.BufferedImage

import static org.gradus.plot.pictures.Fx.*
import org.gradus.plot.Pictures

/** plot f, x:, y:, surface: true — f as a surface in three dimensions, as matplotlib's plot_surface. */
class SurfacePictureSpec extends Specification {

    static Surface surface(Figure f) { f.panels()[0].layers().find { it instanceof Surface } as Surface }

    def "the saddle x² − y²: heights at the grid nodes by hand, its stationary point (0, 0) on the surface at height 0, matplotlib's default view"() {
        when:
        Surface s = surface(Pictures.figure([Ops.sub(pow(x, 2), pow(y, 2))], opts([x: -2..2, y: -1..1, surface: true, stationary: true])))

        then: 'the grid spans the box, 49 nodes a side (48 × 48 faces), z = x² − y² at every node'
        s.grid().xs()[0] == -2d && s.grid().xs()[-1] == 2d && s.grid().ys()[0] == -1d && s.grid().ys()[-1] == 1d
        s.grid().columns() == 49 && s.grid().rows() == 49
        (0..<49).every { j -> (0..<49).every { i -> Math.abs(s.grid().z()[j][i] - (s.grid().xs()[i]**2 - s.grid().ys()[j]**2)) < 1e-12 } }
        [s.elevation(), s.azimuth()] == [30d, -60d]
        s.points().size() == 1
        s.points()[0].with { it.x() == 0d && it.y() == 0d && it.z() == 0d && it.label() == 'saddle' && it.shape() == Markers.Shape.DOT }
    }

    def "a minimum at a kink, |x − 1| + y² at (1, 0) (no ∇f there; f ≥ 0 = f(1, 0), by hand), is marked with a star and says so"() {
        when:
        Surface s = surface(Pictures.figure([Ops.add(Ops.apply(Abs.INSTANCE, Ops.sub(x, c(1))), pow(y, 2))], opts([x: -2..2, y: -2..2, surface: true, stationary: true])))

        then:
        s.points().size() == 1
        s.points()[0].with { it.x() == 1d && it.y() == 0d && it.z() == 0d && it.label() == 'minimum at a kink (no ∇f)' && it.shape() == Markers.Shape.STAR }
    }

    def "seen from straight above (view: [90, -90]) the bowl x² + y² is darkest at the centre of the page and yellow at its corners"() {
        when:
        Figure f = Pictures.figure([Ops.add(pow(x, 2), pow(y, 2))], opts([x: -2..2, y: -2..2, surface: true, view: [90, -90]]))
        BufferedImage img = Drawings.draw(f)[0] as BufferedImage
        def centre = Drawings.pixel(img, 400, 300)
        def corners = [[230, 130], [570, 130], [230, 470], [570, 470]].collect { Drawings.pixel(img, it[0], it[1]) }

        then: "viridis: dark violet (68, 1, 84) at 0, bright towards 8 at the corners (x² + y² = 8)"
        Drawings.luminance(centre) < 40
        centre.blue > centre.green
        corners.every { Drawings.luminance(it) > Drawings.luminance(centre) + 60 }
    }

    def "the options of a surface, and what is wrong with a view"() {
        when:
        Pictures.figure([Ops.add(pow(x, 2), pow(y, 2))], opts([x: -2..2, y: -2..2, surface: true, levels: 5]))

        then:
        IllegalArgumentException e = thrown()
        e.message.contains("unknown option 'levels' for a surface plot; valid options: surface, view, path, stationary")

        when:
        Pictures.figure([Ops.add(pow(x, 2), pow(y, 2))], opts([x: -2..2, y: -2..2, surface: true, view: [30]]))

        then:
        e = thrown()
        e.message.startsWith('view: [elevation, azimuth] in degrees')
    }

    def "an animation is of level sets: surface: true there is an error, not ignored"() {
        when:
        LevelSets.race(Ops.add(pow(x, 2), pow(y, 2)), opts([x: -2..2, y: -2..2, surface: true]), ['every', 'fps'])

        then:
        IllegalArgumentException e = thrown()
        e.message.startsWith('an animation draws the paths over level sets; surface: true is for a still picture')
    }

    def "a terminal draws the surface as its level sets"() {
        when:
        Figure f = Pictures.figure([Ops.add(pow(x, 2), pow(y, 2))], opts([x: -2..2, y: -2..2, surface: true]))
        String text = TerminalRenderer.render(f, 60, 20, false).plainText()

        then:
        text.readLines().size() >= 18
        text.contains('f 0')
    }
}
