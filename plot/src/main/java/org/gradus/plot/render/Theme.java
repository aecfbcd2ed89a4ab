package org.gradus.plot.render;

import java.awt.Color;
import java.awt.Font;

/**
 * How pages look: white, plain (no bold title bar), readable sans-serif text at sizes close to
 * matplotlib's defaults at 100 dpi, thin dark axes, faint grid lines on plain panels only.
 */
public final class Theme {
    private Theme() {
    }

    public static final Font TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 16);
    public static final Font PANEL_TITLE_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 14);
    public static final Font AXIS_LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 13);
    public static final Font TICK_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);
    public static final Font LEGEND_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 12);
    public static final Font LABEL_FONT = new Font(Font.SANS_SERIF, Font.PLAIN, 11);

    public static final Color TEXT = new Color(0x222222);
    public static final Color AXIS = new Color(0x444444);
    public static final Color GRID = new Color(0xe6e6e6);
    /** Margin around the whole page and between panels, in pixels. */
    public static final int MARGIN = 8;
}
