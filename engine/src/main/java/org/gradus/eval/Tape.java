package org.gradus.eval;

import org.gradus.atoms.Atom;

import java.util.Arrays;

import static org.gradus.eval.Opcode.ADD;
import static org.gradus.eval.Opcode.ADDC;
import static org.gradus.eval.Opcode.ADDN;
import static org.gradus.eval.Opcode.LOOP;
import static org.gradus.eval.Opcode.MULC;

/**
 * An expression DAG as flat instructions in evaluation order (every operand before its consumer):
 * what to compute, never how far it has got. {@link Opcode} says what each instruction means; a
 * {@link Program} holds the working arrays that evaluate a tape; {@link TapeBuilder} makes one.
 *
 * <p>A reduction {@code sum(from..<to) { i -> body }} is one LOOP instruction whose body is a tape of
 * its own, kept once however long the range; over a partitioned data set, a LOOP whose {@link #remote}
 * evaluates it where the rows are. Immutable after construction.
 */
final class Tape {
    final int size;
    final byte[] op;
    final int[] a;
    final int[] b;
    final double[] k;
    final int[][] args;
    final Atom[] atom;
    /** LOOKUP, DOT, ACONST, ATABLE: the constant table read, when it stores doubles; else null. */
    final double[][] table;
    /** LOOKUP, DOT, ATABLE: the constant table read, when it stores 32-bit floats (read widened to double); else null. */
    final float[][] floats;
    /** LOOP: the body, its index range [from, to) and, for a data reduction, the data set's rows key. */
    final Tape[] body;
    final int[] from;
    final int[] to;
    final String[] dataRows;
    /** LOOP over a partitioned data set: where its rows are and the body as it travels there; else null. */
    final Remote[] remote;
    final int[] outputs;
    /** Array instructions: the number of elements of the value (0 for a scalar value). */
    final int[] len;
    /** Array instructions: their shape parameters (AMATVEC {rows, inner}, ABLOCK {offset}, ...); else null. */
    final int[][] dims;
    /** AVFUN: the vector atom. */
    final org.gradus.atoms.VectorAtom[] vectorAtom;
    /** Whether an instruction depends on a coordinate of x (only those carry adjoints). */
    final boolean[] needsGradient;
    /**
     * LOOP: the instruction's adjoint when it is a compile-time constant (the loop reaches the single
     * output only through sums and constant factors, as in {@code mean(data) {..} + 0.1*l2(w)}), else
     * NaN. Such a loop runs its body forward and backward in one pass during the forward sweep.
     */
    final double[] fusedSeed;

    Tape(byte[] op, int[] a, int[] b, double[] k, int[][] args, Atom[] atom, double[][] table, float[][] floats, Tape[] body,
         int[] from, int[] to, String[] dataRows, Remote[] remote, int[] outputs, int[] len, int[][] dims,
         org.gradus.atoms.VectorAtom[] vectorAtom) {
        this.size = op.length;
        this.op = op;
        this.a = a;
        this.b = b;
        this.k = k;
        this.args = args;
        this.atom = atom;
        this.table = table;
        this.floats = floats;
        this.body = body;
        this.from = from;
        this.to = to;
        this.dataRows = dataRows;
        this.remote = remote;
        this.outputs = outputs;
        this.len = len;
        this.dims = dims;
        this.vectorAtom = vectorAtom;
        this.needsGradient = gradientPaths();
        this.fusedSeed = outputs.length == 1 ? constantAdjoints(outputs[0]) : nanArray(size);
    }

    /** The number of elements of instruction i's table (double or float). */
    int tableLength(int i) {
        return table[i] != null ? table[i].length : floats[i].length;
    }

    /** Whether instruction i has an array value (of {@link #len} elements). */
    boolean isArrayValued(int i) {
        return len[i] > 0;
    }

    /** Whether any instruction is an array instruction. */
    boolean hasArrays() {
        for (byte o : op) if (Opcode.isArray(o)) return true;
        return false;
    }

    /** The value of the single output of a loop body. */
    int output() {
        return outputs[0];
    }

    /** Whether LOOP i adds its gradient during the forward sweep (see {@link #fusedSeed}). */
    boolean fused(int i) {
        return needsGradient[i] && !Double.isNaN(fusedSeed[i]);
    }

    /** Number of instructions, counting loop bodies once (the size of the compiled graph). */
    int instructionCount() {
        int n = size;
        for (Tape t : body) if (t != null) n += t.instructionCount();
        return n;
    }

    // ---- compile-time analyses --------------------------------------------------------------------

    private boolean[] gradientPaths() {
        boolean[] need = new boolean[size];
        for (int i = 0; i < size; i++) {
            if (Opcode.readsCoordinates(op[i])) need[i] = true;
            else if (op[i] == LOOP || op[i] == Opcode.ALOOP) need[i] = body[i].needsGradient[body[i].output()];
            else for (int j : Opcode.adjointOperands(this, i)) need[i] |= need[j];
        }
        return need;
    }

    /**
     * The adjoint of each LOOP when it is a compile-time constant, else NaN. Instructions are visited
     * from the output back; an instruction's consumers all come after it.
     */
    private double[] constantAdjoints(int output) {
        double[] c = new double[size];
        boolean[] known = new boolean[size];
        Arrays.fill(known, true);
        c[output] = 1;
        for (int i = size - 1; i >= 0; i--) {
            for (int ch : Opcode.operands(this, i)) {
                if (!known[i]) {
                    known[ch] = false;
                    continue;
                }
                switch (op[i]) {
                    case ADD, ADDC, ADDN -> c[ch] += c[i];
                    case MULC -> c[ch] += c[i] * k[i];
                    default -> known[ch] = false;
                }
            }
        }
        double[] seeds = nanArray(size);
        for (int i = 0; i < size; i++) if (op[i] == LOOP && known[i]) seeds[i] = c[i];
        return seeds;
    }

    private static double[] nanArray(int n) {
        double[] d = new double[n];
        Arrays.fill(d, Double.NaN);
        return d;
    }
}
