package org.gradus.calculus.series;

import org.apache.commons.math3.fraction.BigFraction;

/**
 * A scale function of the series engine as t → 0⁺: e^ψ · t^α · L^β, where L = log(1/t) → +∞, α is a
 * rational exponent, β an integer and ψ an exact expansion whose terms all tend to ±∞ faster than L
 * (ψ = 1/t gives e^(1/t)). These are the monomials of expansions such as 1/t², t·log(1/t) and
 * e^(−1/t); comparing two of them decides which term of a sum dominates, as in Gruntz's algorithm.
 */
public final class Monomial {
    public static final Monomial ONE = new Monomial(null, BigFraction.ZERO, 0);
    /** t itself. */
    public static final Monomial T = new Monomial(null, BigFraction.ONE, 0);
    /** L = log(1/t). */
    public static final Monomial LOG = new Monomial(null, BigFraction.ZERO, 1);

    private final Expansion psi;
    private final BigFraction alpha;
    private final int beta;

    Monomial(Expansion psi, BigFraction alpha, int beta) {
        this.psi = psi == null || psi.isExactZero() ? null : psi;
        this.alpha = alpha;
        this.beta = beta;
    }

    /** t^α. */
    public static Monomial power(BigFraction alpha) {
        return new Monomial(null, alpha, 0);
    }

    /** The exponent ψ of the exponential factor, or null when there is none. */
    public Expansion psi() {
        return psi;
    }

    public BigFraction alpha() {
        return alpha;
    }

    public int beta() {
        return beta;
    }

    public boolean isOne() {
        return psi == null && alpha.getNumerator().signum() == 0 && beta == 0;
    }

    /** A plain power of t (no logarithm, no exponential factor). */
    public boolean isPower() {
        return psi == null && beta == 0;
    }

    public Monomial times(Monomial o) {
        Expansion p = psi == null ? o.psi : o.psi == null ? psi : Expansion.exactSum(psi, o.psi, false);
        return new Monomial(p, alpha.add(o.alpha), beta + o.beta);
    }

    public Monomial inverse() {
        return new Monomial(psi == null ? null : psi.negateExact(), alpha.negate(), -beta);
    }

    /**
     * This monomial to a rational power.
     *
     * @throws CannotExpand when the power of the logarithm would not be an integer
     */
    public Monomial pow(BigFraction p) {
        BigFraction b = p.multiply(beta);
        if (!b.getDenominator().equals(java.math.BigInteger.ONE)) {
            throw new CannotExpand("a fractional power of a logarithm");
        }
        return new Monomial(psi == null ? null : psi.scaleExact(Real.of(p)), alpha.multiply(p), b.intValue());
    }

    /** +1 when it tends to +∞ as t → 0⁺, −1 when it tends to 0, 0 when it is 1. */
    public int growth() {
        if (psi != null) return psi.leading().coef().sign();
        int a = alpha.getNumerator().signum();
        if (a != 0) return -a;
        return Integer.signum(beta);
    }

    /**
     * +1 when this monomial dominates {@code o} (this/o → ∞ as t → 0⁺), −1 when o dominates, 0 when
     * they are the same scale function.
     *
     * @throws CannotExpand when the exponential factors differ by a quantity of unknown sign
     */
    public int compareTo(Monomial o) {
        if (psi != null || o.psi != null) {
            Expansion d = psi == null ? o.psi.negateExact() : o.psi == null ? psi : Expansion.exactSum(psi, o.psi, true);
            if (!d.isExactZero()) return d.leading().coef().sign();
        }
        int c = alpha.compareTo(o.alpha);
        if (c != 0) return -c;
        return Integer.compare(beta, o.beta);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        if (psi != null) sb.append("exp(").append(psi).append(")");
        if (alpha.getNumerator().signum() != 0) sb.append(sb.length() > 0 ? "*" : "").append("t^").append(alpha);
        if (beta != 0) sb.append(sb.length() > 0 ? "*" : "").append("L^").append(beta);
        return sb.length() == 0 ? "1" : sb.toString();
    }
}
