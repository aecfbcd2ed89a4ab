package org.gradus.analysis;

import org.gradus.atoms.Ops;
import org.gradus.atoms.Substitution;
import org.gradus.expr.Constant;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.SumOver;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;
import org.gradus.expr.VariableArray;
import org.gradus.expr.VariableBlock;
import org.gradus.expr.VectorVariable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A function of a few coordinates written over one scalar variable each: {@code (w[0] − 1)² + l1(w)} with
 * {@code w = vector(2)} becomes (a − 1)² + |a| + |b| with a and b named {@code w[0]} and {@code w[1]}, in the
 * layout's order, so that a search which substitutes one variable by the others (the kink planes) can take a
 * vector apart. Sums over an index are written out term by term; null where the function cannot be written so (a
 * sum over the rows of a data set, a whole vector used as one array).
 */
record ScalarCoordinates(Expr f, Layout layout) {

    /** The most terms a sum is written out to. */
    private static final int MOST_TERMS = 64;

    static ScalarCoordinates of(Expr f, Layout layout) {
        if (layout.blocks().stream().allMatch(b -> b instanceof Variable)) return new ScalarCoordinates(f, layout);
        Expr written = writtenOut(f);
        if (written == null) return null;
        Map<Expr, Expr> coordinates = new HashMap<>();
        List<Variable> scalars = new ArrayList<>();
        for (VariableBlock b : layout.blocks()) {
            for (int k = 0; k < b.size(); k++) {
                Variable v = new Variable(b.coordinateName(k), b.start(k), b.lower(k), b.upper(k));
                scalars.add(v);
                coordinates.put(b instanceof VectorVariable w ? w.get(k) : (Expr) b, v);
            }
        }
        Expr g = new Substitution(coordinates).apply(written);
        boolean[] left = {false};
        Traversal.forEachNode(g, e -> left[0] |= e instanceof Element || e instanceof VariableArray);
        return left[0] ? null : new ScalarCoordinates(g, new Layout(scalars));
    }

    /** f with every sum over an index written out term by term, or null where a sum is over data or too long. */
    private static Expr writtenOut(Expr f) {
        Expr e = f;
        for (int depth = 0; depth < 4; depth++) {
            List<SumOver> sums = new ArrayList<>();
            Traversal.forEachNode(e, n -> {
                if (n instanceof SumOver s) sums.add(s);
            });
            if (sums.isEmpty()) return e;
            Map<Expr, Expr> terms = new HashMap<>();
            for (SumOver s : sums) {
                List<Expr> each = terms(s);
                if (each == null) return null;
                terms.put(s, Ops.add(each));
            }
            e = new Substitution(terms).apply(e);
        }
        return null;
    }

    /** The terms of a sum over an index, its body at each value; null for a sum over data rows or of more than 64 terms. */
    static List<Expr> terms(SumOver s) {
        if (s.dataRows() != null || s.to() - s.from() > MOST_TERMS) return null;
        List<Expr> each = new ArrayList<>();
        for (int i = s.from(); i < s.to(); i++) each.add(Ops.substitute(s.body(), s.index(), Constant.of(i)));
        return each;
    }
}
