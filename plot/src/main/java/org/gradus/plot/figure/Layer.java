package org.gradus.plot.figure;

/**
 * One thing drawn in a panel, in data coordinates, drawn in list order (later on top). A layer with a
 * non-null {@link #legend()} gets a legend entry. Layers hold data only; renderers decide how they look
 * on a page ({@code render}) or in a terminal ({@code terminal}).
 */
public sealed interface Layer permits Field, Surface, Curve, Markers, Band, Span, Region, Label {
    /** The legend text, or null for none. */
    String legend();
}
