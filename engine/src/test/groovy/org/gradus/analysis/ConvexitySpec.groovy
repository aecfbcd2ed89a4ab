package org.gradus.analysis

import org.gradus.atoms.Ops
import org.gradus.eval.Evaluate
import org.gradus.expr.Constant
import org.gradus.expr.Expr
import org.gradus.expr.Variable
import org.gradus.expr.VectorVariable
import spock.lang.Specification
import spock.lang.Unroll

import static org.gradus.expr.Fn.*

/**
 * A table of functions with known labels over stated domains. Every verdict and certainty is asserted;
 * every counterexample is re-checked here with an independent evaluation of the Jensen gap; every proof
 * is cross-checked against random secants (a wrong proof is the worst bug).
 */
class ConvexitySpec extends Specification {
    static Variable x = new Variable('x', 0)
    static Variable y = new Variable('y', 0)
    static Variable z = new Variable('z', 0)
    static VectorVariable w = new VectorVariable('w', 3, 0)


    static double[] r(double lo, double hi) { [lo, hi] as double[] }

    static final String PROOF = 'proof', CE = 'counterexample', SAMPLED = 'sampled'

    @Unroll
    def "#label: #f over #over is #verdict (#certainty)"() {
        when:
        ConvexityReport rep = Convexity.analyze(f, over)

        then:
        rep.verdict() == verdict
        rep.certainty() in (certainty instanceof List ? certainty : [certainty])
        rep.reason() != null && !rep.reason().isEmpty()

        and: 'a neither verdict carries two counterexamples, each true when recomputed independently'
        if (verdict == 'neither') {
            assert rep.counterexample() != null && rep.concavityCounterexample() != null
            assert jensenGap(f, rep.counterexample()) > 0
            assert jensenGap(f, rep.concavityCounterexample()) < 0
            assert inside(rep.counterexample(), over) && inside(rep.concavityCounterexample(), over)
        }

        and: 'a proof survives random secants'
        if (rep.certainty() == PROOF) {
            assert noViolation(f, over, rep.verdict())
        }

        where:
        label                          | f                                   | over                              || verdict   | certainty
        'sum of squares'               | x**2 + y**2                         | null                              || 'convex'  | PROOF
        'odd power across 0'           | x**3                                | [x: r(-1, 1)]                     || 'neither' | CE
        'odd power on x >= 0'          | x**3                                | [x: r(0, 1)]                      || 'convex'  | PROOF
        'odd power on x <= 0'          | x**3                                | [x: r(-1, 0)]                     || 'concave' | PROOF
        'even power, singular Hessian' | x**4                                | null                              || 'convex'  | PROOF
        'quartic double well'          | x**4 - x**2                         | null                              || 'neither' | CE
        'product of variables'         | x * y                               | null                              || 'neither' | CE
        'product on the unit square'   | x * y                               | [x: r(0, 1), y: r(0, 1)]          || 'neither' | CE
        'quadratic, not DCP'           | x**2 + y**2 + x * y                 | null                              || 'convex'  | PROOF
        'indefinite quadratic'         | x**2 + 3 * x * y + y**2             | null                              || 'neither' | CE
        'square of affine'             | (x + y)**2                          | null                              || 'convex'  | PROOF
        'expanded square, singular'    | x**2 - 2 * x * y + y**2             | null                              || 'convex'  | PROOF
        'exp plus abs'                 | exp(x) + abs(y)                     | null                              || 'convex'  | PROOF
        'negative log'                 | -log(x)                             | [x: r(0.1, 10)]                   || 'convex'  | PROOF
        'sqrt on positives'            | sqrt(x)                             | [x: r(0.1, 10)]                   || 'concave' | PROOF
        'log on its natural domain'    | log(x)                              | null                              || 'concave' | PROOF
        'affine'                       | 2 * x + 3 * y - 1                   | null                              || 'linear'  | PROOF
        'logsumexp'                    | logsumexp(x, y)                     | null                              || 'convex'  | PROOF
        'log-sum-exp written out'      | log(exp(x) + exp(y))                | null                              || 'convex'  | PROOF
        'softplus written out'         | log(1 + exp(x))                     | null                              || 'convex'  | PROOF
        'softplus'                     | softplus(x)                         | null                              || 'convex'  | PROOF
        'logistic loss'                | softplus(-x)                        | null                              || 'convex'  | PROOF
        'logistic loss written out'    | log(1 + exp(-x))                    | null                              || 'convex'  | PROOF
        'log-sum-exp of a convex exponent' | log(1 + exp(x**2))              | null                              || 'convex'  | PROOF
        'log-sum-exp with weights'     | log(2 * exp(x) + 3 + exp(y))        | null                              || 'convex'  | PROOF
        'log of one exponential'       | log(2 * exp(x + y))                 | null                              || 'linear'  | PROOF
        'log-sum-exp of a concave exponent' | log(1 + exp(-x**2))            | null                              || 'neither' | CE
        'log of a sigmoid'             | log(sigmoid(x))                     | null                              || 'concave' | PROOF
        'log of one minus a sigmoid'   | log(1 - sigmoid(x))                 | null                              || 'concave' | PROOF
        'cross-entropy written out'    | -(0.3 * log(sigmoid(x)) + 0.7 * log(1 - sigmoid(x))) | null             || 'convex'  | PROOF
        'log of a sigmoid written out' | log(1 / (1 + exp(-x)))              | null                              || 'concave' | PROOF
        'log of a constant over a log-sum-exp' | log(2 / (1 + exp(x) + exp(y))) | null                           || 'concave' | PROOF
        'log of a sigmoid of a convex argument' | log(sigmoid(x**2))         | null                              || 'neither' | CE
        'negative entropy, not DCP'    | x * log(x)                          | [x: r(0.5, 2)]                    || 'convex'  | PROOF
        'negative entropy, natural domain' | x * log(x)                      | null                              || 'convex'  | PROOF
        'entropy'                      | -x * log(x)                         | null                              || 'concave' | PROOF
        'entropy scaled, factors swapped' | 3 * log(x) * x                   | null                              || 'convex'  | PROOF
        'sum of negative entropies'    | x * log(x) + y * log(y)             | null                              || 'convex'  | PROOF
        'x log y is no entropy'        | x * log(y)                          | null                              || 'neither' | CE
        'entropy of a convex argument' | x**2 * log(x**2)                    | null                              || 'neither' | CE
        'quad-over-lin, v > 0'         | x**2 / y                            | [y: r(0.1, 10)]                   || 'convex'  | PROOF
        'quad-over-lin, affine parts'  | (x - 2 * y)**2 / (y + 1)            | [y: r(0, 10)]                     || 'convex'  | PROOF
        'quad-over-lin, concave v'     | x**2 / log(y)                       | [y: r(2, 3)]                      || 'convex'  | PROOF
        'quad-over-lin, v < 0'         | x**2 / (-y)                         | [y: r(1, 3)]                      || 'concave' | PROOF
        'quad-over-lin, v across 0'    | x**2 / y                            | null                              || 'neither' | CE
        'quad-over-lin scaled'         | 3 * x**2 / y                        | [y: r(1, 3)]                      || 'convex'  | PROOF
        'quad-over-lin negated'        | -3 * x**2 / y                       | [y: r(1, 3)]                      || 'concave' | PROOF
        'u²/v²: not quad-over-lin'     | x**2 / y**2                         | [y: r(1, 3)]                      || 'neither' | CE
        'geometric mean (geo_mean)'    | sqrt(x * y)                         | [x: r(0, 10), y: r(0, 10)]        || 'concave' | PROOF
        'Cobb-Douglas 0.3 + 0.7'       | x**0.3 * y**0.7                     | [x: r(0, 10), y: r(0, 10)]        || 'concave' | PROOF
        'cube root of three'           | (x * y * z)**(1 / 3d)               | [x: r(0, 5), y: r(0, 5), z: r(0, 5)] || 'concave' | PROOF
        'geometric mean, concave parts' | sqrt((x + 1) * log(y))             | [x: r(0, 10), y: r(1, 10)]        || 'concave' | PROOF
        'negated geometric mean'       | -2 * sqrt(x * y)                    | [x: r(0, 10), y: r(0, 10)]        || 'convex'  | PROOF
        'powers summing past 1'        | x**0.7 * y**0.7                     | [x: r(0, 10), y: r(0, 10)]        || 'neither' | CE
        'geometric mean, both signs'   | sqrt(x * y)                         | null                              || 'neither' | CE
        'Euclidean norm (norm2)'       | sqrt(x**2 + y**2)                   | null                              || 'convex'  | PROOF
        'smoothed abs sqrt(1 + x²)'    | sqrt(1 + x**2)                      | null                              || 'convex'  | PROOF
        'weighted norm, shifted'       | sqrt((x - 1)**2 + 4 * (y + 2)**2 + 1) | null                            || 'convex'  | PROOF
        'norm to the 1.5'              | (x**2 + y**2)**0.75                 | null                              || 'convex'  | PROOF
        'negated norm'                 | -sqrt(x**2 + y**2)                  | null                              || 'concave' | PROOF
        'sqrt of a difference of squares' | sqrt(x**2 - y**2)                | null                              || 'neither' | CE
        'log-cosh loss'                | log(cosh(x - y))                    | null                              || 'convex'  | PROOF
        '1/sqrt(x) on x > 0'           | 1 / sqrt(x)                         | null                              || 'convex'  | PROOF
        'c/x^1.5 (power(x, -1.5))'     | 2 / x**1.5                          | null                              || 'convex'  | PROOF
        'negative c/x^0.5'             | -3 / x**0.5 + x                     | null                              || 'concave' | PROOF
        'quad-over-lin over sqrt'      | x**2 / sqrt(y)                      | null                              || 'convex'  | PROOF
        'reciprocal on positives'      | 1 / x                               | [x: r(0.1, 10)]                   || 'convex'  | PROOF
        'reciprocal on negatives'      | 1 / x                               | [x: r(-10, -0.1)]                 || 'concave' | PROOF
        'reciprocal across 0'          | 1 / x                               | null                              || 'neither' | CE
        'inverse square across 0'      | x**-2                               | null                              || 'neither' | CE
        'abs'                          | abs(x)                              | null                              || 'convex'  | PROOF
        'minus abs'                    | -abs(x)                             | null                              || 'concave' | PROOF
        'max'                          | max(x, y)                           | null                              || 'convex'  | PROOF
        'min'                          | min(x, y)                           | null                              || 'concave' | PROOF
        'relu'                         | relu(x)                             | null                              || 'convex'  | PROOF
        'difference of kinks'          | abs(x) - abs(y)                     | null                              || 'neither' | CE
        'norm1'                        | norm1(w)                            | null                              || 'convex'  | PROOF
        'norm2'                        | norm2(w)                            | null                              || 'convex'  | PROOF
        'l2 regularizer'               | l2(w)                               | null                              || 'convex'  | PROOF
        'elastic net'                  | elasticNet(w, 0.3)                  | null                              || 'convex'  | PROOF
        'quadForm, PSD matrix'         | quad([[2, 1], [1, 3]])              | null                              || 'convex'  | PROOF
        'quadForm, indefinite matrix'  | quad([[1, 2], [2, 1]])              | null                              || 'neither' | CE
        'sin where it is >= 0'         | sin(x)                              | [x: r(0, 3)]                      || 'concave' | PROOF
        'sin where it is <= 0'         | sin(x)                              | [x: r(3.2, 6.2)]                  || 'convex'  | PROOF
        'sin over a period'            | sin(x)                              | [x: r(0, 6.28)]                   || 'neither' | CE
        'cos around 0'                 | cos(x)                              | [x: r(-1.5, 1.5)]                 || 'concave' | PROOF
        'squared error'                | (x + 2 * y - 3)**2                  | null                              || 'convex'  | PROOF
        'huber'                        | huber(x, 2)                         | null                              || 'convex'  | PROOF
        'hinge'                        | max(0, 1 - x)                       | null                              || 'convex'  | PROOF
        'lasso + ridge penalty'        | 0.5 * abs(x) + 0.5 * x**2           | null                              || 'convex'  | PROOF
        'product of squares'           | x**2 * y**2                         | null                              || 'neither' | CE
        'exp of a product'             | exp(x * y)                          | [x: r(-1, 1), y: r(-1, 1)]        || 'neither' | CE
        'sigmoid'                      | sigmoid(x)                          | null                              || 'neither' | CE
        'sigmoid left half'            | sigmoid(x)                          | [x: r(-5, 0)]                     || 'convex'  | PROOF
        'tanh right half'              | tanh(x)                             | [x: r(0, 3)]                      || 'concave' | PROOF
        'power 1.5'                    | x**1.5                              | null                              || 'convex'  | PROOF
        'power 0.5'                    | x**0.5                              | null                              || 'concave' | PROOF
        'square of exp'                | exp(x)**2                           | null                              || 'convex'  | PROOF
        'concave quadratic plus line'  | -x**2 + 4 * y                       | null                              || 'concave' | PROOF
        'sum of logs'                  | log(x) + log(y)                     | null                              || 'concave' | PROOF
        'Rosenbrock'                   | (1 - x)**2 + 100 * (y - x**2)**2    | [x: r(-2, 2), y: r(-1, 3)]        || 'neither' | CE
        'exponential base'             | 2**x                                | null                              || 'convex'  | PROOF
        'exp minus square'             | exp(x) - x**2                       | null                              || 'neither' | CE
        'convex on [1, 2], not DCP'    | x**4 - 3 * x**2                     | [x: r(1, 2)]                      || 'convex'  | PROOF
        'three variables'              | x**2 + y**2 + z**2 - x * y - y * z  | null                              || 'convex'  | PROOF
    }

    def "a reason writes an infinite range as the lectures do, open and with ∞"() {
        expect: 'tanh is neither convex nor concave on the whole line; on [0, 1] it is concave'
        Convexity.analyze(tanh(x) + x**2 * 0, null).reason().contains('tanh is neither convex nor concave on (-∞, ∞)')
        org.gradus.atoms.Wording.interval(new org.gradus.atoms.Interval(0, Double.POSITIVE_INFINITY)) == '[0, ∞)'
        org.gradus.atoms.Wording.interval(new org.gradus.atoms.Interval(-1.5, 2)) == '[-1.5, 2]'
    }

    def "mu and L are exact for quadratics, with the gradient-descent advice"() {
        when:
        def rep = Convexity.analyze(x**2 + 3 * y**2, null)

        then:
        rep.mu() == 2
        rep.L() == 6
        rep.strict()
        rep.fields().stepSize == 1 / 6d
        rep.fields().condition == 3
        Math.abs(rep.fields().rate - 2 / 3d) < 1e-15
    }

    def "a linear rate within 1e-6 of 1 is written 1 − mu/L, not 1 (which would mean no progress)"() {
        expect: 'exp(x) + y² sampled on [-10, 10]²: mu = e^-10 at x = -10, L = e^10 at x = 10, mu/L = e^-20 = 2.06115e-9'
        Convexity.analyze(exp(x) + y**2, null).toText().contains('linear rate 1 - mu/L = 1 − 2.06115e-9')
        Convexity.analyze(x**2 + 3 * y**2, null).toText().contains('linear rate 1 - mu/L = 0.666667')
    }

    def "adding lambda*l2 adds 2*lambda to every Hessian eigenvalue"() {
        expect:
        Convexity.analyze(l2(w) * 0.5, null).mu() == 1
        Convexity.analyze(l2(w) * 0.5 + w.get(0) * 3, null).L() == 1
    }

    def "on a natural domain open at 0 (log(x): x > 0) log is smooth: no kink is suspected, and there is no L, the curvature growing toward the open end"() {
        when: 'f = -log(x) + x**2 on x > 0: f″ = 1/x² + 2, at least 2 everywhere, unbounded as x → 0'
        def rep = Convexity.analyze(-log(x) + x**2, null)
        String text = rep.toText()

        then: 'convex by the rules; mu near its infimum 2 (sampled, so not below it); no L and no step size 1/L'
        rep.verdict() == 'convex' && rep.certainty() == PROOF
        rep.mu() >= 2 && rep.mu() < 2.1
        rep.L() == null
        !text.contains('kink') && !text.contains('step size 1/L')
        text.contains("no L: the Hessian's largest eigenvalue keeps growing toward the end of the domain x → 0 (from 2.25 to 2.5e21")
    }

    def "a counterexample secant across a pole says so: 1/(1 - x) is undefined at 1, convex on x < 1 and concave on x > 1 (by hand: f″ = 2/(1 − x)³)"() {
        when:
        def across = Convexity.analyze(1 / (1 - x), null)
        def left = Convexity.analyze(1 / (1 - x), [x: [-10d, 0.9d] as double[]])
        def smooth = Convexity.analyze(x / (1 + x**2), null)

        then: 'the secant crosses 1; on one side of it, the rules prove convexity; a quotient without a pole gets no such note'
        across.verdict() == 'neither'
        across.toText().contains('crosses x = 1, where f is undefined: its domain is not one interval, and a convex (or concave) function needs one')
        across.toText().contains('over: [x: -10..0.9]')
        left.verdict() == 'convex' && left.certainty() == PROOF
        smooth.verdict() == 'neither' && !smooth.toText().contains('where f is undefined')
    }

    def "a gradient that is continuous but not Lipschitz has no L: x^1.5 on [0, 1] (f′ = 1.5√x, f″ = 0.75/√x), log barriers on (0, 1) and (-2, 2)"() {
        when: 'f″ by hand: 0.75/√x grows without bound as x → 0; 1/x² + 1/(1 − x)²; 2(4 + x²)/(4 − x²)², whose least value is 0.5 at 0'
        def power = Convexity.analyze(x**1.5, [x: [0d, 1d] as double[]])
        def barrier = Convexity.analyze(-log(x) - log(1 - x), null)
        def wide = Convexity.analyze(-log(4 - x**2), null)
        def smooth = Convexity.analyze(x**2.5, [x: [0d, 1d] as double[]])

        then: 'there was "L = 2.37, the gradient is L-Lipschitz" for x^1.5; a power with a bounded f″ keeps its L (3.75 at 1)'
        [power, barrier, wide].every { it.verdict() == 'convex' && it.L() == null && it.toText().contains('no L: ') }
        !power.toText().contains('kink')
        barrier.toText().contains('over x ∈ (0, 1) (where log(1 - x) and log(x) are defined)')
        barrier.mu() >= 8 && barrier.mu() < 8.001
        wide.toText().contains('over x ∈ (-2, 2)') && wide.mu() == 0.5
        !wide.toText().contains('kink') && !barrier.toText().contains('kink')    // x² < 4 inside: log(4 − x²) is smooth on the open interval
        smooth.L() == 3.75
    }

    def "exp(x) over all of R is never 0: log-sum-exp and the logistic losses are smooth, with L by hand"() {
        when: 'the interval of exp(x) over R is [0, ∞], yet 0 is never reached (the enclosure keeps that end open)'
        def lse = Convexity.analyze(log(exp(x) + exp(y)), null)
        def logistic = Convexity.analyze(-log(sigmoid(x)), null)
        def other = Convexity.analyze(-log(1 - sigmoid(x)), null)

        then: 'no kink is suspected; L = 1/2 for log-sum-exp of two (Hessian diag(p) − ppᵀ at p = (1/2, 1/2)), σ(1 − σ) ≤ 1/4 at 0'
        [lse, logistic, other].every { !it.toText().contains('kink') }
        Math.abs(lse.L() - 0.5) < 1e-9
        Math.abs(logistic.L() - 0.25) < 1e-12 && Math.abs(other.L() - 0.25) < 1e-12
        logistic.reason().contains('a negative multiple of log(sigmoid(x))')
        Convexity.analyze(log(sigmoid(x)), null).reason().contains('log(sigmoid(x)) is −logsumexp(0, -x), concave and decreasing in each exponent')
    }

    def "a constant multiple's proof is the rule, not a Hessian: 2·|x − y| has none on the line x = y"() {
        when:
        def twice = Convexity.analyze(Ops.mul(Constant.of(2), abs(x - y)), null)
        def negated = Convexity.analyze(Ops.mul(Constant.of(-3), abs(x)), null)

        then:
        twice.reason().contains('a positive multiple of abs(x - y), which is convex, and a positive multiple of a convex function is convex')
        negated.reason().contains('a negative multiple of abs(x), which is convex, and a negative multiple of a convex function is concave')
        ![twice, negated].any { it.reason().contains('Hessian') }
    }

    def "a singular quadratic is convex but not strictly"() {
        when:
        def rep = Convexity.analyze(x**2 - 2 * x * y + y**2, null)

        then:
        rep.verdict() == 'convex'
        rep.strict() == false
        rep.mu() == 0
    }

    def "the reason names the sub-expression that breaks the rules"() {
        expect:
        Convexity.analyze(x * y, null).reason().contains('x*y: a product of 2 non-constant expressions')
        Convexity.analyze(x * y, null).reason().contains('[[0, 1], [1, 0]]')
        Convexity.analyze(x**3, [x: r(-1, 1)]).reason().contains('takes both signs')
    }

    def "a quotient names what keeps it from the rule c/b: a numerator that is not constant, a denominator of both signs"() {
        when: 'the logistic function exp(x)/(exp(x) + 1): its denominator is at least 1, so only the numerator is in the way'
        String sigmoid = Convexity.analyze(exp(x) / (exp(x) + 1), null).reason()
        String both = Convexity.analyze(x / y, null).reason()

        then:
        sigmoid.contains('but the numerator exp(x) is not constant') && !sigmoid.contains('ranges over')
        both.contains('but the numerator x is not constant and y ranges over (-∞, ∞)')
    }

    def "the proof of a negative entropy names it and its second derivative 1/u"() {
        expect:
        Convexity.analyze(x * log(x), null).reason().contains('x*log(x) is the negative entropy u*log(u): its second derivative in u, 1/u, is positive for every u > 0, and u = x is affine')
        Convexity.analyze(-x * log(x), null).reason().contains('the entropy -u*log(u)')
        Convexity.analyze(x**2 * log(x**2), null).verdict() == 'neither'
    }

    def "the proof of u²/v names quad-over-lin, whose Hessian (2/v³)(v, -u)(v, -u)ᵀ is PSD for v > 0 (by hand; CVXPY's quad_over_lin)"() {
        expect:
        Convexity.analyze((x - 2 * y)**2 / (y + 1), [y: r(0, 10)]).reason()
                .contains('(x - 2*y)**2/(y + 1) is u²/v (quad-over-lin) with u = x - 2*y and v = y + 1; u²/v is convex where v > 0 and decreasing in v')
        Convexity.analyze(x**2 / log(y), [y: r(2, 3)]).reason().contains('v is positive and concave')
    }

    def "the proof of sqrt(x**2 + y**2) names the Euclidean norm; sqrt(1 + x**2) and log(cosh(x)) have L = 1 (second derivatives (1 + x²)^(-3/2) and sech²(x), both at most 1, at 0; by hand)"() {
        expect: 'both were "convex — sampled": sqrt is concave and its argument convex, log is concave and cosh convex'
        Convexity.analyze(sqrt((x - 1)**2 + 4 * (y + 2)**2 + 1), null).reason().contains('is the Euclidean norm ‖(x - 1, 2·(y + 2), 1)‖₂, a norm of an affine map')
        Math.abs(Convexity.analyze(sqrt(1 + x**2), null).L() - 1) < 1e-12
        Convexity.analyze(log(cosh(x)), null).with { it.reason().contains('logsumexp(') && Math.abs(it.L() - 1) < 1e-12 }
    }

    def "the square root of a quadratic that is nonnegative everywhere is a Euclidean norm, its squares completed exactly (#q = #squares, by hand)"() {
        when:
        def report = Convexity.analyze(sqrt(q), null)

        then: 'each was "convex — sampled": the rules see sqrt (concave) of a convex or unknown argument'
        report.verdict() == 'convex'
        report.certainty() == PROOF
        report.reason().contains("($text = $squares, the squares completed exactly)")

        where:
        q                                  | text                               | squares
        x**2 + 2 * x * y + 2 * y**2        | 'x**2 + 2*x*y + 2*y**2'            | '(x + y)**2 + y**2'
        x**2 - 2 * x + 2                   | 'x**2 - 2*x + 2'                   | '(x - 1)**2 + 1'
        x**2 + x * y + y**2 + 1            | 'x**2 + x*y + y**2 + 1'            | '(x + y/2)**2 + 0.75*y**2 + 1'
        4 * x**2 - 4 * x * y + y**2 + 3    | '4*x**2 - 4*x*y + y**2 + 3'        | '4*(x - y/2)**2 + 3'
    }

    def "a quadratic negative somewhere has no norm under its root: x² + 4xy + y² is -2 at (1, -1); and x² + 2xy + 2y² to the power 3/4 is the norm to the 1.5"() {
        expect:
        !Convexity.analyze(sqrt(x**2 + 4 * x * y + y**2), null).reason().contains('squares completed')
        Convexity.analyze(sqrt(x**2 + 4 * x * y + y**2), null).verdict() != 'convex'
        Convexity.analyze((x**2 + 2 * x * y + 2 * y**2)**0.75, null).with {
            it.certainty() == PROOF && it.reason().contains('to the power 1.5')
        }
    }

    def "1/sqrt(x) is defined only for x > 0, where sqrt(x) never reaches 0: the natural domain is open and the rules see a positive denominator"() {
        expect: 'it was "over x ≥ 0 (where sqrt(x) is defined): convex — sampled", sqrt(x) ranging over [0, ∞)'
        Convexity.analyze(1 / sqrt(x), null).with { it.toText().contains('over x > 0 (where 1/sqrt(x) is defined): convex — proof') }
        Convexity.analyze(2 / x**1.5, null).reason().contains('2/x**1.5 is 2·u^(−1.5) with u = x > 0, a negative power: convex and decreasing in u')
    }

    def "the proof of sqrt(x*y) names the weighted geometric mean, concave and nondecreasing on the orthant (Boyd and Vandenberghe §3.1.5; CVXPY's geo_mean)"() {
        expect: 'it was "concave — sampled": sqrt of the product x*y, which the rules for sqrt and for products cannot see'
        Convexity.analyze(sqrt(x * y), [x: r(0, 10), y: r(0, 10)]).reason()
                .contains('sqrt(x*y) is the weighted geometric mean x^0.5·y^0.5 (powers summing to 1 ≤ 1), concave and nondecreasing in each factor')
        Convexity.analyze(sqrt((x + 1) * log(y)), [x: r(0, 10), y: r(1, 10)]).reason().contains('(x + 1)^0.5·(log(y))^0.5')
    }

    def "a name that is not a variable is an error naming the variables"() {
        when:
        Convexity.analyze(x**2, [q: r(0, 1)])

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains("'q'") && e.message.contains('[x]')
    }

    def "the JSON record has the SPEC fields"() {
        when:
        def json = Convexity.analyze(x**3, [x: r(-1, 1)]).toJson()

        then:
        ['"kind":"convexity"', '"verdict":"neither"', '"strict":null', '"certainty":"counterexample"', '"reason":', '"domain":', '"mu":',
         '"L":', '"counterexample":{"a":{"x":', '"t":', '"gap":'].every { json.contains(it) }
    }

    // ---- independent checks --------------------------------------------------------------------

    static Expr quad(List<List<Number>> m) {
        VectorVariable v = new VectorVariable('v', 2, 0)
        quadForm(v, m)
    }

    /** f(t·a + (1−t)·b) − (t·f(a) + (1−t)·f(b)) evaluated here, with BigDecimal for the mixing. */
    static double jensenGap(Expr f, Map<String, Object> c) {
        double t = c.t as double
        Map a = c.a, b = c.b
        Map m = [:]
        a.each { k, v ->
            if (v instanceof double[]) m[k] = (0..<v.length).collect { i -> mix(t, v[i], b[k][i]) } as double[]
            else m[k] = mix(t, v as double, b[k] as double)
        }
        double fa = Evaluate.at(f, a), fb = Evaluate.at(f, b), fm = Evaluate.at(f, m)
        double gap = fm - (t * fa + (1 - t) * fb)
        assert Math.abs(gap - (c.gap as double)) <= 1e-9 * Math.max(1, Math.abs(gap))
        double scale = [Math.abs(fa), Math.abs(fb), Math.abs(fm)].max()
        assert Math.abs(gap) > 1e-8 * scale: "gap $gap is within rounding of values of size $scale"
        gap
    }

    static double mix(double t, double a, double b) {
        BigDecimal exact = new BigDecimal(t) * new BigDecimal(a) + (BigDecimal.ONE - new BigDecimal(t)) * new BigDecimal(b)
        double m = t * a + (1 - t) * b
        assert new BigDecimal(m) == exact
        m
    }

    static boolean inside(Map<String, Object> c, Map<String, double[]> over) {
        if (over == null) return true
        [c.a, c.b].every { Map p -> over.every { k, r -> (p[k] as double) >= r[0] && (p[k] as double) <= r[1] } }
    }

    /** Random secants over the box (or [-5, 5] where unbounded) never contradict a proved verdict. */
    static boolean noViolation(Expr f, Map<String, double[]> over, String verdict) {
        def layout = f.layout()
        def rnd = new Random(99)
        int n = layout.dimension()
        def d = Domain.of(f, over)
        for (int k = 0; k < 300; k++) {
            double[] a = new double[n], b = new double[n]
            for (int i = 0; i < n; i++) {
                def s = d.sampling[i]
                double lo = Math.max(s.lo(), -5), hi = Math.min(s.hi(), 5)
                a[i] = lo + rnd.nextDouble() * (hi - lo)
                b[i] = lo + rnd.nextDouble() * (hi - lo)
            }
            double t = rnd.nextDouble()
            double[] m = (0..<n).collect { i -> t * a[i] + (1 - t) * b[i] } as double[]
            def ev = new org.gradus.eval.CompiledFunction(f, layout)
            double fa = ev.value(a), fb = ev.value(b), fm = ev.value(m)
            if (![fa, fb, fm].every { Double.isFinite(it) }) continue
            double gap = fm - (t * fa + (1 - t) * fb)
            double tol = 1e-9 * (Math.abs(fa) + Math.abs(fb) + Math.abs(fm) + 1)
            if ((verdict == 'convex' || verdict == 'linear') && gap > tol) return false
            if ((verdict == 'concave' || verdict == 'linear') && gap < -tol) return false
        }
        true
    }
}
