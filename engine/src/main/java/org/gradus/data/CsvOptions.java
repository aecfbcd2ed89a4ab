package org.gradus.data;

import java.util.List;

/**
 * How to read a CSV file: the script's {@code csv(file, target:, classes:, precision:, sep:, usecols:)},
 * named as {@code pandas.read_csv} names them.
 *
 * @param target    the target column, or null
 * @param classes   whether the target holds class labels (numbers or text), numbered 0..K−1
 * @param precision how the numbers are stored
 * @param separator the character between the cells ({@code ','}; {@code ';'} for the files of many European
 *                  spreadsheets, a tab for {@code .tsv})
 * @param columns   the columns to read, or null for all of them; kept in the file's order, as pandas does,
 *                  and the target is read whether named or not
 */
public record CsvOptions(String target, boolean classes, Precision precision, char separator, List<String> columns) {
    public static final char COMMA = ',';

    public CsvOptions {
        if (precision == null) precision = Precision.DOUBLE;
        if (columns != null) columns = List.copyOf(columns);
        if (classes && target == null) throw new DataFileException("classes: true needs a target column: csv(file, target: 'label', classes: true)");
        if (separator == '"' || separator == '\n' || separator == '\r') {
            throw new DataFileException("sep: " + printable(separator) + " cannot separate cells; use a character such as ',', ';', '|' or '\\t'");
        }
    }

    /** All columns, separated by commas, stored as doubles. */
    public static CsvOptions of(String target) {
        return new CsvOptions(target, false, Precision.DOUBLE, COMMA, null);
    }

    /** Whether the file is read as written by default: commas, every column (the fast plain reader may read it). */
    boolean plain() {
        return separator == COMMA && columns == null && !classes;
    }

    /** Whether column {@code name} is read. */
    boolean keeps(String name) {
        return keeps(columns, target, name);
    }

    /** Whether a table read with {@code usecols: columns} (null for all) and that target reads column {@code name}. */
    static boolean keeps(List<String> columns, String target, String name) {
        return columns == null || columns.contains(name) || name.equals(target);
    }

    /** A separator as a script writes it: {@code ';'}, {@code '\t'}. */
    static String printable(char c) {
        return c == '\t' ? "'\\t'" : c == '\n' ? "'\\n'" : c == '\r' ? "'\\r'" : "'" + c + "'";
    }
}
