package org.gradus.daemon

import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The young daemon's warm-up: the new scripts it compiles run as a client's would (a failure says why), and
 * nothing of them stays on disk.
 */
class DaemonWarmUpSpec extends spock.lang.Specification {
    @TempDir
    Path dir

    def "the warm-up's new scripts run and leave the daemon's folder as it was"() {
        given:
        Files.writeString(dir.resolve('x.log'), 'kept\n')

        when:
        DaemonWarmUp.newScripts(dir, DaemonWarmUp.SCRIPT, 2, {} as DaemonWarmUp.Quiet)

        then:
        Files.list(dir).withCloseable { it.toList() } == [dir.resolve('x.log')]
    }

    def "the warm-up's pictures are drawn (a plot that fails would throw) and removed with their folder"() {
        when:
        DaemonWarmUp.newScripts(dir, DaemonWarmUp.PICTURES, 1, {} as DaemonWarmUp.Quiet)

        then:
        Files.list(dir).withCloseable { it.count() } == 0
    }

    def "a warm-up script that no longer runs is reported with its error, and its folder still removed"() {
        when:
        DaemonWarmUp.newScripts(dir, 'x = variable(1)\ny = undefinedName + 1\n', 1, {} as DaemonWarmUp.Quiet)

        then:
        def e = thrown(IllegalStateException)
        e.message.startsWith('a warm-up run ended with exit code 1: ')
        e.message.contains('undefinedName')
        Files.list(dir).withCloseable { it.count() } == 0
    }
}
