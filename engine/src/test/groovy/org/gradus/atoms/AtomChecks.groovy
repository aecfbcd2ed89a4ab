package org.gradus.atoms

import groovy.transform.CompileStatic
import org.gradus.diff.Derivatives
import org.gradus.eval.CompiledFunction
import org.gradus.eval.Evaluate
import org.gradus.eval.Program
import org.gradus.atoms.array.ArrayOps
import org.gradus.expr.Constant
import org.gradus.expr.ConstantArray
import org.gradus.expr.Expr
import org.gradus.expr.Layout
import org.gradus.expr.Traversal
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable

import java.util.function.DoubleUnaryOperator
import java.util.function.ToDoubleFunction

/**
 * The checks of {@link AtomContractSpec}, each returning what it found wrong (empty when the contract
 * holds). References are independent of the atom's claims: central finite differences of values,
 * sampled values, sampled secants and pairs. Sampling draws from boxes inside each argument's declared
 * natural domain (or [-3, 3]) with a fixed seed per atom.
 */
@CompileStatic
class AtomChecks {
    static final int BOXES = 12, POINTS = 16

    // ---- words --------------------------------------------------------------------------------

    /**
     * The word's exact gradient (reverse mode and symbolic) against central differences, where every node
     * is smooth. An array-valued word (softmax) is checked through a fixed random combination of its elements.
     */
    static List<String> gradient(AtomUses.WordCall call) {
        List<String> problems = []
        Expr f = call.expr
        if (f.isArray()) {
            Random weights = new Random(17)
            double[] c = (0..<f.shape().size()).collect { 0.5d + weights.nextDouble() } as double[]
            f = ArrayOps.dot(new ConstantArray('c', c, f.shape()), f)
        }
        Layout layout = f.layout()
        CompiledFunction cf = new CompiledFunction(f, layout)
        Program symbolic = Program.compile(Derivatives.gradient(f, layout), layout)
        List<Apply> nodes = []
        Traversal.forEachNode(f) { Expr e -> if (e instanceof Apply && !e.isArray()) nodes << (Apply) e }
        List<Expr> nodeArgs = nodes.collectMany { it.args() } as List<Expr>
        Program args = Program.compile(nodeArgs, layout)
        Random rnd = new Random(call.word.name().hashCode())
        int checked = 0
        for (int t = 0; t < 200 && checked < POINTS && problems.isEmpty(); t++) {
            double[] x = new double[layout.dimension()]
            for (int i = 0; i < x.length; i++) x[i] = -1.5d + 3 * rnd.nextDouble()
            if (!smoothAround(nodes, args, nodeArgs.size(), x) || !Double.isFinite(cf.value(x))) continue
            double[] g = new double[x.length], s = new double[x.length]
            cf.valueAndGradient(x, g)
            symbolic.values(x, s)
            for (int i = 0; i < x.length; i++) {
                final int coordinate = i
                double fd = centralDifference({ double[] p -> cf.value(p) } as ToDoubleFunction<double[]>, x, coordinate)
                if (!close(g[i], fd, 1e-5d)) problems << "∂/∂${layout.coordinateName(i)} of $f at ${x as List}: reverse mode ${g[i]}, differences $fd".toString()
                if (!close(s[i], g[i], 1e-9d)) problems << "symbolic ∂/∂${layout.coordinateName(i)} of $f at ${x as List}: ${s[i]}, reverse mode ${g[i]}".toString()
            }
            checked++
        }
        if (checked < POINTS / 2) problems << "only $checked points of its domain found for $f".toString()
        problems
    }

    /** True when every node's atom is defined, continuous and kink-free at x and at the difference points around its arguments. */
    private static boolean smoothAround(List<Apply> nodes, Program args, int count, double[] x) {
        double[] v = new double[count]
        args.values(x, v)
        int at = 0
        for (Apply a : nodes) {
            double[] own = Arrays.copyOfRange(v, at, at + a.args().size())
            at += a.args().size()
            for (double d : own) if (!Double.isFinite(d)) return false
            if (!definedAround(a.atom(), own)) return false
        }
        true
    }

    // ---- atoms --------------------------------------------------------------------------------

    /** Numeric and symbolic local derivatives against central differences of the atom's value. */
    static List<String> localDerivatives(AtomUses.Use use) {
        List<String> problems = []
        Random rnd = new Random(use.toString().hashCode())
        Apply self = new Apply(use.atom, use.args)
        Layout layout = new Layout(use.args.findAll { it instanceof Variable }.collect { (Variable) it })
        List<Integer> vars = variablePositions(use)
        Program symbolic = Program.compile(vars.collect { int k -> use.atom.derivative(k, use.args, self) }, layout)
        int checked = 0
        for (int t = 0; t < 400 && checked < POINTS && problems.isEmpty(); t++) {
            double[] a = point(box(use, rnd), rnd)
            if (!definedAround(use.atom, a)) continue
            double out = use.atom.value(a)
            double[] s = new double[vars.size()]
            symbolic.values(vars.collect { int k -> a[k] } as double[], s)
            vars.eachWithIndex { int k, int j ->
                double fd = centralDifference({ double[] p -> use.atom.value(p) } as ToDoubleFunction<double[]>, a, k)
                double numeric = use.atom.derivative(k, a, out)
                if (!close(numeric, fd, 1e-5d)) problems << "∂$use/∂arg$k at ${a as List}: declared $numeric, differences $fd".toString()
                if (!close(s[j], numeric, 1e-9d)) problems << "symbolic ∂$use/∂arg$k at ${a as List} is ${s[j]}, numeric $numeric".toString()
            }
            checked++
        }
        if (checked < POINTS / 2) problems << "only $checked points of its domain found".toString()
        problems
    }

    /** {@code range} of random boxes against the values sampled inside them. */
    static List<String> range(AtomUses.Use use) {
        List<String> problems = []
        Random rnd = new Random(use.toString().hashCode() + 1)
        for (int bx = 0; bx < BOXES && problems.isEmpty(); bx++) {
            Interval[] b = box(use, rnd)
            Interval r = use.atom.range(b)
            for (int t = 0; t < POINTS; t++) {
                double[] a = point(b, rnd)
                if (use.atom.domainError(a) != null) continue
                double v = use.atom.value(a)
                if (v < r.lo() - tol(r.lo()) || v > r.hi() + tol(r.hi())) {
                    problems << "$use at ${a as List} is $v, outside its range $r on ${b as List}".toString()
                    break
                }
            }
        }
        problems
    }

    /** A declared curvature against sampled midpoints; a declared monotonicity against sampled pairs. */
    static List<String> curvatureAndMonotonicity(AtomUses.Use use) {
        List<String> problems = []
        Random rnd = new Random(use.toString().hashCode() + 2)
        for (int bx = 0; bx < BOXES && problems.isEmpty(); bx++) {
            Interval[] b = box(use, rnd)
            Curvature c = use.atom.curvature(b, use.args)
            for (int t = 0; t < POINTS && problems.isEmpty(); t++) {
                double[] p = point(b, rnd), q = point(b, rnd), m = new double[p.length]
                for (int i = 0; i < p.length; i++) m[i] = 0.5d * (p[i] + q[i])
                if (use.atom.domainError(p) != null || use.atom.domainError(q) != null || use.atom.domainError(m) != null) continue
                double fp = use.atom.value(p), fq = use.atom.value(q), fm = use.atom.value(m)
                double mean = 0.5d * (fp + fq), slack = 1e-9d * (1 + Math.abs(mean))
                String where = "on ${b as List}, at the midpoint of ${p as List} and ${q as List}"
                if (c.isConvex() && fm > mean + slack) problems << "$use is declared $c $where it is $fm > $mean".toString()
                if (c.isConcave() && fm < mean - slack) problems << "$use is declared $c $where it is $fm < $mean".toString()
                if (c == Curvature.CONSTANT && !close(fp, fq, 1e-12d)) problems << "$use is declared constant on ${b as List}: $fp, $fq".toString()
            }
            for (int k : variablePositions(use)) {
                Monotonicity mono = use.atom.monotonicity(k, b, use.args)
                if (mono == Monotonicity.NONMONOTONE) continue
                for (int t = 0; t < POINTS; t++) {
                    double[] p = point(b, rnd), q = p.clone()
                    q[k] = b[k].lo() + rnd.nextDouble() * (b[k].hi() - b[k].lo())
                    if (use.atom.domainError(p) != null || use.atom.domainError(q) != null) continue
                    double[] lo = p[k] <= q[k] ? p : q, hi = p[k] <= q[k] ? q : p
                    double flo = use.atom.value(lo), fhi = use.atom.value(hi), slack = 1e-12d * (1 + Math.abs(flo) + Math.abs(fhi))
                    boolean wrong = mono == Monotonicity.INCREASING ? fhi < flo - slack : fhi > flo + slack
                    if (wrong) {
                        problems << "$use is declared $mono in arg $k on ${b as List}: $flo at ${lo as List}, $fhi at ${hi as List}".toString()
                        break
                    }
                }
            }
        }
        problems
    }

    /** A declared natural domain against the atom's domain errors: none inside, one outside, the edge as declared. */
    static List<String> domain(AtomUses.Use use) {
        List<String> problems = []
        Random rnd = new Random(use.toString().hashCode() + 3)
        for (int k : variablePositions(use)) {
            ArgumentDomain d = use.atom.domain(k, use.args)
            for (int t = 0; t < POINTS; t++) {
                double[] a = point(box(use, rnd), rnd)
                if (use.atom.domainError(a) != null) continue       // undefined for another reason (another argument)
                if (!d.contains(a[k])) problems << "$use is defined at ${a as List}, outside ${d.text('arg' + k)}".toString()
                if (d.boundedBelow()) {
                    double[] below = a.clone(), edge = a.clone()
                    below[k] = d.lo() - 0.5d - rnd.nextDouble()
                    edge[k] = d.lo()
                    if (use.atom.domainError(below) == null) problems << "$use: ${below as List} is outside ${d.text('arg' + k)}, but it has no domain error".toString()
                    if ((use.atom.domainError(edge) != null) != d.openLo()) problems << "$use at the edge ${edge as List} of ${d.text('arg' + k)}".toString()
                }
                if (d.boundedAbove()) {
                    double[] above = a.clone()
                    above[k] = d.hi() + 0.5d + rnd.nextDouble()
                    if (use.atom.domainError(above) == null) problems << "$use: ${above as List} is outside ${d.text('arg' + k)}, but it has no domain error".toString()
                }
                if (!problems.isEmpty()) return problems
            }
        }
        problems
    }

    /** Declared kinks of a one-argument atom: a reason, one-sided limits and derivatives that differences confirm. */
    static List<String> kinks(UnaryAtom atom) {
        List<String> problems = []
        for (double k : atom.kinks()) {
            double[] at = [k] as double[]
            if (atom.kink(at) == null && atom.discontinuity(at) == null) problems << "$atom declares a kink at $k but gives no reason".toString()
            double h = 1e-12d
            double[] limits = atom.oneSidedLimits(k)
            for (int side = 0; side < 2; side++) {
                double x = side == 0 ? k - h : k + h, limit = limits[side]
                double near = atom.domainError(x) == null ? atom.apply(x) : Double.NaN
                boolean ok = Double.isNaN(limit) ? Double.isNaN(near)
                        : Double.isInfinite(limit) ? Math.signum(near) == Math.signum(limit) && Math.abs(near) > 20
                        : Math.abs(near - limit) <= 1e-5d
                if (!ok) problems << "$atom: the limit at $k from the ${side == 0 ? 'left' : 'right'} is declared $limit; the value nearby is $near".toString()
            }
            double[] sides = atom.oneSidedDerivatives(at)
            if (sides != null && atom.discontinuity(at) == null) {
                DoubleUnaryOperator left = { double t -> atom.domainError(k - t) == null ? (atom.apply(k) - atom.apply(k - t)) / t : Double.NaN } as DoubleUnaryOperator
                DoubleUnaryOperator right = { double t -> (atom.apply(k + t) - atom.apply(k)) / t } as DoubleUnaryOperator
                if (!agrees(sides[0], left) || !agrees(sides[1], right)) {
                    problems << "$atom at $k: one-sided derivatives ${sides as List}, differences [${left.applyAsDouble(1e-8)}, ${right.applyAsDouble(1e-8)}]".toString()
                }
            }
        }
        Random rnd = new Random(atom.name().hashCode())
        List<Double> declared = atom.kinks() as List<Double>
        for (int t = 0; t < POINTS; t++) {
            double x = -3 + 6 * rnd.nextDouble()
            if (!declared.contains(x) && atom.domainError(x) == null && atom.kink(x) != null) problems << "$atom says it has a kink at $x, not among its kinks()".toString()
        }
        problems
    }

    /** At ties and zeros where the atom has a kink: its one-sided directional derivative against one-sided differences. */
    static List<String> oneSidedAtTies(AtomUses.Use use) {
        List<String> problems = []
        Random rnd = new Random(use.toString().hashCode() + 4)
        List<Integer> vars = variablePositions(use)
        for (int t = 0; t < BOXES * POINTS && problems.isEmpty(); t++) {
            double[] a = point(box(use, rnd), rnd)
            if (vars.size() >= 2 && rnd.nextBoolean()) a[vars[1]] = a[vars[0]] else a[vars[0]] = 0
            if (use.atom.kink(a) == null || use.atom.domainError(a) != null || use.atom.discontinuity(a) != null) continue
            double[] da = new double[a.length]
            for (int k : vars) da[k] = rnd.nextGaussian()
            double out = use.atom.value(a)
            double declared = use.atom.oneSidedDerivative(a, da, out, false)
            DoubleUnaryOperator quotient = { double s ->
                double[] moved = new double[a.length]
                for (int i = 0; i < a.length; i++) moved[i] = a[i] + s * da[i]
                use.atom.domainError(moved) == null ? (use.atom.value(moved) - out) / s : Double.NaN
            } as DoubleUnaryOperator
            if (!agrees(declared, quotient)) {
                problems << "$use at ${a as List} along ${da as List}: declared one-sided derivative $declared, differences ${quotient.applyAsDouble(1e-8)}".toString()
            }
        }
        problems
    }

    // ---- vector atoms -------------------------------------------------------------------------

    /** Whole-array value and gradient against the scalar form and differences; a declared curvature against midpoints. */
    static List<String> vectorAtom(VectorFunction vf) {
        List<String> problems = []
        VectorAtom atom = vf.atom()
        List<VectorVariable> ops = vf.operands().collect { (VectorVariable) it }
        Layout layout = new Layout(ops)
        CompiledFunction lowered = new CompiledFunction(vf.lowered(), layout)
        int n = ops[0].size()
        Random rnd = new Random(atom.name().hashCode())
        ToDoubleFunction<double[]> value = { double[] p -> atom.value(split(p, ops.size(), n)) } as ToDoubleFunction<double[]>
        for (int t = 0; t < POINTS && problems.isEmpty(); t++) {
            double[] x = new double[layout.dimension()], y = new double[x.length], m = new double[x.length]
            for (int i = 0; i < x.length; i++) {
                x[i] = -2 + 4 * rnd.nextDouble()
                y[i] = -2 + 4 * rnd.nextDouble()
                m[i] = 0.5d * (x[i] + y[i])
            }
            double[][] arrays = split(x, ops.size(), n)
            double[] g = new double[x.length]
            double v = lowered.valueAndGradient(x, g)
            if (!close(atom.value(arrays), v, 1e-12d)) problems << "${atom.name()} at ${x as List}: ${atom.value(arrays)}, its scalar form $v".toString()
            for (int k = 0; k < ops.size(); k++) {
                double[] declared = atom.gradient(k, arrays)
                for (int i = 0; i < n; i++) {
                    double fd = centralDifference(value, x, k * n + i)
                    if (!close(declared[i], fd, 1e-5d)) problems << "${atom.name()}: gradient in operand $k, element $i: ${declared[i]}, differences $fd".toString()
                    if (!close(declared[i], g[k * n + i], 1e-9d)) problems << "${atom.name()}: gradient ${declared[i]}, its scalar form's ${g[k * n + i]}".toString()
                }
            }
            Curvature c = atom.curvatureOfAffine()
            if (c != null && c != Curvature.UNKNOWN) {
                double mean = 0.5d * (lowered.value(x) + lowered.value(y)), fm = lowered.value(m), slack = 1e-9d * (1 + Math.abs(mean))
                if (c.isConvex() && fm > mean + slack || c.isConcave() && fm < mean - slack) {
                    problems << "${atom.name()} is declared $c of affine operands, but at the midpoint of ${x as List} and ${y as List} it is $fm against $mean".toString()
                }
            }
        }
        problems
    }

    private static double[][] split(double[] x, int parts, int n) {
        double[][] out = new double[parts][]
        for (int k = 0; k < parts; k++) out[k] = Arrays.copyOfRange(x, k * n, (k + 1) * n)
        out
    }

    // ---- sampling and comparing ---------------------------------------------------------------

    /** Positions of the arguments that are variables (not constants). */
    static List<Integer> variablePositions(AtomUses.Use use) {
        (0..<use.args.size()).findAll { int k -> !(use.args[k] instanceof Constant) } as List<Integer>
    }

    /** A random box: per variable argument a sub-interval of its natural domain (or of [-3, 3]); constants as points. */
    static Interval[] box(AtomUses.Use use, Random rnd) {
        Interval[] out = new Interval[use.args.size()]
        for (int k = 0; k < out.length; k++) {
            Expr e = use.args[k]
            if (e instanceof Constant) {
                out[k] = Interval.point(((Constant) e).value())
                continue
            }
            ArgumentDomain d = use.atom.domain(k, use.args)
            double lo = d.boundedBelow() ? d.lo() : (d.boundedAbove() ? d.hi() - 6 : -3)
            double hi = d.boundedAbove() ? d.hi() : lo + 6
            double a = lo + rnd.nextDouble() * (hi - lo), b = lo + rnd.nextDouble() * (hi - lo)
            out[k] = new Interval(Math.min(a, b), Math.max(a, b))
        }
        out
    }

    static double[] point(Interval[] box, Random rnd) {
        double[] out = new double[box.length]
        for (int k = 0; k < out.length; k++) out[k] = box[k].isPoint() ? box[k].lo() : box[k].lo() + rnd.nextDouble() * (box[k].hi() - box[k].lo())
        out
    }

    /** Defined, continuous, kink-free and finite at a and at the difference points around it. */
    static boolean definedAround(Atom atom, double[] a) {
        for (int k = 0; k < a.length; k++) {
            for (double s = -1; s <= 1; s++) {
                double[] p = a.clone()
                p[k] += s * step(a[k]) * 2
                if (atom.domainError(p) != null || atom.discontinuity(p) != null || atom.kink(p) != null) return false
                if (!Double.isFinite(atom.value(p))) return false
            }
        }
        true
    }

    static double step(double x) { 1e-6d * Math.max(1, Math.abs(x)) }

    static double centralDifference(ToDoubleFunction<double[]> f, double[] x, int i) {
        double h = step(x[i])
        double[] p = x.clone(), m = x.clone()
        p[i] += h
        m[i] -= h
        (f.applyAsDouble(p) - f.applyAsDouble(m)) / (2 * h)
    }

    static boolean close(double a, double b, double rel) {
        if (Double.isNaN(a) || Double.isNaN(b)) return Double.isNaN(a) && Double.isNaN(b)
        Math.abs(a - b) <= rel * (1 + Math.abs(a) + Math.abs(b))
    }

    static double tol(double v) { Double.isFinite(v) ? 1e-9d * (1 + Math.abs(v)) : 0d }

    /**
     * A declared one-sided slope against one-sided difference quotients q(t), t ↓ 0: equal to q(1e-8); or,
     * when infinite, q of that sign and growing as t shrinks (an infinite slope can diverge slowly, as
     * t^(p−1) for p near 1); or, when undefined, q undefined.
     */
    static boolean agrees(double declared, DoubleUnaryOperator q) {
        double near = q.applyAsDouble(1e-8d)
        if (Double.isNaN(declared)) return Double.isNaN(near)
        if (Double.isInfinite(declared)) {
            double far = q.applyAsDouble(1e-5d), nearer = q.applyAsDouble(1e-11d)
            return Math.signum(nearer) == Math.signum(declared) && Math.abs(nearer) > 1.5d * Math.abs(far)
        }
        Math.abs(declared - near) <= 1e-4d * (1 + Math.abs(declared))
    }
}
