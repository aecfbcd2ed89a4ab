package org.gradus.eval;

import org.gradus.atoms.Atom;

import java.io.Serializable;

/**
 * A {@link Tape} in a form that can travel to another JVM (a Spark executor) by Java serialization: the
 * instructions as they are (array instructions too), each atom as an {@link AtomRef} (registry name and
 * parameters) and each vector atom as a {@link VectorAtomRef}, and each
 * table by what it is — the features or the target of the rows being summed, which every partition
 * binds to its own rows ({@link #bind}), or a constant table carried along. Loop bodies nest.
 */
final class PortableTape implements Serializable {
    private static final long serialVersionUID = 1L;

    /** What a LOOKUP or DOT table is: the rows' features, their target, or constant data. */
    enum TableRole { FEATURES, TARGET, CONSTANT }

    private final byte[] op;
    private final int[] a;
    private final int[] b;
    private final double[] k;
    private final int[][] args;
    private final AtomRef[] atoms;
    /** AVFUN: the vector atom, by name. */
    private final VectorAtomRef[] vectorAtoms;
    private final TableRole[] roles;
    private final double[][] constants;
    private final PortableTape[] body;
    private final int[] from;
    private final int[] to;
    private final int[] outputs;
    /** Array instructions: their element counts and shape parameters (see {@link Tape#len}, {@link Tape#dims}). */
    private final int[] len;
    private final int[][] dims;

    private PortableTape(Tape t, double[] features, double[] target) {
        int n = t.size;
        op = t.op.clone();
        a = t.a.clone();
        b = t.b.clone();
        k = t.k.clone();
        args = t.args.clone();
        atoms = new AtomRef[n];
        vectorAtoms = new VectorAtomRef[n];
        roles = new TableRole[n];
        constants = new double[n][];
        body = new PortableTape[n];
        from = t.from.clone();
        to = t.to.clone();
        outputs = t.outputs.clone();
        len = t.len.clone();
        dims = t.dims.clone();
        for (int i = 0; i < n; i++) {
            if (t.vectorAtom[i] != null) vectorAtoms[i] = VectorAtomRef.of(t.vectorAtom[i]);
            if (t.atom[i] != null) atoms[i] = AtomRef.of(t.atom[i], op[i] == Opcode.UNARY || op[i] == Opcode.AUNARY ? 1 : t.args[i].length);
            double[] table = t.table[i] != null ? t.table[i] : widened(t.floats[i]);
            if (table != null) {
                if (table == features) roles[i] = TableRole.FEATURES;
                else if (table == target) roles[i] = TableRole.TARGET;
                else {
                    roles[i] = TableRole.CONSTANT;
                    constants[i] = table;
                }
            }
            if (t.remote[i] != null) throw new IllegalArgumentException("a sum over a partitioned data set cannot be nested inside another");
            if (t.dataRows[i] != null) {
                throw new IllegalArgumentException("a sum over the rows of another data set cannot be nested inside a sum over a partitioned one");
            }
            if (t.body[i] != null) body[i] = new PortableTape(t.body[i], features, target);
        }
    }

    /**
     * The portable form of {@code t}, whose tables {@code features} and {@code target} (compared by
     * identity) stand for the rows being summed.
     *
     * @throws IllegalArgumentException when an atom does not rebuild from its name, or the tape sums over
     *                                  the rows of a data set inside (nested data reductions do not travel)
     */
    static PortableTape of(Tape t, double[] features, double[] target) {
        return new PortableTape(t, features, target);
    }

    /** The tape with the features and target of one partition's rows in place of the stand-ins. */
    Tape bind(double[] features, double[] target) {
        int n = op.length;
        Atom[] atom = new Atom[n];
        double[][] table = new double[n][];
        Tape[] bodies = new Tape[n];
        org.gradus.atoms.VectorAtom[] vector = new org.gradus.atoms.VectorAtom[n];
        for (int i = 0; i < n; i++) {
            if (atoms[i] != null) atom[i] = atoms[i].atom();
            if (vectorAtoms[i] != null) vector[i] = vectorAtoms[i].atom();
            if (roles[i] != null) {
                table[i] = switch (roles[i]) {
                    case FEATURES -> features;
                    case TARGET -> target;
                    case CONSTANT -> constants[i];
                };
            }
            if (body[i] != null) bodies[i] = body[i].bind(features, target);
        }
        return new Tape(op, a, b, k, args, atom, table, new float[n][], bodies, from, to, new String[n], new Remote[n], outputs, len, dims,
                vector);
    }

    /** A table of floats as doubles (exact): the rows of a partitioned data set are doubles, so its constants travel as doubles. */
    private static double[] widened(float[] f) {
        if (f == null) return null;
        double[] d = new double[f.length];
        for (int j = 0; j < f.length; j++) d[j] = f[j];
        return d;
    }
}
