package org.gradus.plot.render;

import org.gradus.plot.figure.Axis;
import org.gradus.plot.figure.Band;
import org.gradus.plot.figure.Curve;
import org.gradus.plot.figure.Field;
import org.gradus.plot.figure.Label;
import org.gradus.plot.figure.Layer;
import org.gradus.plot.figure.Markers;
import org.gradus.plot.figure.Panel;
import org.gradus.plot.figure.Region;
import org.gradus.plot.figure.Span;

/**
 * The ranges a panel's axes show: an axis's fixed range, or else the extent of the data with a margin
 * of 4% (matplotlib's 5% is close), in log space on a log axis. A field or region fixes both ranges to
 * its grid.
 */
public final class Ranges {
    /** A closed range of an axis. */
    public record Range(double lower, double upper) {
    }

    private Ranges() {
    }

    public static Range x(Panel p) {
        return resolve(p, p.x(), true);
    }

    public static Range y(Panel p) {
        return resolve(p, p.y(), false);
    }

    private static Range resolve(Panel p, Axis axis, boolean isX) {
        if (axis.fixed()) return new Range(axis.lower(), axis.upper());
        double lo = Double.POSITIVE_INFINITY, hi = Double.NEGATIVE_INFINITY;
        boolean log = axis.log();
        for (Layer l : p.layers()) {
            double[][] sets = values(l, isX);
            if (sets == null) continue;
            for (double[] s : sets) {
                for (double v : s) {
                    if (!Double.isFinite(v) || log && v <= 0) continue;
                    lo = Math.min(lo, v);
                    hi = Math.max(hi, v);
                }
            }
        }
        if (lo > hi) return log ? new Range(0.1, 10) : new Range(-1, 1);
        if (!Double.isNaN(axis.lower())) lo = axis.lower();
        if (!Double.isNaN(axis.upper())) hi = axis.upper();
        if (log) {
            double a = Math.log10(lo), b = Math.log10(hi);
            if (b - a < 1e-9) {
                a -= 0.5;
                b += 0.5;
            }
            double m = 0.04 * (b - a);
            return new Range(Math.pow(10, a - m), Math.pow(10, b + m));
        }
        if (hi - lo <= 1e-12 * Math.max(1, Math.abs(hi))) {
            double d = Math.max(Math.abs(hi) * 0.1, 0.5);
            return new Range(lo - d, hi + d);
        }
        double m = 0.04 * (hi - lo);
        return new Range(Double.isNaN(axis.lower()) ? lo - m : lo, Double.isNaN(axis.upper()) ? hi + m : hi);
    }

    /** The coordinates a layer contributes to the x (or y) range; null for none. */
    private static double[][] values(Layer l, boolean isX) {
        if (l instanceof Field f) return new double[][]{isX ? ends(f.grid().xs()) : ends(f.grid().ys())};
        if (l instanceof Region r) return new double[][]{isX ? ends(r.g().xs()) : ends(r.g().ys())};
        if (l instanceof Curve c) return new double[][]{isX ? c.x() : c.y()};
        if (l instanceof Markers m) return new double[][]{isX ? m.x() : m.y()};
        if (l instanceof Band b) return isX ? new double[][]{b.x()} : new double[][]{b.lower(), b.upper()};
        if (l instanceof Span s) return isX ? new double[][]{{s.from(), s.to()}} : null;
        if (l instanceof Label t) return new double[][]{{isX ? t.x() : t.y()}};
        return null;
    }

    private static double[] ends(double[] a) {
        return new double[]{a[0], a[a.length - 1]};
    }
}
