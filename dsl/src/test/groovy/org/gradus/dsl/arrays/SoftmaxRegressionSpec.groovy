package org.gradus.dsl.arrays

import groovy.json.JsonSlurper
import org.gradus.dsl.GradusSession
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Path

/**
 * examples/softmax_digits.opt against scikit-learn: LogisticRegression(multinomial, lbfgs) with
 * C = 1/(2·λ·n) minimizes the same objective (mean cross-entropy + λ·Σ W²; the intercept not penalized).
 * The reference (engine/src/test/resources/org/gradus/arrays/softmax_digits_sklearn.json) was written by
 * examples/python/softmax_digits_sklearn.py: sklearn's answer, polished by three exact Newton steps in
 * numpy to |∇f| ≈ 4e-17.
 */
class SoftmaxRegressionSpec extends Specification {
    static final Path EXAMPLE = Path.of('..', 'examples', 'softmax_digits.opt')

    @Shared
    Map reference = new JsonSlurper().parse(Path.of('..', 'engine', 'src', 'test', 'resources', 'org', 'gradus', 'arrays',
            'softmax_digits_sklearn.json').toFile()) as Map
    @Shared
    List<Map> records

    def setupSpec() {
        records = new GradusSession().run(EXAMPLE).collect { new JsonSlurper().parseText(it.toJson()) as Map }
    }

    def "the loss is proved convex by the composition rules"() {
        expect:
        records[0].kind == 'convexity'
        records[0].verdict == 'convex'
    }

    def "L-BFGS reaches scikit-learn's optimum: W to 1e-6, the objective to 1e-10"() {
        given:
        Map r = records.find { it.kind == 'minimize' }
        List<List<Number>> W = r.x.W as List
        List<Number> b = r.x.b as List
        double bMean = b.sum() / b.size()   // the intercepts are determined up to a common shift; the reference is centred

        expect:
        Math.abs((r.f as double) - (reference.objective as double)) < 1e-10
        maxDifference(W.flatten(), (reference.W as List).flatten()) < 1e-6
        maxDifference(b.collect { it - bMean }, reference.b as List) < 1e-5
    }

    def "train accuracy equals scikit-learn's"() {
        expect:
        Math.abs((records.find { it.kind == 'number' }.value as double) - (reference.train_accuracy as double)) < 1e-12
    }

    private static double maxDifference(List a, List b) {
        assert a.size() == b.size()
        double m = 0
        for (int i = 0; i < a.size(); i++) m = Math.max(m, Math.abs((a[i] as double) - (b[i] as double)))
        m
    }
}
