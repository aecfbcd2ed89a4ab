package org.gradus.eval

import org.gradus.atoms.Dot
import org.gradus.atoms.Softplus
import org.gradus.atoms.VectorFunction
import org.gradus.data.DataSet
import org.gradus.data.Precision
import org.gradus.expr.Expr
import org.gradus.expr.Layout
import org.gradus.expr.VectorVariable
import spock.lang.Specification

import java.util.function.Function

import static org.gradus.atoms.Ops.*

/** The mini-batch prefetch reads exactly the batch's rows of the data set's tables, and changes no result. */
class RowPrefetchSpec extends Specification {
    static final int ROWS = 40, F = 20   // a row of 20 doubles spans three cache lines

    static DataSet table() {
        double[][] t = new double[ROWS][F + 1]
        for (int r = 0; r < ROWS; r++) for (int k = 0; k <= F; k++) t[r][k] = r * 100 + k + 0.5
        new DataSet('d', (0..F).collect { "c$it".toString() }, t, "c$F".toString())
    }

    static Expr loss(DataSet data, VectorVariable w) {
        data.mean({ DataSet.Row row ->
            Expr z = new VectorFunction(Dot.INSTANCE, [w, row.getX()])
            sub(apply(Softplus.INSTANCE, z), mul(row.getY(), z))
        } as Function, { it as Expr } as Function)
    }

    def "it reads the first element of every cache line and the last element of each batch row of x and of y (#precision storage)"() {
        given:
        DataSet data = table().withPrecision(precision)
        VectorVariable w = new VectorVariable('w', F, 0.0)
        Program p = Program.compile(loss(data, w), new Layout([w]))
        int loop = (0..<p.tape.size).find { p.tape.op[it] == Opcode.LOOP }
        int[] rows = [7, 2, 31]
        long expected = 0
        for (int r : rows) {
            for (int k : xElements) expected += bits(precision, r * 100 + k + 0.5d)   // x: the first of each line; the last
            expected += 2 * bits(precision, r * 100 + F + 0.5d)                       // y: its only element, first and last
        }

        when:
        RowPrefetch prefetch = p.prefetch(loop)
        prefetch.touch(rows, 0, rows.length)

        then:
        prefetch.sink() == expected

        where:
        precision       | xElements
        Precision.DOUBLE | [0, 8, 16, F - 1]    // 8 doubles a 64-byte line
        Precision.FLOAT  | [0, 16, F - 1]       // 16 floats a line
    }

    static long bits(Precision precision, double v) {
        precision == Precision.DOUBLE ? Double.doubleToRawLongBits(v) : Float.floatToRawIntBits((float) v)
    }

    def "mini-batch values and gradients are the same with and without it"() {
        given:
        DataSet data = table()
        VectorVariable w = new VectorVariable('w', F, 0.0)
        double[] x = (0..<F).collect { 0.001 * it } as double[]
        int[] rows = [5, 39, 0, 12, 12, 7]
        def run = { Program p ->
            p.useRows(data.rowsKey(), rows)
            double[] g = new double[F]
            double v = p.valueAndGradient(x, g)
            [v, g.toList()]
        }
        Program with = Program.compile(loss(data, w), new Layout([w]))
        Program plain = Program.compile(loss(data, w), new Layout([w]))
        int loop = (0..<plain.tape.size).find { plain.tape.op[it] == Opcode.LOOP }
        plain.@prefetches[loop] = RowPrefetch.NONE

        expect:
        run(with) == run(plain)
    }
}
