package org.gradus.plot.render

import org.gradus.plot.figure.Axis
import org.gradus.plot.figure.Panel
import org.jfree.chart.axis.LogAxis
import org.jfree.chart.plot.XYPlot
import spock.lang.Specification
import spock.lang.Unroll

/**
 * A log axis over two decades or more is labelled at whole decades (10⁻⁴, 10⁻³, …), as matplotlib's
 * LogLocator labels it, every k-th decade so that at most about eight are labelled; below two decades
 * JFreeChart's own choice (which may need 10^0.5) stands.
 */
class LogAxisTicksSpec extends Specification {

    LogAxis yAxis(double lower, double upper) {
        Panel p = new Panel(null, Axis.range('iteration', 0, 60), Axis.log('|∇f|∞'), [], false)
        def chart = new PanelChart(p, new Ranges.Range(0, 60), new Ranges.Range(lower, upper)).chart(true, false)
        (LogAxis) ((XYPlot) chart.plot).rangeAxis
    }

    @Unroll
    def "#lower .. #upper (#decades decades) is labelled every #every decade(s)"() {
        when:
        LogAxis axis = yAxis(lower, upper)

        then:
        !axis.autoTickUnitSelection
        axis.tickUnit.size == every

        where:
        lower | upper || decades | every
        1e-4  | 30    || 5.5     | 1
        1e-10 | 100   || 12      | 2
        1e-30 | 10    || 31      | 4
    }

    def "under two decades the axis keeps JFreeChart's automatic ticks"() {
        expect:
        yAxis(0.5, 30).autoTickUnitSelection
    }
}
