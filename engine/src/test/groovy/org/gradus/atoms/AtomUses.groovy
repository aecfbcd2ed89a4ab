package org.gradus.atoms

import org.gradus.expr.Constant
import org.gradus.expr.Expr
import org.gradus.expr.Traversal
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable

/**
 * What the atom contract spec checks, found from the registry alone: every function word of
 * {@link Functions} called in each of its forms on fresh variables (vectors of 3, or of the sample
 * matrix's size) and its declared sample numbers, and every atom application and vector function inside
 * the expressions those calls build — plus the atoms no word names. A new word or atom is picked up here
 * without editing anything.
 */
class AtomUses {
    /** One call of a word: the expression it built. */
    static class WordCall {
        FunctionWord word
        Expr expr
        String toString() { "${word.name()}: $expr" }
    }

    /**
     * One way an atom is applied: its argument expressions, where each argument is a fresh variable
     * (sampled by the spec) or a constant (kept, as a power's exponent).
     */
    static class Use {
        Atom atom
        List<Expr> args
        String toString() { new Apply(atom, args).toString() }
    }

    static List<WordCall> wordCalls() {
        List<WordCall> out = []
        Functions.words().each { FunctionWord w ->
            w.forms().each { List<FunctionWord.Parameter> form ->
                out << new WordCall(word: w, expr: w.call(sampleArguments(form, w.variadic() && form.is(w.parameters()))))
            }
        }
        out
    }

    /** Fresh variables for expressions and vectors (a repeated parameter twice), the declared samples for the rest. */
    static List<Object> sampleArguments(List<FunctionWord.Parameter> form, boolean variadic) {
        def matrix = form.find { it.kind() == FunctionWord.Kind.MATRIX }
        int n = matrix != null ? ((double[][]) matrix.sample()).length : 3
        List<Object> args = []
        form.eachWithIndex { FunctionWord.Parameter p, int k ->
            switch (p.kind()) {
                case FunctionWord.Kind.EXPR: args << new Variable(p.name() + k, 0); break
                case FunctionWord.Kind.VECTOR: args << new VectorVariable(p.name() + k, n, 0); break
                case FunctionWord.Kind.ARRAY:
                    int[] shape = (int[]) p.sample()
                    args << VectorVariable.matrix(p.name() + k, shape[0], shape[1], new double[shape[0] * shape[1]], Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY)
                    break
                default: args << p.sample()
            }
        }
        if (variadic) args << new Variable(form.last().name() + 'more', 0)
        args
    }

    /** The operators are syntax, not words: the ways scripts apply them, with the exponents that matter. */
    static List<Expr> operatorSamples() {
        Variable x = new Variable('x', 0), y = new Variable('y', 0)
        [Ops.pow(x, Constant.of(2)), Ops.pow(x, Constant.of(3)), Ops.pow(x, Constant.of(0.5)), Ops.pow(x, Constant.of(1.5)),
         Ops.pow(x, Constant.of(-1)), Ops.pow(x, Constant.of(-2)), Ops.pow(x, Constant.of(-0.5)), Ops.pow(Constant.of(2), x),
         Ops.div(x, y), Ops.div(Constant.ONE, x), Ops.mul(x, y), Ops.add(x, y)]
    }

    /** Every atom application in the word calls and operator samples, and the atoms without words, each once. */
    static List<Use> atomUses() {
        Map<String, Use> out = new LinkedHashMap<>()
        List<Expr> roots = wordCalls()*.expr + operatorSamples()
        roots.each { Expr root ->
            Traversal.forEachNode(root) { Expr e ->
                if (e instanceof Apply) {
                    Use u = normalized((Apply) e)
                    out.putIfAbsent(u.atom.toString() + '/' + u.args.collect { it instanceof Constant ? it.toString() : '_' }, u)
                }
            }
        }
        Functions.atomsWithoutWords().each { Atom atom ->
            int k = atom.arity() < 0 ? 2 : atom.arity()
            Use u = new Use(atom: atom, args: (0..<k).collect { new Variable("a$it", 0) as Expr })
            out.putIfAbsent(atom.toString() + '/' + ['_'] * k, u)
        }
        out.values() as List
    }

    /** The same atom with each non-constant argument replaced by a fresh variable. */
    static Use normalized(Apply a) {
        int k = 0
        new Use(atom: a.atom(), args: a.args().collect { Expr x -> x instanceof Constant ? x : new Variable("a${k++}", 0) })
    }

    /** The one-argument atoms among them. */
    static List<UnaryAtom> unaryAtoms() {
        atomUses().collect { it.atom }.findAll { it instanceof UnaryAtom }.unique() as List<UnaryAtom>
    }

    /** Every vector function in the word calls. */
    static List<VectorFunction> vectorFunctions() {
        List<VectorFunction> out = []
        wordCalls().each { WordCall c ->
            Traversal.forEachNode(c.expr) { Expr e -> if (e instanceof VectorFunction && !out.any { it.atom() == e.atom() }) out << (VectorFunction) e }
        }
        out
    }
}
