package org.gradus.analysis;

import org.gradus.atoms.Interval;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A secant test of Jensen's inequality: points a and b, a weight t, and the gap
 * f(t·a + (1−t)·b) − (t·f(a) + (1−t)·f(b)). A positive gap (the graph above the secant) refutes
 * convexity; a negative gap refutes concavity.
 *
 * <p>A secant is only reported after {@link #verify}: the three points are on a binary grid so that
 * the mixed point is exact, and the gap is enclosed by outward-rounded interval evaluation, so its
 * sign cannot be an artefact of rounding; it must also exceed 1e-9 of the values' size. Where f has array
 * operands (whose enclosure is the hull of all their elements, too wide at a point), the floating-point gap
 * must instead exceed 1e-6 of the values' size: a million times the rounding of evaluating f.
 */
public record Secant(double[] a, double[] b, double t, double gap) {
    /** The relative size a gap needs when f has array operands and intervals cannot enclose it tightly. */
    static final double ARRAY_MARGIN = 1e-6;

    /** The mixed point t·a + (1−t)·b. */
    public double[] mix() {
        double[] m = new double[a.length];
        for (int i = 0; i < m.length; i++) m[i] = t * a[i] + (1 - t) * b[i];
        return m;
    }

    public Map<String, Object> toMap(Layout layout) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("a", layout.toMap(a));
        out.put("b", layout.toMap(b));
        out.put("t", t);
        out.put("gap", gap);
        return out;
    }

    /** Rounds a point onto a binary grid 2⁻⁴⁰ times its size, staying inside the domain. */
    static double[] snap(double[] x, Domain d) {
        double max = 1e-300;
        for (double v : x) max = Math.max(max, Math.abs(v));
        for (Interval s : d.sampling) max = Math.max(max, Math.max(Math.abs(s.lo()), Math.abs(s.hi())));
        double g = Math.scalb(1.0, Math.getExponent(max) + 1 - 40);
        double[] y = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            double v = Math.rint(x[i] / g) * g;
            Interval b = d.box[i];
            while (v < b.lo() || (d.openLower[i] && v <= b.lo())) v += g;
            while (v > b.hi()) v -= g;
            y[i] = v;
        }
        return y;
    }

    /** The secant through a and b at weight t, with its gap computed in floating point. */
    static Secant of(CompiledFunction f, double[] a, double[] b, double t) {
        double[] m = new double[a.length];
        for (int i = 0; i < m.length; i++) m[i] = t * a[i] + (1 - t) * b[i];
        double gap = f.value(m) - (t * f.value(a) + (1 - t) * f.value(b));
        return new Secant(a, b, t, gap);
    }

    /**
     * True when the sign of the gap is certain: sign &gt; 0 checks that the graph is above the secant,
     * sign &lt; 0 below it.
     */
    boolean verify(Expr f, Layout layout, CompiledFunction cf, int sign) {
        if (!(gap * sign > 0) || !Double.isFinite(gap)) return false;
        double[] m = new double[a.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = t * a[i] + (1 - t) * b[i];
            BigDecimal exact = new BigDecimal(t).multiply(new BigDecimal(a[i])).add(BigDecimal.ONE.subtract(new BigDecimal(t)).multiply(new BigDecimal(b[i])));
            if (exact.compareTo(new BigDecimal(m[i])) != 0) return false;
        }
        Enclosure ea = Enclosure.atPoint(layout, a), eb = Enclosure.atPoint(layout, b), em = Enclosure.atPoint(layout, m);
        Interval fa = ea.of(f), fb = eb.of(f), fm = em.of(f);
        if (!ea.defined() || !eb.defined() || !em.defined()) return false;
        Interval secant = Enclosure.add(Enclosure.mul(Interval.point(t), fa), Enclosure.mul(Interval.point(1 - t), fb));
        Interval g = Enclosure.sub(fm, secant);
        boolean certain = sign > 0 ? g.lo() > 0 : g.hi() < 0;
        double va = cf.value(a), vb = cf.value(b), vm = cf.value(m);
        double scale = Math.max(Math.abs(va), Math.max(Math.abs(vb), Math.abs(vm)));
        if (!certain && (ea.hulledArray() || eb.hulledArray() || em.hulledArray())) {
            // Array expressions are enclosed by the hull of their elements, too wide to decide at a point.
            // The points are exact binary-grid values, so the only error is the rounding of evaluating f
            // itself (relative ~1e-16 per operation): a gap above a millionth of the values' size is
            // far outside it, and its sign is the true one.
            return Double.isFinite(va) && Double.isFinite(vb) && Double.isFinite(vm) && Math.abs(gap) > ARRAY_MARGIN * scale;
        }
        return certain && Math.abs(gap) > 1e-9 * scale;
    }
}
