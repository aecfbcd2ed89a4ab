package org.gradus.calculus;

import org.gradus.atoms.Apply;
import org.gradus.atoms.ArgumentDomain;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Max;
import org.gradus.atoms.Min;
import org.gradus.atoms.Ops;
import org.gradus.atoms.UnaryAtom;
import org.gradus.atoms.Substitution;
import org.gradus.atoms.VectorFunction;
import org.gradus.expr.Constant;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.Layout;
import org.gradus.expr.Lookup;
import org.gradus.expr.SumOver;
import org.gradus.expr.Variable;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One pass over an expression at a point: every atom's argument values, and what each atom says about
 * itself there — outside its domain, a jump, at an edge of its domain, a kink. Continuity at a point
 * follows from it: a composition of atoms each continuous at its arguments, inside its domain, is
 * continuous there.
 */
public final class PointWalk {
    /** What an atom says at the point. */
    public enum Kind { UNDEFINED, JUMP, EDGE, KINK }

    /** One atom's statement: the node, its argument values, the kind, and the atom's own words. */
    public record Finding(Apply node, double[] args, Kind kind, String message) {
    }

    private final Layout layout;
    private final double[] x;
    private final Map<Expr, Double> memo = new IdentityHashMap<>();
    private final List<Finding> findings = new ArrayList<>();
    /** Whether some coordinate of the point is the rounding of a number (a kink, jump or edge within that rounding is taken at it). */
    private final boolean rounded;

    private PointWalk(Layout layout, double[] x) {
        this.layout = layout;
        this.x = x;
        this.rounded = PointRounding.anyRounded(x);
    }

    /** Walks e at the point x (coordinates of the layout). */
    public static PointWalk at(Expr e, Layout layout, double[] x) {
        PointWalk w = new PointWalk(layout, x);
        w.value(e);
        return w;
    }

    public List<Finding> findings() {
        return findings;
    }

    /** The first finding of this kind, or null. */
    public Finding first(Kind kind) {
        for (Finding f : findings) if (f.kind() == kind) return f;
        return null;
    }

    /** True when every atom is defined, continuous, and inside its domain (not at an edge). */
    public boolean continuousInside() {
        for (Finding f : findings) if (f.kind() != Kind.KINK) return false;
        return true;
    }

    private double value(Expr e) {
        Double known = memo.get(e);
        if (known != null) return known;
        double v = compute(e);
        memo.put(e, v);
        return v;
    }

    private double compute(Expr e) {
        if (e instanceof Constant c) return c.value();
        if (e instanceof Variable v) return x[layout.offset(v)];
        if (e instanceof Element el) {
            int k = el.constantIndex() >= 0 ? el.constantIndex() : (int) Math.rint(value(el.index()));
            return x[layout.offset(el.vector()) + k];
        }
        if (e instanceof Lookup l) return l.at((int) Math.rint(value(l.index())));
        if (e instanceof VectorFunction vf) return value(vf.lowered());
        if (e instanceof SumOver s) {
            double total = 0;
            for (int i = s.from(); i < s.to(); i++) total += value(new Substitution(Map.of(s.index(), Constant.of(i))).apply(s.body()));
            return total;
        }
        if (e instanceof IndexSymbol) return Double.NaN;
        Apply a = (Apply) e;
        double[] args = new double[a.args().size()];
        for (int i = 0; i < args.length; i++) args[i] = value(a.arg(i));
        for (double v : args) if (Double.isNaN(v)) return Double.NaN;
        Atom atom = a.atom();
        String snapped = rounded ? snapToBreak(a, args) : "";
        String dom = atom.domainError(args);
        if (dom != null) {
            findings.add(new Finding(a, args, Kind.UNDEFINED, dom + snapped));
            return Double.NaN;
        }
        String jump = atom.discontinuity(args);
        if (jump != null) findings.add(new Finding(a, args, Kind.JUMP, jump + snapped));
        for (int i = 0; i < args.length; i++) {
            ArgumentDomain d = atom.domain(i, a.args());
            if (!d.isAll() && (args[i] == d.lo() || args[i] == d.hi())) {
                findings.add(new Finding(a, args, Kind.EDGE, atom.name() + " is defined only for " + d.text("its argument")
                        + ", and its argument is at the edge " + Numbers.format(args[i]) + snapped));
            }
        }
        String kink = atom.kink(args);
        if (kink != null && jump == null) findings.add(new Finding(a, args, Kind.KINK, kink + snapped));
        return atom.value(args);
    }

    /**
     * At a point that is the rounding of a number (π, √2), an argument of a kink, jump or domain edge that is there only
     * up to that rounding is taken at it: |sin(x)| at {@code Math.PI} has its kink at π, though sin is 1.2e-16 at the
     * double, and log(sin(x)) is undefined there (see {@link PointRounding}). Returns the words saying so, or "" when no
     * argument moved.
     */
    private String snapToBreak(Apply a, double[] args) {
        Atom atom = a.atom();
        if (atom instanceof UnaryAtom u) {
            ArgumentDomain d = u.domain();
            double[] special = d.isAll() ? u.kinks() : new double[]{d.lo(), d.hi()};   // √ and log: the edge of the domain
            for (double k : special) {
                if (!Double.isFinite(k)) continue;
                if (args[0] != k && PointRounding.zeroWithinRounding(Ops.sub(a.arg(0), Constant.of(k)), layout, x, args[0] - k)) {
                    String words = roundingWords(a.arg(0), args[0], k);
                    args[0] = k;
                    return words;
                }
            }
        } else if ((atom instanceof Max || atom instanceof Min) && args[0] != args[1]
                && PointRounding.zeroWithinRounding(Ops.sub(a.arg(0), a.arg(1)), layout, x, args[0] - args[1])) {
            String words = roundingWords(Ops.sub(a.arg(0), a.arg(1)), args[0] - args[1], 0);
            args[1] = args[0];
            return words;
        }
        return "";
    }

    private static String roundingWords(Expr argument, double value, double kink) {
        return " (at the double itself " + argument + " is " + Numbers.round(value, 3) + (kink == 0 ? "" : " against " + Numbers.format(kink))
                + ", the same up to the rounding of the point: the point is read as the number it stands for, as π for Math.PI)";
    }
}
