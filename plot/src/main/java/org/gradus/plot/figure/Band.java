package org.gradus.plot.figure;

import java.awt.Color;

/** The area between two curves over the same x values, filled translucently (matplotlib's fill_between). */
public record Band(String legend, double[] x, double[] lower, double[] upper, Color colour, double alpha) implements Layer {
    public Band {
        if (x.length != lower.length || x.length != upper.length) throw new IllegalArgumentException("a band needs one lower and one upper value per x");
    }
}
