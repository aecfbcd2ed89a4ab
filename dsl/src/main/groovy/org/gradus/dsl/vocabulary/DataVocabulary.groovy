package org.gradus.dsl.vocabulary

import org.gradus.data.CsvLoader
import org.gradus.data.DataSet
import org.gradus.dsl.Coerce
import org.gradus.dsl.ScriptContext

import java.nio.file.Path

/** Data sets: {@code csv(file, target: column)}; their rows are used through {@code sum}/{@code mean}. */
trait DataVocabulary implements ScriptAccess {

    /** {@code csv('houses.csv', target: 'price')}: a table with a header row; the path is relative to the script. */
    DataSet csv(Map options = [:], String file) {
        Coerce.checkOptions(options, ['target'], 'csv')
        ScriptContext ctx = context()
        Path path = ctx != null ? ctx.files.readable(file) : Path.of(file)     // the script's file policy
        CsvLoader.load(path, options.target as String, ctx?.loads)
    }
}
