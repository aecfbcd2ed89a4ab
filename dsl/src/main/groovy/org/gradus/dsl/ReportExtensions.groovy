package org.gradus.dsl

import groovy.transform.CompileStatic
import org.gradus.analysis.ConvexityReport
import org.gradus.analysis.DifferentiabilityReport
import org.gradus.analysis.FeasibleSetReport
import org.gradus.analysis.MonotonicIntervals
import org.gradus.analysis.MonotonicityReport
import org.gradus.calculus.GradientAt
import org.gradus.calculus.HessianAt
import org.gradus.calculus.LimitReport
import org.gradus.calculus.SideLimit
import org.gradus.expr.Matrix

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

    static String getVerdict(FeasibleSetReport self) { self.verdict() }
    static String getCertainty(FeasibleSetReport self) { self.certainty() }
    static String getReason(FeasibleSetReport self) { self.reason() }
    static List<Map<String, Object>> getConstraints(FeasibleSetReport self) { self.constraints() }
    static Map<String, Object> getCounterexample(FeasibleSetReport self) { self.counterexample() }

    static Boolean getContinuous(DifferentiabilityReport self) { self.continuous() }
    static Boolean getDifferentiable(DifferentiabilityReport self) { self.differentiable() }
    static String getReason(DifferentiabilityReport self) { self.reason() }
    static Map<String, double[]> getSubgradient(DifferentiabilityReport self) { self.subgradient() }

    /** {@code limit(...).value}: the limit's value (±Infinity for an infinite one, NaN where there is none). */
    static double getValue(LimitReport self) { self.value() }
    static Boolean getExists(LimitReport self) { self.exists() }
    static boolean getExists(SideLimit self) { self.exists() }
    static boolean getFinite(SideLimit self) { self.finite() }
    static String getText(SideLimit self) { self.text() }

    static List<MonotonicIntervals.Piece> getIntervals(MonotonicityReport self) { self.intervals() }

    static String getDefiniteness(HessianAt self) { self.definiteness() }
    /** {@code grad(f).at(x: 1).norm} and {@code .value}, as the other results' fields read (they were methods only). */
    static double getNorm(GradientAt self) { self.norm() }
    static double[] getValue(GradientAt self) { self.value() }
    static int getColumns(Matrix self) { self.columns() }
}
