package org.gradus.plot;

import org.gradus.expr.Expr;
import org.gradus.io.OutputFile;
import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Figure;
import org.gradus.plot.figure.Markers;
import org.gradus.plot.figure.Palette;
import org.gradus.plot.output.Format;
import org.gradus.plot.output.GifWriter;
import org.gradus.plot.pictures.LevelSets;
import org.gradus.plot.pictures.PlotOptions;
import org.gradus.plot.render.DataArea;
import org.gradus.plot.render.LayerPainter;
import org.gradus.plot.render.PageRenderer;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code animate f, x:, y:, path: [r1, r2, r3], file: 'race.gif'}: the race of optimizers on one surface.
 * The level sets, axes and legend are drawn once; each frame then draws every path up to the same
 * iteration (frame k shows iterations 0 .. k·every), the start circled and the current point marked, and
 * the last frame (every path at its end, crossed) is held for two seconds. {@code every:} iterations per
 * frame (default: about 60 frames for the longest run), {@code fps:} frames per second (default 12).
 */
public final class Animator {
    static final List<String> OPTIONS = List.of("every", "fps");
    static final int MAX_FRAMES = 400, HOLD_MILLIS = 2000;

    private Animator() {
    }

    /**
     * Writes the animation to the file named by {@code file:} (a .gif) through the host's file policy.
     *
     * @throws IllegalArgumentException without paths, without {@code file:}, or for a file that is not .gif
     */
    public static PlotResult animate(Expr f, PlotOptions o, PlotHost host) {
        if (!o.has("file")) throw new IllegalArgumentException("animate writes a GIF: give it a file, file: 'race.gif'");
        String name = o.text("file", null);
        if (Format.of(Path.of(name)) != Format.GIF) throw new IllegalArgumentException("animate writes a GIF: the file name must end in .gif, not '" + name + "'");
        if (!o.has("path")) throw new IllegalArgumentException("animate draws descent paths: give the runs, path: [r1, r2]");
        LevelSets.Race race = LevelSets.race(f, o, OPTIONS);
        int width = o.integer("width", Plotter.DEFAULT_WIDTH, 16), height = o.integer("height", Plotter.DEFAULT_HEIGHT, 16);
        if (width > 4000 || height > 4000) throw new IllegalArgumentException("an animation is at most 4000 × 4000 pixels");
        double last = 0;
        for (Curve c : race.paths()) last = Math.max(last, race.iteration(c)[race.iteration(c).length - 1]);
        int every = o.has("every") ? o.integer("every", 1, 1) : (int) Math.max(1, Math.ceil(last / 60));
        int frames = (int) Math.ceil(last / every) + 1;
        if (frames > MAX_FRAMES) {
            throw new IllegalArgumentException("animate: " + frames + " frames of " + every + " iterations each; at most " + MAX_FRAMES
                    + " (use every: " + (int) Math.ceil(last / (MAX_FRAMES - 1)) + " or more)");
        }
        double fps = o.number("fps", 12);
        if (!(fps > 0 && fps <= 100)) throw new IllegalArgumentException("fps: between 0 and 100 frames per second");
        int delay = (int) Math.round(1000 / fps);

        BufferedImage background = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D bg = background.createGraphics();
        DataArea area;
        try {
            area = PageRenderer.draw(race.background(), bg, width, height, true).get(0);
        } finally {
            bg.dispose();
        }
        try (OutputFile out = host.files().create(name)) {
            try (GifWriter gif = new GifWriter(out.temporary())) {
                for (int k = 0; k < frames; k++) {
                    double t = Math.min(last, (double) k * every);
                    gif.frame(frame(background, area, race, t, k == frames - 1), k == frames - 1 ? HOLD_MILLIS : delay);
                }
            }
            out.commit();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the animation " + name + ": " + e.getMessage(), e);
        }
        return new PlotResult(name, "gif", width, height, race.figure().series(), frames + " frames, " + every
                + (every == 1 ? " iteration" : " iterations") + " each", null);
    }

    /** The background with every path drawn up to iteration t. */
    static BufferedImage frame(BufferedImage background, DataArea area, LevelSets.Race race, double t, boolean end) {
        BufferedImage img = new BufferedImage(background.getWidth(), background.getHeight(), BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            g.drawImage(background, 0, 0, null);
            PageRenderer.hints(g);
            g.clip(area.rect());
            for (int k = 0; k < race.paths().size(); k++) {
                Curve c = race.paths().get(k);
                double[] it = race.iteration(c);
                int n = 0;
                while (n < it.length && it[n] <= t) n++;
                n = Math.max(1, n);
                LayerPainter.curve(g, c, area, n);
                var colour = Palette.onField(k);
                LayerPainter.mark(g, Markers.Shape.CIRCLE, colour, 11, area.px(c.x()[0]), area.py(c.y()[0]));
                boolean done = n == it.length;
                LayerPainter.mark(g, done ? Markers.Shape.CROSS : Markers.Shape.DOT, colour, done ? 11 : 9,
                        area.px(c.x()[n - 1]), area.py(c.y()[n - 1]));
            }
            g.setClip(null);
            LayerPainter.caption(g, "iteration " + (long) t + (end ? " (end)" : ""), area, img.getHeight());
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The figure drawn as a still: the same as {@link Plotter} would draw with the paths complete. */
    static Figure still(LevelSets.Race race) {
        return race.figure();
    }
}
