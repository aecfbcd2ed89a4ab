package org.gradus.atoms.array;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.gradus.atoms.Arguments;
import org.gradus.atoms.FunctionWord;
import org.gradus.expr.Constant;
import org.gradus.expr.ConstantArray;
import org.gradus.expr.Expr;
import org.gradus.expr.Shape;
import org.gradus.print.Numbers;

import java.util.Arrays;

/**
 * Linear algebra on matrices of numbers, as {@code numpy.linalg} computes it: {@code det(A)}, {@code inv(A)},
 * {@code solve(A, b)} (the normal equations {@code solve(X.T * X, X.T * y)}, a Newton step by hand) and
 * {@code eigenvalues(A)} (the curvatures of a quadratic, its L and mu). The arguments hold no variables — a
 * constant matrix, a list of rows, or a product of them such as {@code X.T * X} — and the value is a number or an
 * array of numbers. det, inv and solve factor A by LU with partial pivoting; inv and solve refuse a matrix whose
 * smallest singular value is within n·ε of its largest (singular to working precision, where numpy returns
 * numbers of 10¹⁶ for {@code [[1, 2, 3], [4, 5, 6], [7, 8, 9]]}); eigenvalues are ascending, real, and refused
 * when A has a complex pair.
 */
public final class LinearAlgebra {
    private LinearAlgebra() {
    }

    private static final double[][] SAMPLE = {{2, 1}, {1, 3}};

    public static final FunctionWord DET = FunctionWord.named("det").matrix("A", SAMPLE)
            .help("the determinant of a square matrix of numbers").example("det(matrix([[2, 1], [1, 3]]))")
            .builds(a -> Constant.of(new LUDecomposition(square(a, 0, "det")).getDeterminant()));

    public static final FunctionWord INV = FunctionWord.named("inv").matrix("A", SAMPLE)
            .help("the inverse of a square matrix of numbers").example("inv(X.T * X)")
            .builds(a -> {
                RealMatrix m = invertible(a, "inv");
                return array(new LUDecomposition(m).getSolver().getInverse(), Shape.matrix(m.getRowDimension(), m.getRowDimension()));
            });

    public static final FunctionWord SOLVE = FunctionWord.named("solve").matrix("A", SAMPLE).matrix("b", new double[][]{{1}, {2}})
            .help("x with A * x = b, for a square matrix of numbers A and a vector (or matrix) of numbers b").example("solve(X.T * X, X.T * y)")
            .builds(LinearAlgebra::solve);

    public static final FunctionWord EIGENVALUES = FunctionWord.named("eigenvalues").matrix("A", SAMPLE)
            .help("the eigenvalues of a square matrix of numbers, ascending (real ones only)").example("eigenvalues(matrix([[2, 1], [1, 3]]))")
            .builds(LinearAlgebra::eigenvalues);

    private static Expr solve(Arguments a) {
        RealMatrix m = invertible(a, "solve");
        int n = m.getRowDimension();
        Expr b = numbers(a, 1, "solve");
        Shape s = b.shape();
        int rows = s.isMatrix() ? s.rows() : s.size();
        int columns = s.isMatrix() ? s.columns() : 1;
        if (rows != n) {
            throw new IllegalArgumentException("solve(A, b) needs b with " + n + " rows, as A is " + n + "×" + n + ", but b " + s.described());
        }
        double[][] d = new double[rows][columns];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < columns; j++) {
                d[i][j] = ((ConstantArray) b).get(i * columns + j);
                if (!Double.isFinite(d[i][j])) throw new IllegalArgumentException("solve needs finite entries, and b has " + d[i][j]);
            }
        }
        RealMatrix x = new LUDecomposition(m).getSolver().solve(new Array2DRowRealMatrix(d, false));
        return array(x, s);
    }

    private static Expr eigenvalues(Arguments a) {
        RealMatrix m = square(a, 0, "eigenvalues");
        double scale = 0;   // the largest entry: scaled to 1, the iteration neither overflows nor underflows
        for (double[] row : m.getData()) for (double v : row) scale = Math.max(scale, Math.abs(v));
        if (scale == 0) return new ConstantArray(null, new double[m.getRowDimension()], Shape.vector(m.getRowDimension()));
        EigenDecomposition e = new EigenDecomposition(m.scalarMultiply(1 / scale));
        double[] re = e.getRealEigenvalues(), im = e.getImagEigenvalues();
        for (int k = 0; k < im.length; k++) {
            if (im[k] != 0) {
                throw new IllegalArgumentException("eigenvalues needs a matrix with real eigenvalues, and this one has the complex pair "
                        + Numbers.round(re[k] * scale, 10) + " ± " + Numbers.round(Math.abs(im[k]) * scale, 10) + "i (it is not symmetric; "
                        + "the Hessian of a function is, and hessian(f).at(...) lists its eigenvalues)");
            }
        }
        double[] sorted = new double[re.length];
        for (int k = 0; k < re.length; k++) sorted[k] = re[k] * scale;
        Arrays.sort(sorted);
        return new ConstantArray(null, sorted, Shape.vector(sorted.length));
    }

    /** Argument k as a square matrix of numbers. */
    private static RealMatrix square(Arguments a, int k, String word) {
        Expr e = numbers(a, k, word);
        Shape s = e.shape();
        if (!s.isMatrix() || s.rows() != s.columns()) {
            throw new IllegalArgumentException(word + " needs a square matrix, but its argument " + s.described());
        }
        int n = s.rows();
        double[][] d = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                d[i][j] = ((ConstantArray) e).get(i * n + j);
                if (!Double.isFinite(d[i][j])) throw new IllegalArgumentException(word + " needs finite entries, and entry [" + i + ", " + j + "] is " + d[i][j]);
            }
        }
        return new Array2DRowRealMatrix(d, false);
    }

    /** A square matrix of numbers that is not singular to working precision. */
    private static RealMatrix invertible(Arguments a, String word) {
        RealMatrix m = square(a, 0, word);
        double[] sigma = new SingularValueDecomposition(m).getSingularValues();   // descending
        double largest = sigma[0], smallest = sigma[sigma.length - 1];
        if (!(smallest > sigma.length * Math.ulp(1.0) * largest)) {
            String how = largest == 0 ? "it is zero" : "its smallest singular value is " + String.format(java.util.Locale.ROOT, "%.1e", smallest / largest) + " of its largest";
            String consequence = word.equals("inv") ? "it has no inverse" : "A * x = b has no unique solution; for a least-squares one minimize sumsq(A * x - b)";
            throw new IllegalArgumentException(word + " needs an invertible matrix, and this one is singular to working precision (" + how
                    + "): " + consequence);
        }
        return m;
    }

    /** Argument k as an array of numbers (a constant matrix, a list, or a constant array expression that folds to one). */
    private static Expr numbers(Arguments a, int k, String word) {
        Expr e = a.array(k);
        if (e instanceof ConstantArray) return e;
        if (!e.variableBlocks().isEmpty()) {
            String text = e.toString(), at = text.matches("[A-Za-z_]\\w*") ? text + ".at(r)" : "(" + text + ").at(r)";
            throw new IllegalArgumentException(word + " needs a matrix of numbers, and " + text + " depends on variables; "
                    + "take its value at a point first, e.g. " + word + "(" + at + ") after a minimization r");
        }
        throw new IllegalArgumentException(word + " needs a matrix of numbers, and " + e + " is not one; write its entries as a matrix");
    }

    private static ConstantArray array(RealMatrix m, Shape shape) {
        double[] out = new double[shape.size()];
        int columns = m.getColumnDimension();
        for (int i = 0; i < m.getRowDimension(); i++) for (int j = 0; j < columns; j++) out[i * columns + j] = m.getEntry(i, j);
        return new ConstantArray(null, out, shape);
    }
}
