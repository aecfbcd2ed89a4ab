package org.gradus.data;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Before a table is loaded: how many rows the file holds (estimated from the length of its first
 * lines), how much memory their numbers need, and whether the JVM has it. A table that cannot fit is
 * refused with a message that says how much it needs, how much there is, and how to raise it —
 * instead of an {@link OutOfMemoryError} half-way through.
 */
final class MemoryCheck {
    /** The part of the free heap a table may take (the rest is for the program that uses it). */
    static final double USABLE = 0.9;

    private MemoryCheck() {
    }

    /** Estimated data rows of a CSV file with a header line: file length over the mean length of its first lines. */
    static long estimateRows(Path file, long size) throws IOException {
        byte[] head = new byte[(int) Math.min(size, 1 << 20)];
        int n;
        try (InputStream in = Files.newInputStream(file)) {
            n = in.readNBytes(head, 0, head.length);
        }
        int lines = 0, headerEnd = -1;
        for (int i = 0; i < n; i++) {
            if (head[i] == '\n') {
                if (headerEnd < 0) headerEnd = i + 1;
                else lines++;
            }
        }
        if (headerEnd < 0 || lines == 0) return Math.max(1, lines);
        int lastNewline = n - 1;
        while (lastNewline > 0 && head[lastNewline] != '\n') lastNewline--;
        double perLine = (double) (lastNewline + 1 - headerEnd) / lines;
        return (long) Math.ceil((size - headerEnd) / perLine * 1.02) + 16;
    }

    /** Refuses a table of about rows × columns doubles that the heap cannot hold. */
    static void requireMemory(String fileName, long rows, int columns) {
        requireMemory(fileName, rows, columns, 8);
    }

    /** Refuses a table of about rows × columns numbers of {@code bytes} bytes each that the heap cannot hold. */
    static void requireMemory(String fileName, long rows, int columns, int bytes) {
        long needed = rows * columns * (long) bytes;
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed <= free * USABLE) return;
        System.gc();
        free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (needed <= free * USABLE) return;
        throw new DataFileException(fileName + " needs about " + megabytes(needed) + " of memory (about " + rows + " rows × "
                + columns + " columns × " + bytes + " bytes), but the JVM has " + megabytes(free) + " free of its " + megabytes(rt.maxMemory())
                + " maximum heap; give it more with -Xmx (gradus reads GRADUS_JAVA_OPTS, e.g. GRADUS_JAVA_OPTS=-Xmx"
                + suggestedGigabytes(needed, rt.maxMemory() - free) + "g)"
                + (bytes == 8 ? ", or read it with precision: 'float' (32-bit storage, half the memory)" : ""));
    }

    private static String megabytes(long bytes) {
        return bytes >= 10L << 30 ? (bytes >> 30) + " GB" : (bytes >> 20) + " MB";
    }

    private static long suggestedGigabytes(long needed, long used) {
        return Math.max(1, (long) Math.ceil((needed / USABLE + used) * 1.25 / (1L << 30)));
    }
}
