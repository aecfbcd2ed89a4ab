package org.gradus.plot.render;

import java.awt.geom.Rectangle2D;

/**
 * The rectangle of a page that shows the data, and the maps between data coordinates and page
 * coordinates (y grows downwards on the page). Linear or logarithmic per axis.
 */
public record DataArea(Rectangle2D rect, double x0, double x1, boolean xLog, double y0, double y1, boolean yLog) {

    public double px(double x) {
        return rect.getMinX() + fraction(x, x0, x1, xLog) * rect.getWidth();
    }

    public double py(double y) {
        return rect.getMaxY() - fraction(y, y0, y1, yLog) * rect.getHeight();
    }

    /** The data x at page x. */
    public double dataX(double px) {
        return value((px - rect.getMinX()) / rect.getWidth(), x0, x1, xLog);
    }

    /** The data y at page y. */
    public double dataY(double py) {
        return value((rect.getMaxY() - py) / rect.getHeight(), y0, y1, yLog);
    }

    private static double fraction(double v, double a, double b, boolean log) {
        if (log) return (Math.log10(v) - Math.log10(a)) / (Math.log10(b) - Math.log10(a));
        return (v - a) / (b - a);
    }

    private static double value(double t, double a, double b, boolean log) {
        if (log) return Math.pow(10, Math.log10(a) + t * (Math.log10(b) - Math.log10(a)));
        return a + t * (b - a);
    }
}
