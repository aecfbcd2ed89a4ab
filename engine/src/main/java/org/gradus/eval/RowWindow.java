package org.gradus.eval;

/**
 * The rows a data reduction currently uses: the positions [lo, hi) of an array of row indices (a
 * mini-batch is a window of the epoch's permutation, read in place, never copied). Mutable and reused
 * from step to step, so choosing a batch allocates nothing.
 */
final class RowWindow {
    int[] rows;
    int lo;
    int hi;

    int count() {
        return hi - lo;
    }
}
