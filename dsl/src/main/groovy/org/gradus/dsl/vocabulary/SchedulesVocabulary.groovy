package org.gradus.dsl.vocabulary

import org.gradus.optim.schedule.Schedule
import org.gradus.optim.schedule.Schedules

/** Learning-rate schedules (SPEC §2 "Schedules"), each a function of the step. */
trait SchedulesVocabulary {
    Schedule constant(Map args = [:]) { Schedules.create('constant', args) }
    Schedule stepDecay(Map args) { Schedules.create('stepDecay', args) }
    Schedule exponential(Map args) { Schedules.create('exponential', args) }
    Schedule inverseTime(Map args) { Schedules.create('inverseTime', args) }
    Schedule cosine(Map args) { Schedules.create('cosine', args) }
    Schedule warmRestarts(Map args) { Schedules.create('warmRestarts', args) }
    Schedule warmup(Map args) { Schedules.create('warmup', args) }
}
