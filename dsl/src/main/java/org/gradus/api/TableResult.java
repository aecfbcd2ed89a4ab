package org.gradus.api;

import java.util.List;

/**
 * A table of numbers a script showed (JSON kind {@code table}: {@code columns}, {@code index}, {@code data}, as pandas'
 * {@code to_json(orient='split')}): a data set's first or last rows ({@code data.head()}) or its summary
 * ({@code data.describe()}).
 *
 * <pre>
 * TableResult t = session.run("csv('houses.csv').describe()").first(TableResult.class);
 * double meanPrice = t.get("mean", "price");
 * </pre>
 */
public final class TableResult extends Result {
    TableResult(Record record) {
        super(record);
    }

    /** The column names, in order. */
    public List<String> columns() {
        return JsonValues.strings(field("columns"));
    }

    /** The row labels: row numbers for {@code head}/{@code tail}, the statistics' names for {@code describe}. */
    public List<String> index() {
        return JsonValues.strings(field("index"));
    }

    /** The numbers, row by row (a new array each call). */
    public double[][] data() {
        return JsonValues.rows(field("data"));
    }

    /**
     * The number in the row labelled {@code row} and the column {@code column}.
     *
     * @throws IllegalArgumentException for a label or column the table does not have
     */
    public double get(String row, String column) {
        int r = index().indexOf(row), c = columns().indexOf(column);
        if (r < 0) throw new IllegalArgumentException("no row '" + row + "'; the rows are " + index());
        if (c < 0) throw new IllegalArgumentException("no column '" + column + "'; the columns are " + columns());
        return data()[r][c];
    }
}
