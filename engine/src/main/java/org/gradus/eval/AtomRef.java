package org.gradus.eval;

import org.gradus.atoms.Apply;
import org.gradus.atoms.Atom;
import org.gradus.atoms.FunctionWord;
import org.gradus.atoms.Functions;
import org.gradus.expr.Expr;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * An atom named so that another JVM can rebuild it: its registry name and its
 * {@linkplain Atom#parameters() parameters} ({@code huber} with delta 0.5). It is rebuilt through the
 * atom's own function word of {@link Functions} — the word called with placeholder expressions and the
 * parameters — or taken from the atoms no word names (operators, step). Atoms are not serializable; a
 * reference is, and {@link #of} checks on the sending side that the reference rebuilds an equal atom.
 *
 * @param arity the number of expression arguments at this use (variadic atoms: how many were given)
 */
record AtomRef(String name, double[] parameters, int arity) implements Serializable {
    private static final Map<AtomRef, Atom> RESOLVED = new ConcurrentHashMap<>();

    /**
     * The reference of an atom applied to {@code arity} arguments.
     *
     * @throws IllegalArgumentException when the atom cannot be rebuilt from its name and parameters
     */
    static AtomRef of(Atom atom, int arity) {
        AtomRef ref = new AtomRef(atom.name(), atom.parameters(), arity);
        Atom back;
        try {
            back = ref.atom();
        } catch (RuntimeException e) {
            back = null;
        }
        if (!atom.equals(back)) {
            throw new IllegalArgumentException("the function " + atom.name() + " cannot be sent to the partitions of a data set: "
                    + "it does not rebuild from its name and parameters " + Arrays.toString(atom.parameters()));
        }
        return ref;
    }

    /** The atom, rebuilt once per JVM. */
    Atom atom() {
        Atom a = RESOLVED.get(this);
        if (a == null) {
            a = rebuild();
            RESOLVED.putIfAbsent(this, a);
        }
        return a;
    }

    private Atom rebuild() {
        for (Atom a : Functions.atomsWithoutWords()) if (a.name().equals(name) && parameters.length == 0) return a;
        FunctionWord word = Functions.find(name);
        if (word == null) throw new IllegalArgumentException("no function word named " + name);
        List<Object> args = new ArrayList<>();
        for (int i = 0; i < arity; i++) args.add(new Variable("a" + i, 0));
        for (double p : parameters) args.add(p);
        Expr e = word.call(args);
        Atom[] found = new Atom[1];
        Traversal.forEachNode(e, n -> {
            if (found[0] == null && n instanceof Apply ap && ap.atom().name().equals(name)) found[0] = ap.atom();
        });
        if (found[0] == null) throw new IllegalArgumentException(name + "(...) does not build the atom " + name);
        return found[0];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof AtomRef r && r.name.equals(name) && r.arity == arity && Arrays.equals(r.parameters, parameters);
    }

    @Override
    public int hashCode() {
        return name.hashCode() * 31 + Arrays.hashCode(parameters) + arity;
    }
}
