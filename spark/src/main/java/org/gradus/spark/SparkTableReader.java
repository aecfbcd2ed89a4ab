package org.gradus.spark;

import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.AnalysisException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.storage.StorageLevel;
import org.gradus.data.DataFileException;
import org.gradus.data.ColumnRanges;
import org.gradus.data.DataSet;
import org.gradus.data.RowBlock;
import org.gradus.data.TableReader;
import org.gradus.data.TableRequest;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * Reads tables with Apache Spark's readers ({@code spark.read().parquet/csv}): the columns and their types
 * from the schema, every column numeric, the target among them. With a master the rows stay in Spark —
 * one {@link RowBlock} per partition, cached in memory (spilling to disk), as MLlib caches its instances —
 * and the data set is {@linkplain DataSet#partitioned partitioned}; without one the rows are read by a
 * Spark in this process and kept in memory as an ordinary data set. Found by {@link java.util.ServiceLoader}.
 */
public final class SparkTableReader implements TableReader {
    /** The master that reads a table into memory when the script gave none. */
    static final String READ_LOCALLY = "local[2]";

    @Override
    public String name() {
        return "Apache Spark " + org.apache.spark.package$.MODULE$.SPARK_VERSION();
    }

    @Override
    public DataSet read(TableRequest request) {
        String master = request.master();
        SparkSession spark = master != null ? SparkSessions.on(master) : SparkSessions.anyOr(READ_LOCALLY);
        Dataset<Row> frame = kept(frame(spark, request), request);
        List<String> columns = columns(frame.schema(), request);
        int[] order = order(columns, request.target());
        String what = request.format() + "('" + request.name() + "')";
        try {
            if (request.master() == null) {
                return inMemory(frame.count(), Blocks.of(frame.javaRDD(), order, columns, request.target() != null, what).toLocalIterator(),
                        columns, request);
            }
            JavaRDD<RowBlock> blocks = Blocks.aligned(frame.javaRDD(), order, columns, request.target() != null, what, request.partitions());
            blocks.persist(StorageLevel.MEMORY_AND_DISK());
            List<ColumnRanges> ranges = blocks.map(ColumnRanges::of).collect();    // one job: caches the blocks, counts and ranges each
            long[] counts = ranges.stream().mapToLong(ColumnRanges::rows).toArray();
            ColumnRanges all = ranges.stream().reduce(ColumnRanges::merge).orElse(null);
            JavaSparkContext context = JavaSparkContext.fromSparkContext(spark.sparkContext());
            return DataSet.partitioned(request.name(), columns, request.target(), new SparkPartitions(context, blocks, counts, all, master));
        } catch (Exception e) {          // SparkException (checked, undeclared by Spark's Scala API) or a failed task's error
            if (e instanceof DataFileException d) throw d;
            throw Blocks.readable(e, what);
        }
    }

    private static Dataset<Row> frame(SparkSession spark, TableRequest request) {
        try {
            return switch (request.format()) {
                case "parquet" -> spark.read().parquet(request.location());
                case "csv" -> spark.read().option("header", "true").option("inferSchema", "true")
                        .option("sep", String.valueOf(request.separator())).csv(request.location());
                default -> throw new IllegalArgumentException("no Spark reader for " + request.format());
            };
        } catch (Exception e) {          // AnalysisException: checked, undeclared by Spark's Scala API
            for (Throwable t = e; t != null; t = t.getCause()) {
                if (t instanceof AnalysisException a) {
                    throw new DataFileException(request.format() + "('" + request.name() + "'): " + a.getSimpleMessage(), e);
                }
            }
            if (e instanceof RuntimeException r) throw r;
            throw Blocks.readable(e, request.format() + "('" + request.name() + "')");
        }
    }

    /** Only the columns {@code usecols} names (and the target), in the table's order; each named one must exist. */
    private static Dataset<Row> kept(Dataset<Row> frame, TableRequest request) {
        if (request.columns() == null) return frame;
        List<String> all = List.of(frame.columns());
        for (String c : request.columns()) {
            if (!all.contains(c)) {
                throw new DataFileException(request.format() + "('" + request.name() + "'): no column '" + c + "' (usecols); the columns are " + all);
            }
        }
        Column[] keep = all.stream().filter(request::keeps).map(c -> frame.col("`" + c.replace("`", "``") + "`")).toArray(Column[]::new);
        return frame.select(keep);
    }

    /** The columns in schema order, each checked numeric, the target among them. */
    private static List<String> columns(StructType schema, TableRequest request) {
        String what = request.format() + "('" + request.name() + "')";
        List<String> names = new ArrayList<>();
        for (StructField f : schema.fields()) {
            if (!(f.dataType() instanceof NumericType)) {
                throw new DataFileException(what + ": column '" + f.name() + "' is " + f.dataType().simpleString()
                        + ", not numeric; every column of a data set is a number (drop or encode '" + f.name() + "' first)");
            }
            names.add(f.name());
        }
        if (request.target() != null && !names.contains(request.target())) {
            throw new DataFileException(what + ": no column '" + request.target() + "' for the target; the columns are " + names);
        }
        if (names.isEmpty()) throw new DataFileException(what + ": the table has no columns");
        return names;
    }

    /** Column indexes: the features in schema order, then the target (the order a data set keeps). */
    private static int[] order(List<String> columns, String target) {
        int[] order = new int[columns.size()];
        int k = 0;
        for (int c = 0; c < columns.size(); c++) if (!columns.get(c).equals(target)) order[k++] = c;
        if (target != null) order[k] = columns.indexOf(target);
        return order;
    }

    /**
     * The rows in one contiguous table, filled partition by partition as Spark hands them over (one
     * partition's block in flight at a time: a table of 8 GB needs 8 GB and one block, not twice 8 GB).
     */
    private static DataSet inMemory(long total, Iterator<RowBlock> blocks, List<String> columns, TableRequest request) {
        int f = request.target() == null ? columns.size() : columns.size() - 1;
        if (total > Integer.MAX_VALUE - 8 || total * Math.max(f, 1) > Integer.MAX_VALUE - 8) {
            throw new DataFileException(request.name() + ": " + total + " rows × " + f + " features are too many for one table in memory "
                    + "(at most 2³¹ numbers); keep the rows on Spark: run with --master local[2]");
        }
        requireHeap(request.name(), total * (f + (request.target() == null ? 0 : 1)) * 8L);
        int rows = (int) total;
        double[] x = new double[rows * f];
        double[] y = request.target() == null ? null : new double[rows];
        int r = 0;
        while (blocks.hasNext()) {
            RowBlock b = blocks.next();
            if (r + (long) b.rows() > rows) throw new DataFileException(request.name() + ": the table changed while it was read (more than " + rows + " rows)");
            System.arraycopy(b.x(), 0, x, r * f, b.rows() * f);
            if (y != null) System.arraycopy(b.y(), 0, y, r, b.rows());
            r += b.rows();
        }
        if (r != rows) throw new DataFileException(request.name() + ": the table changed while it was read (" + r + " rows instead of " + rows + ")");
        return new DataSet(request.name(), columns, request.target(), rows, x, y);
    }

    /** Refuses, before anything is allocated, a table whose numbers the heap cannot hold. */
    private static void requireHeap(String name, long bytes) {
        Runtime rt = Runtime.getRuntime();
        long free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes <= free * 0.9) return;
        System.gc();
        free = rt.maxMemory() - (rt.totalMemory() - rt.freeMemory());
        if (bytes <= free * 0.9) return;
        throw new DataFileException(name + " needs about " + (bytes >> 20) + " MB of memory for its numbers, but the JVM has " + (free >> 20)
                + " MB free of its " + (rt.maxMemory() >> 20) + " MB maximum heap; give it more with -Xmx (gradus reads GRADUS_JAVA_OPTS), "
                + "or keep the rows on Spark: run with --master local[2]");
    }
}
