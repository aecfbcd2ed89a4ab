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
        'a bad cell'       | 'size,age,price\n1,2,3\n1.5,1.2.3,4\n2,1\n' | 'price' | "bad.csv line 3, column age: '1.2.3' is not a number"
        'too few values'   | 'a,b\n1,2\n\n3\n'                     | null    | 'bad.csv line 4: 1 value(s), but the header has 2 columns [a, b]'
        'an empty cell'    | 'a,b\n1,\n'                           | null    | 'bad.csv line 2, column b: the cell is empty (a missing value); every cell must hold a number: fill it in or remove the row'
        'no such target'   | 'a,b\n1,2\n'                          | 'c'     | "bad.csv has no column 'c'; its columns are [a, b]"
        'no rows'          | 'a,b\n'                               | null    | 'bad.csv has a header but no rows'
        'nothing at all'   | ''                                    | null    | 'bad.csv has no header row'
    }

    def "sep: reads cells separated by another character, as pandas.read_csv(sep=...) does"() {
        given:
        Path p = write(name, text)

        when:
        DataSet d = CsvLoader.load(p, new CsvOptions('y', false, Precision.DOUBLE, sep as char, null), null)

        then: "pandas.read_csv(p, sep=sep) reads a = [1.5, 300], b = [-2, 4], y = [1, 0]"
        d.columns() == ['a', 'b', 'y']
        d.column('a') as List == [1.5d, 300d]
        d.column('b') as List == [-2d, 4d]
        d.column('y') as List == [1d, 0d]

        where:
        name        | sep  | text
        'semi.csv'  | ';'  | 'a;b;y\n1.5;-2;1\n3e2;4;0\n'
        'tab.tsv'   | '\t' | 'a\t"b"\ty\r\n1.5\t-2\t1\r\n\r\n 3e2 \t4\t0\r\n'
        'pipe.csv'  | '|'  | 'a|b|y\n1.5|-2|1\n3e2|4|0\n'
    }

    def "usecols: reads only the columns named (and the target), in the file's order; text columns left out are never parsed"() {
        given:
        Path p = write('people.csv', 'name,age,city,hours,income\nAda,36,Paris,40,5.5\nAlan,41,"Wilmslow, UK",45,6.25\n')

        when: "pandas.read_csv(p, usecols=['hours', 'age', 'income'])"
        DataSet d = CsvLoader.load(p, new CsvOptions('income', false, Precision.DOUBLE, CsvOptions.COMMA, ['hours', 'age']), null)

        then:
        d.columns() == ['age', 'hours', 'income']
        d.featureNames() == ['age', 'hours']
        d.column('age') as List == [36d, 41d]
        d.column('hours') as List == [40d, 45d]
        d.column('income') as List == [5.5d, 6.25d]
    }

    def "usecols with class labels and 32-bit floats"() {
        given:
        Path p = write('iris.csv', 'id,petal,species\nx1,1.4,setosa\nx2,4.7,versicolor\nx3,0.1,setosa\n')

        when:
        DataSet d = CsvLoader.load(p, new CsvOptions('species', true, Precision.FLOAT, CsvOptions.COMMA, ['petal']), null)

        then:
        d.featureNames() == ['petal']
        d.classes() == ['setosa', 'versicolor']
        d.column('species') as List == [0d, 1d, 0d]
        d.column('petal') as List == [1.399999976158142d, 4.699999809265137d, 0.10000000149011612d]   // numpy: float(np.float32(1.4)), …
    }

    def "reading errors say what pandas users would do: #what"() {
        given:
        Path p = write(name, text)

        when:
        CsvLoader.load(p, options, null)

        then:
        DataFileException e = thrown()
        e.message == message

        where:
        what                         | name        | text                                 | options                                                                  | message
        'a text column'              | 'p.csv'     | 'name,age,city,y\nAda,36,Paris,1\n'   | CsvOptions.of('y')                                                       | "p.csv line 2, column name: 'Ada' is not a number; to leave out the columns that hold text, read only the others: usecols: ['age']"
        'text in the target'         | 'p.csv'     | 'a,label\n1,cat\n'                    | CsvOptions.of('label')                                                   | "p.csv line 2, column label: 'cat' is not a number; if label holds class labels, read them with classes: true"
        'a missing-value marker'     | 'p.csv'     | 'a,b\n1,2\n3,NA\n'                    | CsvOptions.of(null)                                                      | "p.csv line 3, column b: 'NA' marks a missing value; every cell must hold a number: fill it in or remove the row"
        'NaN is missing too'         | 'p.csv'     | 'a,b\n1,NaN\n'                        | CsvOptions.of(null)                                                      | "p.csv line 2, column b: 'NaN' marks a missing value; every cell must hold a number: fill it in or remove the row"
        'a semicolon file'           | 's.csv'     | 'a;b;y\n1;2;3\n'                      | CsvOptions.of(null)                                                      | "s.csv line 2, column a;b;y: '1;2;3' is not a number; the file seems separated by ';', not commas: read it with csv('s.csv', sep: ';')"
        'a tab file, target named'   | 't.tsv'     | 'a\tb\ty\n1\t2\t3\n'                | CsvOptions.of('y')                                                       | "t.tsv has no column 'y'; its columns are [a\tb\ty]; the file seems separated by '\\t', not commas: read it with csv('t.tsv', sep: '\\t')"
        'usecols names no column'    | 'p.csv'     | 'a,b,y\n1,2,3\n'                      | new CsvOptions('y', false, Precision.DOUBLE, CsvOptions.COMMA, ['a', 'c']) | "p.csv has no column 'c' (usecols); its columns are [a, b, y]"
        'usecols leaves no feature'  | 'p.csv'     | 'a,b,y\n1,2,3\n'                      | new CsvOptions('y', false, Precision.DOUBLE, CsvOptions.COMMA, ['y'])      | "usecols: [y] leaves p.csv no feature column besides the target y; name at least one of [a, b]"
    }

    def "a separator that cannot separate cells is refused"() {
        when:
        new CsvOptions(null, false, Precision.DOUBLE, '"' as char, null)

        then:
        DataFileException e = thrown()
        e.message == "sep: '\"' cannot separate cells; use a character such as ',', ';', '|' or '\\t'"
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

    def "a large file with another separator and fewer columns is read on two threads into the same numbers"() {
        given:
        String text = bigTable([:])
        Path p = write('big.csv', text.replace(',', ';'))
        List<String> lines = text.split('\n') as List

        when:
        DataSet d = CsvLoader.load(p, new CsvOptions('y', false, Precision.DOUBLE, ';' as char, ['c3', 'c24', 'c0']), null)

        then:
        d.columns() == ['c0', 'c3', 'c24', 'y']
        d.rows() == 40_000
        [0, 1, 20_000, 39_999].every { int r ->
            List<String> cells = lines[r + 1].split(',') as List
            [0, 3, 24].every { int k -> d.column("c$k")[r] == Double.parseDouble(cells[k]) } && d.column('y')[r] == r % 2
        }
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
