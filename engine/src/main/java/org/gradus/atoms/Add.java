package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;

import java.util.ArrayList;
import java.util.List;

/** The sum of any number of terms. */
public final class Add extends Atom {
    public static final Add INSTANCE = new Add();

    @Override
    public String name() {
        return "add";
    }

    @Override
    public int arity() {
        return -1;
    }

    @Override
    public double value(double[] a) {
        double s = 0;
        for (double v : a) s += v;
        return s;
    }

    @Override
    public Expr derivative(int k, List<Expr> args, Expr self) {
        return Constant.ONE;
    }

    @Override
    public double derivative(int k, double[] a, double out) {
        return 1;
    }

    @Override
    public Interval range(Interval[] args) {
        Interval r = Interval.point(0);
        for (Interval a : args) r = r.plus(a);
        return r;
    }

    @Override
    public Curvature curvature(Interval[] args, List<Expr> argExprs) {
        return Curvature.AFFINE;
    }

    @Override
    public Monotonicity monotonicity(int k, Interval[] args, List<Expr> argExprs) {
        return Monotonicity.INCREASING;
    }

    /** {@code a + b - c}; a positive constant leads when the first term is negative ({@code 1 - x}, not {@code -x + 1}). */
    @Override
    public GroovyPrinter.Printed groovy(GroovyPrinter p, List<Expr> original) {
        List<Expr> terms = new ArrayList<>(original);
        Expr last = terms.get(terms.size() - 1);
        if (negatedOrNull(terms.get(0)) != null && last instanceof Constant c && c.value() > 0) {
            terms.remove(terms.size() - 1);
            terms.add(0, last);
        }
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < terms.size(); k++) {
            Expr t = terms.get(k);
            Expr positive = negatedOrNull(t);
            if (k == 0) {
                sb.append(p.wrap(t, GroovyPrinter.SUM + 1));
            } else if (positive != null) {
                sb.append(" - ").append(p.wrap(positive, GroovyPrinter.PRODUCT));
            } else {
                sb.append(" + ").append(p.wrap(t, GroovyPrinter.SUM + 1));
            }
        }
        return new GroovyPrinter.Printed(sb.toString(), GroovyPrinter.SUM);
    }

    /** For a term with a negative leading coefficient, the same term with the sign flipped; else null. */
    private static Expr negatedOrNull(Expr t) {
        if (t instanceof Constant c && c.value() < 0) return Constant.of(-c.value());
        if (t instanceof Apply a && a.atom() instanceof Multiply && a.arg(0) instanceof Constant c && c.value() < 0) {
            List<Expr> f = new ArrayList<>(a.args());
            f.set(0, Constant.of(-c.value()));
            return Ops.mul(f);
        }
        return null;
    }

    @Override
    public LatexPrinter.Printed latex(LatexPrinter p, List<Expr> args) {
        List<Expr> terms = new ArrayList<>(args);
        Expr last = terms.get(terms.size() - 1);
        if (p.text(terms.get(0)).startsWith("-") && last instanceof Constant c && c.value() > 0) {
            terms.remove(terms.size() - 1);
            terms.add(0, last);
        }
        StringBuilder sb = new StringBuilder(p.wrap(terms.get(0), LatexPrinter.SUM));
        for (int k = 1; k < terms.size(); k++) {
            LatexPrinter.Printed t = p.printed(terms.get(k));
            if (t.text().startsWith("-")) sb.append(" - ").append(t.text().substring(1));
            else sb.append(" + ").append(t.precedence() < LatexPrinter.SUM ? "\\left(" + t.text() + "\\right)" : t.text());
        }
        return new LatexPrinter.Printed(sb.toString(), LatexPrinter.SUM);
    }

    @Override
    public String noun() {
        return "a sum";
    }
}
