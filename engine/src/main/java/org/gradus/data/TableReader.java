package org.gradus.data;

/**
 * Reads tables through an engine outside this module — the optional {@code spark} module's Apache Spark
 * readers (Parquet, CSV on a cluster) — found with {@link java.util.ServiceLoader} (see
 * {@link TableReaders}). Without {@code master} a table is read into memory (an ordinary
 * {@link DataSet}); with one, its rows stay in the cluster's memory and the result is a
 * {@linkplain DataSet#partitioned partitioned} data set.
 */
public interface TableReader {
    /** What reads (for messages): {@code Apache Spark 4.0.4}. */
    String name();

    /**
     * Reads the table the request names.
     *
     * @throws DataFileException        for a missing path, a schema without the target column, a column
     *                                  that is not numeric, an empty cell
     * @throws IllegalArgumentException for a master that cannot be reached or parsed
     */
    DataSet read(TableRequest request);
}
