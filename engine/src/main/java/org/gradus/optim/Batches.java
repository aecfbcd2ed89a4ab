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
 */
public final class Batches {
    private final Map<String, Integer> rows;
    private final Map<String, Integer> firstRow;
    private final int batch;
    private final boolean shuffle;
    private final SplittableRandom random;
    private final Map<String, int[]> order = new LinkedHashMap<>();
    private int epoch = -1;
    private final int stepsPerEpoch;

    /** @param rows row count of each data set, by name; @param firstRow index of each data set's first row */
    public Batches(Map<String, Integer> rows, Map<String, Integer> firstRow, int batch, boolean shuffle, long seed) {
        this.rows = new LinkedHashMap<>(rows);
        this.firstRow = Map.copyOf(firstRow);
        this.batch = batch;
        this.shuffle = shuffle;
        this.random = new SplittableRandom(seed);
        int max = 1;
        for (int n : rows.values()) max = Math.max(max, n);
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
            for (Map.Entry<String, Integer> d : rows.entrySet()) {
                int n = d.getValue();
                int[] p = order.computeIfAbsent(d.getKey(), k -> identity(firstRow.getOrDefault(k, 0), n));
                if (shuffle) {
                    for (int i = n - 1; i > 0; i--) {
                        int r = random.nextInt(i + 1);
                        int tmp = p[i];
                        p[i] = p[r];
                        p[r] = tmp;
                    }
                }
            }
        }
        for (Map.Entry<String, Integer> d : rows.entrySet()) {
            int n = d.getValue();
            int[] p = order.get(d.getKey());
            int from = (int) ((long) j * batch % n);
            int len = Math.min(batch, n - from);
            int[] sel = new int[len];
            System.arraycopy(p, from, sel, 0, len);
            fn.useRows(d.getKey(), sel);
        }
    }

    void useAll(CompiledFunction fn) {
        for (String name : rows.keySet()) fn.useRows(name, null);
    }

    private static int[] identity(int first, int n) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) p[i] = first + i;
        return p;
    }
}
