package org.gradus.optim;

import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Expr;
import org.gradus.expr.SumOver;
import org.gradus.expr.Traversal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Mini-batches over the data reductions of an objective. Step t of an epoch uses rows
 * {@code [j·batch, (j+1)·batch)} of the epoch's order (a fresh permutation per epoch when
 * {@code shuffle}, drawn from {@code seed}); the last batch of an epoch may be smaller, as with a torch
 * DataLoader without {@code drop_last}. One epoch is ⌈rows/batch⌉ steps of the largest data set.
 *
 * <p>A step allocates nothing: the batch is a window of the epoch's permutation, handed to the compiled
 * function in place ({@link CompiledFunction#useRows(String, int[], int, int)}); the table is never copied.
 */
public final class Batches {
    private final String[] keys;
    private final int[] rows;
    /** Per data set, the rows in the current epoch's order (shuffled in place once per epoch). */
    private final int[][] order;
    private final int batch;
    private final boolean shuffle;
    private final SplittableRandom random;
    private int epoch = -1;
    private final int stepsPerEpoch;

    /** @param rows row count of each data set, by name; @param firstRow index of each data set's first row */
    public Batches(Map<String, Integer> rows, Map<String, Integer> firstRow, int batch, boolean shuffle, long seed) {
        this.keys = rows.keySet().toArray(new String[0]);
        this.rows = new int[keys.length];
        this.order = new int[keys.length][];
        int max = 1;
        for (int d = 0; d < keys.length; d++) {
            this.rows[d] = rows.get(keys[d]);
            this.order[d] = identity(firstRow.getOrDefault(keys[d], 0), this.rows[d]);
            max = Math.max(max, this.rows[d]);
        }
        this.batch = batch;
        this.shuffle = shuffle;
        this.random = new SplittableRandom(seed);
        this.stepsPerEpoch = (max + batch - 1) / batch;
    }

    /**
     * The mini-batches of {@code batch} rows over the data reductions ({@code mean(data) {..}},
     * {@code sum(data) {..}}) of f, or null without {@code batch:}.
     *
     * @throws IllegalArgumentException when batch: is given and f has no data reduction
     */
    static Batches of(Expr f, Settings s) {
        if (s.batch() == null) return null;
        Map<String, Integer> rows = new LinkedHashMap<>();
        Map<String, Integer> first = new LinkedHashMap<>();
        Traversal.forEachNode(f, e -> {
            if (e instanceof SumOver so && so.dataRows() != null) {
                rows.merge(so.dataRows(), so.to() - so.from(), Math::max);
                first.putIfAbsent(so.dataRows(), so.from());
            }
        });
        if (rows.isEmpty()) {
            throw new IllegalArgumentException("batch: needs a data reduction such as mean(data) { row -> ... } in the objective; this one has none");
        }
        return new Batches(rows, first, s.batch(), s.shuffle(), s.seed());
    }

    public int stepsPerEpoch() {
        return stepsPerEpoch;
    }

    void select(CompiledFunction fn, int step) {
        int e = step / stepsPerEpoch;
        int j = step % stepsPerEpoch;
        if (e != epoch) {
            epoch = e;
            if (shuffle) for (int[] p : order) shuffle(p);
        }
        for (int d = 0; d < keys.length; d++) {
            int n = rows[d];
            int from = (int) ((long) j * batch % n);
            fn.useRows(keys[d], order[d], from, from + Math.min(batch, n - from));
        }
    }

    void useAll(CompiledFunction fn) {
        for (String name : keys) fn.useRows(name, null);
    }

    /** Fisher–Yates, in place, from the run's generator. */
    private void shuffle(int[] p) {
        for (int i = p.length - 1; i > 0; i--) {
            int r = random.nextInt(i + 1);
            int tmp = p[i];
            p[i] = p[r];
            p[r] = tmp;
        }
    }

    private static int[] identity(int first, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = first + i;
        return p;
    }
}
