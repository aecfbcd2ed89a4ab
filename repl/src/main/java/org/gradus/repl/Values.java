package org.gradus.repl;

import org.gradus.data.DataColumn;
import org.gradus.dsl.ScriptFunction;
import org.gradus.expr.Expr;
import org.gradus.expr.VariableBlock;
import org.gradus.expr.VectorVariable;
import org.gradus.result.Results;

/** Short descriptions of session values, for {@code :vars} and completion lists. */
final class Values {
    private static final int WIDTH = 60;

    private Values() {
    }

    /** What kind of value it is: {@code variable}, {@code vector(30)}, {@code expression}, {@code number}, ... */
    static String kind(Object v) {
        if (v instanceof VectorVariable w) return "vector(" + w.size() + ")";
        if (v instanceof VariableBlock) return "variable";
        if (v instanceof Expr) return "expression";
        if (v instanceof Number) return "number";
        if (v instanceof CharSequence) return "string";
        if (v instanceof ScriptFunction) return "function";
        if (v instanceof groovy.lang.Closure) return "closure";
        if (v instanceof DataColumn c) return "column(" + c.size() + ")";
        if (v instanceof java.util.List<?> l) return "list(" + l.size() + ")";
        if (v instanceof java.util.Map<?, ?> m) return "map(" + m.size() + ")";
        if (v == null) return "null";
        return v.getClass().getSimpleName().replaceAll("(?<=[a-z])(?=[A-Z])", " ").toLowerCase();
    }

    /** One line about the value: a variable's start and bounds, an expression's text, a result's first line. */
    static String summary(Object v) {
        String s;
        if (v instanceof VariableBlock b) {
            s = "start " + num(b.start(0)) + (b.size() > 1 && !sameStart(b) ? ", ..." : "");
            if (Double.isFinite(b.lower(0)) || Double.isFinite(b.upper(0))) {
                s += ", in [" + num(b.lower(0)) + ", " + num(b.upper(0)) + "]";
            }
        } else if (v instanceof ScriptFunction f) {
            s = f.getSignature();
        } else if (v == null || v instanceof groovy.lang.Closure) {
            s = "";
        } else {
            try {
                s = Results.of(v).toText();
            } catch (RuntimeException e) {
                s = String.valueOf(v);
            }
        }
        s = s.strip();
        int nl = s.indexOf('\n');
        if (nl >= 0) s = s.substring(0, nl) + " ...";
        return s.length() > WIDTH ? s.substring(0, WIDTH - 3) + "..." : s;
    }

    private static boolean sameStart(VariableBlock b) {
        for (int k = 1; k < b.size(); k++) if (b.start(k) != b.start(0)) return false;
        return true;
    }

    private static String num(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
