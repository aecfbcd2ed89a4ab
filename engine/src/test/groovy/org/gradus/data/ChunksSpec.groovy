package org.gradus.data

import spock.lang.Specification

/**
 * The summation order of a pass as a property of the rows: chunk sizes worked by hand from the rule
 * (8 chunks of at least 256 rows for a small table, else at least 2048 rows, at most 1024 chunks), partitions of
 * whole chunks, and chunk sums added in chunk
 * order however the partitions' results arrive.
 */
class ChunksSpec extends Specification {
    def "chunks of #rows rows: #size rows each, #count of them"() {
        expect:
        Chunks.rowsPerChunk(rows) == size
        Chunks.count(rows) == count

        where:
        rows        | size   | count
        0           | 256    | 0
        1           | 256    | 1           // chunks of at least 256 rows
        1797        | 256    | 8           // the digits: ⌈1797/8⌉ = 225 < 256; 7 · 256 = 1792, the 8th chunk holds 5 rows
        2048        | 256    | 8           // 8 · 256
        2049        | 257    | 8           // ⌈2049/8⌉ = 257; 7 · 257 = 1799 < 2049
        9000        | 1125   | 8           // ⌈9000/8⌉
        16_384      | 2048   | 8           // 8 · 2048: the last table of FEW chunks
        16_385      | 2048   | 9           // chunks of 2048 rows from here on
        100_000     | 2048   | 49          // ⌈10⁵/2048⌉ = 49 chunks; ⌈10⁵/1024⌉ = 98 < 2048
        1_000_000   | 2048   | 489         // 488 · 2048 = 999 424, the 489th chunk holds 576 rows
        2_097_152   | 2048   | 1024        // 2048 · 1024: the last row count of 2048-row chunks
        2_097_153   | 2049   | 1024        // ⌈2 097 153/1024⌉ = 2049; 1023 · 2049 = 2 096 127 < 2 097 153
        10_000_000  | 9766   | 1024        // ⌈10⁷/1024⌉ = ⌈9765.625⌉; 1023 · 9766 = 9 990 618 < 10⁷
        100_000_000 | 97657  | 1024        // ⌈10⁸/1024⌉ = ⌈97656.25⌉
    }

    def "partitions of whole chunks: 9000 rows (8 chunks of 1125) in #partitions partitions hold #counts"() {
        when:
        long[] c = new long[partitions]
        for (long r = 0; r < 9000; r++) c[Chunks.partitionOf(r, 9000, partitions)]++

        then:
        c as List == counts
        Chunks.aligned(c)

        where:
        partitions | counts
        1          | [9000]
        3          | [3375, 3375, 2250]                             // chunk c to ⌊3c/8⌋: chunks 0-2 | 3-5 | 6, 7
        8          | [1125] * 8
        12         | [1125, 1125, 0] * 4                            // chunk c to ⌊12c/8⌋: 0, 1, 3, 4, 6, 7, 9, 10
    }

    def "partitions that end inside a chunk are not aligned"() {
        expect:
        !Chunks.aligned([3000L, 6000L] as long[])
        !Chunks.aligned([2048L, 2047L, 4905L] as long[])
        Chunks.aligned([2250L, 0L, 6750L] as long[])
        Chunks.aligned([9000L] as long[])
    }

    def "chunk sums are added in chunk order, whatever order the partitions send them in"() {
        given: 'three chunks of 256, 256, 4 rows whose values lose bits if added in another order'
        ChunkSums a = ChunkSums.zero(516, 1, true), b = ChunkSums.zero(516, 1, true), total = ChunkSums.zero(516, 1, true)
        a.put(2, 4, -1e16d, [-1e16d] as double[])
        b.put(1, 256, 1d, [1d] as double[])
        b.put(0, 256, 1e16d, [1e16d] as double[])
        double[] g = [0.5d] as double[]

        when:
        total.merge(a).merge(b)
        total.addGradientTo(g)

        then: '((0 + 1e16) + 1) − 1e16 = 0 in doubles (1e16 + 1 rounds to 1e16); other orders give 1 or 2'
        total.value() == 0d
        g[0] == ((0.5d + 1e16d) + 1d) - 1e16d
        total.rows() == 516
    }

    def "a missing or repeated chunk is an error, not a wrong sum"() {
        given:
        ChunkSums s = ChunkSums.zero(516, 1, false)
        s.put(0, 256, 1, null)
        s.put(0, 256, 1, null)
        s.put(2, 4, 1, null)

        when:
        s.value()

        then:
        IllegalStateException e = thrown()
        e.message.contains('chunk 0 of 3 came back twice')
    }
}
