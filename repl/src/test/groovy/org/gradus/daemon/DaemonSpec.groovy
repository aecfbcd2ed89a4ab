package org.gradus.daemon

import org.gradus.cli.ClientTerminal
import org.gradus.cli.Invocation
import org.gradus.cli.Main
import spock.lang.Timeout

import java.net.StandardProtocolFamily
import java.net.UnixDomainSocketAddress
import java.nio.channels.ServerSocketChannel
import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions
import java.time.Duration

/**
 * The resident daemon against the command run in this process: the same exit code and the same stdout and
 * stderr bytes for good scripts, syntax, run-time and sandbox errors and --json; nothing of one run seen by
 * the next; its folder refused when it is not the user's own; a stale socket replaced by a fresh daemon.
 * The daemon runs in this JVM on a socket in a temporary folder (one test forks a real daemon process).
 */
@Timeout(240)
class DaemonSpec extends DaemonFixture {
    def "exit codes and stdout/stderr bytes are those of the run in this process"() {
        given:
        script('good.opt', 'x = variable(1)\nf = (x - 2)**2 + 1\nprintln "f(0) = ${f.at(x: 0)}"\ngrad(f).at(x: 0)\nminimize(f, start: [x: 5])\n')
        script('syntax.opt', 'x = variable(1\nf = x**2\n')
        script('runtime.opt', 'x = variable(1)\ny = undefinedName + 1\n')
        script('sandbox.opt', 'x = variable(1)\nSystem.exit(0)\n')

        expect:
        for (args in [['run', 'good.opt'], ['run', 'good.opt', '--json'], ['run', 'syntax.opt'], ['run', 'runtime.opt', '--json'],
                      ['run', 'sandbox.opt'], ['run', 'missing.opt'], ['run', 'good.opt', '--bogus'], ['check', 'syntax.opt'],
                      ['check', 'good.opt']]) {
            def here = inProcess(args as String[])
            def there = viaDaemon(args as String[])
            assert there.code == here.code
            assert untimed(there.out) == untimed(here.out)
            assert untimed(there.err) == untimed(here.err)
        }
        inProcess('run', 'good.opt').code == 0
        inProcess('run', 'syntax.opt').code == 3
        inProcess('run', 'runtime.opt').code == 1
        inProcess('run', 'sandbox.opt').code == 4
        viaDaemon('run', 'good.opt', '--json').out.contains('"kind":"gradient"')
    }

    def "a run sees nothing of the run before it: its variables, its seeds"() {
        given:
        script('a.opt', 'secret = 42\nprintln secret\nw = variable(3)\nprintln w\n')
        script('b.opt', 'println secret\n')
        script('c.opt', 'v = variable(1)\nprintln v\n')

        when:
        def a = viaDaemon('run', 'a.opt')
        def b = viaDaemon('run', 'b.opt')
        def c = viaDaemon('run', 'c.opt')

        then: 'b fails as in a fresh process: secret is unknown there'
        a.code == 0
        a.out.startsWith('42\n')
        b.code != 0
        b == inProcess('run', 'b.opt')
        and: 'the first variable of c is declared as the first variable of a fresh process'
        c == inProcess('run', 'c.opt')
    }

    def "runs from two clients at once both finish, each with its own output"() {
        given:
        script('one.opt', 'println "one"\nx = variable(1)\nminimize((x - 1)**2, start: [x: 0])\n')
        script('two.opt', 'println "two"\ny = variable(1)\nminimize((y + 1)**2, start: [y: 0])\n')

        when:
        def results = [['run', 'one.opt'], ['run', 'two.opt']].collect { a -> Thread.start { Thread.currentThread().name = a[1]; viaDaemon(a as String[]) } }
                .collect { t -> t.join(); t }
        def one = viaDaemon("run", "one.opt")
        def two = viaDaemon("run", "two.opt")

        then:
        one.code == 0 && one.out.startsWith('one\n')
        two.code == 0 && two.out.startsWith('two\n')
        results.size() == 2
    }

    def "a folder that is not the user's own is refused"() {
        given:
        Path open = Files.createDirectories(tmp.resolve('open'))
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString('rwxrwxrwx'))
        Path link = Files.createSymbolicLink(tmp.resolve('link'), dir)

        expect:
        DaemonPlace.problem(open).contains('writable by group or others')
        DaemonPlace.problem(link).contains('symbolic link')
        DaemonPlace.problem(Path.of('relative')).contains('not an absolute path')
        DaemonPlace.problem(dir) == null
        Files.getPosixFilePermissions(dir) == PosixFilePermissions.fromString('rwx------')
        Files.getPosixFilePermissions(server.place().socket()) == PosixFilePermissions.fromString('rw-------')
    }

    def "a second daemon of the same key does not start while the first holds the lock"() {
        expect:
        !new DaemonServer(new DaemonPlace(dir, 'test'), Duration.ofMinutes(1), false).start()
    }

    def "the daemon takes the client's JVM options without the client-only ones (C1 only, the archive at a fixed address, a small young generation), and adds the Vector API's module"() {
        given: 'the launcher\'s command line of a client for `check`'
        String[] args = ['-XX:+UseSerialGC', '-XX:TieredStopAtLevel=1', '-XX:SharedArchiveFile=/a.jsa',
                         '-XX:+UnlockDiagnosticVMOptions', '-XX:ArchiveRelocationMode=0', '-XX:Tier3BackEdgeThreshold=6000',
                         '-XX:NewSize=32m', '-Xmx2g', '-cp', 'gradus.jar', DaemonClient.name, 'check', 'f.opt']

        expect:
        DaemonLaunch.daemonOptions(args).get() ==
                ['--add-modules=jdk.incubator.vector', '-XX:+UseSerialGC', '-XX:SharedArchiveFile=/a.jsa', '-XX:+UnlockDiagnosticVMOptions',
                 '-XX:Tier3BackEdgeThreshold=6000', '-Xmx2g', '-cp', 'gradus.jar']
        !DaemonLaunch.daemonOptions(['-jar', 'gradus.jar', 'run', 'f.opt'] as String[]).isPresent()
    }

    def "a stale socket (its daemon gone) is not connected to; a new daemon process, detached, replaces it and runs the command"() {
        given: 'a socket file nobody listens on'
        DaemonPlace place = new DaemonPlace(dir, 'stale')
        def dead = ServerSocketChannel.open(StandardProtocolFamily.UNIX)
        dead.bind(UnixDomainSocketAddress.of(place.socket()))
        dead.close()
        script('good.opt', 'x = variable(1)\ngrad((x - 2)**2).at(x: 0)\n')

        assert Files.exists(place.socket())
        assert DaemonClient.connect(place) == null

        when: 'the client starts a daemon process (this test JVM\'s class path)'
        String cp = System.getProperty('java.class.path')
        def launch = DaemonLaunch.of(['-cp', cp, '-XX:+UseSerialGC'], cp, [:])
        def ch = DaemonClient.startAndConnect(place, launch)

        then: 'it listens, and is not a child of this JVM (whose exit would wait for a thread watching it)'
        ch != null
        Files.exists(place.log())
        ProcessHandle.current().children().noneMatch { it.info().arguments().orElse(new String[0]).any { it.contains('gradus.daemon.key=stale') } }
        ProcessHandle.allProcesses().anyMatch { it.info().arguments().orElse(new String[0]).any { it.contains('gradus.daemon.key=stale') } }

        when:
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        def r = DaemonClient.send(ch, ['run', 'good.opt', '--json'] as String[], [:], work, false, null, Wire.NO_START, out, err, place)

        then:
        r.code() == 0
        untimed(out.toString(StandardCharsets.UTF_8)) == untimed(inProcess('run', 'good.opt', '--json').out)

        cleanup: 'stopped as gradus daemon --stop does'
        stop(place)
    }

    def "a run whose client goes away (Ctrl-C) is cancelled, and the daemon serves the next run"() {
        given:
        script('loop.opt', 'println "started"\nwhile (true) { }\n')
        script('good.opt', 'println "ok"\n')
        def ch = DaemonClient.connect(server.place())
        def err = new ByteArrayOutputStream()
        def started = new java.util.concurrent.CountDownLatch(1)
        def out = new OutputStream() {
            void write(int b) { started.countDown() }
        }

        when: 'the client is interrupted once the script printed'
        def client = Thread.start { DaemonClient.send(ch, ['run', 'loop.opt'] as String[], [:], work, false, null, Wire.NO_START, out, err, server.place()) }
        started.await()
        ch.close()
        client.join()

        then: 'the next run goes through'
        viaDaemon('run', 'good.opt').out == 'ok\n'
    }

    def "a run at a described terminal draws in the daemon what the run in this process draws for that terminal"() {
        given:
        script('p.opt', 'x = variable(1)\nprintln "drawing"\nplot (x - 1)**2, x: -2..3\n')
        def term = new ClientTerminal('xterm-256color', 'truecolor', 90, 25)

        when:
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()
        int code = Main.run(['run', 'p.opt'] as String[], new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'),
                [GRADUS_CACHE: '0'], new Invocation(work, true, null, false, term))
        def there = viaDaemon(true, term, 'run', 'p.opt')

        then:
        code == 0 && there.code == 0
        there.out == out.toString(StandardCharsets.UTF_8)
        there.out.contains('\u001b[38;2;')                      // true colour, as COLORTERM says
        there.out.find(/[\u2801-\u28ff]/)                       // the curve in braille
        there.out.readLines().every { it.replaceAll(/\u001b\[[0-9;]*m/, '').length() <= 90 }
    }

    def "the launcher's terminal description: stty's ROWS COLUMNS, a TERM that is not dumb; anything else is none"() {
        expect:
        ClientTerminal.parse('24 80', 'xterm', null) == new ClientTerminal('xterm', null, 80, 24)
        ClientTerminal.parse(' 41 132\n', 'tmux-256color', 'truecolor') == new ClientTerminal('tmux-256color', 'truecolor', 132, 41)
        ClientTerminal.parse('0 0', 'xterm', null) == null
        ClientTerminal.parse('24 80', 'dumb', null) == null
        ClientTerminal.parse('24 80', null, null) == null
        ClientTerminal.parse(null, 'xterm', null) == null
        ClientTerminal.parse('80', 'xterm', null) == null
    }

    // --- helpers ---------------------------------------------------------------------------------------

    /** {@code text} with the run's own measured seconds (in reports and JSON) blanked: they differ run to run. */
    static String untimed(String text) {
        text.replaceAll(/[0-9.]+(e-?[0-9]+)? s\b/, 'T s').replaceAll(/"seconds":[0-9.eE+-]+/, '"seconds":T')
    }

    Path script(String name, String text) {
        Files.writeString(work.resolve(name), text)
    }

    Map inProcess(String... args) {
        def out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream()
        def env = [GRADUS_CACHE: '0']
        int code = Main.run(args, new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), env,
                new Invocation(work, false, null, false))
        [code: code, out: out.toString(StandardCharsets.UTF_8), err: err.toString(StandardCharsets.UTF_8)]
    }

    Map viaDaemon(String... args) {
        viaDaemon(false, null, args)
    }

    Map viaDaemon(boolean console, ClientTerminal terminal, String... args) {
        def out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream()
        def ch = DaemonClient.connect(server.place())
        assert ch != null
        def r = DaemonClient.send(ch, args, [GRADUS_CACHE: '0'], work, console, terminal, Wire.NO_START, out, err, server.place())
        assert r.code() != null: r.why()
        [code: r.code(), out: out.toString(StandardCharsets.UTF_8), err: err.toString(StandardCharsets.UTF_8)]
    }

    static void stop(DaemonPlace place) {
        def ch = DaemonClient.connect(place)
        if (ch == null) return
        ch.withCloseable {
            def to = new DataOutputStream(Wire.out(ch))
            to.writeInt(Wire.MAGIC)
            to.writeByte(Wire.STOP)
            to.flush()
            def from = new DataInputStream(Wire.in(ch))
            while (from.read() >= 0) { }
        }
    }
}
