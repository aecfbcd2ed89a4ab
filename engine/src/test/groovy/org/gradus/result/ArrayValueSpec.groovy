package org.gradus.result

import org.gradus.expr.Shape
import spock.lang.Specification

/** An array expression's value at a point is a value: equal to another of the same shape and numbers. */
class ArrayValueSpec extends Specification {

    def "two values of one shape with the same numbers are equal (a record alone compares its arrays by identity)"() {
        given:
        ArrayValue a = new ArrayValue(Shape.vector(3), [1, 0, 2] as double[])
        ArrayValue b = new ArrayValue(Shape.vector(3), [1, 0, 2] as double[])

        expect:
        a == b && a.hashCode() == b.hashCode()
        a != new ArrayValue(Shape.vector(3), [1, 0, 3] as double[])
        new ArrayValue(Shape.matrix(2, 2), [1, 2, 3, 4] as double[]) != new ArrayValue(Shape.matrix(1, 4), [1, 2, 3, 4] as double[])
        new ArrayValue(Shape.matrix(2, 2), [1, 2, 3, 4] as double[]) == new ArrayValue(Shape.matrix(2, 2), [1, 2, 3, 4] as double[])
    }
}
