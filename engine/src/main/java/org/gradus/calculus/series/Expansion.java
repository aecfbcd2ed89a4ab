package org.gradus.calculus.series;

import java.util.ArrayList;
import java.util.List;

/**
 * An asymptotic expansion of a function of t as t → 0⁺: a finite sum of terms c·m (a coefficient
 * {@link Real} times a {@link Monomial}), the most dominant first, plus a remainder O(order) — or no
 * remainder at all when the sum is exact. Every term strictly dominates the remainder, so the first
 * term, when there is one, is how the function behaves: it tends to c when m = 1, to 0 when m → 0 and
 * to ±∞ (the sign of c) when m → ∞. An expansion with no terms and remainder O(1) says only that the
 * function stays bounded (sin(1/t)); one with remainder O(t) that it vanishes.
 *
 * <p>Immutable. The arithmetic, which needs a precision, is {@link Series}.
 */
public final class Expansion {
    /** One term: a non-zero coefficient times a scale function. */
    public record Term(Real coef, Monomial m) {
    }

    public static final Expansion ZERO = new Expansion(List.of(), null);

    private final List<Term> terms;
    private final Monomial order;

    Expansion(List<Term> terms, Monomial order) {
        this.terms = List.copyOf(terms);
        this.order = order;
    }

    /** The constant c (exactly, no remainder). */
    public static Expansion constant(Real c) {
        return c.isExactZero() ? ZERO : new Expansion(List.of(new Term(c, Monomial.ONE)), null);
    }

    /** c·m exactly. */
    public static Expansion term(Real c, Monomial m) {
        return c.isExactZero() ? ZERO : new Expansion(List.of(new Term(c, m)), null);
    }

    /** Nothing known but the size: O(m). */
    public static Expansion bigO(Monomial m) {
        return new Expansion(List.of(), m);
    }

    public List<Term> terms() {
        return terms;
    }

    /** The remainder's scale, or null when the expansion is exact. */
    public Monomial order() {
        return order;
    }

    public boolean isExact() {
        return order == null;
    }

    /** True when the function is identically 0. */
    public boolean isExactZero() {
        return terms.isEmpty() && order == null;
    }

    public boolean hasTerms() {
        return !terms.isEmpty();
    }

    /** The dominant term; throws when only a remainder is known. */
    public Term leading() {
        if (terms.isEmpty()) throw new CannotExpand("only the order of magnitude O(" + order + ") is known");
        return terms.get(0);
    }

    /** The scale of the dominant part: the first term's monomial, else the remainder's. Null for exact zero. */
    public Monomial scale() {
        return terms.isEmpty() ? order : terms.get(0).m();
    }

    /** The value when this is an exact constant, else null. */
    public Real constantValue() {
        if (order != null) return null;
        if (terms.isEmpty()) return Real.ZERO;
        if (terms.size() == 1 && terms.get(0).m().isOne()) return terms.get(0).coef();
        return null;
    }

    /** The same expansion without its first k terms (the caller has decided they are 0). */
    public Expansion withoutLeading(int k) {
        return new Expansion(terms.subList(k, terms.size()), order);
    }

    /** The coefficient of the monomial 1 (the constant term), or 0. */
    public Real constantTerm() {
        for (Term t : terms) if (t.m().isOne()) return t.coef();
        return Real.ZERO;
    }

    // ---- exact operations (no truncation): for the exponents ψ of monomials --------------------

    Expansion negateExact() {
        List<Term> out = new ArrayList<>();
        for (Term t : terms) out.add(new Term(t.coef().negate(), t.m()));
        return new Expansion(out, order);
    }

    Expansion scaleExact(Real c) {
        if (c.isExactZero()) return ZERO;
        List<Term> out = new ArrayList<>();
        for (Term t : terms) out.add(new Term(t.coef().multiply(c), t.m()));
        return new Expansion(out, order);
    }

    /** a + b (or a − b) of two exact expansions, like terms combined, nothing dropped but zeros. */
    static Expansion exactSum(Expansion a, Expansion b, boolean subtract) {
        List<Term> out = new ArrayList<>();
        int i = 0, j = 0;
        while (i < a.terms.size() || j < b.terms.size()) {
            Term x = i < a.terms.size() ? a.terms.get(i) : null;
            Term y = j < b.terms.size() ? b.terms.get(j) : null;
            if (y != null && subtract) y = new Term(y.coef().negate(), y.m());
            int c = x == null ? -1 : y == null ? 1 : x.m().compareTo(y.m());
            if (c > 0) {
                out.add(x);
                i++;
            } else if (c < 0) {
                out.add(y);
                j++;
            } else {
                Real s = x.coef().add(y.coef());
                double scale = Math.max(Math.abs(x.coef().value()), Math.abs(y.coef().value()));
                if (!s.isExactZero() && !s.isRoundingZero(scale)) out.add(new Term(s, x.m()));
                i++;
                j++;
            }
        }
        return new Expansion(out, null);
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        for (Term t : terms) {
            if (sb.length() > 0) sb.append(" + ");
            sb.append(t.coef().text());
            if (!t.m().isOne()) sb.append("*").append(t.m());
        }
        if (order != null) sb.append(sb.length() > 0 ? " + " : "").append("O(").append(order).append(")");
        return sb.length() == 0 ? "0" : sb.toString();
    }
}
