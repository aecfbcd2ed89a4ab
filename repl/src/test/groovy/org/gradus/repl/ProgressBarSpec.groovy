package org.gradus.repl

import spock.lang.Specification

class ProgressBarSpec extends Specification {
    def "the bar shows iterations and f, and fits the width"() {
        expect:
        ProgressBar.line(500, 1000, 0.25, 80) == '[===============>              ] 500/1000 iterations  f = 0.250000'
        ProgressBar.line(7, 0, 1.5, 80) == '7 iterations  f = 1.50000'
        ProgressBar.line(500, 1000, 0.25, 30).length() <= 30
    }

    def "short runs show nothing; long runs redraw at most ten times a second and finish erases the bar"() {
        given:
        long now = 0
        StringWriter text = new StringWriter()
        def bar = new ProgressBar(new PrintWriter(text), { 80 }, { now })

        when: 'iterations within the first half second'
        (0..<100).each { bar.onIteration(it, 1000, 1.0); now += 1_000_000 }

        then:
        text.toString().isEmpty()

        when: 'a second more, one iteration a millisecond'
        (100..<1100).each { bar.onIteration(it, 1100, 1.0); now += 1_000_000 }
        bar.finish()

        then:
        text.toString().count('iterations') == 6      // from 0.5 s to 1.1 s
        text.toString().endsWith('\r\u001b[K')
    }

    def "the end of a run (onFinish) erases a drawn bar, and the next run waits its half second afresh"() {
        given:
        long now = 0
        StringWriter text = new StringWriter()
        def bar = new ProgressBar(new PrintWriter(text), { 80 }, { now })

        when:
        (1..1000).each { bar.onIteration(it, 1000, 1.0); now += 1_000_000 }
        bar.onFinish()
        String first = text.toString()
        bar.onIteration(1, 10, 2.0)
        now += 100_000_000
        bar.onIteration(2, 10, 2.0)

        then:
        first.contains('iterations') && first.endsWith('\r\u001b[K')
        text.toString() == first                   // nothing drawn within the new run's first half second

        when: 'an end without a drawn bar writes nothing'
        bar.onFinish()

        then:
        text.toString() == first
    }

    def "loading a data file: the bar shows the file and megabytes read, after half a second, and fits the width"() {
        expect:
        ProgressBar.loadLine('logit.csv', 61L << 20, 122L << 20, 80) == '[===============>              ] reading logit.csv  61/122 MB'
        ProgressBar.loadLine('logit.csv', 122L << 20, 122L << 20, 80) == '[==============================] reading logit.csv  122/122 MB'
        ProgressBar.loadLine('logit.csv', 0, (10L << 20) + 1, 80).endsWith(' 0/11 MB')    // the total rounds up
        ProgressBar.loadLine('a-very-long-file-name.csv', 1L << 20, 9L << 20, 30).length() <= 30

        when: 'reports every 4 MB, one each 100 ms, then the end of the load'
        long now = 0
        StringWriter text = new StringWriter()
        def bar = new ProgressBar(new PrintWriter(text), { 80 }, { now })
        (2..<10).each { bar.onProgress('logit.csv', (4L * it) << 20, 40L << 20); now += 100_000_000 }
        String drawn = text.toString()
        bar.onFinish()

        then: 'nothing within the first half second (reports at 8..24 MB), then each report (28..36 MB), erased at the end'
        !drawn.contains(' 24/40 MB')
        drawn.count('reading logit.csv') == 3
        drawn.contains('reading logit.csv  36/40 MB')
        text.toString().endsWith('\r\u001b[K')
    }
}
