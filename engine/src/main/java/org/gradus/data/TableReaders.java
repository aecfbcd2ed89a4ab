package org.gradus.data;

import java.util.ServiceLoader;

/** The {@link TableReader} on the class path (the {@code spark} module's), if any. */
public final class TableReaders {
    private TableReaders() {
    }

    /**
     * The reader on the class path, or an error that says how to get one.
     *
     * @param what the script's word that needs it, for the message ({@code parquet('clicks.parquet')})
     * @throws IllegalStateException when the spark module is not on the class path
     */
    public static TableReader require(String what) {
        for (TableReader r : ServiceLoader.load(TableReader.class, TableReaders.class.getClassLoader())) return r;
        throw new IllegalStateException(what + " reads through the optional spark module, which this gradus was started without: "
                + "build it with 'mvn -B -Pspark -DskipTests package' and run with --master local[2] (Spark in this process) "
                + "or GRADUS_SPARK=1 (Spark only to read, rows in memory); see docs/spark.md");
    }
}
