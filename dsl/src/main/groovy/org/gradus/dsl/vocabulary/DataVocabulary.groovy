package org.gradus.dsl.vocabulary

import org.gradus.data.CsvLoader
import org.gradus.data.CsvOptions
import org.gradus.data.DataSet
import org.gradus.data.Precision
import org.gradus.dsl.Coerce
import org.gradus.dsl.ScriptContext

import java.nio.file.Path

/**
 * Data sets: {@code csv(file, target: column)}, {@code parquet(file, target: column)}, and on Apache Spark
 * {@code spark.csv}/{@code spark.parquet}; their rows are used through {@code sum}/{@code mean}.
 */
trait DataVocabulary implements ScriptAccess {

    /**
     * {@code csv('houses.csv', target: 'price')}: a table with a header row; the path is relative to the
     * script. {@code classes: true} reads the target as class labels, numbered 0..K−1 ({@code data.classes}).
     * {@code precision: 'float'} stores the numbers as 32-bit floats (half the memory and bandwidth;
     * arithmetic stays in double; {@code data.precision} tells which). As {@code pandas.read_csv}:
     * {@code sep: ';'} reads cells separated by another character, {@code usecols: ['size', 'age']} only
     * those columns (and the target), in the file's order.
     */
    DataSet csv(Map options = [:], String file) {
        Coerce.checkOptions(options, ['target', 'classes', 'precision', 'sep', 'usecols'], 'csv')
        boolean classes = options.classes != null && Coerce.flag(options.classes, 'classes')
        CsvOptions read = new CsvOptions(options.target as String, classes, Precision.of(options.precision as String),
                TableOptions.separator(options.sep), TableOptions.columnNames(options.usecols))
        ScriptContext ctx = context()
        Path path = ctx != null ? ctx.files.readable(file) : Path.of(file)     // the script's file policy
        CsvLoader.load(path, read, ctx?.loads)
    }

    /**
     * {@code parquet('clicks.parquet', target: 'clicked')}: a Parquet file or folder, read by the optional
     * spark module — into memory, or onto the cluster with {@code --master} (as {@code spark.parquet}).
     */
    DataSet parquet(Map options = [:], String file) {
        spark.parquet(options, file)
    }

    /** {@code spark.csv(...)}, {@code spark.parquet(...)}: data sets on Apache Spark (in memory without {@code --master}). */
    SparkTables getSpark() {
        new SparkTables(context())
    }
}
