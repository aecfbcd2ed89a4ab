package org.gradus.data;

import org.gradus.print.Numbers;
import org.gradus.result.Shown;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small table of numbers to read, as pandas prints a data frame: a header of column names, one labelled line
 * a row ({@code data.head()}: the row numbers; {@code data.describe()}: count, mean, std, ...), the numbers
 * right-aligned under their column. In JSON, kind {@code table} with {@code columns}, {@code index} and
 * {@code data} (the rows), as pandas' {@code to_json(orient='split')} writes a frame.
 */
public final class TableView implements Shown {
    private final List<String> columns;
    private final List<String> index;
    private final double[][] cells;
    /** Significant digits of the text (0: every digit, the numbers as the file gave them). */
    private final int digits;

    TableView(List<String> columns, List<String> index, double[][] cells, int digits) {
        this.columns = List.copyOf(columns);
        this.index = List.copyOf(index);
        this.cells = cells;
        this.digits = digits;
    }

    public List<String> columns() {
        return columns;
    }

    public List<String> index() {
        return index;
    }

    /** One column by row label, as pandas reads {@code data.describe()['a']['mean']}. */
    public Map<String, Double> getAt(String column) {
        int c = columns.indexOf(column);
        if (c < 0) throw new IllegalArgumentException("the table has no column '" + column + "'; its columns are " + columns);
        Map<String, Double> byRow = new LinkedHashMap<>();
        for (int r = 0; r < cells.length; r++) byRow.put(index.get(r), cells[r][c]);
        return byRow;
    }

    @Override
    public String kind() {
        return "table";
    }

    @Override
    public Map<String, Object> fields() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("columns", columns);
        m.put("index", index);
        List<double[]> data = new ArrayList<>(cells.length);
        for (double[] row : cells) data.add(row.clone());
        m.put("data", data);
        return m;
    }

    @Override
    public String toText() {
        String[][] text = new String[cells.length][columns.size()];
        int[] width = new int[columns.size()];
        int labelWidth = 0;
        for (String label : index) labelWidth = Math.max(labelWidth, label.length());
        for (int c = 0; c < columns.size(); c++) width[c] = columns.get(c).length();
        for (int r = 0; r < cells.length; r++) {
            for (int c = 0; c < columns.size(); c++) {
                text[r][c] = digits == 0 ? Numbers.format(cells[r][c]) : Numbers.round(cells[r][c], digits);
                width[c] = Math.max(width[c], text[r][c].length());
            }
        }
        StringBuilder s = new StringBuilder(" ".repeat(labelWidth));
        for (int c = 0; c < columns.size(); c++) s.append("  ").append(pad(columns.get(c), width[c]));
        for (int r = 0; r < cells.length; r++) {
            s.append('\n').append(index.get(r)).append(" ".repeat(labelWidth - index.get(r).length()));
            for (int c = 0; c < columns.size(); c++) s.append("  ").append(pad(text[r][c], width[c]));
        }
        return s.toString();
    }

    private static String pad(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }

    @Override
    public String toString() {
        return toText();
    }
}
