package org.gradus.dsl.isolate;

import java.util.Locale;

/**
 * A heap size as the JVM's {@code -Xmx} takes it and {@code --max-memory} accepts it: a whole number of
 * bytes with an optional unit {@code k}, {@code m}, {@code g} or {@code t} (powers of 1024), such as
 * {@code 512m} or {@code 2g}.
 *
 * @param bytes the size in bytes
 * @param text  the size as written, lower case ({@code 2g}); errors quote it
 */
public record MemorySize(long bytes, String text) {
    /** The default heap limit of an isolated run: 2 GiB. */
    public static final MemorySize DEFAULT = parse("2g");
    /** The smallest limit accepted: a JVM needs a few megabytes to start at all. */
    public static final long MIN_BYTES = 16L << 20;

    /**
     * Parses {@code 512m}, {@code 2g}, {@code 1048576}, ...
     *
     * @throws IllegalArgumentException when it is not such a size, or smaller than 16m
     */
    public static MemorySize parse(String s) {
        String t = s == null ? "" : s.trim().toLowerCase(Locale.ROOT);
        if (!t.matches("\\d{1,15}[kmgt]?")) {
            throw new IllegalArgumentException("a memory size is a number with an optional unit k, m, g or t (512m, 2g), not '" + s + "'");
        }
        char unit = t.charAt(t.length() - 1);
        int shift = switch (unit) {
            case 'k' -> 10;
            case 'm' -> 20;
            case 'g' -> 30;
            case 't' -> 40;
            default -> 0;
        };
        long n = Long.parseLong(shift == 0 ? t : t.substring(0, t.length() - 1));
        if (n > (Long.MAX_VALUE >> shift)) throw new IllegalArgumentException("the memory size " + s + " is too large");
        long bytes = n << shift;
        if (bytes < MIN_BYTES) throw new IllegalArgumentException("the memory size " + s + " is too small: give at least 16m");
        return new MemorySize(bytes, t);
    }

    /** The JVM option that sets this heap limit: {@code -Xmx2g}. */
    public String jvmOption() {
        return "-Xmx" + text;
    }

    @Override
    public String toString() {
        return text;
    }
}
