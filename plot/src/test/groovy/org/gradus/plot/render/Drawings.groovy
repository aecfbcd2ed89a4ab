package org.gradus.plot.render

import org.gradus.plot.figure.Axis
import org.gradus.plot.figure.ColourMap
import org.gradus.plot.figure.Curve
import org.gradus.plot.figure.Field
import org.gradus.plot.figure.Figure
import org.gradus.plot.figure.Grid
import org.gradus.plot.figure.Levels
import org.gradus.plot.figure.LevelsSpec
import org.gradus.plot.figure.Markers
import org.gradus.plot.figure.Palette
import org.gradus.plot.figure.Panel

import java.awt.Color
import java.awt.Graphics2D
import java.awt.image.BufferedImage

/** Figures with known content for the rendering specs. */
class Drawings {
    /** The bowl x² + y² over [-2, 2]², its levels 0, 1, ..., 8, and a path (-1.5, 1.5) → (-0.5, 0.5) → (0, 0). */
    static final double[] PX = [-1.5, -0.5, 0], PY = [1.5, 0.5, 0]

    static Figure bowl(String title = null) {
        Grid g = LevelsSpec.grid(-2, 2, -2, 2) { x, y -> x * x + y * y }
        Levels levels = Levels.linear(0, 8, 8)
        def layers = [new Field(g, levels, ColourMap.VIRIDIS, true, 'f'),
                      new Curve('gd: 2 iterations, f = 0', PX, PY, Palette.onField(0), Curve.Dash.SOLID, 2),
                      Markers.at(PX[0], PY[0], Markers.Shape.CIRCLE, Palette.onField(0), 11, null),
                      Markers.at(PX[2], PY[2], Markers.Shape.CROSS, Palette.onField(0), 11, null)]
        new Figure(title, [new Panel(null, Axis.range('x', -2, 2), Axis.range('y', -2, 2), layers, false)], ['gd'])
    }

    /** Draws and returns {image, data areas}. */
    static List draw(Figure f, int w = 800, int h = 600) {
        BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB)
        Graphics2D g = img.createGraphics()
        List<DataArea> areas = PageRenderer.draw(f, g, w, h, true)
        g.dispose()
        [img, areas]
    }

    static Color pixel(BufferedImage img, double px, double py) {
        new Color(img.getRGB((int) Math.floor(px), (int) Math.floor(py)))
    }

    static double luminance(Color c) {
        0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue
    }

    static boolean near(Color a, Color b, int tol = 40) {
        Math.abs(a.red - b.red) <= tol && Math.abs(a.green - b.green) <= tol && Math.abs(a.blue - b.blue) <= tol
    }
}
