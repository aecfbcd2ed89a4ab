package org.gradus.plot.render;

import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Markers;

import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * Places the labels of marks so they stay inside the data area and cover neither another label nor a
 * mark: each label tries the four corners around its mark (upper right first) and takes the first
 * free one (the least covered one when none is free). It keeps every text's box, so that the legend,
 * drawn after, covers none ({@link Legends#freeCorner}).
 */
final class LabelPlacer {
    private final Rectangle2D area;
    private final List<Rectangle2D> taken = new ArrayList<>();
    private final List<Rectangle2D> texts = new ArrayList<>();

    LabelPlacer(Rectangle2D area, List<Layer> layers, DataArea data) {
        this.area = area;
        for (Layer l : layers) {
            if (!(l instanceof Markers m)) continue;
            for (int i = 0; i < m.x().length; i++) {
                double px = data.px(m.x()[i]), py = data.py(m.y()[i]), r = m.size() / 2 + 1;
                if (Double.isFinite(px) && Double.isFinite(py)) taken.add(new Rectangle2D.Double(px - r, py - r, 2 * r, 2 * r));
            }
        }
    }

    /** The baseline start of a label of width w and ascent/descent a/d beside a mark of radius r at (px, py). */
    double[] place(double px, double py, double r, double w, double a, double d) {
        double gap = r + 5;
        double[][] candidates = {
                {px + gap, py - gap}, {px + gap, py + gap + a}, {px - gap - w, py - gap}, {px - gap - w, py + gap + a}};
        double[] best = candidates[0];
        double bestCost = Double.POSITIVE_INFINITY;
        for (double[] c : candidates) {
            Rectangle2D box = new Rectangle2D.Double(c[0] - 3, c[1] - a - 2, w + 6, a + d + 4);
            double cost = 0;
            if (!area.contains(box)) cost += 1000;
            for (Rectangle2D t : taken) {
                Rectangle2D i = box.createIntersection(t);
                if (i.getWidth() > 0 && i.getHeight() > 0) cost += i.getWidth() * i.getHeight();
            }
            if (cost < bestCost) {
                bestCost = cost;
                best = c;
            }
            if (cost == 0) break;
        }
        Rectangle2D placed = new Rectangle2D.Double(best[0] - 3, best[1] - a - 2, w + 6, a + d + 4);
        taken.add(placed);
        texts.add(placed);
        return best;
    }

    /** A text drawn at a place of its own (a label layer): the legend keeps off it too. */
    void drawn(Rectangle2D box) {
        texts.add(box);
    }

    /** The boxes of the texts drawn so far (pixels), for the legend to keep off. */
    List<Rectangle2D> texts() {
        return texts;
    }
}
