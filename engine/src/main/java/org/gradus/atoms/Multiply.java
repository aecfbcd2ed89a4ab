package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Dependence;
import org.gradus.expr.Expr;
import org.gradus.expr.GroovyPrinter;
import org.gradus.expr.LatexPrinter;
import org.gradus.expr.SumOver;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.List;

/**
 * The product of any number of factors. A product with one non-constant factor is affine in it
 * (scaling); a product of two or more non-constant factors has no curvature the rules can prove.
 */
public final class Multiply extends Atom {
    public static final Multiply INSTANCE = new Multiply();

    @Override
    public String name() {
        return "multiply";
    }

    @Override
    public int arity() {
        return -1;
    }

    @Override
    public double value(double[] a) {
        double p = 1;
        for (double v : a) p *= v;
        return p;
    }

    @Override
    public Expr derivative(int k, List<Expr> args, Expr self) {
        List<Expr> others = new ArrayList<>(args);
        others.remove(k);
        return Ops.mul(others);
    }

    @Override
    public double derivative(int k, double[] a, double out) {
        double p = 1;
        for (int j = 0; j < a.length; j++) if (j != k) p *= a[j];
        return p;
    }

    @Override
    public Interval range(Interval[] args) {
        Interval r = Interval.point(1);
        for (Interval a : args) r = r.times(a);
        return r;
    }

    @Override
    public Curvature curvature(Interval[] args, List<Expr> argExprs) {
        // Data (constant tables, loop indices) counts as constant: only factors that depend on variables matter.
        int nonConstant = 0;
        for (Expr e : argExprs) if (org.gradus.expr.Dependence.dependsOnVariables(e)) nonConstant++;
        return nonConstant <= 1 ? Curvature.AFFINE : Curvature.UNKNOWN;
    }

    @Override
    public Monotonicity monotonicity(int k, Interval[] args, List<Expr> argExprs) {
        Interval others = Interval.point(1);
        for (int j = 0; j < args.length; j++) if (j != k) others = others.times(args[j]);
        if (others.nonnegative()) return Monotonicity.INCREASING;
        if (others.nonpositive()) return Monotonicity.DECREASING;
        return Monotonicity.NONMONOTONE;
    }

    /** {@code 2*x*y}, {@code -x}; a constant times a data reduction prints as {@code mean(data) { row -> .. }}. */
    @Override
    public GroovyPrinter.Printed groovy(GroovyPrinter p, List<Expr> factors) {
        GroovyPrinter.Printed mean = meanOrNull(p, factors);
        if (mean != null) return mean;
        GroovyPrinter.Printed quotient = quotientOrNull(p, factors);
        if (quotient != null) return quotient;
        List<Expr> f = new ArrayList<>(factors);
        String sign = "";
        if (f.get(0) instanceof Constant c && c.value() == -1) {
            sign = "-";
            f.remove(0);
        }
        List<String> parts = new ArrayList<>();
        for (int k = 0; k < f.size(); k++) {
            Expr x = f.get(k);
            if (k == 0 && x instanceof Constant c && c.value() < 0) parts.add(Numbers.format(c.value()));
            else parts.add(p.wrap(x, GroovyPrinter.PRODUCT + 1));
        }
        String body = String.join("*", parts);
        if (!sign.isEmpty()) {
            return new GroovyPrinter.Printed(sign + (f.size() == 1 ? p.wrap(f.get(0), GroovyPrinter.UNARY) : body), GroovyPrinter.UNARY);
        }
        return new GroovyPrinter.Printed(body, f.get(0) instanceof Constant c && c.value() < 0 ? GroovyPrinter.UNARY : GroovyPrinter.PRODUCT);
    }

    /**
     * A product with a quotient among its factors, or a fractional coefficient (thirds, sevenths, halves, quarters …), prints as one fraction, as sympy
     * prints it: 2·(0.5/√u)·x is {@code x/sqrt(u)}, −(1/d)·e is {@code -e/d}, (2/3)·x is {@code 2*x/3},
     * y·x⁻² is {@code y/x**2}. Null
     * when there is no denominator. Only the text changes: the coefficients are multiplied for printing alone.
     */
    static GroovyPrinter.Printed quotientOrNull(GroovyPrinter p, List<Expr> factors) {
        double coefficient = 1;
        List<Expr> numerators = new ArrayList<>();
        List<String> denominators = new ArrayList<>();
        for (Expr x : factors) {
            if (x instanceof Constant c) {
                coefficient *= c.value();
            } else if (x instanceof Apply a && a.atom() instanceof Divide) {
                if (a.arg(0) instanceof Constant c) coefficient *= c.value();
                else numerators.add(a.arg(0));
                denominators.add(p.wrap(a.arg(1), GroovyPrinter.PRODUCT + 1));
            } else if (x instanceof Apply a && a.atom() instanceof Power && a.arg(1) instanceof Constant e && e.value() < 0) {
                // b**(-k) goes below the line as b**k, as sympy writes it: y*x**(-2) is y/x**2
                denominators.add(e.value() == -1 ? p.wrap(a.arg(0), GroovyPrinter.PRODUCT + 1)
                        : p.wrap(a.arg(0), GroovyPrinter.ATOM) + "**" + p.wrap(Constant.of(-e.value()), GroovyPrinter.ATOM));
            } else {
                numerators.add(x);
            }
        }
        long[] fraction = Numbers.coefficientFraction(coefficient);
        if (denominators.isEmpty() && (fraction == null || numerators.isEmpty())) return null;
        List<String> top = new ArrayList<>();
        List<String> bottom = new ArrayList<>();
        double size = Math.abs(coefficient);
        if (fraction != null) {
            if (Math.abs(fraction[0]) != 1) top.add(Long.toString(Math.abs(fraction[0])));
            bottom.add(Long.toString(fraction[1]));
        } else if (size != 1) {
            top.add(Numbers.format(size));
        }
        for (Expr x : numerators) top.add(p.wrap(x, GroovyPrinter.PRODUCT + 1));
        bottom.addAll(denominators);
        String over = bottom.size() == 1 ? bottom.get(0) : "(" + String.join("*", bottom) + ")";
        String text = (top.isEmpty() ? "1" : String.join("*", top)) + "/" + over;
        return coefficient < 0
                ? new GroovyPrinter.Printed("-" + text, GroovyPrinter.UNARY)
                : new GroovyPrinter.Printed(text, GroovyPrinter.PRODUCT);
    }

    /** c·Σ_rows body prints as {@code mean(data) { row -> body }}, times c·rows when that is not 1. */
    private static GroovyPrinter.Printed meanOrNull(GroovyPrinter p, List<Expr> factors) {
        if (factors.size() != 2 || !(factors.get(0) instanceof Constant c) || !(factors.get(1) instanceof SumOver s)
                || s.dataRows() == null) {
            return null;
        }
        double scale = c.value() * (s.to() - s.from());
        String text = p.sum(s).replaceFirst("^sum\\(", "mean(");
        if (Math.abs(scale - 1) <= 1e-12) return new GroovyPrinter.Printed(text, GroovyPrinter.ATOM);
        if (Math.abs(scale + 1) <= 1e-12) return new GroovyPrinter.Printed("-" + text, GroovyPrinter.UNARY);
        return new GroovyPrinter.Printed(Numbers.format(scale) + "*" + text, scale < 0 ? GroovyPrinter.UNARY : GroovyPrinter.PRODUCT);
    }

    @Override
    public LatexPrinter.Printed latex(LatexPrinter p, List<Expr> args) {
        List<String> parts = new ArrayList<>();
        String sign = "";
        List<Expr> f = new ArrayList<>(args);
        if (f.get(0) instanceof Constant c && c.value() == -1) {
            sign = "-";
            f.remove(0);
        }
        for (int k = 0; k < f.size(); k++) {
            Expr x = f.get(k);
            parts.add(k == 0 && x instanceof Constant ? p.text(x) : p.wrap(x, LatexPrinter.PRODUCT + 1));
        }
        StringBuilder body = new StringBuilder(parts.get(0));
        for (int k = 1; k < parts.size(); k++) {
            // juxtaposed numbers run together: 2 3^{x} reads as 23^{x}
            body.append(Character.isDigit(parts.get(k).charAt(0)) ? " \\cdot " : " ").append(parts.get(k));
        }
        return new LatexPrinter.Printed(sign + body, sign.isEmpty() ? LatexPrinter.PRODUCT : LatexPrinter.UNARY);
    }

    @Override
    public String noun() {
        return "a product";
    }

    @Override
    public String curvatureFailure(List<Expr> args, Interval[] r) {
        List<String> vars = new ArrayList<>();
        for (Expr x : args) if (Dependence.dependsOnVariables(x)) vars.add(Wording.show(x));
        return "a product of " + vars.size() + " non-constant expressions (" + String.join(", ", vars)
                + "); the rules know the curvature of a product only when all factors but one are constant";
    }
}
