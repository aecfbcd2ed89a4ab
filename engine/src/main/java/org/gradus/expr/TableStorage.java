package org.gradus.expr;

/**
 * The storage of a constant table read inside reductions ({@link Lookup}, {@link TableSlice}): a
 * {@code double[]}, or a {@code float[]} for a data set read with {@code precision: 'float'} (half the
 * memory and bandwidth; every element read is widened to double exactly, so all arithmetic stays in
 * double). Tables are shared, never copied, and compared by identity.
 */
public final class TableStorage {
    private TableStorage() {
    }

    /**
     * The table itself, checked to be one of the two storages.
     *
     * @throws IllegalArgumentException for anything but a {@code double[]} or {@code float[]}
     */
    static Object require(Object table) {
        if (table instanceof double[] || table instanceof float[]) return table;
        throw new IllegalArgumentException("a table is a double[] or a float[], not " + (table == null ? "null" : table.getClass().getSimpleName()));
    }

    /** The number of elements of a table. */
    public static int length(Object table) {
        return table instanceof float[] f ? f.length : ((double[]) table).length;
    }

    /** Element i of a table as a double (a float is widened exactly). */
    public static double at(Object table, int i) {
        return table instanceof float[] f ? f[i] : ((double[]) table)[i];
    }

    /** Sets element i of a table (a float table keeps v rounded to float). */
    public static void store(Object table, int i, double v) {
        if (table instanceof float[] f) f[i] = (float) v;
        else ((double[]) table)[i] = v;
    }

    /** Whether a table stores 32-bit floats. */
    public static boolean isFloat(Object table) {
        return table instanceof float[];
    }
}
