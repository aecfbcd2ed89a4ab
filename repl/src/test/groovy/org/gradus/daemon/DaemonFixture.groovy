package org.gradus.daemon

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.time.Duration

/**
 * A daemon in the test's JVM, on a socket in a temporary owner-only folder ({@code dir}), serving scripts in
 * {@code work}; closed after each feature.
 */
abstract class DaemonFixture extends Specification {
    @TempDir
    Path tmp
    Path dir
    Path work
    DaemonServer server

    def setup() {
        dir = tmp.resolve('d')
        assert DaemonPlace.problem(dir) == null                  // creates it, owner-only
        work = Files.createDirectories(tmp.resolve('work'))
        server = new DaemonServer(new DaemonPlace(dir, 'test'), Duration.ofMinutes(10), false)
        assert server.start()
        server.acceptInBackground()
    }

    def cleanup() {
        server?.close()
    }
}
