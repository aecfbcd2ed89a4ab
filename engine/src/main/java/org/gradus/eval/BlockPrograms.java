package org.gradus.eval;

import org.gradus.data.RowBlock;

import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The programs a JVM holding partitions has built for them, by block and kernel: a {@link RowKernel}
 * arrives with every pass, and the program it builds for a block — its body bound to the block's
 * tables, its loop compiled to bytecode once it has run long enough — is kept for the next pass. A
 * program is lent to one task at a time ({@link #take}, {@link #give}); blocks are held weakly, so a
 * partition dropped from the cache takes its programs with it.
 */
final class BlockPrograms {
    private static final Map<RowBlock, Map<String, ArrayDeque<Program>>> PROGRAMS = new WeakHashMap<>();

    private BlockPrograms() {
    }

    /** A program of this kernel over this block: one kept from an earlier pass, or a new one. */
    static Program take(RowKernel kernel, RowBlock block) {
        synchronized (PROGRAMS) {
            Map<String, ArrayDeque<Program>> byKernel = PROGRAMS.get(block);
            ArrayDeque<Program> free = byKernel == null ? null : byKernel.get(kernel.id());
            if (free != null && !free.isEmpty()) return free.pop();
        }
        return kernel.program(block);
    }

    /** Returns a program taken for this block, for the next pass. */
    static void give(RowKernel kernel, RowBlock block, Program p) {
        synchronized (PROGRAMS) {
            PROGRAMS.computeIfAbsent(block, b -> new HashMap<>()).computeIfAbsent(kernel.id(), k -> new ArrayDeque<>()).push(p);
        }
    }
}
