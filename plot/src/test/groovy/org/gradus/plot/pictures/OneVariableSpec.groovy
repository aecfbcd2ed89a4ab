package org.gradus.plot.pictures

import org.gradus.atoms.Ops
import org.gradus.atoms.Sin
import org.gradus.expr.Expr
import org.gradus.plot.figure.Band
import org.gradus.plot.figure.Curve
import org.gradus.plot.figure.Figure
import org.gradus.plot.figure.Markers
import org.gradus.plot.figure.Span

import spock.lang.Specification

import static org.gradus.plot.pictures.Fx.*

/** The lecture's pictures of one variable, checked against the mathematics worked by hand. */
class OneVariableSpec extends Specification {

    static Curve curve(Figure f, String prefix) { f.panels()[0].layers().find { it instanceof Curve && it.legend()?.startsWith(prefix) } as Curve }

    def "the tangent of eˣ at 1 is e + e(x − 1), and its Taylor polynomial of order 2 at 0 is 1 + x + x²/2"() {
        when:
        Figure f = OneVariable.figure([Ops.exp(x)], opts([x: -2..2, tangentAt: 1, taylor: [at: 0, order: [1, 2]]]))
        Curve t = curve(f, 'tangent'), t1 = curve(f, 'Taylor order 1'), t2 = curve(f, 'Taylor order 2')

        then:
        t.legend() == 'tangent at x = 1: 2.718 + 2.718(x − 1)'
        t2.legend() == 'Taylor order 2 at 0: 1 + x + 0.5x²'
        t1.legend() == 'Taylor order 1 at 0: 1 + x'
        (0..<t.x().length).every { i -> Math.abs(t.y()[i] - (Math.E + Math.E * (t.x()[i] - 1))) < 1e-12 }
        (0..<t2.x().length).every { i -> double v = t2.x()[i]; Math.abs(t2.y()[i] - (1 + v + v * v / 2)) < 1e-12 }
        f.series() == ['exp(x)', 'tangent at 1', 'taylor 1', 'taylor 2']
    }

    def "a legend past order 2 shows the polynomial's own coefficients: sin at 0 to order 3 is x − x³/6, cos at 1 to order 5 ends in + …"() {
        when:
        Figure f = OneVariable.figure([Ops.apply(org.gradus.atoms.Sin.INSTANCE, x)], opts([x: -3..3, taylor: [at: 0, order: [1, 3]]]))
        Figure g = OneVariable.figure([Ops.apply(org.gradus.atoms.Cos.INSTANCE, x)], opts([x: -3..3, taylor: [at: 1, order: [5]]]))

        then: 'sin x = x − x³/3! + …: the coefficient of x is 1, not the 0.8333 of the differences at ±1'
        curve(f, 'Taylor order 1').legend() == 'Taylor order 1 at 0: x'
        curve(f, 'Taylor order 3').legend() == 'Taylor order 3 at 0: x − 0.1667x³'

        and: 'cos about 1: cos 1 − sin 1·(x − 1) − cos 1/2·(x − 1)² + sin 1/6·(x − 1)³ + …, four terms and the ellipsis'
        curve(g, 'Taylor order 5').legend() == 'Taylor order 5 at 1: 0.5403 − 0.8415(x − 1) − 0.2702(x − 1)² + 0.1402(x − 1)³ + …'
    }

    def "the chord of a convex function stays above the graph: no shading"() {
        when:
        Figure f = OneVariable.figure([Ops.exp(x)], opts([x: -2..2, secant: [-1, 1.5]]))

        then:
        curve(f, 'secant').legend() == 'secant on [-1, 1.5]: on or above the graph'
        !f.panels()[0].layers().any { it instanceof Band }
    }

    def "the chord of sin(x) + 0.3x on [-3, 2] lies below the graph near 2: that part is shaded"() {
        when:
        Figure f = OneVariable.figure([wave()], opts([x: -4..4, secant: [-3, 2]]))
        Band b = f.panels()[0].layers().find { it instanceof Band } as Band
        List<Integer> shaded = (0..<b.x().length).findAll { !Double.isNaN(b.lower()[it]) }

        then: 'the chord from (-3, f(-3)) to (2, f(2)) is below f exactly where f - chord > 0'
        b.legend() == 'chord below the graph: not convex on [-3, 2]'
        shaded.every { i ->
            double v = b.x()[i]
            double fv = Math.sin(v) + 0.3 * v
            double chord = (Math.sin(-3) - 0.9) + ((Math.sin(2) + 0.6) - (Math.sin(-3) - 0.9)) * (v + 3) / 5
            fv > chord && Math.abs(b.lower()[i] - chord) < 1e-12 && Math.abs(b.upper()[i] - fv) < 1e-12
        }
        b.x()[shaded.first()] > 0.5 && b.x()[shaded.last()] < 2
    }

    def "x³ − 3x increases on [-3, -1], decreases on [-1, 1], increases on [1, 3]; a maximum at -1 and a minimum at 1"() {
        when:
        Figure f = OneVariable.figure([cubic()], opts([x: -3..3, monotonicity: true, stationary: true]))
        List<Span> spans = f.panels()[0].layers().findAll { it instanceof Span } as List<Span>
        List<Markers> marks = f.panels()[0].layers().findAll { it instanceof Markers && it.labels() != null } as List<Markers>

        then:
        spans.size() == 3
        [spans*.from(), [-3d, -1d, 1d]].transpose().every { a, e -> Math.abs(a - e) < 1e-12 }
        [spans*.to(), [-1d, 1d, 3d]].transpose().every { a, e -> Math.abs(a - e) < 1e-12 }
        spans*.legend() == ['increasing (f′ > 0)', 'decreasing (f′ < 0)', null]
        marks.collect { [it.labels()[0], Math.round(it.x()[0] * 1e6) / 1e6, Math.round(it.y()[0] * 1e6) / 1e6] } as Set ==
                [['maximum', -1d, 2d], ['minimum', 1d, -2d]] as Set
    }

    def "x³ is increasing on all of [-2, 2]: its stationary point at 0 does not split it, and is degenerate"() {
        when:
        Figure f = OneVariable.figure([pow(x, 3)], opts([x: -2..2, monotonicity: true, stationary: true]))
        List<Span> spans = f.panels()[0].layers().findAll { it instanceof Span } as List<Span>
        Markers m = f.panels()[0].layers().find { it instanceof Markers && it.labels() != null } as Markers

        then:
        spans.size() == 1 && spans[0].from() == -2d && spans[0].to() == 2d
        m.labels()[0] == 'degenerate (f″ = 0)'
    }

    def "a flat minimum is drawn along its interval: |x - 1| + |x + 1| is 2 on [-1, 1] (by hand), f′ = 0 on (-1, 1)"() {
        given:
        def abs = { e -> Ops.apply(org.gradus.atoms.Abs.INSTANCE, e) }

        when:
        Figure f = OneVariable.figure([Ops.add(abs(Ops.sub(x, c(1))), abs(Ops.add(x, c(1))))], opts([x: -3..3, stationary: true]))
        Curve flat = f.panels()[0].layers().find { it instanceof Curve && it.legend()?.startsWith('flat') } as Curve

        then:
        flat.legend() == 'flat minimum: f′ = 0 on (-1, 1)'
        flat.x() as List == [-1d, 1d] && flat.y() as List == [2d, 2d]
        !f.panels()[0].layers().any { it instanceof Markers && it.labels() != null }
    }

    def "tangentAt: a kink draws the two one-sided tangents: relu(x) + x²/2 at 0 has slopes 0 on the left and 1 on the right (by hand)"() {
        given:
        def f = Ops.add(Ops.apply(org.gradus.atoms.Relu.INSTANCE, x), Ops.mul(c(0.5), pow(x, 2)))

        when: 'it was the error "taylor needs f smooth at (x = 0)"'
        Figure fig = OneVariable.figure([f], opts([x: -2..2, tangentAt: 0]))
        List<Curve> halves = fig.panels()[0].layers().findAll { it instanceof Curve && it.dash() == Curve.Dash.DASHED } as List<Curve>

        then: 'each half-line on its own side, through (0, 0)'
        halves.size() == 2
        halves[0].legend() == 'no tangent at x = 0: one-sided slopes 0 (left) and 1 (right)'
        halves[0].x() as List == [-2d, 0d] && halves[0].y() as List == [0d, 0d]
        halves[1].x() as List == [0d, 2d] && halves[1].y() as List == [0d, 2d]
    }

    def "tangentAt: where one side has no finite slope, the error says why: sqrt(|x|) at 0"() {
        when:
        OneVariable.figure([Ops.sqrt(Ops.apply(org.gradus.atoms.Abs.INSTANCE, x))], opts([x: -2..2, tangentAt: 0]))

        then:
        def e = thrown(IllegalArgumentException)
        e.message.startsWith('tangentAt: 0: ')
    }

    def "1/x is drawn over the bulk of its values, not over its pole"() {
        when:
        Figure f = OneVariable.figure([Ops.div(c(1), x)], opts([x: -2..2]))

        then:
        f.panels()[0].y().fixed()
        f.panels()[0].y().upper() < 200 && f.panels()[0].y().lower() > -200
    }

    def "several functions share one variable; anything else is an error that says so"() {
        expect:
        OneVariable.figure([Ops.exp(x), Ops.mul(x, x)], opts([x: -1..1])).series() == ['exp(x)', 'x**2']

        when:
        OneVariable.figure([Ops.exp(x), Ops.exp(y)], opts([x: -1..1]))

        then:
        IllegalArgumentException e = thrown()
        e.message.contains('must share their variable')
    }

    def "a pole between two samples breaks the curve instead of joining +∞ to −∞, and the y axis shows the bulk of every function (tan has poles at ±π/2, 1/cos too; tanh(50x) is steep but continuous)"() {
        when:
        Figure f = OneVariable.figure([Ops.apply(org.gradus.atoms.Tan.INSTANCE, x), Ops.div(Fx.c(1), Ops.apply(org.gradus.atoms.Cos.INSTANCE, x))], opts([x: -4..4]))
        Curve tan = curve(f, 'tan'), sec = curve(f, '1/cos')
        Figure g = OneVariable.figure([Ops.apply(org.gradus.atoms.Tanh.INSTANCE, Ops.mul(Fx.c(50), x))], opts([x: -1..1]))
        Curve steep = curve(g, 'tanh')

        then: 'one gap at each pole: between the samples either side of ±π/2, and nowhere else'
        gaps(tan).size() == 2 && gaps(sec).size() == 2
        [gaps(tan), [-Math.PI / 2, Math.PI / 2]].transpose().every { double gx, double pole -> Math.abs(gx - pole) < 0.02 }
        gaps(steep).isEmpty()

        and: 'the axis: tan and 1/cos within about ±10 on [-4, 4] away from the poles, not the ±1e3 of the samples beside them'
        f.panels()[0].y().lower() > -30 && f.panels()[0].y().upper() < 30
        f.panels()[0].y().lower() < -5 && f.panels()[0].y().upper() > 5
    }

    def "a jump is drawn as a textbook draws it: sign(x) at 0 has open circles at -1 and 1 and a dot at its value 0, and no segment joins them"() {
        when:
        Figure f = OneVariable.figure([Ops.apply(org.gradus.atoms.Sign.INSTANCE, x)], opts([x: -1..1]))
        Curve sign = curve(f, 'sign')

        then: 'one break, at 0; the left piece ends at (0, -1), the right one starts at (0, 1)'
        gaps(sign) == [0d]
        int at = (0..<sign.x().length).find { Double.isNaN(sign.y()[it]) }
        sign.x()[at - 1] == 0 && sign.y()[at - 1] == -1 && sign.x()[at + 1] == 0 && sign.y()[at + 1] == 1
        marks(f, Markers.Shape.HOLE) == [[0d, -1d], [0d, 1d]]
        marks(f, Markers.Shape.DOT) == [[0d, 0d]]
    }

    def "a removable hole is an open circle at the limit: sin(x)/x at 0 (limit 1), and sign(x)**2 at 0 takes the value 0 apart from its limit 1 (the y axis reaches down to it)"() {
        when:
        Figure sinc = OneVariable.figure([Ops.div(Ops.apply(Sin.INSTANCE, x), x)], opts([x: -10..10]))
        Figure apart = OneVariable.figure([pow(Ops.apply(org.gradus.atoms.Sign.INSTANCE, x), 2)], opts([x: -1..1]))

        then:
        marks(sinc, Markers.Shape.HOLE) == [[0d, 1d]]
        marks(sinc, Markers.Shape.DOT).isEmpty()
        marks(apart, Markers.Shape.HOLE) == [[0d, 1d]]
        marks(apart, Markers.Shape.DOT) == [[0d, 0d]]
        apart.panels()[0].y().lower() < 0 && apart.panels()[0].y().upper() > 1
    }

    def "continuous functions carry no mark: a kink (|x|), a domain edge (sqrt at 0), a pole (1/x), a steep stretch (tanh(50x))"() {
        expect:
        [Ops.apply(org.gradus.atoms.Abs.INSTANCE, x), Ops.sqrt(x), Ops.div(c(1), x), Ops.apply(org.gradus.atoms.Tanh.INSTANCE, Ops.mul(c(50), x))].every { Expr g ->
            Figure f = OneVariable.figure([g], opts([x: -1..1]))
            marks(f, Markers.Shape.HOLE).isEmpty() && marks(f, Markers.Shape.DOT).isEmpty()
        }
    }

    def "a constant function's y axis spans 5 % of its value on each side, as matplotlib's: sign(x)**2 on [0.5, 1] is 1"() {
        when:
        Figure f = OneVariable.figure([pow(Ops.apply(org.gradus.atoms.Sign.INSTANCE, x), 2)], opts([x: 0.5..1]))

        then: 'matplotlib plots [1, 1, 1] on 0.945 to 1.055'
        Math.abs(f.panels()[0].y().lower() - 0.945) < 1e-12 && Math.abs(f.panels()[0].y().upper() - 1.055) < 1e-12
    }

    static List<List<Double>> marks(Figure f, Markers.Shape shape) {
        f.panels()[0].layers().findAll { it instanceof Markers && it.shape() == shape }.collectMany { Markers m -> (0..<m.x().length).collect { [m.x()[it], m.y()[it]] } }
    }

    static List<Double> gaps(Curve c) { (0..<c.x().length).findAll { Double.isNaN(c.y()[it]) }.collect { c.x()[it] } }
}
