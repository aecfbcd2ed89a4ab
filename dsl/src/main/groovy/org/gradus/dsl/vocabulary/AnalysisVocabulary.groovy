package org.gradus.dsl.vocabulary

import org.gradus.analysis.Convexity
import org.gradus.analysis.Differentiability
import org.gradus.analysis.Stationary
import org.gradus.dsl.Coerce

/** Analyses (SPEC §2 "Analysis"): {@code convexity}, {@code stationary}, {@code differentiable}. */
trait AnalysisVocabulary {

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
}
