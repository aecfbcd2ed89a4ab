package org.gradus.plot.pictures

import org.gradus.data.DataColumn
import org.gradus.plot.Pictures
import org.gradus.plot.figure.Band
import org.gradus.plot.figure.Figure
import org.gradus.plot.render.Drawings
import spock.lang.Specification

import java.awt.image.BufferedImage

/** A column's histogram, its bins and counts checked against numpy.histogram's (numpy 1.24, printed beside each case). */
class HistogramSpec extends Specification {

    static DataColumn column(String name, List<Number> v) { new DataColumn(name, v.collect { it as double } as double[]) }

    /** The bar heights of a histogram layer: every other upper value of its step outline. */
    static List<Double> heights(Band b) { (0..<(b.x().length / 2)).collect { b.upper()[2 * it] } }
    static List<Double> edges(Band b) { (0..<(b.x().length / 2)).collect { b.x()[2 * it] } + [b.x()[-1]] }

    def "counts and edges as numpy.histogram(#values, bins=#bins): #counts over #at"() {
        when:
        Figure f = Pictures.figure([column('v', values)], new PlotOptions([bins: bins]))
        Band b = f.panels()[0].layers().find { it instanceof Band } as Band

        then:
        heights(b) == counts*.doubleValue()
        [edges(b), at].transpose().every { got, want -> Math.abs(got - want) <= 1e-15 }
        f.panels()[0].x().label() == 'v' && f.panels()[0].y().label() == 'count' && f.panels()[0].y().lower() == 0d

        where:
        values                       | bins || counts                         | at
        [1, 2, 2, 3, 3, 3, 4, 4, 10] | 3    || [6, 2, 1]                      | [1, 4, 7, 10]                 // the last bin holds its right edge, 10
        [0.1, 0.2, 0.3, 0.7]         | 3    || [2, 1, 1]                      | [0.1, 0.3, 0.5, 0.7]          // 0.3 is the second bin's left edge
        [5, 5, 5]                    | 10   || [0, 0, 0, 0, 0, 3, 0, 0, 0, 0] | [4.5, 4.6, 4.7, 4.8, 4.9, 5, 5.1, 5.2, 5.3, 5.4, 5.5]   // one value: its bins span it ± 0.5
    }

    def "density: true divides by the count times the bin width (numpy's density=True): [0.2962963, 0.09876543, 0, 0.04938272], area 1"() {
        when:
        Figure f = Pictures.figure([column('v', [1, 2, 2, 3, 3, 3, 4, 4, 10])], new PlotOptions([bins: 4, density: true]))
        Band b = f.panels()[0].layers().find { it instanceof Band } as Band

        then:
        [heights(b), [0.2962963, 0.09876543, 0, 0.04938272]].transpose().every { got, want -> Math.abs(got - want) < 1e-8 }
        Math.abs(heights(b).sum() * 2.25 - 1) < 1e-12
        f.panels()[0].y().label() == 'density'
    }

    def "several columns share the bins of their joined range and are named in the legend; one column has no legend (the x axis names it)"() {
        when:
        Figure two = Pictures.figure([column('a', [0, 1, 2]), column('b', [2, 3, 4])], new PlotOptions([bins: 4]))
        Figure one = Pictures.figure([column('a', [0, 1, 2])], new PlotOptions([:]))
        List<Band> bars = two.panels()[0].layers().findAll { it instanceof Band } as List<Band>

        then: 'numpy: np.histogram([0, 1, 2], bins=4, range=(0, 4)) is [1, 1, 1, 0], of [2, 3, 4] [0, 0, 1, 2]'
        bars.collect { heights(it) } == [[1d, 1d, 1d, 0d], [0d, 0d, 1d, 2d]]
        bars.every { edges(it) == [0d, 1d, 2d, 3d, 4d] }
        bars*.legend() == ['a', 'b'] && two.panels()[0].x().label() == 'value'
        one.panels()[0].layers().every { it.legend() == null }
    }

    def "a histogram's count axis starts at 0 and asks for whole-number ticks (2 apart for 16, not 2.5); the picture draws"() {
        when: 'sixteen values in one bin: ticks 0, 2, 4, ... (not 2.5 apart)'
        Figure f = Pictures.figure([column('v', [1] * 16 + [2] * 3)], new PlotOptions([bins: 2]))
        BufferedImage img = Drawings.draw(f)[0] as BufferedImage

        String text = org.gradus.plot.terminal.TerminalRenderer.render(f, 60, 20, false).plainText()

        then: 'the y axis of the terminal picture labels 0, 2, 4, ... 16, never a half'
        f.panels()[0].y().whole() && f.panels()[0].y().tickStep(2.5) == 2d && f.panels()[0].y().tickStep(5) == 5d
        img.width == 800
        List<String> labels = text.readLines().collect { it.find(/^\s*(\d+(\.\d+)?)┤/) { all, v, frac -> v } }.findAll()
        labels.size() >= 3 && labels.every { !it.contains('.') } && labels.contains('16')
    }

    def "bins: takes a whole number of at least 1; a histogram's other options are named"() {
        when:
        Pictures.figure([column('v', [1, 2])], new PlotOptions([bins: 0]))

        then:
        IllegalArgumentException e = thrown()
        e.message.contains('bins')

        when:
        Pictures.figure([column('v', [1, 2])], new PlotOptions([levels: 3]))

        then:
        e = thrown()
        e.message.contains("unknown option 'levels' for a histogram")
    }
}
