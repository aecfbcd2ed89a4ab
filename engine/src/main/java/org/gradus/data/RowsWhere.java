package org.gradus.data;

import java.util.function.IntPredicate;

/**
 * The rows of a data set for which a condition holds, in order, as a data set of their own — pandas' boolean indexing
 * {@code df[df['price'] < 3]} and {@code df.query('price < 3')}: same columns, target, classes and storage, and, as pandas
 * keeps the index, each row keeps its number in the table it came from ({@code head()} shows it).
 */
public final class RowsWhere {
    private RowsWhere() {
    }

    /** The rows r of {@code data} with {@code keep.test(r)}; none is an empty data set, as pandas gives an empty frame. */
    public static DataSet of(DataSet data, IntPredicate keep) {
        data.requireInMemory("a selection of rows");
        int[] kept = new int[data.rows()];
        int n = 0;
        for (int r = 0; r < data.rows(); r++) if (keep.test(r)) kept[n++] = r;
        return data.subset(kept, 0, n, "where", Precision.of(data.precision()));
    }
}
