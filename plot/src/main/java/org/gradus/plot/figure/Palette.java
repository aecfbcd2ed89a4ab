package org.gradus.plot.figure;

import java.awt.Color;

/**
 * The colours of series. On white, matplotlib's "tab10" cycle (what its users know); over filled level
 * sets (dark violet to yellow), colours that stay visible on every band of viridis.
 */
public final class Palette {
    private Palette() {
    }

    private static final Color[] ON_WHITE = {
            new Color(0x1f77b4), new Color(0xff7f0e), new Color(0x2ca02c), new Color(0xd62728), new Color(0x9467bd),
            new Color(0x8c564b), new Color(0xe377c2), new Color(0x7f7f7f), new Color(0xbcbd22), new Color(0x17becf),
    };

    private static final Color[] ON_FIELD = {
            new Color(0xff3b30), new Color(0xffffff), new Color(0xff9f0a), new Color(0x40c8ff), new Color(0xff4fd8),
            new Color(0x000000), new Color(0xa0ff40), new Color(0xc0c0c0),
    };

    /** The k-th series colour on a white background. */
    public static Color onWhite(int k) {
        return ON_WHITE[Math.floorMod(k, ON_WHITE.length)];
    }

    /** The k-th series colour over filled level sets. */
    public static Color onField(int k) {
        return ON_FIELD[Math.floorMod(k, ON_FIELD.length)];
    }

    /** The same colour with alpha in [0, 1]. */
    public static Color alpha(Color c, double alpha) {
        return new Color(c.getRed(), c.getGreen(), c.getBlue(), (int) Math.round(255 * Math.max(0, Math.min(1, alpha))));
    }
}
