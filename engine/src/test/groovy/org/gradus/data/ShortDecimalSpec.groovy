package org.gradus.data

import spock.lang.Specification

/** The exact fast path for short decimals against the JDK's Double.parseDouble (the reference), bit for bit. */
class ShortDecimalSpec extends Specification {
    static double[] read(String cell, String after = ',') {
        byte[] b = ('x' + cell + after).bytes
        double[] v = [Double.NaN] as double[]
        int end = ShortDecimal.parse(b, 1, b.length, v)
        end == ShortDecimal.NOT_SHORT ? null : [v[0], end - 1] as double[]
    }

    def "every short decimal it takes is Double.parseDouble of its text, and it ends at the delimiter"() {
        given:
        Random rnd = new Random(11)
        List<String> cells = PlainCsvSpec.EDGES + (0..<200_000).collect {
            long m = Math.abs(rnd.nextLong()) % (long) Math.pow(10, 1 + rnd.nextInt(18))
            String digits = Long.toString(m).padLeft(1 + rnd.nextInt(20), '0')
            int point = rnd.nextInt(digits.length() + 1)
            String s = (rnd.nextBoolean() ? '-' : rnd.nextInt(8) == 0 ? '+' : '') + digits.substring(0, point) + (rnd.nextInt(6) == 0 ? '' : '.') + digits.substring(point)
            rnd.nextInt(3) == 0 ? s + ['e', 'E'][rnd.nextInt(2)] + ['', '-', '+'][rnd.nextInt(3)] + rnd.nextInt(40) : s
        }
        int taken = 0

        expect:
        cells.every { String c ->
            double[] r = read(c, [',', '\n', '\r\n'][c.length() % 3])
            if (r == null) return true
            taken++
            Double.doubleToRawLongBits(r[0]) == Double.doubleToRawLongBits(Double.parseDouble(c)) && r[1] == c.length()
        }
        taken > 100_000
    }

    def "a cell of another form is left to the general parser: '#cell'"() {
        expect:
        read(cell) == null

        where:
        cell << ['', '-', '.', 'e5', '1e', '1e+', '1.5x', '1 ', ' 1', '12345678901234567890', '9007199254740993', '1e23', '1e-23',
                 '0.00000000000000000000001', '1d', 'NaN', 'Infinity', '0x1p3', '"1"', '1e12345']
    }

    def "newlines are counted eight bytes at a time as one at a time would"() {
        given:
        Random rnd = new Random(2)
        byte[] b = new byte[10_007]
        for (int i = 0; i < b.length; i++) b[i] = (byte) [10, 13, 44, 48, 0x8a, 0x0b, 0x09, -1, 0][rnd.nextInt(9)]

        expect:
        (0..200).every { int n -> PlainCsv.newlines(b, n) == (0..<n).count { b[it] == 10 } }
        PlainCsv.newlines(b, b.length) == (0..<b.length).count { b[it] == 10 }
    }
}
