package org.gradus.atoms;

import org.gradus.expr.Constant;
import org.gradus.expr.Expr;
import org.gradus.expr.ExprVector;
import org.gradus.expr.IndexSymbol;
import org.gradus.expr.Matrix;
import org.gradus.expr.Vec;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Functions of whole vectors. Each declares its arity, how it lowers to a scalar expression over the
 * elements (a reduction kept as one node for large vectors, written out for short lists), and whether
 * it is convex when its operands are affine.
 */
public enum VectorAtom {
    /** aᵀb: affine when one operand is constant. */
    DOT(2, false) {
        @Override
        Expr body(List<Vec> v, Expr i, double p) {
            return Ops.mul(v.get(0).get(i), v.get(1).get(i));
        }
    },
    /** Σ|vᵢ|. */
    NORM1(1, true) {
        @Override
        Expr body(List<Vec> v, Expr i, double p) {
            return Ops.apply(Abs.INSTANCE, v.get(0).get(i));
        }
    },
    /** sqrt(Σvᵢ²), the Euclidean norm. */
    NORM2(1, true) {
        @Override
        public Expr lower(List<Vec> v, double p, Matrix m) {
            return Ops.sqrt(SUMSQ.lower(v, p, m));
        }

        @Override
        Expr body(List<Vec> v, Expr i, double p) {
            throw new AssertionError();
        }
    },
    /** Σvᵢ². */
    SUMSQ(1, true) {
        @Override
        Expr body(List<Vec> v, Expr i, double p) {
            return Ops.pow(v.get(0).get(i), Constant.of(2));
        }
    },
    /** Σ|vᵢ| (the lasso penalty). */
    L1(1, true) {
        @Override
        Expr body(List<Vec> v, Expr i, double p) {
            return NORM1.body(v, i, p);
        }
    },
    /** Σvᵢ² (the ridge penalty: the squared norm). */
    L2(1, true) {
        @Override
        Expr body(List<Vec> v, Expr i, double p) {
            return SUMSQ.body(v, i, p);
        }
    },
    /** alpha·l1(v) + (1 − alpha)·l2(v). */
    ELASTIC_NET(1, true) {
        @Override
        Expr body(List<Vec> v, Expr i, double alpha) {
            return Ops.add(Ops.mul(Constant.of(alpha), NORM1.body(v, i, alpha)), Ops.mul(Constant.of(1 - alpha), SUMSQ.body(v, i, alpha)));
        }
    },
    /** log Σ e^{vᵢ}. */
    LOGSUMEXP(1, true) {
        @Override
        public Expr lower(List<Vec> v, double p, Matrix m) {
            List<Expr> elements = new ArrayList<>();
            for (int k = 0; k < v.get(0).size(); k++) elements.add(v.get(0).get(k));
            return Ops.apply(LogSumExp.INSTANCE, elements);
        }

        @Override
        Expr body(List<Vec> v, Expr i, double p) {
            throw new AssertionError();
        }
    },
    /** vᵀAv for a constant square matrix A: convex exactly when A + Aᵀ is positive semidefinite. */
    QUAD_FORM(1, false) {
        @Override
        public Expr lower(List<Vec> v, double p, Matrix a) {
            Vec x = v.get(0);
            int n = x.size();
            if (a.rows() != n || a.columns() != n) {
                throw new IllegalArgumentException("quadForm needs a " + n + "x" + n + " matrix for a vector of size " + n
                        + ", got " + a.rows() + "x" + a.columns());
            }
            List<Expr> terms = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                terms.add(Ops.mul(Constant.of(a.get(i, i)), Ops.pow(x.get(i), Constant.of(2))));
                for (int j = i + 1; j < n; j++) {
                    terms.add(Ops.mul(Constant.of(a.get(i, j) + a.get(j, i)), x.get(i), x.get(j)));
                }
            }
            return Ops.add(terms);
        }

        @Override
        Expr body(List<Vec> v, Expr i, double p) {
            throw new AssertionError();
        }
    };

    /** Above this size a reduction is kept as one node rather than written out. */
    static final int UNROLL_LIMIT = 8;

    private final int arity;
    private final boolean convexOfAffine;

    VectorAtom(int arity, boolean convexOfAffine) {
        this.arity = arity;
        this.convexOfAffine = convexOfAffine;
    }

    public int arity() {
        return arity;
    }

    /** True when the function is convex whenever its operands are affine (DOT and QUAD_FORM decide elsewhere). */
    public boolean convexOfAffine() {
        return convexOfAffine;
    }

    /** The name used in scripts. */
    public String scriptName() {
        return switch (this) {
            case ELASTIC_NET -> "elasticNet";
            case QUAD_FORM -> "quadForm";
            default -> name().toLowerCase();
        };
    }

    /** The summand at index i. */
    abstract Expr body(List<Vec> v, Expr i, double parameter);

    /** This function of the operands as a scalar expression. */
    public Expr lower(List<Vec> v, double parameter, Matrix m) {
        int n = v.get(0).size();
        for (Vec o : v) {
            if (o.size() != n) {
                throw new IllegalArgumentException(scriptName() + " needs vectors of equal size, got " + n + " and " + o.size());
            }
        }
        boolean symbolic = n > UNROLL_LIMIT;
        IndexSymbol i = new IndexSymbol("i");
        for (Vec o : v) symbolic &= !(o instanceof ExprVector) && o.get(i) != null;
        if (symbolic) return Ops.sum(i, 0, n, body(v, i, parameter));
        return writtenOut(n, k -> body(v, Constant.of(k), parameter));
    }

    private static Expr writtenOut(int n, Function<Integer, Expr> term) {
        List<Expr> terms = new ArrayList<>();
        for (int k = 0; k < n; k++) terms.add(term.apply(k));
        return Ops.add(terms);
    }
}
