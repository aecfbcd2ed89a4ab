package org.gradus.eval;

import org.gradus.atoms.Power;

/**
 * The one definition of every tape instruction: its operands, its value, and the local chain rule that
 * passes its adjoint {@code g} on to each operand. The interpreter ({@link Sweeps}) and the bytecode
 * compiler ({@link BodyEmitter}) both read this class: the interpreter calls the rules, the generated
 * code calls the same static methods (the JIT inlines them), so the two compute the same arithmetic in
 * the same order and agree bit for bit.
 *
 * <p>An instruction {@code i} of a {@link Tape} reads {@code a[i]}, {@code b[i]} (instruction ids or,
 * for VAR/ELEM/DOT, a coordinate offset), {@code k[i]} (a constant) and {@code args[i]} (variadic
 * operands):
 * <table>
 * <caption>opcodes</caption>
 * <tr><th>opcode</th><th>value</th><th>adjoint passed to each operand</th></tr>
 * <tr><td>CONST</td><td>k</td><td>—</td></tr>
 * <tr><td>VAR</td><td>x[a]</td><td>grad[a] += g</td></tr>
 * <tr><td>INDEX</td><td>the loop index in slot a</td><td>—</td></tr>
 * <tr><td>ELEM</td><td>x[a + (int) v_b], checked against the vector's size k</td><td>grad[a + v_b] += g</td></tr>
 * <tr><td>LOOKUP</td><td>table[(int) v_b], checked</td><td>— (constant data)</td></tr>
 * <tr><td>ADD / ADDC / ADDN</td><td>v_a + v_b / v_a + k / Σ v_args</td><td>g to each</td></tr>
 * <tr><td>MUL / MULC / MULN</td><td>v_a·v_b / v_a·k / Π v_args</td><td>g·(the other factors, in order)</td></tr>
 * <tr><td>DIV</td><td>v_a / v_b</td><td>a: g/v_b; b: −(g·v)/v_b</td></tr>
 * <tr><td>SQ / POWC / POW</td><td>v_a² / pow(v_a, k) / pow(v_a, v_b)</td><td>{@link #squareSlope}, {@link #powerSlope}, {@link #powBase}, {@link #powExponent}</td></tr>
 * <tr><td>UNARY / GENERIC</td><td>the atom's value</td><td>g · the atom's own partial derivative</td></tr>
 * <tr><td>LOOP</td><td>Σ over the index range (or the current rows) of the body tape</td><td>the body's gradient, seeded with g</td></tr>
 * <tr><td>DOT</td><td>Σⱼ x[a + j]·table[(int) v_b + from + j], j &lt; k ({@link DotProducts#dot})</td><td>grad[a + j] += g·table[v_b + from + j]</td></tr>
 * </table>
 *
 * <p>Array instructions ({@link #isArray}, from ACONST on) have a value of {@code len} elements — or a
 * scalar value for the reductions (ASUM, AINDEX, AXENT, ...) — and their own rules in
 * {@link ArraySweeps} (which the interpreter and the generated code both call) over contiguous storage
 * ({@link ArrayRules}). Their operands are instructions; scalar operands broadcast (AADDS, AMULS, AFILL)
 * or index (ATABLE, AINDEX, AXENT, AONEHOT: no adjoint):
 * <table>
 * <caption>array opcodes</caption>
 * <tr><th>opcode</th><th>value</th></tr>
 * <tr><td>ACONST / AVAR / ATABLE</td><td>table / x[a .. a+len) / table[v_b .. v_b+len)</td></tr>
 * <tr><td>AFILL</td><td>len copies of the scalar v_a</td></tr>
 * <tr><td>AADD AADDS AMUL AMULS AMULC ADIV ASQ APOWC AUNARY AGENERIC</td><td>elementwise: a+b, a+s, a⊙b, a·s, a·k, a/b, a², aᵏ, f(a), f(args)</td></tr>
 * <tr><td>AMATVEC / AMATMUL / ATRANS / AOUTER</td><td>A·x, A·B, Aᵀ, a bᵀ (dims: the shapes)</td></tr>
 * <tr><td>ASUM AMAX AARGMAX AINDEX ALSE AXENT ATRACE AQUAD ADOT AVFUN</td><td>scalars: Σa, max a, argmax a, a[v_b], logsumexp a, logsumexp a − a[v_b], trace, vᵀMv, ⟨a, b⟩, a vector atom</td></tr>
 * <tr><td>ABLOCK / AEMBED / ASOFTMAX / AONEHOT / ASTACK</td><td>a slice, a slice put in zeros, softmax, a one-hot array, a vector of scalars</td></tr>
 * <tr><td>ALOOP</td><td>Σ over the index range of an array-valued body</td></tr>
 * </table>
 */
final class Opcode {
    static final byte CONST = 0, VAR = 1, INDEX = 2, ELEM = 3, LOOKUP = 4, ADD = 5, ADDC = 6, ADDN = 7, MUL = 8,
            MULC = 9, MULN = 10, DIV = 11, SQ = 12, POWC = 13, POW = 14, UNARY = 15, GENERIC = 16, LOOP = 17, DOT = 18;

    static final byte ACONST = 19, AVAR = 20, ATABLE = 21, AFILL = 22, AADD = 23, AADDS = 24, AMUL = 25, AMULS = 26, AMULC = 27,
            ADIV = 28, ASQ = 29, APOWC = 30, AUNARY = 31, AGENERIC = 32, AMATVEC = 33, AMATMUL = 34, ATRANS = 35, AOUTER = 36,
            ASUM = 37, AMAX = 38, AARGMAX = 39, AINDEX = 40, ABLOCK = 41, AEMBED = 42, ASOFTMAX = 43, ALSE = 44, AXENT = 45,
            AONEHOT = 46, ASTACK = 47, ATRACE = 48, AQUAD = 49, AVFUN = 50, ADOT = 51, ALOOP = 52;

    /** The number of opcodes; they are 0 .. COUNT − 1. */
    static final int COUNT = 53;

    private static final String[] NAMES = {"CONST", "VAR", "INDEX", "ELEM", "LOOKUP", "ADD", "ADDC", "ADDN", "MUL", "MULC",
            "MULN", "DIV", "SQ", "POWC", "POW", "UNARY", "GENERIC", "LOOP", "DOT",
            "ACONST", "AVAR", "ATABLE", "AFILL", "AADD", "AADDS", "AMUL", "AMULS", "AMULC", "ADIV", "ASQ", "APOWC", "AUNARY",
            "AGENERIC", "AMATVEC", "AMATMUL", "ATRANS", "AOUTER", "ASUM", "AMAX", "AARGMAX", "AINDEX", "ABLOCK", "AEMBED",
            "ASOFTMAX", "ALSE", "AXENT", "AONEHOT", "ASTACK", "ATRACE", "AQUAD", "AVFUN", "ADOT", "ALOOP"};

    /** Whether the opcode is an array instruction (its rules are in {@link ArraySweeps}). */
    static boolean isArray(byte op) {
        return op >= ACONST;
    }

    private Opcode() {
    }

    static String name(byte op) {
        return NAMES[op];
    }

    private static final int[] NONE = new int[0];

    /**
     * The instructions whose values instruction i reads, in the order its reverse step passes adjoints
     * to them (an index operand of ELEM, LOOKUP and DOT included: it carries no adjoint, but the
     * analyses must see it).
     */
    static int[] operands(Tape t, int i) {
        return switch (t.op[i]) {
            case CONST, VAR, INDEX, LOOP, ACONST, AVAR, ALOOP -> NONE;
            case ELEM, LOOKUP, DOT, ATABLE -> new int[]{t.b[i]};
            case ADD, MUL, DIV, POW, AADD, AADDS, AMUL, AMULS, ADIV, AMATVEC, AMATMUL, AOUTER, AINDEX, AXENT, AQUAD, ADOT ->
                    new int[]{t.a[i], t.b[i]};
            case ADDN, MULN, GENERIC, AGENERIC, ASTACK, AVFUN -> t.args[i];
            default -> new int[]{t.a[i]};
        };
    }

    /** The operands that receive an adjoint from i (index operands carry none). */
    static int[] adjointOperands(Tape t, int i) {
        return switch (t.op[i]) {
            case ELEM, LOOKUP, DOT, ATABLE, AARGMAX, AONEHOT -> NONE;
            case AINDEX, AXENT -> new int[]{t.a[i]};
            default -> operands(t, i);
        };
    }

    /** Whether the reverse step of i reads coordinates of x or the gradient directly (a leaf of the gradient). */
    static boolean readsCoordinates(byte op) {
        return op == VAR || op == ELEM || op == DOT || op == AVAR;
    }

    /**
     * Whether the reverse step of i is skipped when its adjoint is zero: its local derivative may be
     * infinite or NaN (0·∞ must not poison the gradient), or it is an inner loop or a DOT (skipping saves a pass).
     */
    static boolean skipsZeroAdjoint(Tape t, int i) {
        return switch (t.op[i]) {
            case DIV, POW, UNARY, GENERIC, LOOP, DOT, ASUM, AMAX, AINDEX, ALSE, AXENT, ATRACE, AQUAD, ADOT, AVFUN -> true;
            case POWC -> t.k[i] < 1 || t.k[i] != Math.rint(t.k[i]);
            default -> false;
        };
    }

    // ---- values -----------------------------------------------------------------------------------

    /** ELEM/LOOKUP: an index computed in floating point, truncated and checked against the size. */
    static int index(double v, int size) {
        return index((int) v, size);
    }

    static int index(int idx, int size) {
        if (idx < 0 || idx >= size) {
            throw new IndexOutOfBoundsException("index " + idx + " is outside 0.." + (size - 1));
        }
        return idx;
    }

    /** SQ. */
    static double square(double a) {
        return a * a;
    }

    /** POWC and POW. */
    static double power(double base, double p) {
        return Power.pow(base, p);
    }

    // ---- chain rules: the adjoint each operand receives ------------------------------------------

    /** MUL (either factor), MULC, UNARY and GENERIC: g times the local partial derivative. */
    static double scaled(double g, double partial) {
        return g * partial;
    }

    /** DIV, numerator: g / v_b. */
    static double quotientNumerator(double g, double denominator) {
        return g / denominator;
    }

    /** DIV, denominator: the amount subtracted from its adjoint, (g·v) / v_b. */
    static double quotientDenominator(double g, double value, double denominator) {
        return g * value / denominator;
    }

    /** SQ: 2·v_a·g. */
    static double squareSlope(double g, double a) {
        return 2 * a * g;
    }

    /** POWC: g·k·pow(v_a, k − 1). */
    static double powerSlope(double g, double a, double k) {
        return g * k * Power.pow(a, k - 1);
    }

    /** POW, base: g·(p = 0 ? 0 : p·pow(base, p − 1)). */
    static double powBase(double g, double base, double p) {
        return g * (p == 0 ? 0 : p * Power.pow(base, p - 1));
    }

    /** POW, exponent: g·(v = 0 ? 0 : v·log(base)). */
    static double powExponent(double g, double base, double value) {
        return g * (value == 0 ? 0 : value * Math.log(base));
    }
}
