package org.gradus.plot.figure;

import java.awt.Color;

/**
 * A region of the plane given on a grid as {@code g ≤ 0} (a feasible set, a norm ball, the rows a
 * classifier gives one class), shaded translucently and outlined along {@code g = 0}, or only one of the
 * two ({@link Draw}): only the boundary for an equality constraint's curve or a ball drawn over level
 * sets, only the shade for regions that meet along lines drawn separately.
 */
public record Region(String legend, Grid g, Color colour, double alpha, Draw draw, Curve.Dash dash) implements Layer {

    /** What of the region is drawn. */
    public enum Draw {
        SHADE_AND_OUTLINE, OUTLINE, SHADE;

        public boolean shades() {
            return this != OUTLINE;
        }

        public boolean outlines() {
            return this != SHADE;
        }
    }
}
