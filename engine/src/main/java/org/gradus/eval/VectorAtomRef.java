package org.gradus.eval;

import org.gradus.atoms.Dot;
import org.gradus.atoms.ElasticNet;
import org.gradus.atoms.L1;
import org.gradus.atoms.L2;
import org.gradus.atoms.Norm1;
import org.gradus.atoms.Norm2;
import org.gradus.atoms.QuadForm;
import org.gradus.atoms.SumSquares;
import org.gradus.atoms.VectorAtom;
import org.gradus.atoms.VectorLogSumExp;
import org.gradus.expr.Matrix;

import java.io.Serializable;
import java.util.List;

/**
 * A vector atom applied to array expressions ({@code l2(W * row.x)}, {@code logsumexp(z)},
 * {@code quadForm(v, A)}) named so that another JVM can rebuild it, as {@link AtomRef} names a scalar
 * atom: its name, and its parameter (elasticNet's alpha) or matrix (quadForm's A). {@link #of} checks on
 * the sending side that the reference rebuilds an equal atom.
 *
 * @param matrix quadForm's matrix by rows; null for the other atoms
 */
record VectorAtomRef(String name, double parameter, double[][] matrix) implements Serializable {
    /** The vector atoms without parameters, by name. */
    private static final List<VectorAtom> PLAIN = List.of(L1.INSTANCE, L2.INSTANCE, SumSquares.INSTANCE, Norm1.INSTANCE, Norm2.INSTANCE,
            VectorLogSumExp.INSTANCE, Dot.INSTANCE);

    /**
     * The reference of a vector atom.
     *
     * @throws IllegalArgumentException when the atom does not rebuild from its name and parameters
     */
    static VectorAtomRef of(VectorAtom atom) {
        VectorAtomRef ref;
        if (atom instanceof ElasticNet e) ref = new VectorAtomRef(e.name(), e.alpha(), null);
        else if (atom instanceof QuadForm q) ref = new VectorAtomRef(q.name(), 0, q.matrix().toArray());
        else ref = new VectorAtomRef(atom.name(), 0, null);
        VectorAtom back;
        try {
            back = ref.atom();
        } catch (RuntimeException e) {
            back = null;
        }
        if (back == null || !(back == atom || back.equals(atom))) {
            throw new IllegalArgumentException("the function " + atom.name() + " of an array expression cannot be sent to the partitions of a "
                    + "data set: it does not rebuild from its name; read the data into memory (csv) instead");
        }
        return ref;
    }

    /** The atom: the one instance of a plain atom, a new one with the parameter or matrix otherwise. */
    VectorAtom atom() {
        if (matrix != null) return new QuadForm(new Matrix(matrix));
        if (name.equals("elasticNet")) return new ElasticNet(parameter);
        for (VectorAtom a : PLAIN) if (a.name().equals(name)) return a;
        throw new IllegalArgumentException("no vector function named " + name);
    }
}
