package org.gradus.analysis

import org.gradus.atoms.Interval
import org.gradus.expr.Expr
import org.gradus.expr.Layout
import org.gradus.expr.Variable
import spock.lang.Specification
import spock.lang.Unroll

import static org.gradus.expr.Fn.*

/**
 * An enclosure's end that is a limit, never a value: exp(x) over R is enclosed as [0, ∞] and is never 0.
 * Each row is decided by hand: whether the expression can be 0 somewhere on the box.
 */
class OpenEndsSpec extends Specification {
    static Variable x = new Variable('x', 0)
    static final double INF = Double.POSITIVE_INFINITY

    static boolean excludesZero(Expr e, double lo, double hi) {
        Enclosure.overBox(new Layout([x]), [new Interval(lo, hi)] as Interval[]).excludesZero(e)
    }

    @Unroll
    def "#label on [#lo, #hi]: never 0 is #never"() {
        expect:
        excludesZero(e, lo, hi) == never

        where:
        label                                  | e                          | lo    | hi    || never
        'exp over R'                           | exp(x)                     | -INF  | INF   || true
        'exp where it underflows to 0'         | exp(x)                     | -1000 | -900  || true
        'a sigmoid over R'                     | sigmoid(x)                 | -INF  | INF   || true
        'one minus a sigmoid over R'           | 1 - sigmoid(x)             | -INF  | INF   || true
        'one minus a sigmoid where it rounds to 1' | 1 - sigmoid(x)         | 40    | 50    || true
        'tanh plus one over R'                 | tanh(x) + 1                | -INF  | INF   || true
        'the sigmoid written out'              | 1 / (1 + exp(-x))          | -INF  | INF   || true
        'a sum of exponentials'                | exp(x) + exp(-x) - 0       | -INF  | INF   || true
        'a positive multiple'                  | 3 * exp(x)                 | -INF  | INF   || true
        'a square root of exp'                 | sqrt(exp(x))               | -INF  | INF   || true
        'exp minus 1 reaches 0 at 0'           | exp(x) - 1                 | 0     | 1     || false
        'exp minus 1 on x <= 0 reaches 0 at 0' | exp(x) - 1                 | -INF  | 0     || false
        'sqrt reaches 0 at 0'                  | sqrt(x)                    | 0     | 1     || false
        'a square reaches 0'                   | x**2                       | -INF  | INF   || false
        'relu is 0 for x <= 0'                 | relu(x)                    | -INF  | INF   || false
        'x times exp is 0 at 0'                | x * exp(x)                 | 0     | 1     || false
        'minus exp never 0'                    | -exp(x)                    | -INF  | INF   || true
    }

    def "log of a sigmoid is defined and smooth on all of R; log of exp(x) - 1 is not, on [0, 1]"() {
        when:
        def over = { Expr e, double lo, double hi ->
            def enc = Enclosure.overBox(new Layout([x]), [new Interval(lo, hi)] as Interval[])
            enc.of(e)
            [enc.defined(), enc.smooth()]
        }

        then:
        over(log(sigmoid(x)), -INF, INF) == [true, true]
        over(log(1 - sigmoid(x)), -INF, INF) == [true, true]
        over(log(exp(x) + exp(2 * x)), -INF, INF) == [true, true]
        over(log(exp(x) - 1), 0, 1) == [false, false]
        over(sqrt(x), 0, 1) == [true, false]
    }
}
