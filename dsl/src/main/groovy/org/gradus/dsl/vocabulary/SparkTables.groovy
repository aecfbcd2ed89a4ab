package org.gradus.dsl.vocabulary

import groovy.transform.CompileStatic
import org.gradus.data.CsvLoader
import org.gradus.data.CsvOptions
import org.gradus.data.DataFileException
import org.gradus.data.DataSet
import org.gradus.data.Precision
import org.gradus.data.TableReaders
import org.gradus.data.TableRequest
import org.gradus.dsl.Coerce
import org.gradus.dsl.ScriptContext

import java.nio.file.Files
import java.nio.file.Path

/**
 * The value of the word {@code spark}: {@code spark.csv(path, target:)} and {@code spark.parquet(path,
 * target:)}, data sets on Apache Spark (SPEC §2 "Past one machine"). With {@code --master} the rows stay
 * in the cluster's memory and {@code mean(data) {..}} runs there; without, the table is read into memory
 * and nothing needs a cluster ({@code spark.csv} is then {@code csv}).
 *
 * <p>Files: a local path (relative to the script) is read only if the script's file policy allows every
 * file in it, as for {@code csv}; a URI of another file system ({@code hdfs://...}, {@code s3a://...}) is
 * read by the cluster, so only with {@code --master} given, and its permissions are the cluster's.
 */
@CompileStatic
class SparkTables {
    private static final List<String> OPTIONS = ['target', 'partitions', 'precision', 'sep', 'usecols']

    private final ScriptContext context

    SparkTables(ScriptContext context) {
        this.context = context
    }

    /** {@code spark.csv('clicks.csv', target: 'clicked', partitions: 8)}: a CSV file (or folder of them) with a header row. */
    DataSet csv(Map options = [:], String path) {
        read('csv', options, path)
    }

    /** {@code spark.parquet('clicks.parquet', target: 'clicked', partitions: 8)}: a Parquet file or folder. */
    DataSet parquet(Map options = [:], String path) {
        read('parquet', options, path)
    }

    DataSet read(String format, Map options, String path) {
        String word = format == 'csv' ? 'spark.csv' : 'spark.parquet'
        Coerce.checkOptions(options, OPTIONS, word)
        String target = options.target as String
        Integer partitions = options.partitions == null ? null : Coerce.integer(options.partitions, "$word's partitions")
        if (partitions != null && partitions < 1) throw new IllegalArgumentException("$word: partitions must be at least 1, got $partitions")
        Precision precision = Precision.of(options.precision as String)
        if (options.sep != null && format != 'csv') throw new IllegalArgumentException("$word: sep: is for CSV files; a Parquet file has no separator")
        char separator = TableOptions.separator(options.sep)
        List<String> columns = TableOptions.columnNames(options.usecols)
        String master = context?.master
        if (master != null && precision != Precision.DOUBLE) {
            throw new IllegalArgumentException("$word: precision: '${precision.word()}' is for tables read into memory; "
                    + 'rows on Spark are held as doubles: leave precision out, or read without --master')
        }
        String location
        if (path ==~ /^[A-Za-z][A-Za-z0-9+.\-]*:\/\/.*/ && !path.startsWith('file:')) {
            if (master == null) {
                throw new IllegalArgumentException("$word('$path'): a path of another file system is read by a Spark cluster; " +
                        'run with --master URL (or spark-submit), or copy the file beside the script')
            }
            location = path
        } else {
            Path local = readableLocal(path.startsWith('file:') ? URI.create(path).path : path, word)
            if (master == null && format == 'csv' && Files.isRegularFile(local)) {
                return CsvLoader.load(local, new CsvOptions(target, false, precision, separator, columns), context?.loads)
            }
            location = local.toString()
        }
        String what = "$word('$path')"
        TableReaders.require(what).read(new TableRequest(format, location, path, target, master, partitions, separator, columns)).withPrecision(precision)
    }

    /**
     * The local file or folder, every file in it checked by the script's file policy (the files Spark
     * reads: names starting with {@code _} or {@code .} are skipped, as Spark does).
     */
    private Path readableLocal(String path, String word) {
        if (context == null) return Path.of(path).toAbsolutePath()
        Path resolved = context.resolve(path)
        if (!Files.isDirectory(resolved)) {
            Path file = context.files.readable(path)
            if (!Files.exists(file)) throw new DataFileException("$word: no such file or folder: $path")
            return file
        }
        List<Path> files = []
        Files.walk(resolved).withCloseable { stream ->
            stream.filter { Path p -> Files.isRegularFile(p) && !skipped(resolved.relativize(p)) }.forEach { Path p -> files << p }
        }
        files.each { Path p -> context.files.readable(context.baseDir.relativize(p).toString()) }
        if (files.isEmpty()) throw new DataFileException("$word: the folder $path holds no data files")
        resolved
    }

    private static boolean skipped(Path relative) {
        relative.any { Path part -> part.toString().startsWith('_') || part.toString().startsWith('.') }
    }

    /** Scripts see the two words only: the context (the file policy, the master) is not theirs to read or change. */
    @Override
    Object getProperty(String property) {
        throw new MissingPropertyException("spark has no property '$property'; it offers spark.csv(path, target: column) "
                + 'and spark.parquet(path, target: column)', property, SparkTables)
    }

    @Override
    void setProperty(String property, Object value) {
        getProperty(property)
    }

    @Override
    String toString() { 'spark (data sets on Apache Spark: spark.csv(path, target: column), spark.parquet(path, target: column))' }
}
