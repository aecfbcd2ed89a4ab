package org.gradus.eval;

import org.gradus.data.Partitions;

/**
 * A data reduction whose rows live in partitions elsewhere: where they are, and its body as it travels
 * there ({@link RowKernel}). The LOOP instruction that carries it is evaluated by a {@link RemotePass}.
 */
record Remote(Partitions partitions, RowKernel kernel) {
}
