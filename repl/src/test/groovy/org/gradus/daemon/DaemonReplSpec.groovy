package org.gradus.daemon

import org.gradus.cli.ClientTerminal
import org.gradus.repl.ShellDriver
import spock.lang.Timeout

import java.nio.file.Files
import java.nio.file.Path

/**
 * The REPL run in the resident daemon for a client's terminal ({@link DaemonRepl}, {@link ReplRelay}): the
 * client's half is driven here with a keyboard pipe, a screen that wakes the test when it is written, and a
 * terminal mode that records raw mode and its undoing (the real one is {@code stty}: LauncherIT). Nothing waits
 * on time: each step waits for what the shell prints (failsafes of minutes only).
 */
@Timeout(300)
class DaemonReplSpec extends DaemonFixture {
    static final ClientTerminal XTERM = new ClientTerminal('xterm-256color', null, 100, 30)
    /** Adam on Rosenbrock's function with a tiny step: hours in full, so only Ctrl-C ends it. */
    static final String LONG_ADAM = "minimize((1 - x)**2 + 100*(y - x**2)**2, method: 'adam', lr: 1e-7, maxIter: 2000000000)"
    /** What the run's progress bar shows (its result says "iterations N of 2000000000" instead). */
    static final String BAR = '/2000000000 iterations'

    /** Records what the relay did to the client's terminal. */
    static class RecordedMode implements ReplRelay.TerminalMode {
        List<String> calls = Collections.synchronizedList([])

        void raw() { calls << 'raw' }

        void restore() { calls << 'restore' }

        ClientTerminal resized(ClientTerminal before) { before }
    }

    /** One client at the daemon's REPL: keys typed into a pipe, the screen collected, the relay on a thread. */
    static class Client {
        final PipedOutputStream keys = new PipedOutputStream()
        final PipedInputStream keyboard = new PipedInputStream(keys, 1 << 16)
        final ShellDriver.Screen screen = new ShellDriver.Screen()
        final RecordedMode mode = new RecordedMode()
        final ReplRelay relay
        DaemonClient.Result result
        final Thread thread

        Client(DaemonServer server, Path work, Map env) {
            def ch = DaemonClient.connect(server.place())
            assert ch != null
            relay = new ReplRelay(ch, mode, keyboard, screen)
            thread = Thread.start { result = relay.run(env, work, XTERM, 'UTF-8', server.place()) }
        }

        void type(String text) {
            keys.write(text.getBytes('UTF-8'))
            keys.flush()
        }

        /** Where {@code text} appears on the screen at or after {@code from}, once it does. */
        int waitFor(String text, int from = 0) {
            screen.await(text, from)
        }

        DaemonClient.Result end() {
            thread.join(ShellDriver.FAILSAFE_MILLIS)
            assert !thread.alive
            result
        }
    }

    /** A client in the work folder whose HOME (its history file's folder) is the test's folder. */
    Client client() {
        new Client(server, work, [HOME: tmp.toString()])
    }

    def "the shell answers in the client's terminal, keeps its variables between inputs, and :quit gives exit code 0 and the terminal back"() {
        given:
        def c = client()

        when:
        int prompt = c.waitFor('gradus> ')
        c.type('x = variable(1); f = (x - 2)**2 + 1\r')
        c.type('grad(f).at(x: 0)\r')                 // f'(0) = 2(0 - 2) = -4, by hand
        int answer = c.waitFor('-4', prompt)
        c.type('6 * 7\r')
        c.waitFor('42', answer)
        c.type(':quit\r')
        def r = c.end()

        then:
        r.code() == 0
        c.mode.calls == ['raw', 'restore']
        c.screen.text().startsWith('Gradus ')
        c.screen.text().contains('\r\n')             // the terminal's line discipline: a new line is CR LF
        Files.readString(tmp.resolve('.gradus_history')).contains('6 * 7')    // the client's HOME
    }

    def "Ctrl-C (byte 3) stops a long Adam run: the best point so far is kept with status interrupted, and the session goes on"() {
        given: 'a run with no reachable end'
        def c = client()
        c.waitFor('gradus> ')
        c.type('x = variable(-1.2); y = variable(1.0)\r')
        c.type('r = ' + LONG_ADAM + '\r')

        when: 'Ctrl-C once its progress bar is on the screen'
        int bar = c.waitFor(BAR)
        c.type('\u0003')
        int prompt = c.waitFor('gradus> ', bar)
        c.type('r.status\r')
        int status = c.waitFor('interrupted', prompt)
        c.type('r.iterations > 0 && r.iterations < 2000000000\r')
        c.waitFor('true', status)
        c.type('\u0004')                             // Ctrl-D leaves

        then:
        c.end().code() == 0
        c.mode.calls == ['raw', 'restore']
    }

    def "a resize reaches the shell: a picture drawn after it takes the new width"() {
        given:
        def c = client()
        c.waitFor('gradus> ')
        c.type('x = variable(1)\r')

        when:
        c.relay.resized(new ClientTerminal('xterm-256color', null, 60, 20))
        c.type('plot (x - 1)**2, x: -2..3\r')
        c.type("println 'MA' + 'RK'\r")
        int end = c.waitFor('MARK\r\n')
        c.type(':quit\r')
        c.end()
        String shown = c.screen.text().substring(0, end).replaceAll(/\u001b\[[0-9;?>=]*[A-Za-z]|\u001b[=>]|\r/, '')
        List<String> picture = shown.readLines().findAll { it.find(/[\u2801-\u28ff]/) }

        then: 'the curve in braille, no row wider than 60 columns'
        picture.size() >= 5
        picture.every { it.length() <= 60 }
        picture.any { it.length() > 50 }
    }

    def "the client going away (its terminal closed) ends the shell, also in the middle of a run"() {
        given:
        def c = client()
        c.waitFor('gradus> ')
        c.type('x = variable(-1.2); y = variable(1.0)\r')
        c.type(LONG_ADAM + '\r')
        c.waitFor(BAR)

        when: 'the keyboard ends (the client shuts its side of the connection)'
        c.keys.close()
        def r = c.end()

        then: 'the run is interrupted (its result still reaches the screen), the shell ends, and the daemon has no session left'
        r.code() == 0
        c.screen.text().contains('minimize: interrupted')
        waitUntil { server.inFlight() == 0 }
        client().with {
            waitFor('gradus> ')
            type(':quit\r')
            end().code() == 0
        }
    }

    def "the output that comes in one read with the exit code reaches the screen before the client leaves"() {
        given: 'a daemon (a socket of this test) that answers the request with the last answer, the prompt and the exit code in one write'
        Path socket = tmp.resolve('one-write.sock')
        def listener = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)
        listener.bind(java.net.UnixDomainSocketAddress.of(socket))
        def answer = new ByteArrayOutputStream()
        new DataOutputStream(answer).with {
            byte[] text = '42\r\ngradus> :quit\r\n'.getBytes('UTF-8')
            writeByte(Wire.OUT); writeInt(text.length); write(text)
            writeByte(Wire.EXIT); writeInt(0)
        }
        def daemon = Thread.start {
            listener.accept().withCloseable { connection ->
                connection.read(java.nio.ByteBuffer.allocate(1 << 16))         // the request
                connection.write(java.nio.ByteBuffer.wrap(answer.toByteArray()))
            }
        }
        def seen = new ByteArrayOutputStream()
        def keyboard = new PipedInputStream(new PipedOutputStream())              // nothing typed; open until the end

        when: 'the client buffers its screen as DaemonClient does'
        def ch = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of(socket))
        def r = new ReplRelay(ch, new RecordedMode(), keyboard, new BufferedOutputStream(seen, 1 << 14))
                .run([:], work, XTERM, 'UTF-8', server.place())
        daemon.join()

        then: 'under load the frames and the exit code arrive together: the answer was left in the buffer and never shown'
        r.code() == 0
        seen.toString('UTF-8') == '42\r\ngradus> :quit\r\n'

        cleanup:
        listener?.close()
    }

    def "a daemon that is stopping sends the REPL back to the client's own process, with the terminal as it was"() {
        given: 'a client connected just before the daemon retires'
        def ch = DaemonClient.connect(server.place())
        assert ch != null
        server.retire('a test')
        def mode = new RecordedMode()

        when:
        def r = new ReplRelay(ch, mode, new ByteArrayInputStream(new byte[0]), new ByteArrayOutputStream())
                .run([:], work, XTERM, 'UTF-8', server.place())

        then: 'no exit code (the client runs the REPL itself, and says why), raw mode undone if it was set'
        r.code() == null
        r.why() != null
        mode.calls.count('raw') == mode.calls.count('restore')
        and: 'no daemon to connect to any more'
        DaemonClient.connect(server.place()) == null
    }

    def "the REPL goes to the daemon only at a terminal whose type, size and settings the launcher gave"() {
        given:
        String settings = '500:5:bf:8a3b:3:1c:7f:15:4:0:1:0:11:13:1a:0:12:f:17:16:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0:0'
        Map env = [TERM: 'xterm-256color', GRADUS_CLIENT_TTY_SIZE: '30 100', GRADUS_CLIENT_TTY_MODE: settings]

        expect:
        DaemonClient.replReasonToRunHere(env, true) == null
        DaemonClient.replReasonToRunHere(env, false).contains('not a terminal')
        DaemonClient.replReasonToRunHere(env + [TERM: 'dumb'], true).contains('unknown')
        DaemonClient.replReasonToRunHere(env.findAll { it.key != 'GRADUS_CLIENT_TTY_SIZE' }, true).contains('unknown')
        DaemonClient.replReasonToRunHere(env.findAll { it.key != 'GRADUS_CLIENT_TTY_MODE' }, true).contains('settings')
        DaemonClient.replReasonToRunHere(env + [GRADUS_CLIENT_TTY_MODE: '-F /dev/sda'], true).contains('settings')
        SttyMode.valid(settings)
        !SttyMode.valid('sane')
        !SttyMode.valid('1:2; rm -rf x')
    }

    /** Waits (failsafe: minutes) until {@code condition} holds: the daemon's bookkeeping after a session ends. */
    static void waitUntil(Closure<Boolean> condition) {
        long end = System.nanoTime() + ShellDriver.FAILSAFE_MILLIS * 1_000_000L
        while (!condition()) {
            assert System.nanoTime() < end
            Thread.sleep(5)                          // polling a counter: its value, not the time, decides
        }
    }
}
