package org.gradus.data;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a table read into memory stores its numbers ({@code csv(file, precision: 'float')}): 64-bit
 * doubles, or 32-bit floats — half the memory and half the bytes a pass over the rows reads. Arithmetic
 * is in double either way: every stored float is widened exactly when read, and sums and gradients
 * accumulate in double.
 */
public enum Precision {
    /** {@code double[]} storage, 8 bytes a number (the default). */
    DOUBLE("double", 8),
    /** {@code float[]} storage, 4 bytes a number: about 7 significant digits, magnitudes up to about 3.4e38. */
    FLOAT("float", 4);

    private final String word;
    private final int bytes;

    Precision(String word, int bytes) {
        this.word = word;
        this.bytes = bytes;
    }

    /** How scripts spell it: {@code 'double'} or {@code 'float'}. */
    public String word() {
        return word;
    }

    /** Bytes per stored number. */
    public int bytes() {
        return bytes;
    }

    /**
     * The precision a script names ({@code 'double'}, {@code 'float'}; also {@code 'float64'},
     * {@code 'float32'} as numpy spells them); null means double.
     *
     * @throws IllegalArgumentException for any other word, naming the two
     */
    public static Precision of(String word) {
        if (word == null) return DOUBLE;
        return switch (word.strip().toLowerCase(Locale.ROOT)) {
            case "double", "float64" -> DOUBLE;
            case "float", "float32" -> FLOAT;
            default -> throw new IllegalArgumentException("precision: '" + word + "' is not a precision; use precision: 'double' "
                    + "(64-bit, the default) or precision: 'float' (32-bit storage, half the memory; arithmetic stays in double)");
        };
    }

    /** A zeroed storage array of n numbers. */
    Object allocate(int n) {
        return this == FLOAT ? new float[n] : new double[n];
    }

    /** A copy of a storage array with n numbers (truncated or zero-padded). */
    Object resize(Object storage, int n) {
        return this == FLOAT ? Arrays.copyOf((float[]) storage, n) : Arrays.copyOf((double[]) storage, n);
    }
}
