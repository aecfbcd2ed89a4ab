package org.gradus.data

import spock.lang.Specification

/**
 * The summation order of a pass as a property of the rows: chunk sizes worked by hand from the rule
 * (at least 2048 rows, at most 1024 chunks), partitions of whole chunks, and chunk sums added in chunk
 * order however the partitions' results arrive.
 */
class ChunksSpec extends Specification {
    def "chunks of #rows rows: #size rows each, #count of them"() {
        expect:
        Chunks.rowsPerChunk(rows) == size
        Chunks.count(rows) == count

        where:
        rows        | size   | count
        0           | 2048   | 0
        1           | 2048   | 1
        2048        | 2048   | 1
        2049        | 2048   | 2
        100_000     | 2048   | 49          // ⌈10⁵/2048⌉ = 49 chunks; ⌈10⁵/1024⌉ = 98 < 2048
        1_000_000   | 2048   | 489         // 488 · 2048 = 999 424, the 489th chunk holds 576 rows
        2_097_152   | 2048   | 1024        // 2048 · 1024: the last row count of 2048-row chunks
        2_097_153   | 2049   | 1024        // ⌈2 097 153/1024⌉ = 2049; 1023 · 2049 = 2 096 127 < 2 097 153
        10_000_000  | 9766   | 1024        // ⌈10⁷/1024⌉ = ⌈9765.625⌉; 1023 · 9766 = 9 990 618 < 10⁷
        100_000_000 | 97657  | 1024        // ⌈10⁸/1024⌉ = ⌈97656.25⌉
    }

    def "partitions of whole chunks: 9000 rows (chunks 2048 × 4 + 808) in #partitions partitions hold #counts"() {
        when:
        long[] c = new long[partitions]
        for (long r = 0; r < 9000; r++) c[Chunks.partitionOf(r, 9000, partitions)]++

        then:
        c as List == counts
        Chunks.aligned(c)

        where:
        partitions | counts
        1          | [9000]
        3          | [4096, 4096, 808]                              // chunks 0,1 | 2,3 | 4
        8          | [2048, 2048, 0, 2048, 2048, 0, 808, 0]         // chunk c to ⌊8c/5⌋
    }

    def "partitions that end inside a chunk are not aligned"() {
        expect:
        !Chunks.aligned([3000L, 6000L] as long[])
        !Chunks.aligned([2048L, 2047L, 4905L] as long[])
        Chunks.aligned([2048L, 0L, 6952L] as long[])
        Chunks.aligned([9000L] as long[])
    }

    def "chunk sums are added in chunk order, whatever order the partitions send them in"() {
        given: 'three chunks of 2048, 2048, 4 rows whose values lose bits if added in another order'
        ChunkSums a = ChunkSums.zero(4100, 1, true), b = ChunkSums.zero(4100, 1, true), total = ChunkSums.zero(4100, 1, true)
        a.put(2, 4, -1e16d, [-1e16d] as double[])
        b.put(1, 2048, 1d, [1d] as double[])
        b.put(0, 2048, 1e16d, [1e16d] as double[])
        double[] g = [0.5d] as double[]

        when:
        total.merge(a).merge(b)
        total.addGradientTo(g)

        then: '((0 + 1e16) + 1) − 1e16 = 0 in doubles (1e16 + 1 rounds to 1e16); other orders give 1 or 2'
        total.value() == 0d
        g[0] == ((0.5d + 1e16d) + 1d) - 1e16d
        total.rows() == 4100
    }

    def "a missing or repeated chunk is an error, not a wrong sum"() {
        given:
        ChunkSums s = ChunkSums.zero(4100, 1, false)
        s.put(0, 2048, 1, null)
        s.put(0, 2048, 1, null)
        s.put(2, 4, 1, null)

        when:
        s.value()

        then:
        IllegalStateException e = thrown()
        e.message.contains('chunk 0 of 3 came back twice')
    }
}
