package org.gradus.dsl

import org.gradus.analysis.Convexity
import org.gradus.analysis.Differentiability
import org.gradus.analysis.Stationary
import org.gradus.atoms.Abs
import org.gradus.atoms.Cos
import org.gradus.atoms.Huber
import org.gradus.atoms.Log1p
import org.gradus.atoms.LogSumExp
import org.gradus.atoms.Relu
import org.gradus.atoms.Sigmoid
import org.gradus.atoms.Sign
import org.gradus.atoms.Sin
import org.gradus.atoms.Softplus
import org.gradus.atoms.Tan
import org.gradus.atoms.Tanh
import org.gradus.atoms.VectorAtom
import org.gradus.calculus.GradientAt
import org.gradus.calculus.HessianAt
import org.gradus.calculus.Taylor
import org.gradus.data.CsvLoader
import org.gradus.data.DataSet
import org.gradus.diff.Derivatives
import org.gradus.diff.Differentiator
import org.gradus.diff.Gradient
import org.gradus.diff.Hessian
import org.gradus.expr.Constant
import org.gradus.expr.Element
import org.gradus.expr.Expr
import org.gradus.expr.IndexSymbol
import org.gradus.expr.Matrix
import org.gradus.atoms.Ops
import org.gradus.expr.Variable
import org.gradus.expr.VariableBlock
import org.gradus.expr.Vec
import org.gradus.atoms.VectorFunction
import org.gradus.expr.VectorVariable
import org.gradus.optim.Constraint
import org.gradus.optim.Minimizer
import org.gradus.optim.OptimizationResult
import org.gradus.optim.RunContext
import org.gradus.optim.schedule.Schedule
import org.gradus.optim.schedule.Schedules

/**
 * The base class of every {@code .opt} script: the language's vocabulary. Each word converts its
 * arguments and calls one engine method; nothing here computes mathematics itself.
 */
abstract class GradusScript extends Script implements PlotVocabulary {

    private ScriptContext context() {
        binding.hasVariable(ScriptContext.BINDING_NAME) ? (ScriptContext) binding.getVariable(ScriptContext.BINDING_NAME) : null
    }

    // ---- variables ----------------------------------------------------------------------------

    /** {@code variable(-1.2)}, {@code variable(1.0, lower: -2, upper: 2)}. */
    Variable variable(Map options = [:], Object start = 0) {
        Coerce.checkOptions(options, ['lower', 'upper', 'name'], 'variable')
        double lo = options.lower != null ? Coerce.number(options.lower, 'lower') : Double.NEGATIVE_INFINITY
        double hi = options.upper != null ? Coerce.number(options.upper, 'upper') : Double.POSITIVE_INFINITY
        new Variable((String) options.name, Coerce.number(start, 'the start value'), lo, hi)
    }

    Variable variable(Object start) { variable([:], start) }

    /** {@code variables a: 0, b: 0.5}: several scalar variables at once, each named by its key. */
    void variables(Map<String, Object> starts) {
        starts.each { name, start -> binding.setVariable(name, new Variable(name, Coerce.number(start, "the start value of $name"))) }
    }

    /** {@code vector(30)}, {@code vector(3, start: 0.1, lower: 0)}. */
    VectorVariable vector(Map options = [:], Object size) {
        Coerce.checkOptions(options, ['start', 'lower', 'upper', 'name'], 'vector')
        int n = Coerce.integer(size, 'the size of a vector')
        if (n < 1) throw new IllegalArgumentException("a vector needs at least one element, got $n")
        double lo = options.lower != null ? Coerce.number(options.lower, 'lower') : Double.NEGATIVE_INFINITY
        double hi = options.upper != null ? Coerce.number(options.upper, 'upper') : Double.POSITIVE_INFINITY
        double[] start
        if (options.start instanceof List) {
            start = ((List) options.start).collect { Coerce.number(it, 'start') } as double[]
            if (start.length != n) throw new IllegalArgumentException("start has ${start.length} values for a vector of $n")
        } else {
            start = new double[n]
            Arrays.fill(start, options.start != null ? Coerce.number(options.start, 'start') : 0d)
        }
        new VectorVariable((String) options.name, start, lo, hi)
    }

    Matrix matrix(List rows) {
        new Matrix(rows.collect { row -> (row as List).collect { Coerce.number(it, 'a matrix entry') } as double[] } as double[][])
    }

    // ---- elementary functions -----------------------------------------------------------------

    Expr exp(Object a) { Ops.exp(Coerce.expr(a)) }
    Expr log(Object a) { Ops.log(Coerce.expr(a)) }
    Expr log1p(Object a) { Ops.apply(Log1p.INSTANCE, Coerce.expr(a)) }
    Expr sqrt(Object a) { Ops.sqrt(Coerce.expr(a)) }
    Expr sin(Object a) { Ops.apply(Sin.INSTANCE, Coerce.expr(a)) }
    Expr cos(Object a) { Ops.apply(Cos.INSTANCE, Coerce.expr(a)) }
    Expr tan(Object a) { Ops.apply(Tan.INSTANCE, Coerce.expr(a)) }
    Expr tanh(Object a) { Ops.apply(Tanh.INSTANCE, Coerce.expr(a)) }
    Expr abs(Object a) { Ops.apply(Abs.INSTANCE, Coerce.expr(a)) }
    Expr sign(Object a) { Ops.apply(Sign.INSTANCE, Coerce.expr(a)) }
    Expr relu(Object a) { Ops.apply(Relu.INSTANCE, Coerce.expr(a)) }
    Expr sigmoid(Object a) { Ops.apply(Sigmoid.INSTANCE, Coerce.expr(a)) }
    Expr softplus(Object a) { Ops.apply(Softplus.INSTANCE, Coerce.expr(a)) }
    Expr pow(Object a, Object b) { Ops.pow(Coerce.expr(a), Coerce.expr(b)) }
    Expr max(Object a, Object b) { Ops.max(Coerce.expr(a), Coerce.expr(b)) }
    Expr min(Object a, Object b) { Ops.min(Coerce.expr(a), Coerce.expr(b)) }

    /** {@code logsumexp(a, b, ...)} of scalars, or {@code logsumexp(v)} of a vector. */
    Expr logsumexp(Object... args) {
        if (args.length == 1 && Coerce.isVectorLike(args[0])) return vectorFunction(VectorAtom.LOGSUMEXP, [args[0]])
        if (args.length == 0) throw new IllegalArgumentException('logsumexp needs at least one argument')
        Ops.apply(LogSumExp.INSTANCE, args.collect { Coerce.expr(it) })
    }

    // ---- vector functions ---------------------------------------------------------------------

    private static Expr vectorFunction(VectorAtom atom, List operands, double parameter = Double.NaN, Matrix m = null) {
        new VectorFunction(atom, operands.collect { Coerce.vec(it, "the argument of ${atom.scriptName()}") } as List<Vec>, parameter, m)
    }

    Expr dot(Object a, Object b) { vectorFunction(VectorAtom.DOT, [a, b]) }
    Expr norm1(Object v) { vectorFunction(VectorAtom.NORM1, [v]) }
    Expr norm2(Object v) { vectorFunction(VectorAtom.NORM2, [v]) }
    Expr sumsq(Object v) { vectorFunction(VectorAtom.SUMSQ, [v]) }
    Expr l1(Object v) { vectorFunction(VectorAtom.L1, [v]) }
    Expr l2(Object v) { vectorFunction(VectorAtom.L2, [v]) }
    Expr elasticNet(Object v, Object alpha) {
        double a = Coerce.number(alpha, 'alpha')
        if (a < 0 || a > 1) throw new IllegalArgumentException("elasticNet's alpha must be in [0, 1], got $a")
        vectorFunction(VectorAtom.ELASTIC_NET, [v], a)
    }
    Expr quadForm(Object v, Object a) {
        if (!(a instanceof Matrix)) a = matrix(a as List)
        vectorFunction(VectorAtom.QUAD_FORM, [v], Double.NaN, (Matrix) a)
    }

    // ---- losses -------------------------------------------------------------------------------

    Expr squaredError(Object pred, Object y) { Ops.pow(Ops.sub(Coerce.expr(pred), Coerce.expr(y)), Constant.of(2)) }
    Expr absoluteError(Object pred, Object y) { abs(Ops.sub(Coerce.expr(pred), Coerce.expr(y))) }
    Expr huber(Object pred, Object y, Object delta = 1) {
        Ops.apply(new Huber(Coerce.number(delta, 'delta')), Coerce.expr(pred), Coerce.expr(y))
    }
    /** Binary cross-entropy of the logit z with a 0/1 label y: log(1 + e^z) − y·z, computed stably. */
    Expr logLoss(Object z, Object y) {
        Expr zz = Coerce.expr(z)
        Ops.sub(softplus(zz), Ops.mul(Coerce.expr(y), zz))
    }
    /** max(0, 1 − (2y − 1)·z) with y ∈ {0, 1}. */
    Expr hinge(Object z, Object y) {
        Expr signed = Ops.sub(Ops.mul(Constant.of(2), Coerce.expr(y)), Constant.ONE)
        relu(Ops.sub(Constant.ONE, Ops.mul(signed, Coerce.expr(z))))
    }

    // ---- reductions ---------------------------------------------------------------------------

    /** {@code sum(0..<n) { i -> body }}: one node, whatever n; i may appear in index arithmetic. */
    Expr sum(Range range, Closure body) {
        int[] bounds = integerBounds(range)
        IndexSymbol i = new IndexSymbol('i')
        Expr e = Coerce.expr(body.call(i), 'the body of sum')
        Ops.sum(i, bounds[0], bounds[1], e)
    }

    /** {from, exclusive to} of an increasing range of whole numbers (0..<n, 0..n-1, 0..<n/2). */
    private static int[] integerBounds(Range range) {
        if (range instanceof EmptyRange) return [0, 0] as int[]
        String text = "${range.from}..${range.to}"
        if (range.reverse) throw new IllegalArgumentException("sum needs an increasing range, not $text")
        if (range instanceof IntRange) return [((IntRange) range).fromInt, ((IntRange) range).toInt + 1] as int[]
        int from = Coerce.integer(range.from, "the start of the range $text")
        int to = Coerce.integer(range.to, "the end of the range $text")
        boolean inclusive = range instanceof NumberRange ? ((NumberRange) range).inclusiveRight : true
        [from, inclusive ? to + 1 : to] as int[]
    }

    /** {@code sum(data) { row -> body }}: the body summed over the rows of a data set. */
    Expr sum(DataSet data, Closure body) {
        data.sum({ DataSet.Row row -> body.call(row) } as java.util.function.Function, { Coerce.expr(it, 'the body of sum') } as java.util.function.Function)
    }

    /** {@code mean(data) { row -> body }}: the body averaged over the rows; with a mini-batch, over the batch. */
    Expr mean(DataSet data, Closure body) {
        data.mean({ DataSet.Row row -> body.call(row) } as java.util.function.Function, { Coerce.expr(it, 'the body of mean') } as java.util.function.Function)
    }

    // ---- data ---------------------------------------------------------------------------------

    /** {@code csv('houses.csv', target: 'price')}: a table with a header row; the path is relative to the script. */
    DataSet csv(Map options = [:], String file) {
        Coerce.checkOptions(options, ['target'], 'csv')
        ScriptContext ctx = context()
        java.nio.file.Path path = ctx != null ? ctx.resolve(file) : java.nio.file.Path.of(file)
        CsvLoader.load(path, options.target as String)
    }

    /** The sum of a list of numbers or expressions. */
    Expr sum(List terms) { Ops.add(terms.collect { Coerce.expr(it) }) }

    // ---- derivatives --------------------------------------------------------------------------

    Object grad(Map options = [:], Object f) {
        Coerce.checkOptions(options, ['at'], 'grad')
        Gradient g = new Gradient(Coerce.expr(f, 'the function'))
        options.at != null ? GradientAt.of(g, Coerce.point(options.at)) : g
    }

    Object hessian(Map options = [:], Object f) {
        Coerce.checkOptions(options, ['at'], 'hessian')
        Hessian h = new Hessian(Coerce.expr(f, 'the function'))
        options.at != null ? HessianAt.of(h, Coerce.point(options.at)) : h
    }

    /** ∂f/∂x, or ∂²f/∂x∂y with two variables. */
    Expr partial(Object f, Object... by) {
        if (by.length == 0) throw new IllegalArgumentException('partial needs a variable: partial(f, x)')
        Expr e = Coerce.expr(f, 'the function')
        for (Object v : by) {
            if (!(v instanceof Variable || v instanceof Element)) {
                throw new IllegalArgumentException("partial differentiates by a variable or a vector element, not ${Coerce.describe(v)}")
            }
            e = Differentiator.partial(e, (Expr) v)
        }
        e
    }

    /** The derivative along u/|u| (one entry per coordinate of f). */
    Expr directional(Object f, Object u) {
        Expr e = Coerce.expr(f, 'the function')
        double[] d = (u as List).collect { Coerce.number(it, 'a direction entry') } as double[]
        Derivatives.directional(e, e.layout(), d)
    }

    /** {@code taylor(f, at: [x: 0], order: 2)}. */
    Expr taylor(Map options, Object f) {
        Coerce.checkOptions(options, ['at', 'order'], 'taylor')
        if (options.at == null) throw new IllegalArgumentException('taylor needs a point: taylor(f, at: [x: 0], order: 2)')
        Expr e = Coerce.expr(f, 'the function')
        Taylor.polynomial(e, e.layout(), Coerce.point(options.at), options.order != null ? Coerce.integer(options.order, 'order') : 1)
    }

    // ---- analysis -----------------------------------------------------------------------------

    Object convexity(Map options = [:], Object f) {
        Coerce.checkOptions(options, ['over'], 'convexity')
        Convexity.analyze(Coerce.expr(f, 'the function'), Coerce.box(options.over))
    }

    Object stationary(Map options = [:], Object f) {
        Coerce.checkOptions(options, ['over'], 'stationary')
        Stationary.find(Coerce.expr(f, 'the function'), Coerce.box(options.over))
    }

    Object differentiable(Map options, Object f) {
        Coerce.checkOptions(options, ['at'], 'differentiable')
        if (options.at == null) throw new IllegalArgumentException('differentiable needs a point: differentiable(f, at: [x: 0])')
        Differentiability.check(Coerce.expr(f, 'the function'), Coerce.point(options.at))
    }

    // ---- optimization -------------------------------------------------------------------------

    OptimizationResult minimize(Map options = [:], Object f) { optimize(f, false, options) }

    OptimizationResult maximize(Map options = [:], Object f) { optimize(f, true, options) }

    private OptimizationResult optimize(Object f, boolean maximize, Map options) {
        Map<String, Object> opts = new LinkedHashMap<>()
        List<Constraint> constraints = []
        options.each { k, v ->
            String key = String.valueOf(k)
            if (key == 'subjectTo') {
                constraints.addAll(collectConstraints(v))
            } else if (key == 'over') {
                opts.put(key, Coerce.box(v))
            } else if (key == 'start') {
                opts.put(key, Coerce.point(v, 'start'))
            } else {
                opts.put(key, v instanceof GString ? v.toString() : v)
            }
        }
        ScriptContext ctx = context()
        RunContext run = ctx == null ? RunContext.defaults() : new RunContext(ctx.baseDir, ctx.progress)
        Minimizer.run(Coerce.expr(f, 'the objective'), maximize, opts, constraints, run)
    }

    private List<Constraint> pendingConstraints

    /** The comparisons of a {@code subjectTo: { ... }} block, as constraints. */
    List<Constraint> collectConstraints(Object block) {
        if (!(block instanceof Closure)) {
            throw new IllegalArgumentException('subjectTo takes a block of comparisons: subjectTo: { x + y <= 1; x >= 0 }')
        }
        List<Constraint> saved = pendingConstraints
        pendingConstraints = []
        try {
            ((Closure) block).call()
            if (pendingConstraints.isEmpty()) {
                throw new IllegalArgumentException('subjectTo found no constraint; write comparisons such as x + y <= 1, x >= 0 or x*y == 0.5')
            }
            return pendingConstraints
        } finally {
            pendingConstraints = saved
        }
    }

    /** Called for each comparison statement inside {@code subjectTo: { ... }} (rewritten by the compiler). */
    Object __constraint(Object lhs, String op, Object rhs) {
        if (pendingConstraints == null) throw new IllegalStateException('a constraint outside subjectTo')
        pendingConstraints << new Constraint(Coerce.expr(lhs, 'the left side'), op, Coerce.expr(rhs, 'the right side'))
        null
    }

    // ---- schedules ----------------------------------------------------------------------------

    Schedule constant(Map args = [:]) { Schedules.create('constant', args) }
    Schedule stepDecay(Map args) { Schedules.create('stepDecay', args) }
    Schedule exponential(Map args) { Schedules.create('exponential', args) }
    Schedule inverseTime(Map args) { Schedules.create('inverseTime', args) }
    Schedule cosine(Map args) { Schedules.create('cosine', args) }
    Schedule warmRestarts(Map args) { Schedules.create('warmRestarts', args) }
    Schedule warmup(Map args) { Schedules.create('warmup', args) }

    // ---- showing ------------------------------------------------------------------------------

    /** Shows a value exactly as a top-level statement would. */
    void show(Object value) {
        ScriptContext ctx = context()
        if (ctx != null) ctx.show(value)
        else println(value instanceof org.gradus.result.Shown ? ((org.gradus.result.Shown) value).toText() : value)
    }

    /** Inserted by the compiler for every {@code a / b}: double division between numbers. */
    Object __div(Object a, Object b) {
        if (a instanceof Number && b instanceof Number) return ((Number) a).doubleValue() / ((Number) b).doubleValue()
        a / b
    }

    /** Inserted by the compiler around each top-level expression statement. */
    Object __show(Object value) {
        if (value != null) show(value)
        null
    }

    /** Inserted by the compiler around the right side of {@code name = ...}: a variable takes its name. */
    Object __named(String name, Object value) {
        if (value instanceof VariableBlock) ((VariableBlock) value).nameIfUnnamed(name)
        if (value instanceof DataSet) ((DataSet) value).rename(name)
        value
    }
}
