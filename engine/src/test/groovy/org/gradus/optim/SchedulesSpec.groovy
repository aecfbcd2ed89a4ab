package org.gradus.optim

import org.gradus.optim.schedule.Schedule
import org.gradus.optim.schedule.Schedules
import spock.lang.Specification
import spock.lang.Unroll

class SchedulesSpec extends Specification {

    @Unroll
    def "#name(#args) at steps 0..4 is #expected"() {
        when:
        Schedule s = Schedules.create(name, args)

        then:
        s.values(0, expected.size()).toList().withIndex().every { v, i -> Math.abs(v - expected[i]) < 1e-12 }

        where:
        name           | args                             | expected
        'constant'     | [:]                              | [1, 1, 1]
        'stepDecay'    | [every: 2, factor: 0.5]          | [1, 1, 0.5, 0.5, 0.25]
        'exponential'  | [gamma: 0.5]                     | [1, 0.5, 0.25, 0.125]
        'inverseTime'  | [decay: 1]                       | [1, 0.5, 1d / 3, 0.25]
        'cosine'       | [period: 4]                      | [1, 0.5 + 0.5 * Math.cos(Math.PI / 4), 0.5, 0.5 - 0.5 * Math.cos(Math.PI / 4), 0, 0]
        'warmRestarts' | [period: 2, mult: 2]             | [1, 0.5, 1, 0.5 + 0.5 * Math.cos(Math.PI / 4), 0.5, 0.5 - 0.5 * Math.cos(Math.PI / 4), 1]
        'warmup'       | [steps: 2, then: Schedules.create('exponential', [gamma: 0.5])] | [0.5, 1, 1, 0.5, 0.25]
    }

    def "cosine's min is an absolute learning-rate floor"() {
        when:
        def s = Schedules.create('cosine', [period: 10, min: 0.01])

        then:
        s.rate(0.1, 0) == 0.1d
        Math.abs(s.rate(0.1, 5) - 0.055) < 1e-12
        s.rate(0.1, 10) == 0.01d
        s.rate(0.1, 1000) == 0.01d
    }

    def "schedules print as they are written"() {
        expect:
        Schedules.create('cosine', [period: 1000]).toString() == 'cosine(period: 1000, min: 0)'
        Schedules.create('warmup', [steps: 100, then: Schedules.create('cosine', [period: 900])]).toString() ==
                'warmup(steps: 100, then: cosine(period: 900, min: 0))'
        Schedules.create('stepDecay', [:]).toString() == 'stepDecay(every: 100, factor: 0.5)'
    }

    @Unroll
    def "bad schedule #name(#args): #fragment"() {
        when:
        Schedules.create(name, args)

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains(fragment)

        where:
        name       | args             | fragment
        'cosin'    | [:]              | 'valid schedules: constant, stepDecay'
        'cosine'   | [peroid: 10]     | 'valid arguments: period, min'
        'cosine'   | [period: 0]      | 'must be > 0'
        'stepDecay'| [every: 1.5]     | 'whole number'
        'warmup'   | [then: 3]        | 'needs a schedule'
    }
}
