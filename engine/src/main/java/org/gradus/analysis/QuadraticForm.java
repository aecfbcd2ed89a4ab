package org.gradus.analysis;

import org.apache.commons.math3.fraction.BigFraction;
import org.gradus.atoms.Add;
import org.gradus.atoms.Apply;
import org.gradus.atoms.Divide;
import org.gradus.atoms.Multiply;
import org.gradus.atoms.Ops;
import org.gradus.atoms.Power;
import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A polynomial of degree at most 2 in scalar variables, q(x) = xᵀAx + bᵀx + c, read exactly (rational arithmetic on
 * the doubles written) from an expression of sums, products, squares and constants: x**2 + 2*x*y + 2*y**2,
 * (x - 1)**2 + 4*x*y. Its {@link #squares} complete the squares (an LDLᵀ factorization of the matrix [[A, b/2],
 * [b/2ᵀ, c]], exact): q = d₁·(ℓ₁·(x, 1))² + … with every dᵢ ≥ 0 exactly when q ≥ 0 everywhere — a quadratic that is
 * nonnegative on the whole space is a sum of squares of affine functions, so √q is a Euclidean norm.
 */
final class QuadraticForm {
    private static final int MAX_VARIABLES = 24;

    /** q = Σ weightᵢ·(Σⱼ rowᵢⱼ·xⱼ + rowᵢₙ)², each weight &gt; 0; the last row, if any, may be the constant alone. */
    record Squares(List<Variable> variables, List<BigFraction> weights, List<BigFraction[]> rows) {
    }

    private final List<Variable> variables;
    private final BigFraction[][] m;      // (n + 1)×(n + 1): [[A, b/2], [b/2ᵀ, c]]

    private QuadraticForm(List<Variable> variables, BigFraction[][] m) {
        this.variables = variables;
        this.m = m;
    }

    /** e as a quadratic in its variables, or null where it is not one (or not in scalar variables). */
    static QuadraticForm of(Expr e) {
        Set<Variable> vs = new LinkedHashSet<>();
        for (Expr node : Traversal.postOrder(e)) {
            if (node instanceof Variable v) vs.add(v);
            else if (!(node instanceof Constant || node instanceof Apply)) return null;
        }
        if (vs.isEmpty() || vs.size() > MAX_VARIABLES) return null;
        List<Variable> variables = new ArrayList<>(vs);
        try {
            Quad q = build(e, variables);
            if (q == null || q.degree < 2) return null;
            int n = variables.size();
            BigFraction half = new BigFraction(1, 2);
            BigFraction[][] m = new BigFraction[n + 1][n + 1];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) m[i][j] = i == j ? q.a[i][i] : q.a[Math.min(i, j)][Math.max(i, j)].multiply(half);
                m[i][n] = m[n][i] = q.b[i].multiply(half);
            }
            m[n][n] = q.c;
            return new QuadraticForm(variables, m);
        } catch (ArithmeticException tooBig) {
            return null;
        }
    }

    /**
     * The squares that make up q, or null where q is negative somewhere (a negative pivot, or a zero pivot with a
     * nonzero row: the matrix is not positive semidefinite).
     */
    Squares squares() {
        int size = m.length;
        BigFraction[][] r = new BigFraction[size][];
        for (int i = 0; i < size; i++) r[i] = m[i].clone();
        List<BigFraction> weights = new ArrayList<>();
        List<BigFraction[]> rows = new ArrayList<>();
        for (int k = 0; k < size; k++) {
            BigFraction d = r[k][k];
            if (d.compareTo(BigFraction.ZERO) < 0) return null;
            if (d.equals(BigFraction.ZERO)) {
                for (int j = k + 1; j < size; j++) if (!r[k][j].equals(BigFraction.ZERO)) return null;
                continue;
            }
            BigFraction[] row = new BigFraction[size];
            for (int j = 0; j < size; j++) row[j] = j < k ? BigFraction.ZERO : r[k][j].divide(d);
            for (int i = k + 1; i < size; i++) {
                for (int j = k + 1; j < size; j++) r[i][j] = r[i][j].subtract(d.multiply(row[i]).multiply(row[j]));
            }
            weights.add(d);
            rows.add(row);
        }
        return new Squares(variables, weights, rows);
    }

    /** ℓ·(x, 1) as an expression: Σ ℓⱼ·xⱼ + ℓₙ (doubles nearest the exact coefficients, for the words of a proof). */
    static Expr affine(List<Variable> variables, BigFraction[] row) {
        List<Expr> terms = new ArrayList<>();
        for (int j = 0; j < variables.size(); j++) {
            double k = row[j].doubleValue();
            if (k != 0) terms.add(k == 1 ? variables.get(j) : Ops.mul(Constant.of(k), variables.get(j)));
        }
        double c = row[variables.size()].doubleValue();
        if (c != 0 || terms.isEmpty()) terms.add(Constant.of(c));
        return terms.size() == 1 ? terms.get(0) : Ops.add(terms);
    }

    // ---- reading the polynomial ---------------------------------------------------------------------

    /** c + Σ bᵢxᵢ + Σ_{i ≤ j} aᵢⱼxᵢxⱼ, of the given degree (0, 1 or 2). */
    private record Quad(BigFraction c, BigFraction[] b, BigFraction[][] a, int degree) {
        static Quad constant(BigFraction c, int n) {
            BigFraction[] b = new BigFraction[n];
            BigFraction[][] a = new BigFraction[n][n];
            java.util.Arrays.fill(b, BigFraction.ZERO);
            for (BigFraction[] row : a) java.util.Arrays.fill(row, BigFraction.ZERO);
            return new Quad(c, b, a, 0);
        }

        Quad plus(Quad o) {
            int n = b.length;
            Quad out = constant(c.add(o.c), n);
            for (int i = 0; i < n; i++) {
                out.b[i] = b[i].add(o.b[i]);
                for (int j = i; j < n; j++) out.a[i][j] = a[i][j].add(o.a[i][j]);
            }
            return new Quad(out.c, out.b, out.a, Math.max(degree, o.degree));
        }

        /** The product, or null above degree 2. */
        Quad times(Quad o) {
            if (degree + o.degree > 2) return null;
            int n = b.length;
            Quad out = constant(c.multiply(o.c), n);
            for (int i = 0; i < n; i++) {
                out.b[i] = b[i].multiply(o.c).add(o.b[i].multiply(c));
                for (int j = i; j < n; j++) {
                    BigFraction cross = b[i].multiply(o.b[j]);
                    if (i != j) cross = cross.add(b[j].multiply(o.b[i]));
                    out.a[i][j] = a[i][j].multiply(o.c).add(o.a[i][j].multiply(c)).add(cross);
                }
            }
            return new Quad(out.c, out.b, out.a, degree + o.degree);
        }
    }

    private static Quad build(Expr e, List<Variable> variables) {
        int n = variables.size();
        if (e instanceof Constant k) return Double.isFinite(k.value()) ? Quad.constant(new BigFraction(k.value()), n) : null;
        if (e instanceof Variable v) {
            Quad q = Quad.constant(BigFraction.ZERO, n);
            q.b[variables.indexOf(v)] = BigFraction.ONE;
            return new Quad(q.c, q.b, q.a, 1);
        }
        if (!(e instanceof Apply a)) return null;
        if (a.atom() instanceof Add) {
            Quad sum = Quad.constant(BigFraction.ZERO, n);
            for (Expr t : a.args()) {
                Quad q = build(t, variables);
                if (q == null) return null;
                sum = sum.plus(q);
            }
            return sum;
        }
        if (a.atom() instanceof Multiply) {
            Quad product = Quad.constant(BigFraction.ONE, n);
            for (Expr t : a.args()) {
                Quad q = build(t, variables);
                if (q == null) return null;
                product = product.times(q);
                if (product == null) return null;
            }
            return product;
        }
        if (a.atom() instanceof Power && a.arg(1) instanceof Constant k && (k.value() == 1 || k.value() == 2)) {
            Quad base = build(a.arg(0), variables);
            return base == null ? null : k.value() == 1 ? base : base.times(base);
        }
        if (a.atom() instanceof Divide && a.arg(1) instanceof Constant k && k.value() != 0 && Double.isFinite(k.value())) {
            Quad top = build(a.arg(0), variables);
            return top == null ? null : top.times(Quad.constant(BigFraction.ONE.divide(new BigFraction(k.value())), n));
        }
        return null;
    }
}
