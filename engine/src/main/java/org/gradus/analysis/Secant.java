package org.gradus.analysis;

import org.gradus.atoms.OutwardRounding;
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
 * operands (which {@link Enclosure} encloses by the hull of all their elements, too wide at a point), the
 * values are enclosed element by element instead ({@link PointEnclosure}: one outward-rounded interval per
 * element of every array), and the witness is accepted only when that enclosure of the gap excludes 0 on
 * the right side. There is no floating-point margin: a secant whose sign the intervals cannot certify is
 * not reported, and {@link #check} says why.
 */
public record Secant(double[] a, double[] b, double t, double gap, String where) {
    /**
     * @param where how a and b were chosen, in words (printed instead of the points, which may have thousands
     *              of coordinates; the JSON keeps the points too), or null
     */
    public Secant {
    }

    public Secant(double[] a, double[] b, double t, double gap) {
        this(a, b, t, gap, null);
    }

    /** The same secant, described in words. */
    Secant described(String how) {
        return new Secant(a, b, t, gap, how);
    }
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
        if (where != null) out.put("where", where);
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
            while (v > b.hi() || (d.openUpper[i] && v >= b.hi())) v -= g;
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
        return check(f, layout, cf, sign) == null;
    }

    /** Null when the sign of the gap is certain (see {@link #verify}); otherwise why it is not, in words. */
    String check(Expr f, Layout layout, CompiledFunction cf, int sign) {
        if (!(gap * sign > 0) || !Double.isFinite(gap)) return "its gap has the wrong sign or is not finite";
        double[] m = new double[a.length];
        for (int i = 0; i < m.length; i++) {
            m[i] = t * a[i] + (1 - t) * b[i];
            BigDecimal exact = new BigDecimal(t).multiply(new BigDecimal(a[i])).add(BigDecimal.ONE.subtract(new BigDecimal(t)).multiply(new BigDecimal(b[i])));
            if (exact.compareTo(new BigDecimal(m[i])) != 0) return "its mixed point is not exact in floating point";
        }
        Enclosure ea = Enclosure.atPoint(layout, a), eb = Enclosure.atPoint(layout, b), em = Enclosure.atPoint(layout, m);
        Interval fa = ea.of(f), fb = eb.of(f), fm = em.of(f);
        if (!ea.defined() || !eb.defined() || !em.defined()) return "f may be undefined at one of its points";
        if (ea.hulledArray() || eb.hulledArray() || em.hulledArray()) {
            // the hull of a whole array is too wide at a point: enclose every element on its own
            PointEnclosure pa = new PointEnclosure(layout, a), pb = new PointEnclosure(layout, b), pm = new PointEnclosure(layout, m);
            fa = pa.scalar(f);
            fb = pb.scalar(f);
            fm = pm.scalar(f);
            if (!pa.defined() || !pb.defined() || !pm.defined()) return "f may be undefined at one of its points";
            String loose = pa.loose() != null ? pa.loose() : pb.loose() != null ? pb.loose() : pm.loose();
            if (loose != null) return "interval arithmetic cannot enclose " + loose + " element by element";
        }
        Interval secant = OutwardRounding.add(OutwardRounding.mul(Interval.point(t), fa), OutwardRounding.mul(Interval.point(1 - t), fb));
        Interval g = OutwardRounding.sub(fm, secant);
        boolean certain = sign > 0 ? g.lo() > 0 : g.hi() < 0;
        if (!certain) {
            return "its gap " + org.gradus.print.Numbers.round(gap, 6) + " is within the rounding of evaluating f (interval arithmetic puts it in ["
                    + g.lo() + ", " + g.hi() + "])";
        }
        double scale = Math.max(Math.abs(cf.value(a)), Math.max(Math.abs(cf.value(b)), Math.abs(cf.value(m))));
        return Math.abs(gap) > 1e-9 * scale ? null : "its gap is below 1e-9 of the values' size";
    }
}
