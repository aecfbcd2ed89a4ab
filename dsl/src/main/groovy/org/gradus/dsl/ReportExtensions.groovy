package org.gradus.dsl

import groovy.transform.CompileStatic
import org.gradus.analysis.ConvexityReport
import org.gradus.analysis.DifferentiabilityReport
import org.gradus.analysis.FeasibleSetReport
import org.gradus.analysis.MonotonicIntervals
import org.gradus.analysis.MonotonicityReport
import org.gradus.analysis.StationaryReport
import org.gradus.calculus.GradientAt
import org.gradus.calculus.HessianAt
import org.gradus.calculus.LimitReport
import org.gradus.calculus.SideLimit
import org.gradus.expr.Matrix
import org.gradus.result.Shown

/**
 * The fields of the analysis reports as properties, with their JSON names (SPEC §4): a script writes
 * {@code convexity(f).verdict == 'convex'}, {@code differentiable(abs(x), at: [x: 0]).differentiable},
 * {@code limit(sin(x)/x, x: 0).value}, as it writes {@code r.status} of a minimize result. The engine's
 * reports have accessors without the {@code get} prefix ({@code verdict()}, which Groovy does not read as a
 * property); these getters give each one its property name. Registered as a Groovy extension module beside
 * {@link ExprExtensions}; the sandbox allows the same words ({@code sandbox.AllowList}).
 */
@CompileStatic
class ReportExtensions {
    static String getVerdict(ConvexityReport self) { self.verdict() }
    static String getCertainty(ConvexityReport self) { self.certainty() }
    static Boolean getStrict(ConvexityReport self) { self.strict() }
    static String getReason(ConvexityReport self) { self.reason() }
    static Double getMu(ConvexityReport self) { self.mu() }
    static Double getL(ConvexityReport self) { self.L() }
    static Map<String, Object> getCounterexample(ConvexityReport self) { self.counterexample() }
    static Object getExpression(ConvexityReport self) { field(self, 'expression') }
    static Object getDomain(ConvexityReport self) { field(self, 'domain') }
    static Object getCurvatureFrom(ConvexityReport self) { field(self, 'curvatureFrom') }
    static Object getStepSize(ConvexityReport self) { field(self, 'stepSize') }
    static Object getCondition(ConvexityReport self) { field(self, 'condition') }
    static Object getRate(ConvexityReport self) { field(self, 'rate') }
    static Object getNote(ConvexityReport self) { field(self, 'note') }
    static Object getConcavityCounterexample(ConvexityReport self) { field(self, 'concavityCounterexample') }
    static Object getCounterexamples(ConvexityReport self) { field(self, 'counterexamples') }

    static String getVerdict(FeasibleSetReport self) { self.verdict() }
    static String getCertainty(FeasibleSetReport self) { self.certainty() }
    static String getReason(FeasibleSetReport self) { self.reason() }
    static List<Map<String, Object>> getConstraints(FeasibleSetReport self) { self.constraints() }
    static Map<String, Object> getCounterexample(FeasibleSetReport self) { self.counterexample() }
    static Object getExpression(FeasibleSetReport self) { field(self, 'expression') }

    static Boolean getContinuous(DifferentiabilityReport self) { self.continuous() }
    static Boolean getDifferentiable(DifferentiabilityReport self) { self.differentiable() }
    static String getReason(DifferentiabilityReport self) { self.reason() }
    static Map<String, double[]> getSubgradient(DifferentiabilityReport self) { self.subgradient() }
    static Object getAt(DifferentiabilityReport self) { field(self, 'at') }
    static Object getContinuity(DifferentiabilityReport self) { field(self, 'continuity') }
    static Object getSubgradientNote(DifferentiabilityReport self) { field(self, 'subgradientNote') }
    /** The limits continuity was judged by, where it needed them (null otherwise). */
    static Object getLimit(DifferentiabilityReport self) { field(self, 'limit') }
    static Object getLeft(DifferentiabilityReport self) { field(self, 'left') }
    static Object getRight(DifferentiabilityReport self) { field(self, 'right') }

    /** {@code limit(...).value}: the limit's value (±Infinity for an infinite one, NaN where there is none). */
    static double getValue(LimitReport self) { self.value() }
    static Boolean getExists(LimitReport self) { self.exists() }
    static Object getExpression(LimitReport self) { field(self, 'expression') }
    static Object getVariable(LimitReport self) { field(self, 'variable') }
    /** The point: a number in one variable, a map by name in several. */
    static Object getAt(LimitReport self) { field(self, 'at') }
    static Object getSide(LimitReport self) { field(self, 'side') }
    static Object getReason(LimitReport self) { field(self, 'reason') }
    static Object getMethod(LimitReport self) { field(self, 'method') }
    /** The limit as an exact fraction's text ({@code '1/2'}), where it is one; else null. */
    static Object getExact(LimitReport self) { field(self, 'exact') }
    static boolean getExists(SideLimit self) { self.exists() }
    static boolean getFinite(SideLimit self) { self.finite() }
    static String getText(SideLimit self) { self.text() }

    static List<MonotonicIntervals.Piece> getIntervals(MonotonicityReport self) { self.intervals() }
    static Object getExpression(MonotonicityReport self) { field(self, 'expression') }
    static Object getOver(MonotonicityReport self) { field(self, 'over') }
    static Object getPoints(MonotonicityReport self) { field(self, 'points') }
    static Object getNote(MonotonicityReport self) { field(self, 'note') }

    static List<StationaryReport.Stretch> getIntervals(StationaryReport self) { self.intervals() }
    static List<org.gradus.result.PointResult> getKinks(StationaryReport self) { self.kinks() }
    static Object getExpression(StationaryReport self) { field(self, 'expression') }
    static Object getDomain(StationaryReport self) { field(self, 'domain') }

    static String getDefiniteness(HessianAt self) { self.definiteness() }
    /** {@code grad(f).at(x: 1).norm} and {@code .value}, as the other results' fields read (they were methods only). */
    static double getNorm(GradientAt self) { self.norm() }
    static double[] getValue(GradientAt self) { self.value() }
    static int getColumns(Matrix self) { self.columns() }

    /** A JSON field of a report, by its name. */
    private static Object field(Shown report, String name) {
        report.fields().get(name)
    }
}
