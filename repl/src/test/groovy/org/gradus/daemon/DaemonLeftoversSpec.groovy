package org.gradus.daemon

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.channels.FileChannel
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardOpenOption
import java.nio.file.attribute.FileTime
import java.time.Duration
import java.time.Instant

/** A starting daemon clears what stopped daemons of other builds left, and nothing else. */
class DaemonLeftoversSpec extends Specification {
    @TempDir
    Path dir

    static final Instant NOW = Instant.parse('2026-12-06T12:00:00Z')
    static final String OWN = '00000000000000aa', OLD = '1111111111111111', RECENT = '2222222222222222',
            RUNNING = '3333333333333333', LOGONLY = '4444444444444444'

    Path file(String name, Duration age) {
        Path p = dir.resolve(name)
        Files.writeString(p, name)
        Files.setLastModifiedTime(p, FileTime.from(NOW - age))
        p
    }

    def "the files of other keys unused for a week go; a running daemon's, recent ones, its own and others stay"() {
        given:
        Duration eightDays = Duration.ofDays(8)
        file("${OWN}.lock", eightDays); file("${OWN}.log", eightDays)
        file("${OLD}.lock", eightDays); file("${OLD}.log", eightDays); file("${OLD}.sock", eightDays)
        file("${RECENT}.lock", eightDays); file("${RECENT}.log", Duration.ofDays(2))
        file("${RUNNING}.lock", eightDays); file("${RUNNING}.log", eightDays)
        file("${LOGONLY}.log", eightDays)
        file('notes.txt', eightDays); file('abc.log', eightDays)
        FileChannel running = FileChannel.open(dir.resolve("${RUNNING}.lock"), StandardOpenOption.WRITE)
        def held = running.lock()                            // as the daemon of that key holds it

        when:
        int cleared = DaemonLeftovers.remove(dir, OWN, NOW)

        then:
        cleared == 2
        Files.list(dir).withCloseable { it.collect { it.fileName.toString() } }.toSorted() ==
                ["${OWN}.lock", "${OWN}.log", "${RECENT}.lock", "${RECENT}.log", "${RUNNING}.lock", "${RUNNING}.log",
                 'abc.log', 'notes.txt'].collect { it.toString() }.toSorted()

        cleanup:
        held?.release()
        running?.close()
    }

    def "a daemon clears them when it starts"() {
        given:
        file("${OLD}.lock", Duration.ofDays(30)); file("${OLD}.log", Duration.ofDays(30))
        def server = new DaemonServer(new DaemonPlace(dir, OWN), Duration.ofMinutes(1), false)

        when:
        boolean started = server.start()

        then:
        started
        !Files.exists(dir.resolve("${OLD}.lock")) && !Files.exists(dir.resolve("${OLD}.log"))
        Files.exists(dir.resolve("${OWN}.lock"))

        cleanup:
        server?.close()
    }
}
