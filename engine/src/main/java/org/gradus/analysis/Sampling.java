package org.gradus.analysis;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Expr;
import org.gradus.print.Numbers;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

/**
 * The numerical side of the convexity test: the Hessian sampled over the domain (with a local search
 * for its most negative and most positive eigenvalue), and a search for secants that violate Jensen's
 * inequality — at random, and along the eigenvectors where the Hessian is most negative or positive.
 * Deterministic (fixed seed). Only verified secants ({@link Secant#verify}) are kept.
 */
final class Sampling {
    static final int MAX_HESSIAN_DIMENSION = 100;

    private final Expr f;
    private final Domain d;
    private final CompiledFunction cf;
    private final Random rnd = new Random(20261122);
    private final int n;

    int hessianPoints;
    int secantsTried;
    double minEig = Double.POSITIVE_INFINITY;
    double maxEig = Double.NEGATIVE_INFINITY;
    double maxAbsEig = 0;
    /** The largest |eigenvalue| where the smallest eigenvalue was found: the scale of that point's rounding. */
    double minEigScale = 0;
    double[] argMinEig;
    double[] argMaxEig;
    int validPoints;
    /**
     * A finite end of the box toward which the largest eigenvalue of the Hessian keeps growing (x → 0 for −log x and
     * for x^1.5), with that eigenvalue at the farthest and the nearest sample: the gradient has no Lipschitz constant L.
     */
    String steepensToward;
    double[] steepening;
    Secant aboveGraph;   // refutes concavity: the graph lies below the secant (gap < 0)
    Secant belowGraph;   // refutes convexity: the secant lies below the graph (gap > 0)

    private record Probe(double[] x, double[] v, double eig) {
    }

    private final List<Probe> negative = new ArrayList<>();
    private final List<Probe> positive = new ArrayList<>();
    private final List<Secant> convexCandidates = new ArrayList<>();
    private final List<Secant> concaveCandidates = new ArrayList<>();

    Sampling(Expr f, Domain d) {
        this.f = f;
        this.d = d;
        this.cf = new CompiledFunction(f, d.layout);
        this.n = d.dimension();
    }

    private double value(double[] x) {
        return d.inside(x) ? cf.value(x) : Double.NaN;
    }

    /** Samples the Hessian: fills minEig, maxEig and the probes for targeted secants. */
    void sampleHessian(int budget) {
        if (n > MAX_HESSIAN_DIMENSION || n == 0) return;
        List<double[]> pts = new ArrayList<>();
        pts.add(d.center());
        if (n <= 3) {
            for (int mask = 0; mask < (1 << n); mask++) {
                double[] c = new double[n];
                for (int i = 0; i < n; i++) c[i] = (mask >> i & 1) == 0 ? d.sampling[i].lo() : d.sampling[i].hi();
                pts.add(c);
            }
        }
        if (n == 1) {
            for (int k = 0; k <= 200; k++) pts.add(new double[]{d.sampling[0].lo() + k * (d.sampling[0].hi() - d.sampling[0].lo()) / 200});
        }
        for (int i = 0; i < n; i++) { // toward an open end (x > 0 for log(x)), where the curvature may grow without bound
            for (int k = 1; k <= 12; k++) {
                double[] c = d.center();
                double offset = (d.sampling[i].hi() - d.sampling[i].lo()) * Math.pow(10, -k);
                if (d.openLower[i]) pts.add(at(c, i, d.sampling[i].lo() + offset));
                if (d.openUpper[i]) pts.add(at(c, i, d.sampling[i].hi() - offset));
            }
        }
        steepening();
        int random = Math.max(20, Math.min(budget, 40000 / (n * n + 10)));
        for (int k = 0; k < random; k++) pts.add(d.sample(rnd));
        for (double[] x : pts) hessianAt(x, true);
        // local searches for the extreme eigenvalues
        if (argMinEig != null) localSearch(argMinEig.clone(), -1);
        if (argMaxEig != null) localSearch(argMaxEig.clone(), +1);
        negative.sort(Comparator.comparingDouble(Probe::eig));
        positive.sort(Comparator.comparingDouble(p -> -p.eig()));
    }

    /**
     * Looks for a finite end of the box (open, x &gt; 0 for log x, or closed, x ≥ 0 for sqrt x) toward which the largest
     * eigenvalue grows over the samples at 10⁻¹ … 10⁻¹² of the box's width from it, never falling, by at least 10³ in
     * all and still by half again over the last tenfold step: f″ = 1/x² of −log x (×100 a step) or 0.75/√x of x^1.5
     * (×3.2), not a curvature that levels off near the end (a twice-differentiable f on a closed box has a bounded
     * one). In up to 10 variables (12 Hessians an end).
     */
    private void steepening() {
        if (n > 10) return;
        for (int i = 0; i < n && steepensToward == null; i++) {
            for (int side = 0; side < 2 && steepensToward == null; side++) {
                double end = side == 0 ? d.box[i].lo() : d.box[i].hi();
                if (!Double.isFinite(end)) continue;
                double first = Double.NaN, last = Double.NaN, before = Double.NaN;
                boolean growing = true;
                for (int k = 1; k <= 12 && growing; k++) {
                    double offset = (d.sampling[i].hi() - d.sampling[i].lo()) * Math.pow(10, -k);
                    double eig = largestEigenvalue(at(d.center(), i, side == 0 ? d.sampling[i].lo() + offset : d.sampling[i].hi() - offset));
                    growing = Double.isFinite(eig) && (Double.isNaN(last) || eig >= last);
                    if (Double.isNaN(first)) first = eig;
                    before = last;
                    last = eig;
                }
                if (growing && first > 0 && last >= 1e3 * first && last >= 1.5 * before) {
                    steepensToward = d.layout.coordinateName(i) + " → " + Numbers.format(end);
                    steepening = new double[]{first, last};
                }
            }
        }
    }

    private double largestEigenvalue(double[] x) {
        if (!d.inside(x) || !Double.isFinite(cf.value(x))) return Double.NaN;
        double[][] h = cf.hessian(x);
        for (double[] row : h) for (double v : row) if (!Double.isFinite(v)) return Double.NaN;
        double[] ev = new EigenDecomposition(new Array2DRowRealMatrix(h, false)).getRealEigenvalues();
        double max = Double.NEGATIVE_INFINITY;
        for (double v : ev) max = Math.max(max, v);
        return max;
    }

    private static double[] at(double[] point, int i, double value) {
        double[] c = point.clone();
        c[i] = value;
        return c;
    }

    /** The extreme eigenvalue at x (sign -1: smallest, +1: largest), recording probes; NaN when undefined. */
    private double hessianAt(double[] x, boolean record) {
        if (!d.inside(x) || !Double.isFinite(cf.value(x))) return Double.NaN;
        double[][] h = cf.hessian(x);
        for (double[] row : h) for (double v : row) if (!Double.isFinite(v)) return Double.NaN;
        EigenDecomposition ed = new EigenDecomposition(new Array2DRowRealMatrix(h, false));
        double[] ev = ed.getRealEigenvalues();
        int lo = 0, hi = 0;
        for (int i = 1; i < ev.length; i++) {
            if (ev[i] < ev[lo]) lo = i;
            if (ev[i] > ev[hi]) hi = i;
        }
        hessianPoints++;
        if (ev[lo] < minEig) {
            minEig = ev[lo];
            minEigScale = Math.max(Math.abs(ev[lo]), Math.abs(ev[hi]));
            argMinEig = x.clone();
        }
        if (ev[hi] > maxEig) {
            maxEig = ev[hi];
            argMaxEig = x.clone();
        }
        maxAbsEig = Math.max(maxAbsEig, Math.max(Math.abs(ev[lo]), Math.abs(ev[hi])));
        if (record) {
            if (ev[lo] < 0) keep(negative, new Probe(x.clone(), ed.getEigenvector(lo).toArray(), ev[lo]));
            if (ev[hi] > 0) keep(positive, new Probe(x.clone(), ed.getEigenvector(hi).toArray(), ev[hi]));
        }
        return ev[lo] + 0 * ev[hi];
    }

    private static void keep(List<Probe> list, Probe p) {
        list.add(p);
        if (list.size() > 64) {
            list.sort(Comparator.comparingDouble(q -> -Math.abs(q.eig())));
            list.subList(32, list.size()).clear();
        }
    }

    private void localSearch(double[] x, int sign) {
        double best = sign < 0 ? minEig : maxEig;
        double[] width = new double[n];
        for (int i = 0; i < n; i++) width[i] = 0.1 * (d.sampling[i].hi() - d.sampling[i].lo());
        int fails = 0;
        for (int it = 0; it < 120 && fails < 40; it++) {
            double[] y = x.clone();
            for (int i = 0; i < n; i++) {
                y[i] += width[i] * rnd.nextGaussian();
                y[i] = Math.max(d.sampling[i].lo(), Math.min(d.sampling[i].hi(), y[i]));
            }
            double before = sign < 0 ? minEig : maxEig;
            hessianAt(y, true);
            double after = sign < 0 ? minEig : maxEig;
            if (after != before) {
                x = y;
                fails = 0;
            } else if (++fails % 10 == 0) {
                for (int i = 0; i < n; i++) width[i] *= 0.5;
            }
        }
    }

    /** f compiled once for the search (shared with other witness searches). */
    CompiledFunction compiled() {
        return cf;
    }

    /**
     * Secants along single coordinates through x (the first and last element of each variable, half-widths
     * 1 and 4): cheap even in thousands of dimensions, and along a coordinate that enters f through a convex
     * loss (an output bias) the graph lies below its secants.
     */
    void searchAxes(double[] x, boolean wantBelow, boolean wantAbove) {
        double[] from = Secant.snap(x, d);
        for (org.gradus.expr.VariableBlock block : d.layout.blocks()) {
            int off = d.layout.offset(block);
            for (int k : new int[]{off + block.size() - 1, off}) {
                for (double h : new double[]{1, 4}) {
                    if ((!wantBelow || belowGraph != null) && (!wantAbove || aboveGraph != null)) return;
                    double[] a = from.clone(), b = from.clone();
                    a[k] -= h;
                    b[k] += h;
                    if (!d.inside(a) || !d.inside(b)) continue;
                    consider(a, b, 0.5, wantBelow, wantAbove);
                    String how = "a and b = the variables' starting point with " + d.layout.coordinateName(k) + " moved by −" + Numbers.format(h) + " and +" + Numbers.format(h);
                    if (aboveGraph != null && aboveGraph.a() == a) aboveGraph = aboveGraph.described(how);
                    if (belowGraph != null && belowGraph.a() == a) belowGraph = belowGraph.described(how);
                }
            }
        }
    }

    /** Searches secants; wantBelow: refute convexity, wantAbove: refute concavity. */
    void searchSecants(boolean wantBelow, boolean wantAbove, int randomTrials) {
        if (n == 0) return;
        long deadline = System.nanoTime() + 3_000_000_000L;
        double[] ts = {0.5, 0.25, 0.75};
        // a few wide random secants first: they make the clearest counterexamples
        for (int k = 0; k < Math.min(200, randomTrials) && System.nanoTime() < deadline; k++) {
            if ((!wantBelow || belowGraph != null) && (!wantAbove || aboveGraph != null)) break;
            consider(Secant.snap(d.sample(rnd), d), Secant.snap(d.sample(rnd), d), 0.5, wantBelow, wantAbove);
        }
        // along eigenvectors: negative curvature refutes convexity, positive refutes concavity
        if (wantBelow && belowGraph == null) for (Probe p : negative) if (targeted(p, +1) || System.nanoTime() > deadline) break;
        if (wantAbove && aboveGraph == null) for (Probe p : positive) if (targeted(p, -1) || System.nanoTime() > deadline) break;
        for (int k = 0; k < randomTrials && System.nanoTime() < deadline; k++) {
            if ((!wantBelow || belowGraph != null) && (!wantAbove || aboveGraph != null)) break;
            double[] a = Secant.snap(d.sample(rnd), d), b = Secant.snap(k % 4 == 0 ? d.center() : d.sample(rnd), d);
            double t = n == 1 ? ts[k % 3] : 0.5;
            consider(a, b, t, wantBelow, wantAbove);
        }
        if (wantBelow && belowGraph != null) belowGraph = rounder(belowGraph, +1);
        if (wantAbove && aboveGraph != null) aboveGraph = rounder(aboveGraph, -1);
    }

    /** The same secant with its ends on the coarsest binary grid that still verifies: −0.999912 becomes −1. */
    private Secant rounder(Secant s, int sign) {
        double scale = 0;
        for (int i = 0; i < n; i++) scale = Math.max(scale, Math.max(Math.abs(d.sampling[i].lo()), Math.abs(d.sampling[i].hi())));
        int top = Math.getExponent(Math.max(scale, 1e-300));
        for (int e = top; e > top - 24; e--) {
            double g = Math.scalb(1.0, e);
            double[] a = new double[n], b = new double[n];
            boolean differ = false;
            for (int i = 0; i < n; i++) {
                a[i] = Math.rint(s.a()[i] / g) * g;
                b[i] = Math.rint(s.b()[i] / g) * g;
                differ |= a[i] != b[i];
            }
            if (!differ || !d.inside(a) || !d.inside(b)) continue;
            Secant r = Secant.of(cf, a, b, s.t());
            if (Double.isFinite(r.gap()) && r.gap() * sign >= 0.5 * Math.abs(s.gap()) && r.verify(f, d.layout, cf, sign)) return r;
        }
        return s;
    }

    private boolean targeted(Probe p, int sign) {
        double scale = 0;
        for (int i = 0; i < n; i++) scale = Math.max(scale, d.sampling[i].hi() - d.sampling[i].lo());
        double[] v = p.v();
        for (double s = scale; s > scale * 1e-6; s *= 0.5) {
            double[] a = new double[n], b = new double[n];
            for (int i = 0; i < n; i++) {
                a[i] = p.x()[i] - s * v[i];
                b[i] = p.x()[i] + s * v[i];
            }
            if (!d.inside(a) || !d.inside(b)) continue;
            consider(Secant.snap(a, d), Secant.snap(b, d), 0.5, sign > 0, sign < 0);
            if (sign > 0 ? belowGraph != null : aboveGraph != null) return true;
        }
        return false;
    }

    private void consider(double[] a, double[] b, double t, boolean wantBelow, boolean wantAbove) {
        secantsTried++;
        double fa = value(a), fb = value(b);
        if (!Double.isFinite(fa) || !Double.isFinite(fb)) return;
        validPoints++;
        Secant s = Secant.of(cf, a, b, t);
        if (!Double.isFinite(s.gap())) return;
        if (Math.abs(s.gap()) <= 1e-9 * Math.max(Math.abs(fa), Math.abs(fb))) return; // rounding noise
        if (wantBelow && belowGraph == null && s.gap() > 0) {
            if (s.verify(f, d.layout, cf, +1)) belowGraph = s;
            else convexCandidates.add(s);
        }
        if (wantAbove && aboveGraph == null && s.gap() < 0) {
            if (s.verify(f, d.layout, cf, -1)) aboveGraph = s;
            else concaveCandidates.add(s);
        }
        if (convexCandidates.size() > 200) trim(convexCandidates, +1);
        if (concaveCandidates.size() > 200) trim(concaveCandidates, -1);
    }

    private static void trim(List<Secant> list, int sign) {
        list.sort(Comparator.comparingDouble(s -> -sign * s.gap()));
        list.subList(20, list.size()).clear();
    }

    private Secant firstVerified(List<Secant> list, int sign) {
        list.sort(Comparator.comparingDouble(s -> -sign * s.gap()));
        for (int i = 0; i < Math.min(10, list.size()); i++) if (list.get(i).verify(f, d.layout, cf, sign)) return list.get(i);
        return null;
    }
}
