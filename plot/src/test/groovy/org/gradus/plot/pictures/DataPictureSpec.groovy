package org.gradus.plot.pictures

import org.gradus.data.DataSet
import org.gradus.plot.figure.Curve
import org.gradus.plot.figure.Figure
import org.gradus.plot.figure.Markers

import spock.lang.Specification

/** Data pictures: rows by class, and the fitted model's line or boundary from a result's weights. */
class DataPictureSpec extends Specification {

    static DataSet blobs() {
        double[][] t = [[-1, -1, 0], [-2, -1, 0], [-1, -2, 0], [1, 1, 1], [2, 1, 1], [1, 2, 1]] as double[][]
        new DataSet('blobs', ['a', 'b', 'label'], t, 'label')
    }

    def "two features coloured by a 0/1 target: one set of points per class"() {
        when:
        Figure f = DataPicture.figure(blobs(), new PlotOptions([:]))
        List<Markers> m = f.panels()[0].layers().findAll { it instanceof Markers } as List<Markers>

        then:
        f.series() == ['label = 0', 'label = 1']
        m[0].x().toList() == [-1d, -2d, -1d] && m[1].y().toList() == [1d, 1d, 2d]
        f.panels()[0].x().label() == 'a' && f.panels()[0].y().label() == 'b'
    }

    def "a continuous target falls into five quantile bins"() {
        given:
        double[][] t = (0..<50).collect { i -> [i, i % 7, i * 1.5] as double[] } as double[][]

        when:
        Figure f = DataPicture.figure(new DataSet('d', ['u', 'v', 'z'], t, 'z'), new PlotOptions([:]))

        then:
        f.series().size() == 5
        f.series()[0] == 'z in [0, 15)'          // the 10th of 50 sorted values (rank round(0.2·49)), 10·1.5
        f.panels()[0].layers().sum { (it as Markers).x().length } == 50
    }

    def "classes: at most 10 whole numbers"() {
        expect:
        DataPicture.classes([0, 1, 1, 0] as double[]).toList() == [0d, 1d]
        DataPicture.classes([0, 0.5] as double[]) == null
        DataPicture.classes((0..10).collect { it as double } as double[]) == null
    }

    def "the decision boundary w·x + b = 0 is the line through the points where the logit vanishes"() {
        given: 'w = (1, 2), b = -1: the boundary is b = (1 - a)/2'
        DataSet d = blobs()

        when:
        Curve c = DataPicture.boundary(d, [1, 2] as double[], -1, 0, 1, d.column('a'), d.column('b'))

        then:
        (0..1).every { i -> Math.abs(1 * c.x()[i] + 2 * c.y()[i] - 1) < 1e-12 }
        c.legend() == 'decision boundary (w·x + b = 0)'
    }

    def "a regression plane's level line w·x + b = v crosses the box where the prediction is v, and a level the box never reaches has none"() {
        given: 'z = 2a + 3b + 1 over a, b in [-2, 2]: the prediction 5 on 2a + 3b = 4, by hand; 100 is out of reach'
        DataSet d = blobs()

        when:
        Curve five = DataPicture.levelLine(d, [2, 3] as double[], 1 - 5, 0, 1, d.column('a'), d.column('b'))
        Curve far = DataPicture.levelLine(d, [2, 3] as double[], 1 - 100, 0, 1, d.column('a'), d.column('b'))

        then:
        (0..1).every { i -> Math.abs(2 * five.x()[i] + 3 * five.y()[i] - 4) < 1e-12 }
        far == null
    }
}
