package org.gradus.analysis;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Atom;
import org.gradus.atoms.VectorFunction;
import org.gradus.expr.Constant;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.Layout;
import org.gradus.expr.Lookup;
import org.gradus.expr.SumOver;
import org.gradus.expr.Variable;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * One-sided directional derivatives by forward mode through the kinks, each atom giving its left and
 * right slopes ({@link Atom#oneSidedDerivative}). Exact when every kink's argument moves at first order
 * along the direction; when one does not (√(x²) at 0: x² does not move at first order), the answer is
 * not trusted ({@link #reliable()} is false). {@link Differentiability} uses it only where the series
 * engine cannot decide (large sums, data).
 */
final class FirstOrderSlopes {
    private FirstOrderSlopes() {
    }

    /** f′(x; dir), or NaN when not reliable. Kink descriptions met are added to {@code kinks}. */
    static double along(Expr f, double[] x, double[] dir, List<String> kinks) {
        Walk w = new Walk(x, dir);
        double[] r = w.eval(f);
        for (String k : w.kinks) if (!kinks.contains(k)) kinks.add(k);
        return w.unreliable ? Double.NaN : r[1];
    }

    /** Forward mode: each node's value and one-sided directional derivative along dir. */
    static final class Walk {
        final double[] x, dir;
        final Map<Expr, double[]> memo = new IdentityHashMap<>();
        final Map<IndexSymbol, Integer> env = new HashMap<>();
        Layout layout;
        String undefined, jump;
        boolean unreliable;
        final List<String> kinks = new ArrayList<>();

        Walk(double[] x, double[] dir) {
            this.x = x;
            this.dir = dir;
        }

        double[] eval(Expr e) {
            if (layout == null) layout = e.layout();
            double[] known = memo.get(e);
            if (known != null) return known;
            double[] r = compute(e);
            memo.put(e, r);
            return r;
        }

        private double[] compute(Expr e) {
            if (e instanceof Constant c) return new double[]{c.value(), 0};
            if (e instanceof Variable v) {
                int o = layout.offset(v);
                return new double[]{x[o], dir[o]};
            }
            if (e instanceof Element el) {
                int k = el.constantIndex() >= 0 ? el.constantIndex() : (int) Math.rint(eval(el.index())[0]);
                int o = layout.offset(el.vector()) + k;
                return new double[]{x[o], dir[o]};
            }
            if (e instanceof IndexSymbol s) return new double[]{env.getOrDefault(s, 0), 0};
            if (e instanceof Lookup l) return new double[]{l.at((int) Math.rint(eval(l.index())[0])), 0};
            if (e instanceof VectorFunction vf) return eval(vf.lowered());
            if (e instanceof SumOver s) {
                double v = 0, dv = 0;
                for (int i = s.from(); i < s.to(); i++) {
                    env.put(s.index(), i);
                    Map<Expr, double[]> saved = new IdentityHashMap<>(memo);
                    double[] b = eval(s.body());
                    memo.clear();
                    memo.putAll(saved);
                    v += b[0];
                    dv += b[1];
                }
                env.remove(s.index());
                return new double[]{v, dv};
            }
            Apply a = (Apply) e;
            Atom atom = a.atom();
            int k = a.args().size();
            double[] av = new double[k], ad = new double[k];
            for (int i = 0; i < k; i++) {
                double[] r = eval(a.arg(i));
                av[i] = r[0];
                ad[i] = r[1];
            }
            String dom = atom.domainError(av);
            if (dom != null) {
                if (undefined == null) undefined = Dcp.show(a) + " is " + dom;
                return new double[]{Double.NaN, Double.NaN};
            }
            double out = atom.value(av);
            String disc = atom.discontinuity(av);
            if (disc != null && jump == null) jump = Dcp.show(a) + ": " + disc;
            String kink = atom.kink(av);
            if (kink == null && disc == null) {
                double d = 0;
                for (int i = 0; i < k; i++) if (ad[i] != 0) d += atom.derivative(i, av, out) * ad[i];
                return new double[]{out, d};
            }
            if (kink != null) {
                String k2 = Dcp.show(a) + ": " + kink;
                if (!kinks.contains(k2)) kinks.add(k2);
            }
            // the one-sided derivative through the kink, as the atom declares it; a kink whose argument does not
            // move at first order may still be crossed at second order, which forward mode cannot see
            boolean still = true;
            for (double d : ad) still &= d == 0;
            if (still) unreliable = true;
            return new double[]{out, atom.oneSidedDerivative(av, ad, out, disc != null)};
        }
    }
}
