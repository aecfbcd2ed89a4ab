package org.gradus.plot.pictures

import org.gradus.expr.Layout
import org.gradus.plot.figure.Curve
import org.gradus.plot.figure.Figure
import org.gradus.plot.figure.Palette
import org.gradus.plot.render.Drawings
import org.gradus.plot.runs.RunView

import spock.lang.Specification

import static org.gradus.plot.pictures.Fx.*

/** Convergence pictures from traces given by hand. */
class ConvergenceSpec extends Specification {

    static RunView run(String method, List<Double> f, List<Double> g, List<Double> seconds = null) {
        int n = f.size()
        double[] it = (0..<n).collect { it as double } as double[]
        new RunView(method, false, 'converged', n - 1, f[-1], new Layout([x, y]), it, f as double[], g as double[],
                seconds as double[], it, null, it, null)
    }

    def "f − f* per iteration on a log scale, f* the best value reached; a gap of 0 is left out"() {
        given:
        RunView a = run('gd', [10d, 1d, 0.1d, 0.01d], [4d, 2d, 1d, 0.5d])
        RunView b = run('newton', [10d, 0.001d, 1e-9d], [4d, 1e-3d, 1e-8d])

        when:
        Figure f = Convergence.figure([a, b], opts([:]))
        List<Curve> gaps = f.panels()[0].layers().findAll { it instanceof Curve } as List<Curve>

        then:
        f.series() == ['gd', 'newton']
        f.panels()*.y()*.log() == [true, true]
        f.panels()[0].title() == 'f − f*, with f* = 1e-9 (the best value reached)'
        gaps[0].y().toList().withIndex().every { v, i -> Math.abs(v - ([10, 1, 0.1, 0.01][i] - 1e-9)) < 1e-15 }
        Double.isNaN(gaps[1].y()[2])
        gaps*.legend() == ['gd: 3 iterations, f = 0.01', 'newton: 2 iterations, f = 1e-9']
        (f.panels()[1].layers()[1] as Curve).y().toList() == [4d, 1e-3d, 1e-8d]
    }

    def "a constrained run: its infeasible iterates below the minimum never set f*, its gap is |f − f*|, its gradient the Lagrangian's"() {
        given: 'an augmented Lagrangian passes f = 2.0 and 2.3 (infeasible, below the constrained minimum 2.4) on its way'
        double[] it = [0, 1, 2, 3] as double[]
        RunView al = new RunView('lbfgs', false, 'converged', 3, 2.4, new Layout([x, y]), it, [5, 2.0, 2.3, 2.4] as double[],
                [1, 0.1, 0.5, 1e-7] as double[], null, it, null, null, null, true)

        when:
        Figure f = Convergence.figure([al], opts([:]))
        Curve gap = f.panels()[0].layers()[0] as Curve

        then:
        f.panels()[0].title() == '|f − f*|, with f* = 2.4 (the best value reached at a feasible point)'
        [gap.y().toList().subList(0, 3), [2.6, 0.4, 0.1]].transpose().every { a, b -> Math.abs(a - b) < 1e-12 }
        Double.isNaN(gap.y()[3])
        f.panels()[1].y().label() == '‖∇L‖∞ (augmented Lagrangian)'
    }

    def "fStar: sets f*, against: 'seconds' uses the recorded seconds"() {
        when:
        Figure f = Convergence.figure([run('adam', [2d, 1d], [1d, 1d], [0d, 0.5d])], opts([fStar: 0, against: 'seconds']))
        Curve c = f.panels()[0].layers()[0] as Curve

        then:
        c.x().toList() == [0d, 0.5d]
        c.y().toList() == [2d, 1d]
        f.panels()[0].x().label() == 'seconds'
    }

    def "drawn, the line passes through the pixels of its points on the log axis"() {
        given:
        Figure f = Convergence.figure([run('gd', [100d, 10d, 1d, 0.1d], [1d, 1d, 1d, 1d])], opts([fStar: 0]))

        when:
        def (img, areas) = Drawings.draw(f)
        def a = areas[0]

        then: 'the middle of each segment, in log space, is on the line'
        [[0.5, Math.sqrt(1000)], [1.5, Math.sqrt(10)], [2.5, Math.sqrt(0.1)]].every { p ->
            Drawings.near(Drawings.pixel(img, a.px(p[0]), a.py(p[1])), Palette.onWhite(0), 60)
        }
    }

    def "a mini-batch run: its batch f never sets f*, its full objective per epoch is drawn over it"() {
        given: 'two steps per epoch; a batch value (0.001) far below the full objective'
        double[] it = [0, 1, 2, 3, 4] as double[]
        double[] epochs = [0, 0, 1, 1, 2] as double[]
        double nan = Double.NaN
        RunView sgd = new RunView('gd', false, 'max-iterations', 4, 0.5, new Layout([x, y]), it, [4, 0.001, 2, 0.7, 1.5] as double[],
                [1, 1, 1, 1, 1] as double[], null, it, null, epochs, [4, nan, 2, nan, 0.5] as double[])
        RunView unfull = new RunView('gd', false, 'max-iterations', 4, 0.6, new Layout([x, y]), it, [4, 0.002, 2, 0.7, 1.5] as double[],
                [1, 1, 1, 1, 1] as double[], null, it, null, epochs, null)

        when:
        Figure f = Convergence.figure([sgd, unfull], opts([:]))
        List<Curve> curves = f.panels()[0].layers().findAll { it instanceof Curve } as List<Curve>

        then: 'f* = 0.5, the smaller final full objective; the runs are named as mini-batch runs'
        sgd.miniBatch()
        f.panels()[0].title() == 'f − f*, with f* = 0.5 (the best value reached)'
        f.series() == ['gd mini-batch', 'gd mini-batch (2)']
        curves*.legend() == ['gd mini-batch: 4 iterations, f = 0.5 (batch f)',
                             "gd mini-batch: full objective at each epoch's end",
                             'gd mini-batch (2): 4 iterations, f = 0.6 (batch f; trace: true adds the full f per epoch)',
                             'gd mini-batch (2): mean batch f over each epoch']
        curves[1].x().toList() == [0d, 2d, 4d]
        curves[1].y()[0..1].toList() == [3.5d, 1.5d]
        Double.isNaN(curves[1].y()[2])

        and: 'without the full objective, the mean of the batch values of each epoch (rows 1; 2, 3; 4) less f* = 0.5, by hand'
        curves[3].x().toList() == [1d, 3d, 4d]
        Double.isNaN(curves[3].y()[0])                                  // 0.002 − 0.5 < 0: no place on a log scale
        Math.abs(curves[3].y()[1] - ((2 + 0.7) / 2 - 0.5)) < 1e-15
        curves[3].y()[2] == 1.5d - 0.5d
    }

    def "a mini-batch run's last row alone past its last full epoch makes no mean of its own"() {
        given: 'three steps per epoch, the run stopped one step into the third epoch'
        double[] it = [0, 1, 2, 3, 4, 5, 6] as double[]
        RunView sgd = new RunView('gd', false, 'max-iterations', 6, 0.5, new Layout([x, y]), it, [9, 3, 2, 1, 2, 3, 40] as double[],
                [1, 1, 1, 1, 1, 1, 1] as double[], null, it, null, [0, 0, 0, 1, 1, 1, 2] as double[], null)

        when:
        Curve means = (Convergence.figure([sgd], opts([fStar: 0])).panels()[0].layers().findAll { it instanceof Curve } as List<Curve>)[1]

        then: 'epoch 0: (3 + 2)/2 (the start is no batch), epoch 1: (1 + 2 + 3)/3; the lone 40 is left out'
        means.legend() == 'gd mini-batch: mean batch f over each epoch'
        means.x().toList() == [2d, 5d]
        means.y().toList() == [2.5d, 2d]
    }

    def "an unknown against: says what works"() {
        when:
        Convergence.figure([run('gd', [1d, 0.5d], [1d, 1d])], opts([against: 'time']))

        then:
        IllegalArgumentException e = thrown()
        e.message == "against: 'iteration', 'seconds' or 'evaluations', not 'time'"
    }
}
