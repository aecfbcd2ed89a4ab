package org.gradus.dsl.vocabulary

import org.gradus.data.CsvOptions
import org.gradus.dsl.Coerce

/** The options of the words that read tables ({@code csv}, {@code spark.csv}, {@code spark.parquet}) named as pandas names them. */
final class TableOptions {
    private TableOptions() {
    }

    /** {@code sep:} as one character (',' when not given); also for {@code spark.csv}. */
    static char separator(Object sep) {
        if (sep == null) return CsvOptions.COMMA
        String s = sep instanceof Character ? sep.toString() : sep instanceof CharSequence ? sep.toString() : null
        if (s == '\\t') s = '\t'
        if (s == null || s.length() != 1) {
            throw new IllegalArgumentException("sep: takes one character, such as ';', '|' or '\\t' (a tab); it was ${Coerce.describe(sep)}")
        }
        s.charAt(0)
    }

    /** {@code usecols:} as a list of column names (null when not given); also for {@code spark.csv}, {@code spark.parquet}. */
    static List<String> columnNames(Object usecols) {
        if (usecols == null) return null
        List<?> names = usecols instanceof CharSequence ? [usecols] : usecols instanceof Collection ? new ArrayList<Object>((Collection) usecols) : null
        if (names == null || names.isEmpty() || names.any { !(it instanceof CharSequence) }) {
            throw new IllegalArgumentException("usecols: takes a list of column names, such as ['size', 'age']; it was ${Coerce.describe(usecols)}")
        }
        names*.toString()
    }
}
