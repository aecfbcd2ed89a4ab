package org.gradus.expr;

import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Prints expressions as Groovy text that a script can read back: {@code (1 - x)**2 + 100*(y - x**2)**2}.
 * Parentheses appear only where Groovy's precedence needs them.
 */
public final class GroovyPrinter {
    /** Precedence levels, loosest first: a part printed below the level its place needs is parenthesized. */
    public static final int SUM = 1, PRODUCT = 2, UNARY = 3, POWER = 4, ATOM = 5;
    private static final String INDEX_NAMES = "ijklmn";

    private final Map<IndexSymbol, String> indexNames = new HashMap<>();
    private int depth;

    private GroovyPrinter() {
    }

    public static String print(Expr e) {
        return new GroovyPrinter().text(e);
    }

    /** The text of e as an operand of an operator of the given precedence: {@code (x + 1)} beside a {@code /}. */
    public static String print(Expr e, int minPrecedence) {
        return new GroovyPrinter().wrap(e, minPrecedence);
    }

    /** The text of a sub-expression. */
    public String text(Expr e) {
        return printed(e).text;
    }

    /** Printed text and the precedence of its outermost operator. */
    public record Printed(String text, int precedence) {
    }

    /** The text of a sub-expression, parenthesized when its precedence is below {@code minPrecedence}. */
    public String wrap(Expr e, int minPrecedence) {
        Printed p = printed(e);
        return p.precedence < minPrecedence ? "(" + p.text + ")" : p.text;
    }

    /** The text and precedence of a sub-expression. */
    public Printed printed(Expr e) {
        if (e instanceof Constant c) {
            long[] pq = Numbers.fraction(c.value());
            if (pq != null) return new Printed(pq[0] + "/" + pq[1], pq[0] < 0 ? UNARY : PRODUCT);
            return new Printed(Numbers.format(c.value()), c.value() < 0 ? UNARY : ATOM);
        }
        if (e instanceof Variable v) return new Printed(v.name(), ATOM);
        if (e instanceof IndexSymbol i) return new Printed(indexNames.getOrDefault(i, i.name()), ATOM);
        if (e instanceof Element el) return new Printed(el.vector().name() + "[" + elementIndex(el) + "]", ATOM);
        if (e instanceof VariableArray va) return new Printed(va.variable().name(), ATOM);
        if (e instanceof ConstantArray ca) return new Printed(ca.text(), ATOM);
        if (e instanceof TableSlice ts) {
            return new Printed(ts.label() != null ? ts.label() : ts.name() + "[" + text(ts.base()) + "..<" + text(ts.base()) + " + " + ts.length() + "]", ATOM);
        }
        if (e instanceof Lookup l) {
            return new Printed(l.label() != null ? l.label() : l.name() + "[" + text(l.index()) + "]", ATOM);
        }
        if (e instanceof SumOver s) return new Printed(sum(s), ATOM);
        if (e instanceof Notation n) return n.groovy(this);
        throw new IllegalArgumentException("no Groovy notation for " + e.getClass().getSimpleName());
    }

    /** {@code 3}, {@code i + 1}, or for a matrix element {@code 1, 2}. */
    private String elementIndex(Element el) {
        int k = el.constantIndex();
        if (k >= 0 && el.vector().isMatrix()) {
            int c = el.vector().shape().columns();
            return k / c + ", " + k % c;
        }
        return text(el.index());
    }

    /** {@code sum(0..<n) { i -> body }}, or {@code sum(data) { row -> body }} over a data set's rows. */
    public String sum(SumOver s) {
        String name = s.dataRows() != null ? "row" : String.valueOf(INDEX_NAMES.charAt(Math.min(depth, INDEX_NAMES.length() - 1)));
        indexNames.put(s.index(), name);
        depth++;
        String body = text(s.body());
        depth--;
        String range = s.dataRows() != null ? DataRowsKey.displayName(s.dataRows()) : s.from() + "..<" + s.to();
        return "sum(" + range + ") { " + name + " -> " + body + " }";
    }

    /** A vector operand: its name, or its elements in brackets. */
    public String vec(Vec o) {
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
