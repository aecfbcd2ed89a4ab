package org.gradus.expr;

import org.gradus.print.Numbers;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints expressions as LaTeX: {@code \left(1 - x\right)^{2} + 100 \left(y - x^{2}\right)^{2}}. Atoms
 * and other nodes defined above this package give their own notation ({@link Notation}).
 */
public final class LatexPrinter {
    /** Precedence levels, loosest first (as in {@link GroovyPrinter}). */
    public static final int SUM = 1, PRODUCT = 2, UNARY = 3, POWER = 4, ATOM = 5;
    private final Map<IndexSymbol, String> indexNames = new HashMap<>();
    private int depth;

    private LatexPrinter() {
    }

    public static String print(Expr e) {
        return new LatexPrinter().printed(e).text;
    }

    /** Printed LaTeX and the precedence of its outermost operator. */
    public record Printed(String text, int precedence) {
    }

    /** The LaTeX of a sub-expression. */
    public String text(Expr e) {
        return printed(e).text;
    }

    /** The LaTeX of a sub-expression, in {@code \left( \right)} when its precedence is below {@code min}. */
    public String wrap(Expr e, int min) {
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

    /** A constant vector (a column) or matrix as a {@code pmatrix}. */
    private static String matrix(ConstantArray ca) {
        if (ca.name() != null) return name(ca.name());
        StringBuilder sb = new StringBuilder("\\begin{pmatrix}");
        int cols = ca.shape().isMatrix() ? ca.shape().columns() : 1;
        for (int k = 0; k < ca.values().length; k++) {
            if (k > 0) sb.append(k % cols == 0 ? " \\\\ " : " & ");
            sb.append(Numbers.format(ca.get(k)));
        }
        return sb.append("\\end{pmatrix}").toString();
    }

    /** The LaTeX and precedence of a sub-expression. */
    public Printed printed(Expr e) {
        if (e instanceof Constant c) {
            long[] pq = Numbers.fraction(c.value());
            if (pq != null) {
                String frac = "\\frac{" + Math.abs(pq[0]) + "}{" + pq[1] + "}";
                return pq[0] < 0 ? new Printed("-" + frac, UNARY) : new Printed(frac, ATOM);
            }
            return new Printed(Numbers.format(c.value()), c.value() < 0 ? UNARY : ATOM);
        }
        if (e instanceof Variable v) return new Printed(name(v.name()), ATOM);
        if (e instanceof IndexSymbol i) return new Printed(indexNames.getOrDefault(i, i.name()), ATOM);
        if (e instanceof Element el) {
            int k = el.constantIndex(), c = el.vector().shape().columns();
            String idx = k >= 0 && el.vector().isMatrix() ? k / c + "," + k % c : printed(el.index()).text;
            return new Printed(name(el.vector().name()) + "_{" + idx + "}", ATOM);
        }
        if (e instanceof VariableArray va) return new Printed(name(va.variable().name()), ATOM);
        if (e instanceof ConstantArray ca) return new Printed(matrix(ca), ATOM);
        if (e instanceof TableSlice ts) return new Printed(ts.label() != null ? "\\mathrm{" + ts.label() + "}" : name(ts.name()), ATOM);
        if (e instanceof Lookup l) return new Printed(name(l.name()) + "_{" + printed(l.index()).text + "}", ATOM);
        if (e instanceof SumOver s) {
            String i = String.valueOf("ijklmn".charAt(Math.min(depth, 5)));
            indexNames.put(s.index(), i);
            depth++;
            String body = wrap(s.body(), PRODUCT);
            depth--;
            return new Printed("\\sum_{" + i + "=" + s.from() + "}^{" + (s.to() - 1) + "} " + body, PRODUCT);
        }
        if (e instanceof Notation n) return n.latex(this);
        throw new IllegalArgumentException("no LaTeX notation for " + e.getClass().getSimpleName());
    }
}
