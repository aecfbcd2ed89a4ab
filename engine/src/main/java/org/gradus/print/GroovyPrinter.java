package org.gradus.print;

import org.gradus.atoms.Add;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Power;
import org.gradus.expr.Apply;
import org.gradus.expr.Constant;
import org.gradus.expr.ConstantVector;
import org.gradus.expr.DataRowsKey;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.ExprVector;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.Lookup;
import org.gradus.expr.SumOver;
import org.gradus.expr.Variable;
import org.gradus.expr.Vec;
import org.gradus.expr.VectorFunction;
import org.gradus.expr.VectorVariable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints expressions as Groovy text that a script can read back: {@code (1 - x)**2 + 100*(y - x**2)**2}.
 * Parentheses appear only where Groovy's precedence needs them.
 */
public final class GroovyPrinter {
    private static final int SUM = 1, PRODUCT = 2, UNARY = 3, POWER = 4, ATOM = 5;
    private static final String INDEX_NAMES = "ijklmn";

    private final Map<IndexSymbol, String> indexNames = new HashMap<>();
    private int depth;

    private GroovyPrinter() {
    }

    public static String print(Expr e) {
        return new GroovyPrinter().text(e);
    }

    private String text(Expr e) {
        return printed(e).text;
    }

    private record Printed(String text, int precedence) {
    }

    private String wrap(Expr e, int minPrecedence) {
        Printed p = printed(e);
        return p.precedence < minPrecedence ? "(" + p.text + ")" : p.text;
    }

    private Printed printed(Expr e) {
        if (e instanceof Constant c) {
            String s = Numbers.format(c.value());
            return new Printed(s, c.value() < 0 ? UNARY : ATOM);
        }
        if (e instanceof Variable v) return new Printed(v.name(), ATOM);
        if (e instanceof IndexSymbol i) return new Printed(indexNames.getOrDefault(i, i.name()), ATOM);
        if (e instanceof Element el) return new Printed(el.vector().name() + "[" + text(el.index()) + "]", ATOM);
        if (e instanceof Lookup l) {
            return new Printed(l.label() != null ? l.label() : l.name() + "[" + text(l.index()) + "]", ATOM);
        }
        if (e instanceof SumOver s) return new Printed(sum(s), ATOM);
        if (e instanceof VectorFunction v) return new Printed(vectorCall(v), ATOM);
        Apply a = (Apply) e;
        if (a.atom() instanceof Add) return new Printed(sumText(a.args()), SUM);
        if (a.atom() instanceof Multiply) return product(a.args());
        if (a.atom() instanceof Divide) {
            return new Printed(wrap(a.arg(0), PRODUCT) + "/" + wrap(a.arg(1), POWER), PRODUCT);
        }
        if (a.atom() instanceof Power) {
            String base = wrap(a.arg(0), ATOM);
            Expr p = a.arg(1);
            String exp = (p instanceof Constant c && c.value() >= 0) ? text(p) : "(" + text(p) + ")";
            if (!(p instanceof Constant) && printed(p).precedence == ATOM) exp = text(p);
            return new Printed(base + "**" + exp, POWER);
        }
        List<String> args = new ArrayList<>();
        for (Expr x : a.args()) args.add(text(x));
        return new Printed(a.atom().groovy(args), ATOM);
    }

    private String sumText(List<Expr> original) {
        List<Expr> terms = new ArrayList<>(original);
        // 1 - x reads better than -x + 1: a positive constant leads when the first term is negative
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
                sb.append(wrap(t, SUM + 1));
            } else if (positive != null) {
                sb.append(" - ").append(wrap(positive, PRODUCT));
            } else {
                sb.append(" + ").append(wrap(t, SUM + 1));
            }
        }
        return sb.toString();
    }

    /** For a term with a negative leading coefficient, the same term with the sign flipped; else null. */
    private static Expr negatedOrNull(Expr t) {
        if (t instanceof Constant c && c.value() < 0) return Constant.of(-c.value());
        if (t instanceof Apply a && a.atom() instanceof Multiply && a.arg(0) instanceof Constant c && c.value() < 0) {
            List<Expr> f = new ArrayList<>(a.args());
            f.set(0, Constant.of(-c.value()));
            return org.gradus.expr.Ops.mul(f);
        }
        return null;
    }

    private Printed product(List<Expr> factors) {
        Printed mean = meanOrNull(factors);
        if (mean != null) return mean;
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
            else parts.add(wrap(x, PRODUCT + 1));
        }
        String body = String.join("*", parts);
        if (!sign.isEmpty()) {
            return new Printed(sign + (f.size() == 1 ? wrap(f.get(0), UNARY) : body), UNARY);
        }
        return new Printed(body, f.get(0) instanceof Constant c && c.value() < 0 ? UNARY : PRODUCT);
    }

    /** c·Σ_rows body prints as {@code mean(data) { row -> body }}, times c·rows when that is not 1. */
    private Printed meanOrNull(List<Expr> factors) {
        if (factors.size() != 2 || !(factors.get(0) instanceof Constant c) || !(factors.get(1) instanceof SumOver s)
                || s.dataRows() == null) {
            return null;
        }
        double scale = c.value() * (s.to() - s.from());
        String text = sum(s).replaceFirst("^sum\\(", "mean(");
        if (Math.abs(scale - 1) <= 1e-12) return new Printed(text, ATOM);
        if (Math.abs(scale + 1) <= 1e-12) return new Printed("-" + text, UNARY);
        return new Printed(Numbers.format(scale) + "*" + text, scale < 0 ? UNARY : PRODUCT);
    }

    private String sum(SumOver s) {
        String name = s.dataRows() != null ? "row" : String.valueOf(INDEX_NAMES.charAt(Math.min(depth, INDEX_NAMES.length() - 1)));
        indexNames.put(s.index(), name);
        depth++;
        String body = text(s.body());
        depth--;
        String range = s.dataRows() != null ? DataRowsKey.displayName(s.dataRows()) : s.from() + "..<" + s.to();
        return "sum(" + range + ") { " + name + " -> " + body + " }";
    }

    private String vectorCall(VectorFunction v) {
        List<String> args = new ArrayList<>();
        for (Vec o : v.operands()) args.add(vec(o));
        if (v.matrix() != null) args.add(v.matrix().toString());
        if (!Double.isNaN(v.parameter())) args.add(Numbers.format(v.parameter()));
        return v.atom().scriptName() + "(" + String.join(", ", args) + ")";
    }

    private String vec(Vec o) {
        if (o instanceof VectorVariable v) return v.name();
        if (o instanceof ExprVector ev) {
            List<String> s = new ArrayList<>();
            for (Expr x : ev.elements()) s.add(text(x));
            return "[" + String.join(", ", s) + "]";
        }
        if (o instanceof ConstantVector c) {
            if (c.name() != null) return c.name();
            List<String> s = new ArrayList<>();
            for (double x : c.values()) s.add(Numbers.format(x));
            return "[" + String.join(", ", s) + "]";
        }
        return o.toString();
    }
}
