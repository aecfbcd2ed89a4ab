package org.gradus.optim;

import org.gradus.atoms.Ops;
import org.gradus.eval.CompiledFunction;
import org.gradus.expr.Constant;
import org.gradus.expr.Element;
import org.gradus.expr.Expr;
import org.gradus.expr.Layout;
import org.gradus.expr.SumOver;
import org.gradus.expr.Traversal;
import org.gradus.expr.Variable;
import org.gradus.expr.VariableBlock;
import org.gradus.io.OutputFile;
import org.gradus.optim.method.Method;
import org.gradus.optim.method.MethodOptions;
import org.gradus.optim.method.MethodSpec;
import org.gradus.optim.method.Optimizers;
import org.gradus.print.Numbers;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * {@code minimize} and {@code maximize} (SPEC §2 "Optimization"): checks the options, resolves
 * {@code auto}, turns simple constraints on one variable into bounds, runs the method (inside an
 * augmented Lagrangian when there are other constraints) once or from {@code restarts} start points,
 * and reports. Runs never throw for numerical trouble: divergence, stalls and infeasibility are statuses.
 */
public final class Minimizer {
    private Minimizer() {
    }

    /** What {@code method: 'auto'} does, in a line (REPL help). */
    public static final String AUTO_SUMMARY = "picks lbfgs, a bound-aware or constrained method, or fista, and says which";

    /** A constraint of the form variable op constant, kept as a bound. */
    private record Bound(Constraint source, int index, String op, double value) {
    }

    private record Run(Descent.Outcome outcome, Trace trace, Method method, double[] lambda, double own, double violation, double[] start) {
    }

    /**
     * Minimizes (maximize = false) or maximizes f.
     *
     * @param options the script's named options as SPEC names them (see {@link Settings})
     * @param constraints may be empty or null
     * @param context base directory for trace files and a progress listener
     * @throws IllegalArgumentException for an unknown method or option, an option that does not apply to the
     *                                  method, a bad value, or a problem the method cannot take
     */
    public static OptimizationResult run(Expr f, boolean maximize, Map<String, ?> options, List<Constraint> constraints, RunContext context) {
        long t0 = System.nanoTime();
        RunContext ctx = context == null ? RunContext.defaults() : context;
        Settings s = Settings.parse(options);
        List<Constraint> cons = constraints == null ? List.of() : List.copyOf(constraints);
        List<Expr> all = new ArrayList<>();
        all.add(f);
        for (Constraint c : cons) {
            all.add(c.lhs());
            all.add(c.rhs());
        }
        Layout layout = Layout.of(all.toArray(new Expr[0]));
        String verb = maximize ? "maximize" : "minimize";
        if (layout.dimension() == 0) throw new IllegalArgumentException("nothing to " + verb + ": " + f + " has no variables");
        int n = layout.dimension();
        double sign = maximize ? -1 : 1;

        double[] lower = layout.lower();
        double[] upper = layout.upper();
        List<Bound> bounds = new ArrayList<>();
        List<Constraint> general = new ArrayList<>();
        for (Constraint c : cons) {
            Bound b = asBound(c, layout);
            if (b == null) {
                general.add(c);
                continue;
            }
            bounds.add(b);
            if (!">=".equals(b.op())) upper[b.index()] = Math.min(upper[b.index()], b.value());
            if (!"<=".equals(b.op())) lower[b.index()] = Math.max(lower[b.index()], b.value());
            if (lower[b.index()] > upper[b.index()]) {
                throw new IllegalArgumentException("the constraints leave no feasible value for " + layout.coordinateName(b.index())
                        + ": it would need " + Numbers.format(lower[b.index()]) + " <= " + layout.coordinateName(b.index()) + " <= " + Numbers.format(upper[b.index()]));
            }
        }
        double[] x0 = startPoint(s, layout);
        for (int i = 0; i < n; i++) {
            if (!Double.isFinite(x0[i])) {
                throw new IllegalArgumentException("the start value of " + layout.coordinateName(i) + " is " + Numbers.format(x0[i])
                        + "; a start value must be a finite number");
            }
            x0[i] = Math.min(upper[i], Math.max(lower[i], x0[i]));
        }
        boolean bounded = false;
        for (int i = 0; i < n; i++) bounded |= Double.isFinite(lower[i]) || Double.isFinite(upper[i]);

        // resolve the method
        String method = s.method();
        boolean auto = "auto".equals(method);
        String autoReason = null;
        L1Split split = null;
        if (auto) {
            if (!general.isEmpty()) {
                method = "lbfgs";
                autoReason = "picked lbfgs inside an augmented Lagrangian: there are constraints (" + general.size() + " general"
                        + (bounds.isEmpty() ? "" : ", " + bounds.size() + " kept as bounds") + ")";
            } else {
                split = maximize ? null : L1Split.of(f, layout);
                if (split != null) {
                    method = "fista";
                    autoReason = "picked fista: the objective is smooth + λ·l1, and soft-thresholding gives exact zeros";
                } else {
                    method = "lbfgs";
                    autoReason = bounded ? "picked lbfgs, projected onto the bounds (L-BFGS-B style): the variables have bounds"
                            : "picked lbfgs: no bounds, constraints or l1 term";
                }
            }
        }
        MethodSpec spec = Optimizers.get(method);
        if (!auto && spec.proximal()) {
            if (maximize) throw new IllegalArgumentException(method + " minimizes smooth + l1 objectives; it cannot maximize. Use maximize with lbfgs, or minimize the negation");
            split = L1Split.of(f, layout);
            if (split == null) split = new L1Split(f, new double[n]);
        }
        final double[] weights = split == null ? null : split.weights();
        MethodOptions methodOptions = s.methodOptions(spec, auto, weights);
        if (!general.isEmpty() && !spec.takesConstraints()) {
            throw new IllegalArgumentException("method '" + method + "' cannot take constraints (subjectTo); use method: 'auto' or 'lbfgs' "
                    + "(an augmented Lagrangian around L-BFGS)");
        }
        if (!general.isEmpty() && s.batch() != null) {
            throw new IllegalArgumentException("batch: cannot be combined with constraints (subjectTo)");
        }

        // compile
        Expr target = split != null ? split.smooth() : f;
        CompiledFunction fn = new CompiledFunction(target, layout);
        CompiledFunction full = split != null ? new CompiledFunction(f, layout) : fn;
        if (!Double.isFinite(full.value(x0))) {
            // no step size helps a descent that starts where the objective is undefined
            String outside = org.gradus.eval.DomainCheck.at(f, layout, x0);
            if (outside != null) {
                throw new IllegalArgumentException("the start point is outside the objective's domain: " + outside
                        + "; start inside it (start: [...], or the variables' start values)");
            }
        }
        Batches batches = null;
        int stepsPerEpoch = 1;
        if (s.batch() != null) {
            Map<String, Integer> rows = new LinkedHashMap<>();
            Map<String, Integer> first = new LinkedHashMap<>();
            Traversal.forEachNode(target, e -> {
                if (e instanceof SumOver so && so.dataRows() != null) {
                    rows.merge(so.dataRows(), so.to() - so.from(), Math::max);
                    first.putIfAbsent(so.dataRows(), so.from());
                }
            });
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("batch: needs a data reduction such as mean(data) { row -> ... } in the objective; this one has none");
            }
            batches = new Batches(rows, first, s.batch(), s.shuffle(), s.seed());
            stepsPerEpoch = batches.stepsPerEpoch();
        }
        int maxIter;
        if (s.epochs() != null) {
            long e = (long) s.epochs() * stepsPerEpoch;
            maxIter = (int) Math.min(Integer.MAX_VALUE, e);
            if (s.maxIter() != null) maxIter = Math.min(maxIter, s.maxIter());
        } else {
            maxIter = s.maxIter() != null ? s.maxIter() : spec.defaultMaxIter(n);
        }
        double tol = s.tol(spec.defaultTol());
        double ftol = s.ftol() == null ? 0 : s.ftol();
        long deadline = s.timeLimit() == null ? Long.MAX_VALUE : t0 + (long) (s.timeLimit() * 1e9);
        Descent.Limits lim = new Descent.Limits(maxIter, tol, ftol, deadline, s.timeLimit() == null ? Double.NaN : s.timeLimit());
        CompiledObjective obj = new CompiledObjective(fn, sign, lower, upper, batches);
        List<AugmentedLagrangian.Compiled> compiled = new ArrayList<>();
        for (Constraint c : general) {
            Expr ce = ">=".equals(c.op()) ? Ops.sub(c.rhs(), c.lhs()) : Ops.sub(c.lhs(), c.rhs());
            compiled.add(new AugmentedLagrangian.Compiled(new CompiledFunction(ce, layout), c.isEquality()));
        }

        // run, from the start and from random start points
        SplittableRandom rng = new SplittableRandom(s.seed());
        boolean wantTrace = s.trace() != null && !Boolean.FALSE.equals(s.trace());
        boolean keepPath = wantTrace || n <= Trace.KEPT_DIMENSION && general.isEmpty();
        int traceEpoch = batches == null ? 0 : stepsPerEpoch;
        List<Run> runs = new ArrayList<>();
        try {
            for (int r = 0; r < s.restarts(); r++) {
                double[] start = r == 0 ? x0 : draw(rng, layout, s.over(), lower, upper, x0);
                Trace trace = !keepPath ? null : wantTrace ? Trace.everyIterate(layout, traceEpoch) : Trace.thinned(layout, traceEpoch);
                Method m = spec.create(methodOptions);
                Descent.Outcome o;
                double[] lambda = null;
                double violation = 0;
                if (compiled.isEmpty()) {
                    o = Descent.run(m, obj, start, lim, trace, ctx.listener(), sign);
                } else {
                    AugmentedLagrangian.Result res = AugmentedLagrangian.solve(obj, compiled, start, () -> spec.create(methodOptions), lim, sign);
                    o = res.outcome();
                    lambda = res.lambda();
                    for (int i = 0; i < compiled.size(); i++) {
                        double v = res.values()[i];
                        violation = Math.max(violation, compiled.get(i).equality() ? Math.abs(v) : Math.max(0, v));
                    }
                }
                double own = full.value(o.x());
                runs.add(new Run(o, trace, m, lambda, own, violation, start));
                if (o.status() == Status.INTERRUPTED || o.status() == Status.TIME_LIMIT) break;
            }
        } finally {
            if (ctx.listener() != null) ctx.listener().onFinish();   // a progress bar erases itself
        }
        Comparator<Run> better = Comparator
                .comparing((Run run) -> run.violation() > 1e-6)
                .thenComparing(run -> run.outcome().status() == Status.DIVERGED)
                .thenComparingDouble(run -> Double.isNaN(run.own()) ? Double.POSITIVE_INFINITY : sign * run.own());
        Run best = runs.stream().min(better).orElseThrow();
        Descent.Outcome o = best.outcome();
        double[] x = o.x();

        // report
        String message = o.message();
        if (o.status() == Status.DIVERGED) {
            message = "diverged at iteration " + o.divergedAt() + ": " + o.message() + ". "
                    + best.method().divergenceAdvice(() -> StepAdvice.curvature(obj, best.start()));
        } else if (o.status() == Status.CONVERGED && !message.startsWith("max violation")) {
            message = message + " after " + o.iterations() + (o.iterations() == 1 ? " iteration" : " iterations");
        }
        double gradNorm = best.method().usesGradient() ? o.measure() : obj.projectedGradientNorm(x, o.g());
        Map<String, Object> evaluations = new LinkedHashMap<>();
        evaluations.put("f", obj.fCount());
        evaluations.put("gradient", obj.gCount());
        evaluations.put("hessian", obj.hCount());
        if (obj.hvCount() > 0) evaluations.put("hessianVector", obj.hvCount());

        List<Map<String, Object>> report = null;
        double maxViolation = 0;
        if (!cons.isEmpty()) {
            report = new ArrayList<>();
            int gi = 0;
            for (Constraint c : cons) {
                double value = new CompiledFunction(Ops.sub(c.lhs(), c.rhs()), layout).value(x);
                double violation = switch (c.op()) {
                    case "<=" -> Math.max(0, value);
                    case ">=" -> Math.max(0, -value);
                    default -> Math.abs(value);
                };
                double multiplier;
                Bound b = bounds.stream().filter(bb -> bb.source() == c).findFirst().orElse(null);
                if (b != null) {
                    double gi2 = o.g()[b.index()];
                    boolean active = Math.abs(x[b.index()] - b.value()) <= 1e-9 * Math.max(1, Math.abs(b.value()));
                    double lam = switch (b.op()) {
                        case ">=" -> Math.max(0, gi2);
                        case "<=" -> Math.max(0, -gi2);
                        default -> gi2;
                    };
                    // a bound written as constant <= variable has the variable on the right; the multiplier is the same
                    multiplier = active ? lam : 0;
                } else {
                    multiplier = best.lambda() == null ? 0 : best.lambda()[gi];
                    gi++;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("text", c.text());
                row.put("value", value);
                row.put("violation", violation);
                row.put("multiplier", multiplier);
                report.add(row);
                maxViolation = Math.max(maxViolation, violation);
            }
        }

        Map<String, Object> extras = new LinkedHashMap<>();
        if (autoReason != null) extras.put("auto", autoReason);
        extras.put("settings", best.method().describe());
        List<String> convergence = new ArrayList<>();
        if (!Double.isNaN(o.measure())) {
            convergence.add(o.measureName() + " = " + Numbers.round(o.measure(), 3) + (o.measure() <= tol ? " ≤ " : " > ")
                    + Numbers.round(tol, 6) + " (tol)");
        }
        convergence.add("iterations " + o.iterations() + " of " + maxIter + " (maxIter)");
        if (ftol > 0) convergence.add("ftol " + Numbers.round(ftol, 6) + " (relative change of f)");
        if (s.timeLimit() != null) convergence.add("time limit " + Numbers.format(s.timeLimit()) + " s");
        if (batches != null) convergence.add("mini-batches of " + s.batch() + ", " + stepsPerEpoch + " steps per epoch; tol is not tested on mini-batch gradients");
        extras.put("convergence", convergence);
        if (s.restarts() > 1) extras.put("restarts", restartSummary(runs, sign, layout));
        if (wantTrace && best.trace() != null) {
            if (s.trace() instanceof String name) {
                Path file;
                try (OutputFile out = ctx.files().create(name)) {
                    best.trace().writeCsv(out.temporary());
                    file = out.commit();
                } catch (IOException | UncheckedIOException e) {
                    throw new IllegalArgumentException("cannot write the trace file " + name + ": " + e.getMessage(), e);
                }
                extras.put("traceFile", file.toString());
            } else {
                extras.put("trace", best.trace().rows());
            }
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        return new OptimizationResult(maximize, method, o.status(), layout, x, best.own(), gradNorm, o.measureName(), o.iterations(),
                evaluations, seconds, message, report, maxViolation, extras, best.trace());
    }

    private static Map<String, Object> restartSummary(List<Run> runs, double sign, Layout layout) {
        List<double[]> points = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        List<Integer> counts = new ArrayList<>();
        int totalIterations = 0;
        for (Run r : runs) {
            totalIterations += r.outcome().iterations();
            Status st = r.outcome().status();
            if (st == Status.DIVERGED || !Double.isFinite(r.own()) || r.violation() > 1e-6) continue;
            double[] x = r.outcome().x();
            int found = -1;
            for (int k = 0; k < points.size(); k++) {
                double[] p = points.get(k);
                double d = 0, scale = 1;
                for (int i = 0; i < x.length; i++) {
                    d = Math.max(d, Math.abs(x[i] - p[i]));
                    scale = Math.max(scale, Math.abs(p[i]));
                }
                if (d <= 1e-3 * scale) {
                    found = k;
                    break;
                }
            }
            if (found < 0) {
                points.add(x.clone());
                values.add(r.own());
                counts.add(1);
            } else {
                counts.set(found, counts.get(found) + 1);
                if (sign * r.own() < sign * values.get(found)) {
                    values.set(found, r.own());
                    points.set(found, x.clone());
                }
            }
        }
        List<Integer> order = new ArrayList<>();
        for (int k = 0; k < points.size(); k++) order.add(k);
        order.sort(Comparator.comparingDouble(k -> sign * values.get(k)));
        List<Map<String, Object>> minima = new ArrayList<>();
        for (int k : order) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("x", layout.toMap(points.get(k)));
            m.put("f", values.get(k));
            m.put("found", counts.get(k));
            minima.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("runs", runs.size());
        out.put("distinctMinima", points.size());
        out.put("totalIterations", totalIterations);
        out.put("minima", minima);
        return out;
    }

    private static double[] startPoint(Settings s, Layout layout) {
        double[] x = layout.start();
        Object st = s.start();
        if (st == null) return x;
        if (st instanceof Map<?, ?> m) {
            Map<String, Object> named = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) named.put(String.valueOf(e.getKey()), e.getValue());
            return layout.fromNames(named, x);
        }
        double[] flat;
        if (st instanceof double[] d) {
            flat = d.clone();
        } else {
            List<?> l = (List<?>) st;
            flat = new double[l.size()];
            for (int i = 0; i < flat.length; i++) {
                if (!(l.get(i) instanceof Number num)) throw new IllegalArgumentException("start value " + l.get(i) + " is not a number");
                flat[i] = num.doubleValue();
            }
        }
        if (flat.length != layout.dimension()) {
            throw new IllegalArgumentException("start has " + flat.length + " value(s) but there are " + layout.dimension()
                    + " coordinates (" + String.join(", ", layout.coordinateNames()) + ")");
        }
        return flat;
    }

    /**
     * A random start: uniform in the {@code over} box of the variable, else in its bounds when both are
     * finite, else within ±2·max(1, |x0ᵢ|) of the start (clipped to a one-sided bound).
     */
    private static double[] draw(SplittableRandom rng, Layout layout, Map<String, double[]> over, double[] lower, double[] upper, double[] x0) {
        double[] x = new double[x0.length];
        for (String name : over.keySet()) {
            boolean known = layout.blocks().stream().anyMatch(b -> b.name().equals(name));
            if (!known) throw new IllegalArgumentException("over: '" + name + "' is not a variable of this problem; its variables are "
                    + layout.blocks().stream().map(VariableBlock::name).toList());
        }
        for (VariableBlock b : layout.blocks()) {
            int off = layout.offset(b);
            double[] box = over.get(b.name());
            for (int k = 0; k < b.size(); k++) {
                int i = off + k;
                double lo, hi;
                if (box != null) {
                    lo = box[0];
                    hi = box[1];
                } else if (Double.isFinite(lower[i]) && Double.isFinite(upper[i])) {
                    lo = lower[i];
                    hi = upper[i];
                } else {
                    double w = 2 * Math.max(1, Math.abs(x0[i]));
                    lo = x0[i] - w;
                    hi = x0[i] + w;
                }
                double v = lo == hi ? lo : rng.nextDouble(lo, hi);
                x[i] = Math.min(upper[i], Math.max(lower[i], v));
            }
        }
        return x;
    }

    private static Bound asBound(Constraint c, Layout layout) {
        int li = coordinate(c.lhs(), layout);
        int ri = coordinate(c.rhs(), layout);
        if (li >= 0 && c.rhs() instanceof Constant k) return new Bound(c, li, c.op(), k.value());
        if (ri >= 0 && c.lhs() instanceof Constant k) {
            String flipped = switch (c.op()) {
                case "<=" -> ">=";
                case ">=" -> "<=";
                default -> "==";
            };
            return new Bound(c, ri, flipped, k.value());
        }
        return null;
    }

    private static int coordinate(Expr e, Layout layout) {
        if (e instanceof Variable v && layout.contains(v)) return layout.offset(v);
        if (e instanceof Element el && el.constantIndex() >= 0 && layout.contains(el.vector())) return layout.offset(el.vector()) + el.constantIndex();
        return -1;
    }
}
