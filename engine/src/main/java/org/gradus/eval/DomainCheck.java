package org.gradus.eval;

import org.gradus.atoms.Apply;
import org.gradus.atoms.ArgumentDomain;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Power;
import org.gradus.atoms.Substitution;
import org.gradus.atoms.VectorFunction;
import org.gradus.atoms.Wording;
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
 * Why an expression has no value at a point: the first atom (innermost first) whose arguments lie outside
 * its domain, in the words a script's author needs — {@code log(x - 3) at x = 1: log needs a positive
 * argument, got -2}. Evaluation, derivatives at a point and the minimizer's start point ask it when a
 * value comes out NaN or infinite, so that a value outside the domain is an error, never a silent NaN.
 */
public final class DomainCheck {
    private final Layout layout;
    private final double[] x;
    private final Map<Expr, Double> memo = new IdentityHashMap<>();
    private String problem;

    private DomainCheck(Layout layout, double[] x) {
        this.layout = layout;
        this.x = x;
    }

    /** Null when every atom of f is inside its domain at x, else the message. */
    public static String at(Expr f, Layout layout, double[] x) {
        DomainCheck c = new DomainCheck(layout, x);
        c.value(f);
        return c.problem;
    }

    /** Null for a constant expression inside every atom's domain (log(-1): the message). */
    public static String ofConstant(Expr f) {
        return at(f, new Layout(List.of()), new double[0]);
    }

    private double value(Expr e) {
        Double known = memo.get(e);
        if (known != null) return known;
        double v = compute(e);
        memo.put(e, v);
        return v;
    }

    private double compute(Expr e) {
        if (problem != null) return Double.NaN;
        if (e instanceof Constant c) return c.value();
        if (e instanceof Variable v) return x[layout.offset(v)];
        if (e instanceof Element el) {
            double k = el.constantIndex() >= 0 ? el.constantIndex() : value(el.index());
            return Double.isNaN(k) ? Double.NaN : x[layout.offset(el.vector()) + (int) Math.rint(k)];
        }
        if (e instanceof Lookup l) {
            double k = value(l.index());
            return Double.isNaN(k) ? Double.NaN : l.at((int) Math.rint(k));
        }
        if (e instanceof VectorFunction vf) return value(vf.lowered());
        if (e instanceof SumOver s) {
            double total = 0;
            for (int i = s.from(); i < s.to() && problem == null; i++) {
                total += value(new Substitution(Map.of(s.index(), Constant.of(i))).apply(s.body()));
            }
            return total;
        }
        if (e instanceof IndexSymbol || !(e instanceof Apply a)) return Double.NaN;
        double[] args = new double[a.args().size()];
        for (int i = 0; i < args.length; i++) args[i] = value(a.arg(i));
        if (problem != null) return Double.NaN;
        for (double v : args) if (Double.isNaN(v)) return Double.NaN; // a part that has no value here (a loop index)
        Atom atom = a.atom();
        String err = atom.domainError(args);
        if (err != null) {
            problem = Wording.show(a) + (layout.dimension() == 0 ? "" : " at " + point()) + ": " + needs(a, args, err);
            return Double.NaN;
        }
        return atom.value(args);
    }

    /** {@code log needs a positive argument, got -2}; the atom's own words where its domain is no interval. */
    private static String needs(Apply a, double[] args, String atomWords) {
        Atom atom = a.atom();
        if (atom instanceof Divide) return "division by zero (" + Wording.show(a.arg(1)) + " is 0)";
        for (int k = 0; k < args.length; k++) {
            ArgumentDomain d = atom.domain(k, a.args());
            if (d.isAll() || d.contains(args[k])) continue;
            String who = atom instanceof Power ? Wording.show(a) : atom.name();
            String what = atom instanceof Power ? "base" : args.length == 1 ? "argument" : "argument " + (k + 1);
            return who + " needs " + article(d, what) + ", got " + Numbers.round(args[k], 10);
        }
        return atomWords;
    }

    private static String article(ArgumentDomain d, String what) {
        if (d.lo() == 0 && !d.boundedAbove()) return (d.openLo() ? "a positive " : "a nonnegative ") + what;
        return "an " + what + " with " + d.text("it");
    }

    private String point() {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, Object> e : layout.toMap(x).entrySet()) {
            Object v = e.getValue();
            parts.add(e.getKey() + " = " + org.gradus.expr.PointArgs.formatValue(v));
        }
        return String.join(", ", parts);
    }
}
