package org.gradus.analysis

import org.gradus.atoms.Ops
import org.gradus.expr.Expr
import org.gradus.expr.Variable
import spock.lang.Specification
import spock.lang.Unroll

import static org.gradus.expr.Fn.*

/**
 * Where an analysis looks in one variable: an atom's argument that is not the variable itself narrows the box to the
 * one interval where the atom is defined, its ends by hand (1 − x² ≥ 0 on [−1, 1]; 2 − x² ≥ 0 on [−√2, √2], rounded
 * inward), open where the atom needs its argument above the bound (log(1 − x²): 1 − x² &gt; 0 on (−1, 1)); a domain of
 * two pieces (x² − 1 ≥ 0, x² &gt; 0) leaves the box as it was.
 */
class NaturalDomainSpec extends Specification {
    static Variable x = new Variable('x', 0)

    static Expr sub(Object a, Object b) { Ops.sub(a as Expr, b as Expr) }
    static Expr mul(Object a, Object b) { Ops.mul(a as Expr, b as Expr) }
    static Expr sq(Expr a) { Ops.pow(a, c(2)) }
    static Expr add(Object a, Object b) { Ops.add(a as Expr, b as Expr) }
    static Expr neg(Expr a) { Ops.neg(a) }

    @Unroll
    def "#text"() {
        when:
        Domain d = Domain.of(f, null)

        then:
        d.box[0].lo() == lo
        d.box[0].hi() == hi
        d.text == text

        where:
        f                                       | lo                   | hi                  | text
        sqrt(sub(c(1), sq(x)))                  | -1d                  | 1d                  | 'x ∈ [-1, 1] (where sqrt(1 - x**2) is defined)'
        mul(x, sqrt(sub(c(4), sq(x))))          | -2d                  | 2d                  | 'x ∈ [-2, 2] (where sqrt(4 - x**2) is defined)'
        sqrt(sub(sq(x), c(1)))                  | -INF                 | INF                 | 'all of R'
        sqrt(sub(c(1), x))                      | -INF                 | 1d                  | 'x ≤ 1 (where sqrt(1 - x) is defined)'
        log(sub(c(1), sq(x)))                   | -1d                  | 1d                  | 'x ∈ (-1, 1) (where log(1 - x**2) is defined)'
        log(sub(c(1), x))                       | -INF                 | 1d                  | 'x < 1 (where log(1 - x) is defined)'
        log(sq(x))                              | -INF                 | INF                 | 'all of R'
        add(neg(log(x)), neg(log(sub(c(1), x)))) | 0d                  | 1d                  | 'x ∈ (0, 1) (where log(1 - x) and log(x) are defined)'
        add(log(x), sqrt(sub(c(1), x)))         | 0d                   | 1d                  | 'x ∈ (0, 1] (where sqrt(1 - x) and log(x) are defined)'
        sqrt(x)                                 | 0d                   | INF                 | 'x ≥ 0 (where sqrt(x) is defined)'
    }

    def "an open end is not in the domain, a closed one is: log(1 − x²) at ±1 is undefined, sqrt(1 − x²) there is 0"() {
        expect:
        Domain open = Domain.of(log(sub(c(1), sq(x))), null)
        Domain closed = Domain.of(sqrt(sub(c(1), sq(x))), null)
        [-1d, 1d].every { !open.inside([it] as double[]) && closed.inside([it] as double[]) }
        open.inside([Math.nextDown(1d)] as double[]) && open.inside([Math.nextUp(-1d)] as double[])
    }

    def "an irrational end is rounded inward: no point of the box is outside the domain"() {
        when: '√2 is not a double; the box ends are the doubles just inside ±√2'
        Domain d = Domain.of(sqrt(sub(c(2), sq(x))), null)
        BigDecimal two = new BigDecimal(2)

        then:
        new BigDecimal(d.box[0].hi()).pow(2) <= two
        new BigDecimal(Math.nextUp(d.box[0].hi())).pow(2) > two
        new BigDecimal(d.box[0].lo()).pow(2) <= two
        new BigDecimal(Math.nextDown(d.box[0].lo())).pow(2) > two
    }

    static final double INF = Double.POSITIVE_INFINITY
}
