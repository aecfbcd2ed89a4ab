package org.gradus.dsl

import groovy.transform.CompileStatic
import org.gradus.calculus.GradientAt
import org.gradus.calculus.HessianAt
import org.gradus.data.ColumnStatistics
import org.gradus.data.DataColumn
import org.gradus.data.DataSet
import org.gradus.data.FeatureScaling
import org.gradus.data.RowValues
import org.gradus.data.RowsWhere
import org.gradus.data.TableView
import org.gradus.diff.Gradient
import org.gradus.diff.Hessian
import org.gradus.eval.Evaluate
import org.gradus.atoms.Ops
import org.gradus.atoms.array.ArrayOps
import org.gradus.expr.Expr
import org.gradus.expr.Vec
import org.gradus.expr.VectorVariable
import org.gradus.optim.OptimizationResult
import org.gradus.optim.schedule.Schedule
import org.gradus.result.Shown

import java.util.function.IntPredicate

/**
 * Operators between expressions and numbers, in either order ({@code 2*x}, {@code x/2}, {@code 1 - x},
 * {@code 2**x}), element access {@code w[i]}, and evaluation {@code f.at(x: 1)}, {@code grad(f).at(x: 1)}. Registered as a Groovy
 * extension module, so the engine stays free of Groovy.
 */
@CompileStatic
class ExprExtensions {
    static Expr plus(Expr self, Object o) { Ops.add(self, Coerce.operand(o, 'the right side of +')) }
    static Expr minus(Expr self, Object o) { Ops.sub(self, Coerce.operand(o, 'the right side of -')) }
    /** Elementwise, or the matrix product when the left side is a matrix ({@code W * x}). */
    static Expr multiply(Expr self, Object o) { ArrayOps.times(self, Coerce.operand(o, 'the right side of *')) }
    static Expr div(Expr self, Object o) { Ops.div(self, Coerce.operand(o, 'the right side of /')) }
    static Expr power(Expr self, Object o) { Ops.pow(self, Coerce.operand(o, 'the exponent')) }
    static Expr negative(Expr self) { Ops.neg(self) }
    static Expr positive(Expr self) { self }

    static Expr plus(Number self, Expr o) { Ops.add(Coerce.expr(self, 'the left side of +'), o) }
    static Expr minus(Number self, Expr o) { Ops.sub(Coerce.expr(self, 'the left side of -'), o) }
    static Expr multiply(Number self, Expr o) { Ops.mul(Coerce.expr(self, 'the left side of *'), o) }
    static Expr div(Number self, Expr o) { Ops.div(Coerce.expr(self, 'the left side of /'), o) }
    static Expr power(Number self, Expr o) { Ops.pow(Coerce.expr(self, 'the base'), o) }

    /** {@code w[3]} or, inside a sum, {@code w[2*i + 1]}; {@code W[1]} is row 1 of a matrix variable ({@code W[1][2]}, {@code W[1, 2]}). */
    static Expr getAt(VectorVariable self, Object index) {
        if (index instanceof Number) {
            Number n = (Number) index
            if (n.doubleValue() != Math.rint(n.doubleValue())) throw new IllegalArgumentException("index $n of ${self.name()} is not a whole number")
            if (self.isMatrix()) return ArrayExtensions.getAt(self.whole(), index)
            return self.get(n.intValue())
        }
        if (index instanceof Expr) return self.get((Expr) index)
        throw new IllegalArgumentException("index of ${self.name()} must be a whole number or a loop index, not ${Coerce.describe(index)}")
    }

    /**
     * {@code row.x[0]}: one feature of a data row (a vector of constant data); inside a sum,
     * {@code row.x[j]}; {@code row.x[0..<2]}: a slice.
     */
    static Expr getAt(Vec self, Object index) {
        if (index instanceof Range) return ArrayExtensions.getAt(self.asArray(), index)
        if (index instanceof Number) {
            Number n = (Number) index
            if (n.doubleValue() != Math.rint(n.doubleValue())) throw new IllegalArgumentException("index $n of $self is not a whole number")
            return self.get(n.intValue())
        }
        if (index instanceof Expr) return self.get((Expr) index)
        throw new IllegalArgumentException("index of $self must be a whole number or a loop index, not ${Coerce.describe(index)}")
    }

    /** The number of elements, as for a list. */
    static int size(VectorVariable self) { self.size() }

    /** numpy's {@code shape}: {@code [8, 2]} of a matrix, {@code [3]} of a vector, {@code []} of a scalar. */
    static List<Integer> getShape(Expr self) { self.shape().dims() as List<Integer> }
    static List<Integer> getShape(VectorVariable self) { self.shape().dims() as List<Integer> }
    static List<Integer> getShape(org.gradus.expr.Matrix self) { [self.rows(), self.columns()] }
    /** pandas' {@code shape}: {@code [rows, columns]}, the target among the columns. */
    static List<Integer> getShape(DataSet self) { [self.rows(), self.columns().size()] }

    /** The value at a point: {@code f.at(x: 1, y: 2)}; an array expression gives a vector or matrix value. */
    static Object at(Expr self, Map point) { Evaluate.valueAt(self, Coerce.point(point)) }

    /** The value of a function of one variable at a number: {@code f.at(2)} ({@link Coerce#point(Object, org.gradus.expr.Layout, String)}). */
    static Object at(Expr self, Number value) { Evaluate.valueAt(self, Coerce.point(value, self.layout())) }

    /**
     * {@code f.at()} with no point: an expression with no variables is its value; any other gets the message of a
     * point that is not a map (Groovy alone would say it cannot choose between the two {@code at}s).
     */
    static Object at(Expr self) {
        if (self.layout().blocks().isEmpty()) return Evaluate.valueAt(self, Coerce.point([:]))
        throw new IllegalArgumentException('at must be a map like [x: 1, y: 2], not nothing: f.at(x: 1, y: 2), or f.at(result) after a minimize')
    }

    /** The value at a minimization result's point: {@code f.at(result)}. */
    static Object at(Expr self, org.gradus.optim.OptimizationResult result) { Evaluate.valueAt(self, result.layout(), result.point()) }

    /** A vector or matrix variable's value at a minimization result or a point: {@code w.at(fit)}, {@code W.at(fit)}. */
    static Object at(VectorVariable self, org.gradus.optim.OptimizationResult result) { at(self.whole(), result) }
    static Object at(VectorVariable self, Map point) { at(self.whole(), point) }

    /** A gradient's value at a point: {@code grad(f).at(x: 1, y: 2)}, or {@code grad(f).at(2)} for a function of one variable. */
    static GradientAt at(Gradient self, Map point) { GradientAt.of(self, Coerce.point(point)) }
    static GradientAt at(Gradient self, Number value) { GradientAt.of(self, Coerce.point(value, self.layout())) }
    /** The gradient at a run's solution, {@code grad(f).at(r)}: ≈ 0 at an unconstrained minimum. */
    static GradientAt at(Gradient self, OptimizationResult result) { GradientAt.of(self, result.x()) }

    /** A Hessian at a point, with its eigenvalues and definiteness: {@code hessian(f).at(x: 1, y: 2)}, or {@code .at(2)} in one variable. */
    static HessianAt at(Hessian self, Map point) { HessianAt.of(self, Coerce.point(point)) }
    static HessianAt at(Hessian self, Number value) { HessianAt.of(self, Coerce.point(value, self.layout())) }
    /** The Hessian at a run's solution, {@code hessian(f).at(r)}: its eigenvalues say what kind of point the run found. */
    static HessianAt at(Hessian self, OptimizationResult result) { HessianAt.of(self, result.x()) }

    /** {@code data.rows}, {@code data.features}, {@code data.columns}. */
    static int getRows(DataSet self) { self.rows() }
    static int getFeatures(DataSet self) { self.features() }
    static List<String> getColumns(DataSet self) { self.columns() }
    static String getTarget(DataSet self) { self.target() }
    /** {@code data.precision}: {@code 'double'}, or {@code 'float'} for a table read with {@code precision: 'float'}. */
    static String getPrecision(DataSet self) { self.precision() }
    /** {@code data.classes}: the labels of a class target, class k first at k (csv(..., classes: true)). */
    static List<String> getClasses(DataSet self) { self.classes() }

    /**
     * The rows as numbers, for a loop: {@code for (row in test)}, {@code test.collect { row -> model(row).at(r) }},
     * {@code test.count { row -> ... }}; each row has {@code row.x}, {@code row.y} and its columns by name.
     */
    static Iterator<RowValues> iterator(DataSet self) {
        int n = self.rows()
        int next = 0
        [hasNext: { next < n }, next: {
            if (next >= n) throw new NoSuchElementException("no rows after ${n}")
            self.row(next++)
        }] as Iterator<RowValues>
    }

    /** {@code data[0]}: the first row's numbers; {@code data[-1]} the last, as a list's. */
    static RowValues getAt(DataSet self, int r) { self.row(r < 0 ? self.rows() + r : r) }
    /** {@code data[0..<100]}, {@code data[-10..-1]}: those rows, a data set of their own (pandas' {@code df[0:100]}, {@code df[-10:]}). */
    static DataSet getAt(DataSet self, IntRange range) {
        if (range.reverse) throw new IllegalArgumentException("a slice of rows runs forward: data[${range.fromInt}..${range.toInt}], not data[${range.toInt}..${range.fromInt}]")
        int from = range.fromInt < 0 ? self.rows() + range.fromInt : range.fromInt
        int to = (range.toInt < 0 ? self.rows() + range.toInt : range.toInt) + 1
        self.rows(from, to)
    }

    /** {@code data['price']}: one column's values, a list of numbers with pandas' Series statistics ({@code .mean()}), as {@code df['price']}. */
    static DataColumn getAt(DataSet self, String column) { new DataColumn(column, self.column(column)) }

    /** A first look at a table, in pandas' words: the first or last rows, and a summary of every column. */
    static TableView head(DataSet self, int n = 5) { ColumnStatistics.head(self, n) }
    static TableView tail(DataSet self, int n = 5) { ColumnStatistics.tail(self, n) }
    /** {@code data.sample(5)}, {@code data.sample(5, seed: 7)}: rows at random (pandas' {@code sample(n, random_state=...)}). */
    static TableView sample(DataSet self, int n = 5) { ColumnStatistics.sample(self, n, 0) }
    static TableView sample(DataSet self, Map options, int n = 5) {
        Coerce.checkOptions(options, ['seed'], 'sample')
        ColumnStatistics.sample(self, n, options.seed == null ? 0L : ((Number) options.seed).longValue())
    }
    static TableView describe(DataSet self) { ColumnStatistics.describe(self) }
    /** {@code data.info()}: the rows, each column's role and storage, the memory (pandas' {@code info()}). */
    static String info(DataSet self) { ColumnStatistics.info(self) }

    /**
     * Features on one scale, as scikit-learn's StandardScaler: {@code data.standardized()}, and a test set with its
     * training set's statistics, {@code test.standardized(like: train)}.
     */
    static DataSet standardized(DataSet self, Map options = [:]) {
        Coerce.checkOptions(options, ['like'], 'standardized')
        if (options.like != null && !(options.like instanceof DataSet)) {
            throw new IllegalArgumentException("standardized(like: ...) takes a data set (the training set whose means and deviations to use)")
        }
        FeatureScaling.standardized(self, (DataSet) options.like)
    }

    /** One statistic of every column, by name: {@code data.mean()}, {@code data.std()} (sample, as pandas), min, max. */
    static Map<String, Double> mean(DataSet self) { ColumnStatistics.means(self) }
    static Map<String, Double> std(DataSet self) { ColumnStatistics.stds(self) }
    static Map<String, Double> min(DataSet self) { ColumnStatistics.minima(self) }
    static Map<String, Double> max(DataSet self) { ColumnStatistics.maxima(self) }
    static Map<String, Double> count(DataSet self) { ColumnStatistics.counts(self) }
    /** pandas' {@code corr()}: the Pearson correlation of every pair of columns. */
    static TableView corr(DataSet self) { ColumnStatistics.correlations(self) }

    /** {@code data.size()}: the number of rows, as a list's size and Python's {@code len(df)}. */
    static int size(DataSet self) { self.rows() }

    /** scikit-learn's {@code X} and {@code y}: the feature rows as lists, and the target's values. */
    static List<List<Double>> getX(DataSet self) { (0..<self.rows()).collect { int r -> self.row(r).x } }
    static DataColumn getY(DataSet self) {
        if (self.target() == null) throw new IllegalArgumentException("${self.name()} has no target; read it with csv(file, target: 'column')")
        new DataColumn(self.target(), self.column(self.target()))
    }

    /** {@code test.count { row -> ... }}: the rows for which the closure is true. */
    static int count(DataSet self, Closure<?> condition) {
        int n = 0
        for (int r = 0; r < self.rows(); r++) if (condition.call(self.row(r))) n++
        n
    }

    /**
     * {@code data.findAll { row -> row.price < 3 }}: the rows for which the closure is true, in order, a data set of their
     * own (pandas' {@code df[df['price'] < 3]}), each row keeping its number in the table (pandas' index).
     */
    static DataSet findAll(DataSet self, Closure<?> condition) {
        RowsWhere.of(self, { int r -> condition.call(self.row(r)) as boolean } as IntPredicate)
    }

    /** {@code def (train, test) = data.split(0.8, seed: 1)}. */
    static List<DataSet> split(DataSet self, Map options, Number fraction) {
        Coerce.checkOptions(options, ['seed'], 'split')
        self.split(fraction.doubleValue(), options.seed != null ? ((Number) options.seed).longValue() : 0L)
    }

    static List<DataSet> split(DataSet self, Number fraction) { split(self, [:], fraction) }

    /**
     * A schedule's multipliers over a range of steps, to see its shape: {@code cosine(period: 100).values(0..10)}
     * (steps 0 to 10), {@code .values(0..<10)}; with {@code lr:} the learning rates themselves.
     */
    static List<Double> values(Schedule self, Map options = [:], IntRange steps) {
        Coerce.checkOptions(options, ['lr'], 'values')
        double lr = options.lr != null ? Coerce.number(options.lr, 'lr') : 1d
        if (steps.reverse) throw new IllegalArgumentException("values needs increasing steps, not ${steps.from}..${steps.to}")
        (steps.fromInt..steps.toInt).collect { int t -> self.rate(lr, t) }
    }

    /**
     * A minimization result's fields as properties with their JSON names: {@code r.x}, {@code r.f},
     * {@code r.status} ('converged', ...), {@code r.method}, {@code r.gradNorm}, {@code r.iterations},
     * {@code r.evaluations}, {@code r.seconds}, {@code r.message}, {@code r.constraints}, {@code r.maxViolation}.
     */
    static Object getX(OptimizationResult self) {
        Map<String, Object> point = new SolutionPoint()
        self.x().each { String k, Object v ->
            point.put(k, v instanceof double[] ? (((double[]) v) as List<Double>)
                    : v instanceof double[][] ? ((double[][]) v).collect { double[] r -> r as List<Double> } : v)
        }
        point
    }
    static Object getF(OptimizationResult self) { self.fields().get('f') }
    static Object getStatus(OptimizationResult self) { self.fields().get('status') }
    static Object getMethod(OptimizationResult self) { self.fields().get('method') }
    static Object getGradNorm(OptimizationResult self) { self.fields().get('gradNorm') }
    static Object getIterations(OptimizationResult self) { self.fields().get('iterations') }
    static Object getEvaluations(OptimizationResult self) { self.fields().get('evaluations') }
    static Object getSeconds(OptimizationResult self) { self.fields().get('seconds') }
    static Object getMessage(OptimizationResult self) { self.fields().get('message') }
    static Object getConstraints(OptimizationResult self) { self.fields().get('constraints') }
    static Object getMaxViolation(OptimizationResult self) { self.fields().get('maxViolation') }

    /**
     * {@code r.trace}: the recorded iterates as a list of rows (SPEC §2 "Pictures"), shown as a table, each a map with
     * iteration, epoch, f, gradNorm, step, lr, one entry per variable element, seconds, evaluations
     * (and fullF for a traced mini-batch run): every iterate with {@code trace:}, else the path kept for
     * problems of at most 1000 variables (thinned evenly for long runs).
     */
    static List<Map<String, Object>> getTrace(OptimizationResult self) {
        org.gradus.optim.Trace t = self.trace()
        if (t == null) {
            throw new IllegalArgumentException("r.trace: no iterates were kept for this run (${self.layout().dimension()} variables; " +
                    "the path is kept by default up to ${org.gradus.optim.Trace.KEPT_DIMENSION}, and for constrained problems only with trace:); " +
                    'run it with trace: true')
        }
        t.table()
    }

    /** {@code s.points}: a stationary report's points, each {@code p.at}, {@code p.x}, {@code p.type}, printed {@code (x = 1, y = 0)}. */
    static List<org.gradus.result.PointResult> getPoints(org.gradus.analysis.StationaryReport self) { self.namedPoints() }

    /** A shown value's JSON object as text. */
    static String json(Shown self) { self.toJson() }
}
