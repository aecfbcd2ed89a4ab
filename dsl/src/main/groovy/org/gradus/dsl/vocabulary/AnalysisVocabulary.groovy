package org.gradus.dsl.vocabulary

import org.gradus.analysis.Convexity
import org.gradus.analysis.Differentiability
import org.gradus.analysis.FeasibleSet
import org.gradus.analysis.Stationary
import org.gradus.atoms.array.Shapes
import org.gradus.dsl.Coerce
import org.gradus.expr.Expr
import org.gradus.optim.ConstraintSet

/** Analyses (SPEC §2 "Analysis"): {@code convexity}, {@code stationary}, {@code differentiable}. */
trait AnalysisVocabulary {

    Object convexity(Map options = [:], Object f) {
        if (f instanceof ConstraintSet) {
            if (options) throw new IllegalArgumentException("convexity of a set takes no options (the constraints are the domain); got ${options.keySet().join(', ')}")
            return FeasibleSet.analyze(((ConstraintSet) f).constraints())
        }
        Coerce.checkOptions(options, ['over'], 'convexity')
        Expr e = Coerce.expr(f, 'the function')
        Shapes.requireScalar(e, 'convexity')
        Convexity.analyze(e, Coerce.box(options.over))
    }

    Object stationary(Map options = [:], Object f) {
        Coerce.checkOptions(options, ['over'], 'stationary')
        Stationary.find(Coerce.expr(f, 'the function'), Coerce.box(options.over))
    }

    Object differentiable(Map options, Object f) {
        Coerce.checkOptions(options, ['at'], 'differentiable')
        if (options.at == null) throw new IllegalArgumentException('differentiable needs a point: differentiable(f, at: [x: 0])')
        Expr e = Coerce.expr(f, 'the function')
        Differentiability.check(e, Coerce.point(options.at, e.layout()))
    }
}
