package org.gradus.data

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/** Loading CSV files: the numbers, where errors are reported, both threads, and the memory check. */
class CsvLoaderSpec extends Specification {
    @TempDir
    Path dir

    Path write(String name, String text) {
        Path p = dir.resolve(name)
        Files.writeString(p, text)
        p
    }

    def "quoting, CRLF, blank lines and spaces around numbers are read as the numbers written"() {
        given:
        Path p = write('q.csv', 'a, "b" ,y\r\n1.5,"-2",1\r\n\r\n 3e2 ,4, 0 \r\n')

        when:
        DataSet d = CsvLoader.load(p, 'y')

        then:
        d.rows() == 2
        d.columns() == ['a', 'b', 'y']
        d.featureNames() == ['a', 'b']
        d.column('a') as List == [1.5d, 300d]
        d.column('b') as List == [-2d, 4d]
        d.column('y') as List == [1d, 0d]
    }

    def "errors name the file, the line and the column: #what"() {
        given:
        Path p = write('bad.csv', text)

        when:
        CsvLoader.load(p, target)

        then:
        DataFileException e = thrown()
        e.message == message

        where:
        what               | text                                  | target  | message
        'a bad cell'       | 'size,age,price\n1,2,3\n1.5,abc,4\n2,1\n' | 'price' | "bad.csv line 3, column age: 'abc' is not a number"
        'too few values'   | 'a,b\n1,2\n\n3\n'                     | null    | 'bad.csv line 4: 1 value(s), but the header has 2 columns [a, b]'
        'an empty cell'    | 'a,b\n1,\n'                           | null    | 'bad.csv line 2, column b: the cell is empty (a missing value); every cell must hold a number: fill it in or remove the row'
        'no such target'   | 'a,b\n1,2\n'                          | 'c'     | "bad.csv has no column 'c'; its columns are [a, b]"
        'no rows'          | 'a,b\n'                               | null    | 'bad.csv has a header but no rows'
        'nothing at all'   | ''                                    | null    | 'bad.csv has no header row'
    }

    /** A file over CsvLoader.LARGE, converted on two threads: 40,000 rows × 26 columns. */
    static String bigTable(Map<Integer, String> replace) {
        StringBuilder sb = new StringBuilder()
        sb.append((0..<25).collect { "c$it" }.join(',')).append(',y\n')
        Random rnd = new Random(3)
        for (int r = 0; r < 40_000; r++) {
            for (int k = 0; k < 25; k++) sb.append(Double.toString(rnd.nextGaussian() * 1e3)).append(',')
            sb.append(replace.getOrDefault(r, Integer.toString(r % 2))).append('\n')
        }
        sb.toString()
    }

    def "a large file is read on two threads into the same numbers, in order"() {
        given:
        String text = bigTable([:])
        Path p = write('big.csv', text)
        assert Files.size(p) >= CsvLoader.LARGE
        List<String> lines = text.split('\n') as List

        when:
        List<List<Long>> progress = []
        DataSet d = CsvLoader.load(p, 'y', { String f, long read, long total -> progress << [read, total] } as LoadListener)

        then:
        d.rows() == 40_000
        [0, 1, 20_000, 39_999].every { int r ->
            List<String> cells = lines[r + 1].split(',') as List
            (0..<25).every { int k -> d.column("c$k")[r] == Double.parseDouble(cells[k]) } && d.column('y')[r] == r % 2
        }
        !progress.isEmpty()
        progress.every { it[0] <= it[1] && it[1] == Files.size(p) }
    }

    def "on two threads the first bad record in file order is the one reported"() {
        given:
        Path p = write('big.csv', bigTable([30_000: 'oops', 12_345: 'nan?']))

        when:
        CsvLoader.load(p, 'y')

        then:
        DataFileException e = thrown()
        e.message == "big.csv line 12347, column y: 'nan?' is not a number"
    }

    def "a table that cannot fit in the heap is refused before loading, saying how much it needs and how to raise it"() {
        given: "1.5 million short rows: about 24 MB of numbers for a JVM of 16 MB"
        Path p = dir.resolve('tall.csv')
        Files.newBufferedWriter(p).withCloseable { w ->
            w.write('a,b\n')
            for (int r = 0; r < 1_500_000; r++) w.write('1,2\n')
        }
        String java = Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
        Process proc = new ProcessBuilder(java, '-Xmx16m', '-XX:TieredStopAtLevel=1', '-cp', System.getProperty('java.class.path'),
                LoadInSmallHeap.name, p.toString()).redirectErrorStream(true).start()
        String out = proc.inputStream.text

        expect:
        proc.waitFor() == 3
        out.contains('tall.csv needs about 2')        // 22-23 MB
        out.contains('rows × 2 columns × 8 bytes')
        out.contains('-Xmx')
        out.contains('GRADUS_JAVA_OPTS')
        !out.contains('OutOfMemoryError')
    }
}
