package org.gradus.plot.figure;

import java.awt.Color;

/**
 * A region of the plane given on a grid as {@code g ≤ 0} (a feasible set, a norm ball), shaded
 * translucently and outlined along {@code g = 0}. With {@code outlineOnly} only the boundary is drawn (an
 * equality constraint's curve, or a ball drawn over level sets).
 */
public record Region(String legend, Grid g, Color colour, double alpha, boolean outlineOnly, Curve.Dash dash) implements Layer {
}
