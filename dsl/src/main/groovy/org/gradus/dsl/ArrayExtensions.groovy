package org.gradus.dsl

import groovy.transform.CompileStatic
import org.codehaus.groovy.runtime.DefaultGroovyMethods
import org.gradus.atoms.Ops
import org.gradus.atoms.array.ArrayOps
import org.gradus.data.DataColumn
import org.gradus.expr.Constant
import org.gradus.expr.ConstantArray
import org.gradus.expr.Expr
import org.gradus.expr.Matrix
import org.gradus.expr.Shape
import org.gradus.expr.VectorVariable
import org.gradus.result.ArrayValue

/**
 * Arrays in the language (SPEC §2 "Vectors and matrices"): operators on vector and matrix variables
 * and constant matrices ({@code 2*v}, {@code v + w}, {@code W * x}, {@code A * v}), the transpose
 * {@code W.T}, elements and slices of array expressions ({@code z[2]}, {@code v[0..<2]}, {@code W[1]},
 * {@code W[1, 2]}). Each is one call of the engine's array constructors
 * ({@link ArrayOps}); registered as a Groovy extension module beside {@link ExprExtensions}.
 */
@CompileStatic
class ArrayExtensions {
    // ---- vector and matrix variables used whole ----------------------------------------------------

    static Expr plus(VectorVariable self, Object o) { Ops.add(self.whole(), Coerce.operand(o, 'the right side of +')) }
    static Expr minus(VectorVariable self, Object o) { Ops.sub(self.whole(), Coerce.operand(o, 'the right side of -')) }
    static Expr multiply(VectorVariable self, Object o) { ArrayOps.times(self.whole(), Coerce.operand(o, 'the right side of *')) }
    static Expr div(VectorVariable self, Object o) { Ops.div(self.whole(), Coerce.operand(o, 'the right side of /')) }
    static Expr power(VectorVariable self, Object o) { Ops.pow(self.whole(), Coerce.operand(o, 'the exponent')) }
    static Expr negative(VectorVariable self) { Ops.neg(self.whole()) }
    static Expr positive(VectorVariable self) { self.whole() }

    static Expr plus(Number self, VectorVariable o) { Ops.add(Constant.of(self.doubleValue()), o.whole()) }
    static Expr minus(Number self, VectorVariable o) { Ops.sub(Constant.of(self.doubleValue()), o.whole()) }
    static Expr multiply(Number self, VectorVariable o) { Ops.mul(Constant.of(self.doubleValue()), o.whole()) }
    static Expr div(Number self, VectorVariable o) { Ops.div(Constant.of(self.doubleValue()), o.whole()) }
    static Expr power(Number self, VectorVariable o) { Ops.pow(Constant.of(self.doubleValue()), o.whole()) }

    /** A number on the left of a data column: element by element, as pandas ({@code 1 - data['a']}, {@code 2 * data['a']}). */
    static DataColumn plus(Number self, DataColumn o) { o.plus(self) }
    static DataColumn minus(Number self, DataColumn o) { o.negative().plus(self) }
    static DataColumn multiply(Number self, DataColumn o) { o.multiply(self) }
    static DataColumn div(Number self, DataColumn o) { o.dividing(self) }

    /** {@code W.T}: the transpose of a matrix variable (a vector is its own transpose). */
    static Expr getT(VectorVariable self) { ArrayOps.transpose(self.whole()) }

    /** {@code W[1, 2]}: an element of a matrix variable. */
    static Expr getAt(VectorVariable self, List index) {
        if (index.size() != 2) throw new IllegalArgumentException("${self.name()}[...] takes one index, or two for a matrix element, not ${index.size()}")
        self.get(Coerce.integer(index[0], 'a row index'), Coerce.integer(index[1], 'a column index'))
    }

    /** {@code v[0..<2]}: a slice of a vector variable, or rows of a matrix variable. */
    static Expr getAt(VectorVariable self, Range range) { slice(self.whole(), range) }

    // ---- constant matrices -----------------------------------------------------------------------

    static Expr multiply(Matrix self, Object o) { ArrayOps.times(ConstantArray.of(self), Coerce.operand(o, 'the right side of *')) }
    static Expr plus(Matrix self, Object o) { Ops.add(ConstantArray.of(self), Coerce.operand(o, 'the right side of +')) }
    static Expr minus(Matrix self, Object o) { Ops.sub(ConstantArray.of(self), Coerce.operand(o, 'the right side of -')) }
    static Expr div(Matrix self, Object o) { Ops.div(ConstantArray.of(self), Coerce.operand(o, 'the right side of /')) }
    static Expr power(Matrix self, Object o) { Ops.pow(ConstantArray.of(self), Coerce.operand(o, 'the exponent')) }
    static Expr negative(Matrix self) { Ops.neg(ConstantArray.of(self)) }
    static Expr positive(Matrix self) { ConstantArray.of(self) }
    static Expr plus(Number self, Matrix o) { Ops.add(Constant.of(self.doubleValue()), ConstantArray.of(o)) }
    static Expr minus(Number self, Matrix o) { Ops.sub(Constant.of(self.doubleValue()), ConstantArray.of(o)) }
    static Expr multiply(Number self, Matrix o) { Ops.mul(Constant.of(self.doubleValue()), ConstantArray.of(o)) }
    static Expr div(Number self, Matrix o) { Ops.div(Constant.of(self.doubleValue()), ConstantArray.of(o)) }
    static Expr getT(Matrix self) { ArrayOps.transpose(ConstantArray.of(self)) }

    /** {@code A[1]}: a row of a constant matrix; {@code A[0][1]}, {@code A[0, 1]}: an element; {@code A[0..<2]}: rows. */
    static Expr getAt(Matrix self, Object index) { getAt(ConstantArray.of(self), index) }

    // ---- a list on the left of a Gradus value ------------------------------------------------------
    // Groovy would join the lists ([1, 2] + v was [1, 2, v]) or drop elements ([1, 2] - v was [1, 2]):
    // beside a variable, an expression or a matrix, a list is the vector (or rows) it writes, as in numpy.

    static Expr plus(List self, Expr o) { Ops.add(left(self), o) }
    static Expr minus(List self, Expr o) { Ops.sub(left(self), o) }
    static Expr multiply(List self, Expr o) { ArrayOps.times(left(self), o) }
    static Expr div(List self, Expr o) { Ops.div(left(self), o) }
    static Expr plus(List self, VectorVariable o) { Ops.add(left(self), o.whole()) }
    static Expr minus(List self, VectorVariable o) { Ops.sub(left(self), o.whole()) }
    static Expr multiply(List self, VectorVariable o) { ArrayOps.times(left(self), o.whole()) }
    static Expr div(List self, VectorVariable o) { Ops.div(left(self), o.whole()) }
    static Expr plus(List self, Matrix o) { Ops.add(left(self), ConstantArray.of(o)) }
    static Expr minus(List self, Matrix o) { Ops.sub(left(self), ConstantArray.of(o)) }
    static Expr multiply(List self, Matrix o) { ArrayOps.times(left(self), ConstantArray.of(o)) }
    static Expr div(List self, Matrix o) { Ops.div(left(self), ConstantArray.of(o)) }

    private static Expr left(List self) { Coerce.operand(self, 'the left side') }

    // ---- array expressions -----------------------------------------------------------------------

    /** {@code z.T}: the transpose of a matrix expression. */
    static Expr getT(Expr self) { ArrayOps.transpose(self) }

    /**
     * {@code z[2]}, {@code z[row.y]}: an element of a vector expression; {@code M[1]}: a row of a matrix
     * expression; {@code z[0..<2]}: a slice.
     */
    static Expr getAt(Expr self, Object index) {
        if (!self.isArray()) throw new IllegalArgumentException("${self} is a scalar; only a vector or a matrix has elements")
        if (index instanceof Range) return slice(self, (Range) index)
        if (index instanceof List) {
            List ij = (List) index
            if (ij.size() != 2 || !self.shape().isMatrix()) throw new IllegalArgumentException("two indices [i, j] need a matrix; ${self} ${self.shape().described()}")
            int cols = self.shape().columns()
            return ArrayOps.index(self, Constant.of(Coerce.integer(ij[0], 'a row index') * cols + Coerce.integer(ij[1], 'a column index')))
        }
        Expr k = Coerce.expr(index, 'an index')
        if (self.shape().isMatrix() && k instanceof Constant) {
            int i = Coerce.integer(index, 'a row index'), cols = self.shape().columns()
            if (i < 0 || i >= self.shape().rows()) throw new IndexOutOfBoundsException("row $i is outside the ${self.shape().text()} matrix $self")
            return ArrayOps.block(self, i * cols, Shape.vector(cols))
        }
        ArrayOps.index(self, k)
    }

    /** A vector's elements [from, to) or a matrix's rows [from, to). */
    static Expr slice(Expr self, Range range) {
        if (!(range instanceof IntRange) || range.reverse) throw new IllegalArgumentException("a slice takes an increasing range of whole numbers such as 0..<2, not $range")
        int from = ((IntRange) range).fromInt, to = ((IntRange) range).toInt + 1
        Shape s = self.shape()
        int n = s.rows()
        if (from < 0 || to > n || from >= to) throw new IndexOutOfBoundsException("the slice ${from}..<${to} is outside ${self}, which ${s.described()}")
        s.isMatrix() ? ArrayOps.block(self, from * s.columns(), Shape.matrix(to - from, s.columns()))
                : ArrayOps.block(self, from, Shape.vector(to - from))
    }
    // ---- the numbers of a vector or matrix at a point (w.at(r)) ----------------------------------------

    /**
     * {@code w.at(r)} as Groovy's list words see it: a vector's elements (a matrix's rows, each a list) — {@code v[0]},
     * {@code v[-1]}, {@code v.size()}, {@code for (e in v)}, {@code v.count { it == 0 }} (lasso's zeros), {@code v.max()}.
     */
    static List toList(ArrayValue self) {
        self.shape().isMatrix() ? self.rows().collect { double[] row -> row as List<Double> } : self.values() as List<Double>
    }

    static Object getAt(ArrayValue self, int i) {
        int n = size(self)
        if (i < -n || i >= n) {
            throw new IndexOutOfBoundsException("index ${i} is outside ${self.shape().isMatrix() ? 'the rows' : 'the elements'} 0..${n - 1}")
        }
        toList(self)[i < 0 ? n + i : i]
    }

    static int size(ArrayValue self) { self.shape().isMatrix() ? self.shape().rows() : self.values().length }
    static Iterator iterator(ArrayValue self) { toList(self).iterator() }
    static int count(ArrayValue self, Closure condition) { toList(self).count(condition) as int }
    static Object sum(ArrayValue self) { toList(self).sum() }
    static Object max(ArrayValue self) { toList(self).max() }
    static Object min(ArrayValue self) { toList(self).min() }

    /**
     * {@code w.at(r) == [1, 0, 2]} and {@code [1, 0, 2] == w.at(r)}: equal where the numbers are, element by element (a
     * matrix as a list of rows), as Groovy compares two lists of numbers (1 == 1.0).
     */
    static boolean equals(ArrayValue self, List other) { DefaultGroovyMethods.equals(toList(self), other) }
    static boolean equals(List self, ArrayValue other) { DefaultGroovyMethods.equals(self, toList(other)) }
}
