package org.gradus.data

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The byte-level reader of plain CSV files: every number bit for bit what the JDK's own
 * Double.parseDouble / Float.parseFloat make of the cell's text (the independent reference), however
 * the file is cut into pieces and threads; anything not plain is left to the general reader.
 */
class PlainCsvSpec extends Specification {
    @TempDir
    Path dir

    /** Cells of every shape the decimal grammar allows, and the hard cases of correct rounding. */
    static final List<String> EDGES = [
            '0', '-0', '+0', '0.0', '-0.0', '1', '-1', '+1', '.5', '5.', '-.5', '1e0', '1E0', '1e+0', '1e-0', '1.5e3', '-1.5E-3',
            '4.9e-324', '5e-324', '2.4703282292062327e-324', '2.4703282292062328e-324', '2.2250738585072011e-308',
            '2.2250738585072012e-308', '2.2250738585072014e-308', '1.7976931348623157e308', '1.7976931348623158e308',
            '9007199254740993', '9007199254740992', '9007199254740994', '9007199254740995', '18014398509481985',
            '0.1', '0.2', '0.3', '0.30000000000000004', '123456789012345678901234567890', '1.00000000000000011102230246251565404236316680908203125',
            '1.000000000000000111022302462515654042363166809082031250000001', '0.000000000000000000000000000000000001',
            '3.4028235e38', '3.4028236e38', '1.4e-45', '7.006492321624085e-46', '1.17549435e-38', '16777217', '33554435',
            '00000000000000000000123', '1e-400', '123.456e-310', '0x1p3', '0x1.8p-2', '1d', '2f', '7.0D',
    ]

    Path write(String name, String text) {
        Path p = dir.resolve(name)
        Files.writeString(p, text)
        p
    }

    /** A random cell: a random double printed shortest, or at 17–25 digits, or an integer, or an edge case. */
    static String cell(Random rnd) {
        switch (rnd.nextInt(6)) {
            case 0: return Double.toString(rnd.nextGaussian() * Math.pow(10, rnd.nextInt(40) - 20))
            case 1: return String.format('%.' + (17 + rnd.nextInt(9)) + 'e', rnd.nextGaussian())
            case 2: return Long.toString(rnd.nextLong() >> rnd.nextInt(64))
            case 3: return Double.toString(Double.longBitsToDouble(rnd.nextLong() & 0x7fefffffffffffffL)) // any finite bit pattern
            case 4: return String.format('%.' + rnd.nextInt(20) + 'f', rnd.nextDouble() * 1000 - 500)
            default: return EDGES[rnd.nextInt(EDGES.size())]
        }
    }

    static String table(Random rnd, int rows, int cols, String eol, boolean finalNewline) {
        StringBuilder sb = new StringBuilder((0..<cols).collect { "c$it" }.join(',')).append(eol)
        for (int r = 0; r < rows; r++) {
            sb.append((0..<cols).collect { cell(rnd) }.join(','))
            if (r < rows - 1 || finalNewline) sb.append(eol)
        }
        sb.toString()
    }

    def "every cell is Double.parseDouble of its text, bit for bit, in any cutting into pieces and threads (#eol, #pieceBytes bytes a piece)"() {
        given:
        Random rnd = new Random(pieceBytes * 31 + eol.length())
        int cols = 1 + rnd.nextInt(7)
        String text = table(rnd, 400, cols, eol, finalNewline)
        Path p = write('t.csv', text)
        List<String[]> cells = text.split(eol).drop(1).collect { it.split(',') }

        when:
        DataSet d = PlainCsv.load(p, 't.csv', 'c0', Precision.DOUBLE, null, pieceBytes, parallel)

        then:
        d != null
        d.rows() == 400
        (0..<400).every { int r ->
            (0..<cols).every { int k ->
                Double.doubleToRawLongBits(d.column("c$k")[r]) == Double.doubleToRawLongBits(Double.parseDouble(cells[r][k]))
            }
        }

        where:
        eol    | pieceBytes | parallel | finalNewline
        '\n'   | 1 << 20    | false    | true
        '\n'   | 7          | true     | true
        '\n'   | 64         | true     | false
        '\r\n' | 1 << 20    | false    | false
        '\r\n' | 13         | true     | true
        '\r\n' | 1000       | true     | true
        '\n'   | 1          | true     | true
    }

    def "with precision float every cell is Float.parseFloat of its text (rounded once), bit for bit"() {
        given:
        Random rnd = new Random(5)
        String text = table(rnd, 300, 4, '\n', true).readLines().collect { String line ->
            line.split(',').collect { String c -> c.startsWith('c') || Float.isFinite(Float.parseFloat(c)) ? c : '1.5' }.join(',')
        }.join('\n') + '\n'
        Path p = write('f.csv', text)
        List<String[]> cells = text.split('\n').drop(1).collect { it.split(',') }

        when:
        DataSet d = PlainCsv.load(p, 'f.csv', null, Precision.FLOAT, null, 97, true)

        then:
        d != null
        (0..<300).every { int r ->
            (0..<4).every { int k -> Float.floatToRawIntBits((float) d.column("c$k")[r]) == Float.floatToRawIntBits(Float.parseFloat(cells[r][k])) }
        }
    }

    def "the general reader and this one load the same table (CsvLoader with gradus.plainCsv=off beside the default)"() {
        given:
        Path p = write('big.csv', CsvLoaderSpec.bigTable([:]))

        when:
        DataSet fast = CsvLoader.load(p, 'y')
        System.setProperty('gradus.plainCsv', 'off')
        DataSet general
        try {
            general = CsvLoader.load(p, 'y')
        } finally {
            System.clearProperty('gradus.plainCsv')
        }

        then:
        fast.rows() == general.rows()
        fast.columns() == general.columns()
        fast.columns().every { String c -> Arrays.equals(fast.column(c), general.column(c)) }
    }

    def "a file that is not plain is left to the general reader: #what"() {
        given:
        Path p = write('n.csv', text)

        expect:
        PlainCsv.load(p, 'n.csv', null, Precision.DOUBLE, null, 4, true) == null

        where:
        what                    | text
        'quotes'                | 'a,b\n1,"2"\n'
        'a quoted header'       | 'a,"b"\n1,2\n'
        'a blank line'          | 'a,b\n1,2\n\n3,4\n'
        'a trailing blank line' | 'a,b\n1,2\n\n'
        'too few values'        | 'a,b\n1,2\n3\n'
        'too many values'       | 'a,b\n1,2,3\n'
        'an empty cell'         | 'a,b\n1,\n'
        'a word'                | 'a,b\n1,abc\n'
        'not a number'          | 'a,b\n1,NaN\n'
        'infinity'              | 'a,b\n1,Infinity\n'
        'overflow'              | 'a,b\n1,1e400\n'
        'a lone CR'             | 'a,b\n1,2\r3,4\n'
        'non-ASCII'             | 'a,b\n1,2\u00a0\n'
        'no rows'               | 'a,b\n'
        'no header line end'    | 'a,b'
        'an empty column name'  | 'a,,b\n1,2,3\n'
    }
}
