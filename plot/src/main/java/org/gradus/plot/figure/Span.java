package org.gradus.plot.figure;

import java.awt.Color;

/** A vertical strip from x = from to x = to across the whole panel, filled translucently (axvspan). */
public record Span(String legend, double from, double to, Color colour, double alpha) implements Layer {
}
