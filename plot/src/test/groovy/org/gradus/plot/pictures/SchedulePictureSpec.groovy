package org.gradus.plot.pictures

import org.gradus.optim.schedule.Schedules
import org.gradus.plot.figure.Curve
import org.gradus.plot.figure.Figure

import spock.lang.Specification

/** Schedules drawn as the rate against the step, checked against torch's formulas worked by hand. */
class SchedulePictureSpec extends Specification {

    def "cosine(period: 100) with lr 0.1: 0.1 at step 0, 0.05 at 50, 0 from 100 on; several schedules at once"() {
        when:
        Figure f = SchedulePicture.figure([Schedules.create('cosine', [period: 100]), Schedules.create('stepDecay', [every: 100, factor: 0.5])],
                new PlotOptions([steps: [0, 300] as double[], lr: 0.1]))
        Curve cos = f.panels()[0].layers()[0] as Curve, step = f.panels()[0].layers()[1] as Curve

        then:
        cos.x().length == 301
        Math.abs(cos.y()[0] - 0.1) < 1e-15
        Math.abs(cos.y()[50] - 0.05) < 1e-15
        cos.y()[100] == 0d && cos.y()[300] == 0d
        step.y()[99] == 0.1d && step.y()[100] == 0.05d && step.y()[200] == 0.025d
        f.series() == ['cosine(period: 100, min: 0)', 'stepDecay(every: 100, factor: 0.5)']
        f.panels()[0].y().label() == 'learning rate (lr = 0.1)'
    }
}
