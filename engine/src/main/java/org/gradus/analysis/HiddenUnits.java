package org.gradus.analysis;

import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Dot;
import org.gradus.atoms.UnaryAtom;
import org.gradus.atoms.array.ArrayNode;
import org.gradus.atoms.array.MatrixProduct;
import org.gradus.atoms.array.VectorAtomOp;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Dependence;
import org.gradus.expr.Expr;
import org.gradus.expr.VariableArray;
import org.gradus.expr.VectorVariable;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * A witness that a network with a hidden layer is not convex, from the symmetry of its hidden units.
 *
 * <p>The structure is read from the expression, whatever the names or sizes: a matrix variable W1 in a
 * product {@code W1 * x}, plus vector variables b of the same length (the pre-activations of the hidden
 * units), fed through an elementwise nonlinearity σ, whose result is multiplied by a second matrix variable
 * ({@code W2 * σ(…)}) or dotted with a vector variable ({@code dot(u, σ(…))}). Swapping hidden units i and
 * j — rows i and j of W1, entries i and j of each b, columns i and j of W2 (entries of u) — computes the same
 * network, so f takes the same value at θ and at the swapped θ'. Halfway between them the two units
 * coincide, and the loss there is usually higher: a secant lying below the graph. The search tries pairs
 * of units at the variables' starting point (and at points farther out along θ − θ'), then at seeded
 * perturbations of it ({@link #starts}: reproducible, and they leave an all-zero start), and keeps a pair
 * only when {@link Secant#verify} certifies the gap with interval arithmetic at the three points.
 */
final class HiddenUnits {
    /** At most this many evaluations of f in the search (each one a full pass over the data). */
    private static final int EVALUATIONS = 120;
    /** At most this many interval checks (each one three element-by-element passes over the data). */
    private static final int CHECKS = 3;
    private static final double[] STRETCH = {1, 2, 4, 0.5};
    /**
     * The seed of the perturbed starts tried after the starting point itself: fixed, so that the search and
     * its witness are the same on every run. They leave a symmetric start (all zeros, where every pair of
     * units already coincides and a swap changes nothing).
     */
    static final long SEED = 1;
    /** How many perturbed starts are tried (each θ₀ + N(0, 1) draws, on a binary grid). */
    private static final int PERTURBED = 3;

    /** One hidden layer: the hidden size and the variables whose elements the swap of two units permutes. */
    record Layer(int units, VectorVariable inWeights, List<VectorVariable> biases, VectorVariable outWeights, String activation) {
        String describe() {
            StringBuilder sb = new StringBuilder("rows of ").append(inWeights.name());
            for (VectorVariable b : biases) sb.append(", entries of ").append(b.name());
            sb.append(outWeights.isMatrix() ? ", columns of " : ", entries of ").append(outWeights.name());
            return sb.toString();
        }
    }

    /** A checked witness with the sentence that explains it. */
    record Witness(Secant secant, String explanation) {
    }

    private HiddenUnits() {
    }

    /** The hidden layers of f (expression structure only), in the order met. */
    static List<Layer> layers(Expr f) {
        Set<Layer> out = new LinkedHashSet<>();
        walk(f, out, new IdentityHashMap<>());
        return new ArrayList<>(out);
    }

    private static void walk(Expr e, Set<Layer> out, Map<Expr, Boolean> seen) {
        if (seen.put(e, Boolean.TRUE) != null) return;
        Layer l = layerAt(e);
        if (l != null) out.add(l);
        for (Expr c : e.children()) walk(c, out, seen);
    }

    /** The layer when e is W2 * σ(pre) or dot(u, σ(pre)) with pre = W1 * x + b + …; null otherwise. */
    private static Layer layerAt(Expr e) {
        if (!(e instanceof ArrayNode n)) return null;
        VectorVariable out;
        Expr hidden;
        if (n.op() instanceof MatrixProduct && n.arg(0) instanceof VariableArray w2) {
            out = w2.variable();
            hidden = n.arg(1);
        } else if (n.op() instanceof VectorAtomOp v && v.atom() instanceof Dot) {
            if (n.arg(0) instanceof VariableArray u && u.variable().shape().isVector()) {
                out = u.variable();
                hidden = n.arg(1);
            } else if (n.arg(1) instanceof VariableArray u && u.variable().shape().isVector()) {
                out = u.variable();
                hidden = n.arg(0);
            } else {
                return null;
            }
        } else {
            return null;
        }
        if (!(hidden instanceof Apply h) || h.args().size() != 1 || !(h.atom() instanceof UnaryAtom) || !hidden.shape().isVector()) return null;
        int units = hidden.shape().rows();
        if (units < 2) return null;
        List<Expr> terms = h.arg(0) instanceof Apply sum && sum.atom() instanceof Add ? sum.args() : List.of(h.arg(0));
        VectorVariable in = null;
        List<VectorVariable> biases = new ArrayList<>();
        for (Expr t : terms) {
            if (t instanceof ArrayNode p && p.op() instanceof MatrixProduct && p.arg(0) instanceof VariableArray w1
                    && w1.variable().shape().isMatrix() && w1.variable().shape().rows() == units && in == null
                    && !Dependence.dependsOnVariables(p.arg(1))) {
                in = w1.variable();
            } else if (t instanceof VariableArray b && b.variable().shape().isVector() && b.variable().size() == units) {
                biases.add(b.variable());
            } else if (!t.shape().isScalar() || Dependence.dependsOnVariables(t)) {
                return null;          // another term would tell the units apart
            }
        }
        if (in == null || in == out || biases.contains(out)) return null;
        return new Layer(units, in, biases, out, h.atom().name());
    }

    /** θ with hidden units i and j of the layer swapped (a new array). */
    static double[] swap(Layer l, Domain d, double[] x, int i, int j) {
        double[] y = x.clone();
        int off = d.layout.offset(l.inWeights()), cols = l.inWeights().shape().columns();
        for (int k = 0; k < cols; k++) exchange(y, off + i * cols + k, off + j * cols + k);
        for (VectorVariable b : l.biases()) exchange(y, d.layout.offset(b) + i, d.layout.offset(b) + j);
        off = d.layout.offset(l.outWeights());
        if (l.outWeights().isMatrix()) {
            int rows = l.outWeights().shape().rows();
            for (int k = 0; k < rows; k++) exchange(y, off + k * l.units() + i, off + k * l.units() + j);
        } else {
            exchange(y, off + i, off + j);
        }
        return y;
    }

    private static void exchange(double[] y, int p, int q) {
        double t = y[p];
        y[p] = y[q];
        y[q] = t;
    }

    /**
     * Searches a checked secant below the graph from the swap symmetry of a hidden layer of f; null when
     * f has no such layer or no pair tried gives a certified gap.
     */
    static Witness find(Expr f, Domain d, CompiledFunction cf) {
        List<Layer> layers = layers(f);
        if (layers.isEmpty()) return null;
        List<double[]> bases = starts(d);
        int evaluations = 0, checks = 0;
        for (Layer l : layers) {
            for (int base = 0; base < bases.size(); base++) {
                double[] start = bases.get(base);
                for (double stretch : base == 0 ? STRETCH : new double[]{1}) {
                    for (int i = 0; i < l.units(); i++) {
                        for (int j = i + 1; j < l.units(); j++) {
                            if (evaluations >= EVALUATIONS) return null;
                            double[] a = stretched(l, d, start, i, j, stretch);
                            if (a == null) continue;
                            double[] b = swap(l, d, a, i, j);
                            if (!d.inside(a) || !d.inside(b)) continue;
                            Secant s = Secant.of(cf, a, b, 0.5);
                            evaluations += 3;
                            if (!(s.gap() > 0)) continue;
                            if (++checks > CHECKS) return null;
                            if (!s.verify(f, d.layout, cf, +1)) continue;
                            return witness(l, s, cf, a, b, i, j, where(base, stretch, i, j));
                        }
                    }
                }
            }
        }
        return null;
    }

    /**
     * The points the search starts from: the variables' starting point, then {@link #PERTURBED} points
     * θ₀ + z with z drawn N(0, 1) per coordinate from a generator seeded with {@link #SEED} (the same
     * points on every run), all on the binary grid of {@link Secant#snap}.
     */
    static List<double[]> starts(Domain d) {
        double[] start = Secant.snap(d.layout.start(), d);
        List<double[]> out = new ArrayList<>(List.of(start));
        Random draws = new Random(SEED);
        for (int p = 0; p < PERTURBED; p++) {
            double[] y = start.clone();
            for (int k = 0; k < y.length; k++) y[k] += draws.nextGaussian();
            out.add(Secant.snap(y, d));
        }
        return out;
    }

    private static String where(int base, double stretch, int i, int j) {
        String a = base == 0 ? "a = the variables' starting point (rounded to a binary grid)"
                : "a = the variables' starting point plus N(0, 1) draws (seed " + SEED + ", draw " + base + ", rounded to a binary grid)";
        if (stretch != 1) a += " with units " + i + " and " + j + " pulled " + Numbers.format(stretch) + " times as far apart";
        return a + ", b = a with hidden units " + i + " and " + j + " swapped";
    }

    private static Witness witness(Layer l, Secant s, CompiledFunction cf, double[] a, double[] b, int i, int j, String where) {
        double fa = cf.value(a), fb = cf.value(b), fm = cf.value(s.mix());
        return new Witness(s.described(where), "the hidden units of " + l.activation() + "(…) can be swapped: exchanging units " + i + " and " + j
                + " (" + l.describe() + ") computes the same network, so f(a) = " + Numbers.round(fa, 6)
                + (fa == fb ? "" : " and f(b) = " + Numbers.round(fb, 6)) + " at a point a and at its swap b; halfway between, where the two units coincide, f = "
                + Numbers.round(fm, 6) + " > " + Numbers.round((fa + fb) / 2, 6) + ", so the secant from a to b lies below the graph and f is not convex");
    }

    /**
     * The point m + s·(θ − m) where m is θ with units i and j averaged (a point on the grid of θ, or null
     * when it cannot be), so that the swap of the result is m − s·(θ − m): stretch 1 is θ itself.
     */
    private static double[] stretched(Layer l, Domain d, double[] theta, int i, int j, double s) {
        if (s == 1) return theta;
        double[] sw = swap(l, d, theta, i, j), y = new double[theta.length];
        for (int k = 0; k < y.length; k++) {
            double m = 0.5 * (theta[k] + sw[k]);
            y[k] = m + s * (theta[k] - m);
        }
        double[] snapped = Secant.snap(y, d);
        return java.util.Arrays.equals(snapped, theta) ? null : snapped;
    }
}
