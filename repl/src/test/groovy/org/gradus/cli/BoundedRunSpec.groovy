package org.gradus.cli

import groovy.json.JsonSlurper
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

import java.nio.file.FileSystems
import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.StandardWatchEventKinds
import java.nio.file.WatchService
import java.util.concurrent.TimeUnit

/**
 * gradus run, bounded: --isolate contains a memory bomb and an endless loop, the time limit ends the
 * process, a closed stdout ends the run quietly, SIGTERM leaves no temporary file, and the file flags
 * widen what a script may read and write. Some features run the command as a process of its own.
 */
@Timeout(120)
class BoundedRunSpec extends Specification {
    @TempDir
    Path dir

    Map<String, Object> gradus(String... args) {
        def out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream()
        int code = Main.run(args, new PrintStream(out, true, 'UTF-8'), new PrintStream(err, true, 'UTF-8'), [GRADUS_CACHE: '0'])
        [code: code, out: out.toString('UTF-8'), err: err.toString('UTF-8')]
    }

    Path script(String name, String text) {
        Path p = dir.resolve(name)
        Files.writeString(p, text)
        p
    }

    /** {@code gradus ARGS} as a JVM of its own (this test's class path), in the test's folder. */
    Process spawn(String... args) {
        def cmd = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-XX:+UseSerialGC', '-Xshare:auto',
                   '-XX:TieredStopAtLevel=1', '-cp', System.getProperty('java.class.path'), Main.name] + args.toList()
        def pb = new ProcessBuilder(cmd).directory(dir.toFile())
        pb.environment().put('GRADUS_CACHE', '0')
        pb.start()
    }

    /**
     * {@link #spawn}, with SIGINT and SIGTERM handled as by default even when this test runs in a
     * background job (a shell starts those with SIGINT ignored, and the child would inherit that).
     */
    Process spawnWithDefaultSignals(String... args) {
        Process p = spawn(args)
        if (!ignores(p, 2)) return p
        p.destroyForcibly().waitFor()
        def cmd = ['env', '--default-signal=INT,TERM', Path.of(System.getProperty('java.home'), 'bin', 'java').toString(),
                   '-XX:+UseSerialGC', '-Xshare:auto', '-XX:TieredStopAtLevel=1', '-cp', System.getProperty('java.class.path'),
                   Main.name] + args.toList()
        def pb = new ProcessBuilder(cmd).directory(dir.toFile())
        pb.environment().put('GRADUS_CACHE', '0')
        pb.start()
    }

    /** Whether process {@code p} ignores signal {@code number} (the SigIgn mask of /proc/PID/status). */
    static boolean ignores(Process p, int number) {
        Path status = Path.of('/proc', p.pid().toString(), 'status')
        String line = Files.readAllLines(status).find { it.startsWith('SigIgn:') }
        (new BigInteger(line.substring(7).trim(), 16).testBit(number - 1))
    }

    static boolean noChildren() {
        ProcessHandle.current().descendants().toList().isEmpty()
    }

    def "usage errors of the new options exit with 2, and --help lists them"() {
        given:
        def ok = script('ok.opt', '1\n')

        expect:
        gradus('run', ok.toString(), *args).code == 2

        where:
        args << [['--max-memory', 'lots'], ['--max-memory'], ['--max-memory', '1k'], ['--allow-read', '/no/such/folder'],
                 ['--allow-write'], ['--timeout', '0'], ['--timeout', 'soon']]
    }

    def "--help lists the isolation and file options"() {
        when:
        String help = gradus('--help').out

        then:
        ['--isolate', '--max-memory SIZE', '--allow-read DIR', '--allow-write DIR', '141'].every { help.contains(it) }
    }

    def "--isolate contains a memory bomb: exit 1 with the limit in the message, no process left"() {
        given:
        def bomb = script('bomb.opt', 'x = variable(1)\nw = vector(10**9)\n')

        when:
        def r = gradus('run', bomb.toString(), '--isolate', '--max-memory', '64m')

        then:
        r.code == 1
        r.err.startsWith('bomb.opt:2:5: error: the script ran out of its memory limit of 64m')   // at the failing call (issue 12)
        noChildren()
    }

    def "--isolate contains an endless loop: the time limit ends the child (exit 124)"() {
        given:
        def loop = script('loop.opt', 'n = 0\nwhile (true) { n++ }\n')

        when:
        def r = gradus('run', loop.toString(), '--isolate', '--max-memory', '64m', '--timeout', '1.5')

        then:
        r.code == 124
        r.err.contains('the script ran longer than its time limit of 1.5 s')
        noChildren()
    }

    def "--isolate --json writes the records an in-process run writes; println goes to stderr"() {
        given:
        def s = script('q.opt', "x = variable(1)\nprintln 'hi'\nf = (x - 2)**2\ngrad(f).at(x: 0)\nconvexity(f)\nk\n")

        when:
        def here = gradus('run', s.toString(), '--json', '--set', 'k=7')
        def there = gradus('run', s.toString(), '--json', '--set', 'k=7', '--isolate')

        then:
        there.code == 0
        there.out == here.out
        there.out.readLines().collect { new JsonSlurper().parseText(it).kind } == ['gradient', 'convexity', 'number']
        there.err.contains('hi')
    }

    def "--isolate works when gradus was started with a relative class path and the script is elsewhere"() {
        given: 'the class path relative to the working folder, the script in a folder of its own'
        String relative = System.getProperty('java.class.path').split(File.pathSeparator)
                .collect { dir.relativize(Path.of(it).toAbsolutePath()).toString() }.join(File.pathSeparator)
        Path sub = Files.createDirectories(dir.resolve('scripts'))
        Files.writeString(sub.resolve('one.opt'), '1 + 1\n')

        when:
        def cmd = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString(), '-XX:+UseSerialGC',
                   '-XX:TieredStopAtLevel=1', '-cp', relative, Main.name, 'run', 'scripts/one.opt', '--json', '--isolate']
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).start()
        p.outputStream.close()
        String out = p.inputStream.text
        String err = p.errorStream.text
        p.waitFor()

        then:
        p.exitValue() == 0
        out == '{"kind":"number","value":2}\n'
        err.isEmpty()
    }

    def "--allow-read and --allow-write grant folders beyond the script's own"() {
        given:
        Path data = Files.createDirectories(dir.resolve('elsewhere'))
        Path out = Files.createDirectories(dir.resolve('outputs'))
        Files.writeString(data.resolve('d.csv'), 'a,y\n1,2\n3,4\n')
        Path scripts = Files.createDirectories(dir.resolve('scripts'))
        Path s = scripts.resolve('read.opt')
        Files.writeString(s, "d = csv('${data.resolve('d.csv')}', target: 'y')\nd.rows\n" +
                "x = variable(0)\nminimize((x - 1)**2, method: 'gd', lr: 0.1, maxIter: 3, trace: '${out.resolve('t.csv')}')\n")

        when:
        def refused = gradus('run', s.toString(), '--json')
        def granted = gradus('run', s.toString(), '--json', '--allow-read', data.toString(), '--allow-write', out.toString())

        then:
        refused.code == 4
        refused.err.contains('--allow-read')
        granted.code == 0
        granted.out.readLines()[0] == '{"kind":"number","value":2}'
        Files.readAllLines(out.resolve('t.csv')).size() == 5       // a header and iterations 0..3
    }

    def "a time limit ends the process even when the script catches what stops it or loops in finally (exit 124)"() {
        given:
        def s = script('stubborn.opt', source)

        when:
        Process p = spawn('run', s.toString(), '--timeout', '1')
        p.outputStream.close()
        p.waitFor()

        then:
        p.exitValue() == 124
        p.errorStream.text.startsWith('stubborn.opt:')

        where:
        source << ['while (true) {\n  try { while (true) { } } catch (e) { }\n}\n',
                   'try {\n  while (true) { }\n} finally {\n  while (true) { try { while (true) { } } catch (e) { } }\n}\n']
    }

    def "a closed stdout ends the run quietly with exit code 141"() {
        given:
        def s = script('many.opt', source)

        when:
        Process p = spawn('run', s.toString(), *flags)
        p.outputStream.close()
        def first = new BufferedReader(new InputStreamReader(p.inputStream, 'UTF-8')).readLine()
        p.inputStream.close()                                 // as `| head -1` does
        p.waitFor()

        then:
        first != null
        p.exitValue() == 141
        p.errorStream.text.isEmpty()

        where:
        source                                      | flags
        'n = 0\nwhile (true) { show(n++) }\n'       | []
        'while (true) { println "a line" }\n'       | []
        'n = 0\nwhile (true) { show(n++) }\n'       | ['--json', '--isolate']
    }

    def "SIG#sig during a traced run leaves no temporary file"() {
        given:
        def s = script('traced.opt', "x = variable(-1.2); y = variable(1)\n" +
                "minimize((1 - x)**2 + 100*(y - x**2)**2, method: 'gd', lr: 1e-9, maxIter: 400000, trace: 'run.csv')\n")
        WatchService watch = FileSystems.default.newWatchService()
        dir.register(watch, StandardWatchEventKinds.ENTRY_CREATE)

        when: 'the trace starts to be written: the child is frozen, sent the signal, and let go'
        Process p = spawnWithDefaultSignals('run', s.toString())
        p.outputStream.close()
        waitForTemporary(watch)
        signal('STOP', p)
        signal(sig, p)
        signal('CONT', p)
        p.waitFor()

        then:
        p.exitValue() == exitCode                             // ended by the signal (128 + its number)
        Files.list(dir).withCloseable { it.toList() }.every { !it.fileName.toString().endsWith('.tmp') }

        cleanup:
        watch?.close()

        where:
        sig    | exitCode
        'TERM' | 143
        'INT'  | 130                                          // Ctrl-C
    }

    def "SIGTERM to gradus run --isolate ends its child JVM too"() {
        given:
        def s = script('forever.opt', "show('started')\nwhile (true) { }\n")

        when:
        Process p = spawn('run', s.toString(), '--isolate', '--max-memory', '64m')
        p.outputStream.close()
        new BufferedReader(new InputStreamReader(p.inputStream, 'UTF-8')).readLine()   // the child runs
        List<ProcessHandle> children = p.toHandle().descendants().toList()
        p.destroy()
        p.waitFor()
        children*.onExit()*.get()

        then:
        !children.isEmpty()
        children.every { !it.alive }
    }

    /** Waits for a hidden temporary file (.run.csv.*.tmp) to be created in the folder. */
    static void waitForTemporary(WatchService watch) {
        while (true) {
            def key = watch.poll(60, TimeUnit.SECONDS)
            assert key != null: 'the trace file was never started'
            if (key.pollEvents().any { it.context().toString().endsWith('.tmp') }) return
            key.reset()
        }
    }

    static void signal(String name, Process p) {
        assert new ProcessBuilder('kill', "-$name", p.pid().toString()).start().waitFor() == 0
    }
}
