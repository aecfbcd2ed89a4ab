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
 * right-aligned under their column; a long or wide table shows its first and last rows (columns) around "...", as
 * pandas does past 60 rows or 20 columns. In JSON, kind {@code table} with {@code columns}, {@code index} and
 * {@code data} (the rows), as pandas' {@code to_json(orient='split')} writes a frame.
 */
public final class TableView implements Shown {
    private final List<String> columns;
    private final List<String> index;
    private final double[][] cells;
    /** Significant digits of the text (0: every digit, the numbers as the file gave them). */
    private final int digits;
    /** Per column of class numbers, the names its text shows (class k is the k-th); most tables have none. */
    private final Map<String, List<String>> labels;

    /**
     * A table of these numbers.
     *
     * @param index  one label a row
     * @param cells  by row, one number a column
     * @param digits significant digits of the text; 0 for every digit
     */
    public TableView(List<String> columns, List<String> index, double[][] cells, int digits) {
        this(columns, index, cells, digits, Map.of());
    }

    private TableView(List<String> columns, List<String> index, double[][] cells, int digits, Map<String, List<String>> labels) {
        this.columns = List.copyOf(columns);
        this.index = List.copyOf(index);
        this.cells = cells;
        this.digits = digits;
        this.labels = Map.copyOf(labels);
    }

    /**
     * The same table whose text shows, in the named columns, the class names for the class numbers (as pandas
     * shows the labels a file held: {@code setosa}, not 0); the numbers and the JSON stay as they are.
     */
    public TableView withLabels(Map<String, List<String>> names) {
        return names.isEmpty() ? this : new TableView(columns, index, cells, digits, names);
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

    /** Above this many rows the text shows the first and last {@value #EDGE_ROWS} around a "..." line, as pandas does. */
    private static final int MAX_ROWS = 60, EDGE_ROWS = 5;
    /** Above this many columns the text shows the first and last {@value #EDGE_COLUMNS}, as pandas does. */
    private static final int MAX_COLUMNS = 20, EDGE_COLUMNS = 10;

    @Override
    public String toText() {
        List<Integer> shownRows = shown(cells.length, MAX_ROWS, EDGE_ROWS), shownColumns = shown(columns.size(), MAX_COLUMNS, EDGE_COLUMNS);
        String[][] text = new String[shownRows.size()][shownColumns.size()];
        String[] header = new String[shownColumns.size()], labels = new String[shownRows.size()];
        int[] width = new int[shownColumns.size()];
        int labelWidth = 0;
        for (int r = 0; r < labels.length; r++) {
            labels[r] = shownRows.get(r) < 0 ? "..." : index.get(shownRows.get(r));
            labelWidth = Math.max(labelWidth, labels[r].length());
        }
        for (int c = 0; c < header.length; c++) {
            int col = shownColumns.get(c);
            header[c] = col < 0 ? "..." : columns.get(col);
            width[c] = header[c].length();
            for (int r = 0; r < labels.length; r++) {
                int row = shownRows.get(r);
                text[r][c] = row < 0 || col < 0 ? "..." : cell(row, col);
                width[c] = Math.max(width[c], text[r][c].length());
            }
        }
        StringBuilder s = new StringBuilder(" ".repeat(labelWidth));
        for (int c = 0; c < header.length; c++) s.append("  ").append(pad(header[c], width[c]));
        for (int r = 0; r < labels.length; r++) {
            s.append('\n').append(labels[r]).append(" ".repeat(labelWidth - labels[r].length()));
            for (int c = 0; c < header.length; c++) s.append("  ").append(pad(text[r][c], width[c]));
        }
        if (shownRows.size() < cells.length || shownColumns.size() < columns.size()) {
            s.append("\n\n[").append(cells.length).append(" rows x ").append(columns.size()).append(" columns]");
        }
        return s.toString();
    }

    private String cell(int row, int col) {
        double v = cells[row][col];
        List<String> names = labels.get(columns.get(col));
        if (names != null && v == Math.rint(v) && v >= 0 && v < names.size()) return names.get((int) v);
        return digits == 0 ? Numbers.format(v) : Numbers.round(v, digits);
    }

    /** The positions shown of n: all of them up to max, else the first and last {@code edge} with -1 (a "...") between. */
    private static List<Integer> shown(int n, int max, int edge) {
        List<Integer> out = new ArrayList<>();
        if (n <= max) {
            for (int i = 0; i < n; i++) out.add(i);
            return out;
        }
        for (int i = 0; i < edge; i++) out.add(i);
        out.add(-1);
        for (int i = n - edge; i < n; i++) out.add(i);
        return out;
    }

    private static String pad(String s, int width) {
        return " ".repeat(width - s.length()) + s;
    }

    @Override
    public String toString() {
        return toText();
    }
}
