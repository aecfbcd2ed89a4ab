package org.gradus.print;

import org.gradus.atoms.Add;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Exp;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Power;
import org.gradus.expr.Apply;
import org.gradus.expr.Constant;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.Lookup;
import org.gradus.expr.SumOver;
import org.gradus.expr.Variable;
import org.gradus.expr.VectorFunction;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Prints expressions as LaTeX: {@code \left(1 - x\right)^{2} + 100 \left(y - x^{2}\right)^{2}}. */
public final class LatexPrinter {
    private static final int SUM = 1, PRODUCT = 2, UNARY = 3, POWER = 4, ATOM = 5;
    private final Map<IndexSymbol, String> indexNames = new HashMap<>();
    private int depth;

    public static String print(Expr e) {
        return new LatexPrinter().printed(e).text;
    }

    private record Printed(String text, int precedence) {
    }

    private String wrap(Expr e, int min) {
        Printed p = printed(e);
        return p.precedence < min ? "\\left(" + p.text + "\\right)" : p.text;
    }

    private static String name(String n) {
        if (n.length() > 1 && n.matches("[A-Za-z]+")) {
            if (List.of("alpha", "beta", "gamma", "delta", "lambda", "mu", "sigma", "theta", "eta").contains(n)) return "\\" + n;
            return "\\mathrm{" + n + "}";
        }
        return n;
    }

    private Printed printed(Expr e) {
        if (e instanceof Constant c) return new Printed(Numbers.format(c.value()), c.value() < 0 ? UNARY : ATOM);
        if (e instanceof Variable v) return new Printed(name(v.name()), ATOM);
        if (e instanceof IndexSymbol i) return new Printed(indexNames.getOrDefault(i, i.name()), ATOM);
        if (e instanceof Element el) return new Printed(name(el.vector().name()) + "_{" + printed(el.index()).text + "}", ATOM);
        if (e instanceof Lookup l) return new Printed(name(l.name()) + "_{" + printed(l.index()).text + "}", ATOM);
        if (e instanceof SumOver s) {
            String i = String.valueOf("ijklmn".charAt(Math.min(depth, 5)));
            indexNames.put(s.index(), i);
            depth++;
            String body = wrap(s.body(), PRODUCT);
            depth--;
            return new Printed("\\sum_{" + i + "=" + s.from() + "}^{" + (s.to() - 1) + "} " + body, PRODUCT);
        }
        if (e instanceof VectorFunction v) return printed(v.lowered());
        Apply a = (Apply) e;
        if (a.atom() instanceof Add) {
            List<Expr> terms = new ArrayList<>(a.args());
            Expr last = terms.get(terms.size() - 1);
            if (printed(terms.get(0)).text.startsWith("-") && last instanceof Constant c && c.value() > 0) {
                terms.remove(terms.size() - 1);
                terms.add(0, last);
            }
            StringBuilder sb = new StringBuilder(wrap(terms.get(0), SUM));
            for (int k = 1; k < terms.size(); k++) {
                Printed p = printed(terms.get(k));
                if (p.text.startsWith("-")) sb.append(" - ").append(p.text.substring(1));
                else sb.append(" + ").append(p.precedence < SUM ? "\\left(" + p.text + "\\right)" : p.text);
            }
            return new Printed(sb.toString(), SUM);
        }
        if (a.atom() instanceof Multiply) {
            List<String> parts = new ArrayList<>();
            String sign = "";
            List<Expr> f = new ArrayList<>(a.args());
            if (f.get(0) instanceof Constant c && c.value() == -1) {
                sign = "-";
                f.remove(0);
            }
            for (int k = 0; k < f.size(); k++) {
                Expr x = f.get(k);
                parts.add(k == 0 && x instanceof Constant ? printed(x).text : wrap(x, PRODUCT + 1));
            }
            StringBuilder body = new StringBuilder(parts.get(0));
            for (int k = 1; k < parts.size(); k++) {
                // juxtaposed numbers run together: 2 3^{x} reads as 23^{x}
                body.append(Character.isDigit(parts.get(k).charAt(0)) ? " \\cdot " : " ").append(parts.get(k));
            }
            return new Printed(sign + body, sign.isEmpty() ? PRODUCT : UNARY);
        }
        if (a.atom() instanceof Divide) {
            return new Printed("\\frac{" + printed(a.arg(0)).text + "}{" + printed(a.arg(1)).text + "}", ATOM);
        }
        if (a.atom() instanceof Power) {
            // e^{x} and \frac{a}{b} print as atoms, but a superscript on them would be a double superscript or ambiguous
            Expr base = a.arg(0);
            boolean parens = base instanceof Apply b && (b.atom() instanceof Exp || b.atom() instanceof Divide);
            String baseText = parens ? "\\left(" + printed(base).text + "\\right)" : wrap(base, ATOM);
            return new Printed(baseText + "^{" + printed(a.arg(1)).text + "}", POWER);
        }
        List<String> args = new ArrayList<>();
        for (Expr x : a.args()) args.add(printed(x).text);
        return new Printed(a.atom().latex(args), ATOM);
    }
}
