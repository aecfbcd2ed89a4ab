package org.gradus.analysis;

import org.gradus.atoms.Apply;
import org.gradus.atoms.ArgumentDomain;
import org.gradus.atoms.Atom;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Interval;
import org.gradus.atoms.Ops;
import org.gradus.atoms.Power;
import org.gradus.atoms.Substitution;
import org.gradus.atoms.UnaryAtom;
import org.gradus.atoms.VectorFunction;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A function of one variable read piece by piece, as {@link MonotonicIntervals} and {@link LineStationary} read it: its
 * non-smooth atoms written through their definitions (every kink and jump a sign or a step), the functions whose zeros
 * are its breaks (kinks, jumps, poles, edges of its domain), and between two neighbouring breaks the smooth expression
 * it is there.
 */
final class PiecewiseSmooth {

    private PiecewiseSmooth() {
    }

    /** f with its non-smooth atoms written through their definitions, so that every kink and jump is a sign or a step. */
    static Expr expanded(Expr f) {
        Map<Expr, Expr> memo = new HashMap<>();
        return expand(f, memo);
    }

    private static Expr expand(Expr e, Map<Expr, Expr> memo) {
        Expr known = memo.get(e);
        if (known != null) return known;
        Expr out = e;
        if (e instanceof VectorFunction vf) out = expand(vf.lowered(), memo);
        else if (e instanceof Apply a) {
            List<Expr> args = new ArrayList<>();
            for (Expr c : a.args()) args.add(expand(c, memo));
            Interval[] all = new Interval[args.size()];
            java.util.Arrays.fill(all, Interval.ALL);
            Expr def = a.atom().smoothOn(all) ? null : a.atom().definition(args);
            out = def != null ? expand(def, memo) : Ops.apply(a.atom(), args);
        }
        memo.put(e, out);
        return out;
    }

    /** The functions whose zeros are f's kinks, jumps, poles and domain edges. */
    static Set<Expr> switches(Expr g) {
        Set<Expr> out = new LinkedHashSet<>();
        for (Expr node : Traversal.postOrder(g)) {
            if (!(node instanceof Apply a)) continue;
            Atom atom = a.atom();
            if (atom instanceof UnaryAtom u) {
                for (double k : u.kinks()) out.add(Ops.sub(a.arg(0), Constant.of(k)));
            }
            if (atom instanceof Divide) out.add(a.arg(1));
            if (atom instanceof Power && a.arg(1) instanceof Constant p && p.value() < 0) out.add(a.arg(0));
            for (int i = 0; i < a.args().size(); i++) {
                ArgumentDomain d = atom.domain(i, a.args());
                if (d.boundedBelow()) out.add(Ops.sub(a.arg(i), Constant.of(d.lo())));
                if (d.boundedAbove()) out.add(Ops.sub(a.arg(i), Constant.of(d.hi())));
            }
        }
        out.removeIf(s -> s instanceof Constant);
        return out;
    }

    /**
     * g (as {@link #expanded} writes it) with each sign(u) and step(u) replaced by its value at x = m: between two
     * neighbouring break points these are constant, so there g is this smooth expression.
     */
    static Expr specialized(Expr g, Layout layout, double m) {
        Map<Expr, Expr> fixed = new HashMap<>();
        for (Expr node : Traversal.postOrder(g)) {
            if (node instanceof Apply a && a.atom() instanceof UnaryAtom u && u.kinks().length > 0 && isPiecewiseConstant(u)) {
                double arg = org.gradus.eval.Program.compile(a.arg(0), layout).value(new double[]{m});
                if (Double.isFinite(arg)) fixed.put(node, Constant.of(u.apply(arg)));
            }
        }
        return fixed.isEmpty() ? g : new Substitution(fixed).apply(g);
    }

    private static boolean isPiecewiseConstant(UnaryAtom u) {
        Variable p = new Variable("p", 0);
        return u.slope(p, Ops.apply(u, p)).isConstant(0);
    }
}
