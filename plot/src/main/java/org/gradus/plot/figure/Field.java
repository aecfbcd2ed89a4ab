package org.gradus.plot.figure;

/**
 * Filled level sets of a function of two coordinates: each band of {@link Levels} in its colour of the
 * map, with contour lines at the inner bounds when {@code lines} is set.
 */
public record Field(Grid grid, Levels levels, ColourMap colours, boolean lines, String valueLabel) implements Layer {
    @Override
    public String legend() {
        return null;
    }

    /** The colour of the band holding v; null for NaN. */
    public java.awt.Color colourOf(double v) {
        int band = levels.band(v);
        return band < 0 ? null : colours.at(levels.colourPosition(band));
    }
}
