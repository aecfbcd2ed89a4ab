package org.gradus.atoms;

import org.gradus.atoms.array.ArgMax;
import org.gradus.atoms.array.CrossEntropy;
import org.gradus.atoms.array.Embed;
import org.gradus.atoms.array.Fill;
import org.gradus.atoms.array.LinearAlgebra;
import org.gradus.atoms.array.OneHot;
import org.gradus.atoms.array.Outer;
import org.gradus.atoms.array.Softmax;
import org.gradus.atoms.array.Trace;
import org.gradus.expr.Expr;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The registry of the language's function words, in the order of the language reference (SPEC §2):
 * the script language calls them by name, the REPL completes and explains them, {@code gradus --help}
 * lists them, and the atom contract spec checks every atom they build. Each word is declared in the
 * file of its atom (or loss); adding one is a line here.
 */
public final class Functions {
    private Functions() {
    }

    private static final List<FunctionWord> WORDS = List.of(
            // elementary
            Exp.WORD, Log.WORD, Log1p.WORD, Sqrt.WORD, Sin.WORD, Cos.WORD, Tan.WORD, Atan.WORD, Tanh.WORD, Cosh.WORD, Sinh.WORD, Abs.WORD, Sign.WORD,
            Relu.WORD, LeakyRelu.WORD, Sigmoid.WORD, Softplus.WORD, Power.WORD, Max.WORD, Min.WORD, LogSumExp.WORD,
            // vectors
            Dot.WORD, Norm.WORD, Norm1.WORD, Norm2.WORD, SumSquares.WORD, QuadForm.WORD,
            // arrays
            Softmax.WORD, CrossEntropy.WORD, OneHot.WORD, ArgMax.WORD, Trace.WORD, Outer.WORD, Fill.WORD, Embed.WORD,
            // linear algebra on matrices of numbers
            LinearAlgebra.DET, LinearAlgebra.INV, LinearAlgebra.SOLVE, LinearAlgebra.EIGENVALUES,
            // regularizers
            L1.WORD, L2.WORD, ElasticNet.WORD,
            // losses
            Losses.SQUARED_ERROR, Losses.ABSOLUTE_ERROR, Huber.WORD, Losses.LOG_LOSS, Losses.HINGE);

    /**
     * Atoms no word names: the operators {@code + * / **} build them ({@code **} is also {@code pow}),
     * and step is the slope of relu and max. Listed so that the contract spec checks them too.
     */
    private static final List<Atom> WITHOUT_WORDS = List.of(Add.INSTANCE, Multiply.INSTANCE, Divide.INSTANCE, Step.INSTANCE);

    private static final Map<String, FunctionWord> BY_NAME = byName();

    private static Map<String, FunctionWord> byName() {
        Map<String, FunctionWord> m = new LinkedHashMap<>();
        for (FunctionWord w : WORDS) {
            if (m.put(w.name(), w) != null) throw new IllegalStateException("two function words named " + w.name());
        }
        return Collections.unmodifiableMap(m);
    }

    /** Every function word, in the order of the language reference. */
    public static List<FunctionWord> words() {
        return WORDS;
    }

    /** The word with this name, or null. */
    public static FunctionWord find(String name) {
        return BY_NAME.get(name);
    }

    /** The names of the words, in order. */
    public static List<String> names() {
        return new ArrayList<>(BY_NAME.keySet());
    }

    /** Atoms that no word names (operators, step). */
    public static List<Atom> atomsWithoutWords() {
        return WITHOUT_WORDS;
    }

    /**
     * {@code Functions.call("huber", pred, y, 0.5)}: the word's expression from Java values (numbers,
     * expressions, lists or arrays for vectors, matrices).
     *
     * @throws IllegalArgumentException for an unknown name, a wrong number of arguments or a value of the
     *                                  wrong kind
     */
    public static Expr call(String name, Object... args) {
        FunctionWord w = find(name);
        if (w == null) throw new IllegalArgumentException("no function '" + name + "'; the functions are " + names());
        return w.call(Arrays.asList(args));
    }
}
