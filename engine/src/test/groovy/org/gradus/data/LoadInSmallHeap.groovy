package org.gradus.data

import java.nio.file.Path

/** Run in a forked JVM with a small heap by CsvLoaderSpec: loads a file and prints the error, if any. */
class LoadInSmallHeap {
    static void main(String[] args) {
        try {
            DataSet d = CsvLoader.load(Path.of(args[0]), null)
            println "loaded ${d.rows()} rows"
        } catch (DataFileException e) {
            println e.message
            System.exit(3)
        }
    }
}
