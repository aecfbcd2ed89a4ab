package org.gradus.plot.figure;

import java.awt.Color;

/** A text at a point of the data, drawn to its upper right. */
public record Label(String text, double x, double y, Color colour) implements Layer {
    @Override
    public String legend() {
        return null;
    }
}
