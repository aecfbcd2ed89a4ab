package org.gradus.expr;

/** A block of coordinates of the search space: a scalar {@link Variable} or a {@link VectorVariable}. */
public interface VariableBlock {
    String name();

    boolean hasName();

    void nameIfUnnamed(String name);

    /** Creation order: the place of this block in gradients and Hessians. */
    long order();

    /** Number of scalar coordinates. */
    int size();

    double start(int k);

    double lower(int k);

    double upper(int k);

    /** The display name of coordinate k: {@code x} or {@code w[3]}. */
    default String coordinateName(int k) {
        return this instanceof VectorVariable ? name() + "[" + k + "]" : name();
    }
}
