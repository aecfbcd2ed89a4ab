package org.gradus.cli

import spock.lang.IgnoreIf
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Timeout

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.util.concurrent.TimeUnit
import java.util.zip.ZipEntry
import java.util.zip.ZipFile
import java.util.zip.ZipOutputStream

/**
 * The launcher ./gradus installs a new jar atomically: a gradus process that is running while the jar is
 * replaced goes on loading its classes from the jar it started with; it keeps the user's class-data-sharing
 * archive in an owner-only folder. Runs after {@code package} (it needs
 * repl/target/gradus-build.jar), in a copy of the launcher whose "project" has one source file, so that
 * no Maven build is started.
 */
@Timeout(300)
class LauncherIT extends Specification {
    @TempDir
    Path root

    Path project = Path.of('').toAbsolutePath().parent          // the tests run in repl/
    Path built() { root.resolve('repl/target/gradus-build.jar') }
    Path jar() { root.resolve('repl/target/gradus.jar') }

    def setup() {
        Files.createDirectories(root.resolve('repl/target'))
        Files.copy(project.resolve('gradus'), root.resolve('gradus'))
        root.resolve('gradus').toFile().setExecutable(true)
        Files.createDirectories(root.resolve('m/src/main'))
        Files.writeString(root.resolve('m/src/main/Source.java'), '// a source of the pretend project\n')
        setTime(root.resolve('m/src/main/Source.java'), 3600)
        setTime(root.resolve('m/src/main'), 3600)
        Files.copy(project.resolve('repl/target/gradus-build.jar'), built())
        setTime(built(), 1800)                                   // built after the source was written
    }

    def "a running gradus survives a rebuild: the jar is replaced by rename, never rewritten in place"() {
        when: 'the first launch installs the built jar'
        def first = launch('--version')

        then:
        first.code == 0
        first.out.startsWith('gradus ')
        Files.isRegularFile(jar())

        when: 'a gradus process starts and waits for go.csv, with most of its classes not loaded yet'
        Path work = Files.createDirectories(root.resolve('work'))
        Files.writeString(work.resolve('wait.opt'), '''\
            x = variable(0)
            show('started')
            while (true) { try { csv('go.csv'); break } catch (e) { } }
            stationary(x**3 - 3*x, over: [x: -3..3])
            '''.stripIndent())
        Process running = new ProcessBuilder(java(), '-XX:TieredStopAtLevel=1', '-jar', jar().toString(), 'run', 'wait.opt')
                .directory(work.toFile()).start()
        running.outputStream.close()
        def output = new BufferedReader(new InputStreamReader(running.inputStream, 'UTF-8'))
        String started = output.readLine()

        and: 'meanwhile the project changes and is rebuilt: a different jar, every entry at a new place'
        setTime(jar(), 100)
        Files.writeString(root.resolve('m/src/main/Source.java'), '// edited\n')
        setTime(root.resolve('m/src/main/Source.java'), 50)
        setTime(root.resolve('m/src/main'), 50)
        rewriteWithPadding(built())
        setTime(built(), 10)
        def second = launch('--version')

        and: 'the waiting process goes on and loads the classes it needs now'
        Files.writeString(work.resolve('go.csv'), 'a\n1\n')
        String rest = output.text
        running.waitFor(120, TimeUnit.SECONDS)

        then:
        started == 'started'
        second.code == 0
        new ZipFile(jar().toFile()).withCloseable { it.getEntry('aaa-padding.bin') != null }   // the new jar is installed
        running.exitValue() == 0
        rest.contains('maximum') && rest.contains('minimum')
        running.errorStream.text.isEmpty()

        and: 'the class-data-sharing archive was made for the new jar (the old one removed), in the user folder, and is used'
        archives().size() == 1
        launch('--version').code == 0
        archives().size() == 1
        !Files.exists(root.resolve('repl/target/gradus.jsa'))
    }

    def "the archive folder is the user's own: one writable by others is not used, and the run goes on"() {
        given:
        Path shared = Files.createDirectories(root.resolve('cds'))
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString('rwxrwxrwx'))

        when:
        def run = launch('--version')

        then:
        run.code == 0
        run.out.startsWith('gradus ')
        archives().isEmpty()

        when: 'made owner-only, it is used'
        Files.setPosixFilePermissions(shared, java.nio.file.attribute.PosixFilePermissions.fromString('rwx------'))

        then:
        launch('--version').code == 0
        archives().size() == 1
    }

    def "reached through a chain of symbolic links from another folder, the launcher finds its project and shares its archive"() {
        given: 'bin/g -> ../gradus (relative), and elsewhere/g2 -> bin/g (absolute)'
        Path bin = Files.createDirectories(root.resolve('bin'))
        Files.createSymbolicLink(bin.resolve('g'), Path.of('../gradus'))
        Path elsewhere = Files.createDirectories(root.resolve('elsewhere'))
        Files.createSymbolicLink(elsewhere.resolve('g2'), bin.resolve('g'))
        Map env = [GRADUS_DAEMON: '0']

        when:
        def direct = launch('--version')
        def linked = launchIn(elsewhere, env, elsewhere.resolve('g2').toString(), '--version')
        def byName = launchIn(elsewhere, env + [PATH: elsewhere.toString() + ':' + System.getenv('PATH')], 'bash', '-c', 'g2 --version')
        def sourced = launchIn(root, env, 'bash', 'gradus', '--version')

        then: 'the same project: no build started (there is no POM to build with), one archive for all four'
        [direct, linked, byName, sourced].every { it.code == 0 && it.out.startsWith('gradus ') && !it.err.contains('building') }
        archives().size() == 1
    }

    def "a new archive replaces this project's archives of the earlier naming (a cksum of its path), not another project's"() {
        given: "archives named as the launcher named them before: this project's, and another project's"
        Path cds = Files.createDirectories(root.resolve('cds'))
        Files.setPosixFilePermissions(cds, java.nio.file.attribute.PosixFilePermissions.fromString('rwx------'))
        String mine = ['bash', '-c', 'printf %s "$1" | cksum | cut -d" " -f1', '_', root.toRealPath().toString()].execute().text.trim()
        Files.writeString(cds.resolve("gradus-$mine-123.jsa"), 'an old archive of this project')
        Files.writeString(cds.resolve('gradus-42-123.jsa'), "another project's")

        when:
        def run = launch('--version')

        then:
        run.code == 0
        !Files.exists(cds.resolve("gradus-$mine-123.jsa"))
        Files.exists(cds.resolve('gradus-42-123.jsa'))
        archives().size() == 2
    }

    def "the lock of builds and archives lies in the tree (repl/target): none is left in TMPDIR, and the one kept there before goes"() {
        given: "a TMPDIR of the launch's own, with lock files named as the launcher named them before: this project's, another project's"
        Path tmp = Files.createDirectories(root.resolve('tmp'))
        String uid = ['id', '-u'].execute().text.trim()
        String mine = ['bash', '-c', 'printf %s "$1" | cksum | cut -d" " -f1', '_', root.toRealPath().toString()].execute().text.trim()
        Files.writeString(tmp.resolve("gradus-$uid-${mine}.lock"), '')
        Files.writeString(tmp.resolve("gradus-$uid-42.lock"), '')

        when: 'the first launch installs the jar and makes the archive, each under the lock'
        def run = launchIn(root, [GRADUS_DAEMON: '0', TMPDIR: tmp.toString()], root.resolve('gradus').toString(), '--version')

        then: "the lock is in the tree; of TMPDIR's files only the other project's old lock is left (the training's cache went too)"
        run.code == 0
        Files.isRegularFile(root.resolve('repl/target/.gradus.lock'))
        archives().size() == 1
        Files.list(tmp).withCloseable { it.toList()*.fileName*.toString() } == ["gradus-$uid-42.lock".toString()]
    }

    def "only a module's main sources and the POMs make the jar stale: a newer test or document does not"() {
        given:
        launch('--version')
        Files.createDirectories(root.resolve('m/src/test'))
        Files.writeString(root.resolve('m/src/test/SourceSpec.groovy'), '// a test, written after the build\n')
        Files.createDirectories(root.resolve('docs'))
        Files.writeString(root.resolve('docs/notes.md'), 'written after the build\n')

        when: 'a build would fail here (no POM), so a clean run shows none was started'
        def run = launch('--version')

        then:
        run.code == 0
        !run.err.contains('building')

        when: 'a main source newer than the jar: the launcher tries to build (and says so), and fails without a POM'
        Files.writeString(root.resolve('m/src/main/Source.java'), '// edited after the build\n')
        setTime(built(), 7200)
        def stale = launch('--version')

        then:
        stale.code == 3
        stale.err.contains('building')
    }

    def "with the daemon, a run piped to cat ends when the run ends, prints what the run in-process prints, and the daemon stops on request"() {
        given:
        Path work = Files.createDirectories(root.resolve('work'))
        Files.writeString(work.resolve('x.opt'), 'x = variable(1)\nprintln "hello"\ngrad((x - 2)**2).at(x: 0)\n')
        Map env = [GRADUS_DAEMON: '1', GRADUS_DAEMON_DIR: root.resolve('daemon').toString(), GRADUS_DAEMON_IDLE: '120']

        when: 'stdout is a pipe to cat: the detached daemon must not hold it (reading it to its end returns)'
        def piped = launchIn(work, env, 'bash', '-c', root.resolve('gradus').toString() + ' run x.opt --json | cat')
        def again = launchIn(work, env, root.resolve('gradus').toString(), 'run', 'x.opt', '--json')
        def here = launchIn(work, env, root.resolve('gradus').toString(), 'run', 'x.opt', '--json', '--no-daemon')
        def status = launchIn(work, env, root.resolve('gradus').toString(), 'daemon', '--status')

        then:
        piped.code == 0
        piped.out == here.out
        again.out == here.out && again.code == 0
        here.out.startsWith('{"kind":"gradient"')
        status.out.startsWith('gradus daemon: running')
        and: 'after its first command the daemon warmed up (the REPL, new scripts, the vector unit), and left nothing of it in its folder'
        new spock.util.concurrent.PollingConditions(timeout: 120, delay: 0.2).eventually {
            assert daemonLog().contains('warmed up in')
        }
        !daemonLog().contains('warm-up failed')
        and: 'the daemon runs with the Vector API (DaemonLaunch), its sums warmed up on a processor with AVX2'
        daemonLog().contains('vector unit: ')
        !new File('/proc/cpuinfo').with { it.exists() && it.text.contains(' avx2') } ||
                daemonLog().contains('vector unit: vectors of ') && !daemonLog().contains('doubles, warming up')
        Files.list(root.resolve('daemon')).withCloseable { s -> s.noneMatch { it.fileName.toString().startsWith('warmup-') } }

        when:
        def stop = launchIn(work, env, root.resolve('gradus').toString(), 'daemon', '--stop')

        then:
        stop.out.startsWith('gradus daemon: stopped')
    }

    /** What the daemons of {@code root/daemon} logged. */
    private String daemonLog() {
        Files.list(root.resolve('daemon')).withCloseable { s -> s.filter { it.fileName.toString().endsWith('.log') }.toList() }
                .collect { Files.readString(it) }.join('')
    }

    @IgnoreIf({ !new File('/usr/bin/script').canExecute() || !new File('/bin/stty').canExecute() && !new File('/usr/bin/stty').canExecute() })
    def "at a terminal (a pseudo-terminal of script(1)), a run through the daemon draws byte for byte what the run in-process draws"() {
        given: 'a heat map (background colours) and a curve (braille), drawn at a 100x30 terminal'
        Path work = Files.createDirectories(root.resolve('work'))
        Files.writeString(work.resolve('p.opt'), 'x = variable(1)\ny = variable(1)\nrosen = (1 - x)**2 + 100*(y - x**2)**2\n' +
                'println "drawing"\nplot rosen, x: -2..2, y: -1..3\nplot (x - 1)**2, x: -2..3\n')
        String command = 'stty cols 100 rows 30; ' + root.resolve('gradus') + ' run p.opt --debug'
        Map daemon = [GRADUS_DAEMON_DIR: root.resolve('daemon').toString(), GRADUS_DAEMON_IDLE: '120']

        expect:
        for (colorterm in ['truecolor', '']) {
            Map terminal = [TERM: 'xterm-256color', COLORTERM: colorterm]
            def here = launchIn(work, terminal + daemon + [GRADUS_DAEMON: '0'], 'script', '-qec', command, '/dev/null')
            def there = launchIn(work, terminal + daemon + [GRADUS_DAEMON: '1'], 'script', '-qec', command, '/dev/null')
            assert here.code == 0 && there.code == 0
            assert !there.out.contains('running in this process')            // --debug says so when the daemon is not used
            assert there.out == here.out
            assert here.out.contains('drawing') && here.out.count('\n') >= 40  // two pictures of the terminal's height
            assert here.out.contains(colorterm ? '\u001b[48;2;' : '\u001b[48;5;')  // 24-bit colour only where COLORTERM says so
            assert here.out.find(/[\u2801-\u28ff]/)                         // the curve in braille
        }

        cleanup:
        launchIn(work, daemon, root.resolve('gradus').toString(), 'daemon', '--stop')
    }

    @IgnoreIf({ !new File('/usr/bin/script').canExecute() })
    def "at a terminal (a pseudo-terminal of script(1)) the REPL prompts, answers the input typed before its session was made, and leaves"() {
        given: 'two lines typed at once, before the prompt: the session (made once the prompt is shown) must still answer'
        Path work = Files.createDirectories(root.resolve('repl'))
        Files.writeString(work.resolve('typed'), '6 * 7\n:quit\n')
        String command = 'stty cols 100 rows 30; stty -g > before; ' + root.resolve('gradus') + ' ; echo "exit code $?"; stty -g > after; touch ended'
        Map env = [TERM: term, HOME: work.toString(), GRADUS_DAEMON: daemon, GRADUS_DAEMON_DIR: root.resolve('daemon').toString(),
                   GRADUS_DAEMON_IDLE: '120']

        when:
        // script(1) answers the end of its input by typing an end-of-file key (a NUL byte in raw mode) into the session,
        // whenever that end comes: the typed lines are followed by an input kept open until the session has ended (the
        // file 'ended'; at most a minute), so that only the lines typed reach the REPL
        String feed = '{ cat typed; for i in $(seq 600); do [ -e ended ] && break; sleep 0.1; done; }'
        def r = launchIn(work, env, 'bash', '-c', "$feed | script -qec '$command' /dev/null")
        String shown = r.out.replaceAll(/\u001b\[[0-9;?]*[A-Za-z]|\u001b[=>]|\r/, '')
        def status = launchIn(work, env, root.resolve('gradus').toString(), 'daemon', '--status')

        then:
        r.code == 0
        shown.contains('exit code 0')
        shown.contains('gradus> ')
        shown.readLines()*.strip().any { it == '42' || it == 'gradus> 42' }    // the answer (a dumb terminal does not clear the line)
        !shown.contains('Exception')
        // raw mode undone: through the daemon, the settings exactly as stty -g read them (JLine's own terminal in this
        // process puts them back but for the line speed of a pseudo-terminal: docs/daemon.md)
        daemon == '0' || Files.readString(work.resolve('after')) == Files.readString(work.resolve('before'))
        status.out.startsWith(daemon == '1' && term != 'dumb' ? 'gradus daemon: running' : 'gradus daemon: not running')

        cleanup:
        launchIn(work, env, root.resolve('gradus').toString(), 'daemon', '--stop')

        where: 'in its own process, and (at an xterm) through the daemon: a dumb terminal stays in its own process'
        term             | daemon
        'xterm-256color' | '0'
        'dumb'           | '0'
        'xterm-256color' | '1'
        'dumb'           | '1'
    }

    Map launchIn(Path dir, Map env, String... command) {
        def pb = new ProcessBuilder(command.toList()).directory(dir.toFile())
        pb.environment().put('GRADUS_CACHE', '0')
        pb.environment().put('GRADUS_CDS_DIR', root.resolve('cds').toString())
        pb.environment().putAll(env)
        Process p = pb.start()
        p.outputStream.close()
        String err = ''
        Thread e = Thread.start { err = p.errorStream.text }
        String out = p.inputStream.text
        e.join()
        p.waitFor()
        [code: p.exitValue(), out: out, err: err]
    }

    /** The archives in the launches' archive folder (GRADUS_CDS_DIR). */
    List<Path> archives() {
        Path dir = root.resolve('cds')
        Files.isDirectory(dir) ? Files.list(dir).withCloseable { s -> s.filter { it.toString().endsWith('.jsa') }.toList() } : []
    }

    /** The launcher itself, in its own process (GRADUS_DAEMON=0: these cases are about building and the archive, and leave no daemon behind). */
    Map launch(String... args) {
        def pb = new ProcessBuilder([root.resolve('gradus').toString()] + args.toList())
        pb.environment().put('GRADUS_DAEMON', '0')
        pb.environment().put('GRADUS_CACHE', '0')
        pb.environment().put('GRADUS_CDS_DIR', root.resolve('cds').toString())
        Process p = pb.start()
        p.outputStream.close()
        String out = p.inputStream.text
        String err = p.errorStream.text
        p.waitFor()
        [code: p.exitValue(), out: out, err: err]
    }

    static String java() {
        Path.of(System.getProperty('java.home'), 'bin', 'java').toString()
    }

    static void setTime(Path p, long secondsAgo) {
        Files.setLastModifiedTime(p, FileTime.fromMillis(System.currentTimeMillis() - secondsAgo * 1000))
    }

    /** Rewrites the jar with a 1 MB entry first, so that every class lies at another offset. */
    static void rewriteWithPadding(Path jarFile) {
        Path tmp = jarFile.resolveSibling('padded.jar')
        new ZipFile(jarFile.toFile()).withCloseable { zip ->
            new ZipOutputStream(Files.newOutputStream(tmp)).withCloseable { out ->
                out.putNextEntry(new ZipEntry('aaa-padding.bin'))
                byte[] noise = new byte[1 << 20]
                new Random(1).nextBytes(noise)                  // incompressible: the offsets move by 1 MB
                out.write(noise)
                out.closeEntry()
                zip.entries().each { ZipEntry e ->
                    out.putNextEntry(new ZipEntry(e.name))
                    zip.getInputStream(e).withCloseable { it.transferTo(out) }
                    out.closeEntry()
                }
            }
        }
        Files.move(tmp, jarFile, java.nio.file.StandardCopyOption.REPLACE_EXISTING)
    }
}
