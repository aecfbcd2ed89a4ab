package org.gradus.atoms;

import org.gradus.print.Numbers;

/**
 * {@code norm(v)} and {@code norm(v, p)}: the word numpy's {@code linalg.norm}, CVXPY's {@code norm} and torch's
 * {@code linalg.vector_norm} give, for the two norms the engine has atoms for — p = 2 (the default) builds
 * {@link Norm2}, p = 1 {@link Norm1}; so the expression prints, differentiates and is judged convex as
 * {@code norm2(v)} and {@code norm1(v)} are.
 */
public final class Norm {
    public static final FunctionWord WORD = FunctionWord.named("norm").vector("v").optionalNumber("p", 2)
            .help("Euclidean norm (p = 2), or the sum of |v_i| (p = 1)").example("norm(w)")
            .builds(a -> {
                double p = a.size() > 1 ? a.number(1, "p") : 2;
                if (p == 2) return VectorAtom.applied(Norm2.INSTANCE, a, 1);
                if (p == 1) return VectorAtom.applied(Norm1.INSTANCE, a, 1);
                throw new IllegalArgumentException("norm(v, p): p is 1 or 2 (given " + Numbers.format(p)
                        + "); the largest |v_i| is max(abs(v))");
            });

    private Norm() {
    }
}
