package org.gradus.data;

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
 */
public record TableRequest(String format, String location, String name, String target, String master, Integer partitions) {
}
