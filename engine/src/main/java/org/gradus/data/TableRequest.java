package org.gradus.data;

import java.util.List;

/**
 * A table to read through a {@link TableReader}.
 *
 * @param format     {@code csv} (a header row) or {@code parquet}
 * @param location   an absolute local path (already allowed by the script's file policy) or a URI the
 *                   cluster reads ({@code hdfs://...}; only with a master)
 * @param name       how errors and the data set name it: the name the script gave
 * @param target     the target column, or null
 * @param master     the Spark master ({@code local[2]}, {@code spark://host:7077}); null to read into memory
 * @param partitions how many partitions the rows should be held in (rows keep their order); null for as
 *                   read
 * @param separator  the character between a CSV file's cells ({@code ','}; the script's {@code sep:})
 * @param columns    the columns to read ({@code usecols:}), kept in the table's order, the target read whether
 *                   named or not; null for all
 */
public record TableRequest(String format, String location, String name, String target, String master, Integer partitions,
                           char separator, List<String> columns) {

    public TableRequest {
        if (columns != null) columns = List.copyOf(columns);
    }

    /** Every column, a CSV file's cells separated by commas. */
    public TableRequest(String format, String location, String name, String target, String master, Integer partitions) {
        this(format, location, name, target, master, partitions, CsvOptions.COMMA, null);
    }

    /** Whether column {@code c} is read. */
    public boolean keeps(String c) {
        return CsvOptions.keeps(columns, target, c);
    }
}
