package org.gradus.dsl

import org.gradus.result.Shown
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.FileTime
import java.nio.file.attribute.PosixFilePermissions

/** The compiled-script cache: hits skip the compiler, behave as the first run did, and any trouble falls back. */
class ScriptCacheSpec extends Specification {
    @TempDir
    Path tmp

    Path cache() { tmp.resolve('cache') }

    GradusSession session(Path cacheDir = cache()) {
        def s = new GradusSession()
        s.cacheDir = cacheDir
        s
    }

    List<Path> entries(Path dir = cache()) {
        Files.isDirectory(dir) ? Files.list(dir).withCloseable { new ArrayList<Path>(it.toList()) }.sort() : []
    }

    static List<String> json(List<Shown> shown) { shown*.toJson() }

    GradusException failure(Closure<?> run) {
        try {
            run()
        } catch (GradusException e) {
            return e
        }
        throw new AssertionError('expected the script to fail')
    }

    static final String THREE = 'x = variable(1)\nf = (x - 2)**2 + 1\ngrad(f).at(x: 0)\n'

    def "the second run of an unchanged script loads its classes from the cache instead of compiling"() {
        when:
        def first = session()
        int before = ScriptCompiler.COMPILATIONS.get()
        def shown1 = json(first.run(THREE, 'three.opt'))

        then:
        !first.lastRunCached
        ScriptCompiler.COMPILATIONS.get() == before + 1
        entries()*.fileName*.toString().every { it.endsWith('.gsc') }
        entries().size() == 1

        when:
        def second = session()
        def shown2 = json(second.run(THREE, 'three.opt'))

        then:
        second.lastRunCached
        ScriptCompiler.COMPILATIONS.get() == before + 1          // the compiler was not used
        shown2 == shown1
        shown1 == ['{"kind":"gradient","at":{"x":0},"value":{"x":-4},"norm":4}']
        entries().size() == 1
    }

    def "closures, loops, constraints and println work the same from the cache"() {
        given:
        String source = '''
            x = variable(-1.2)
            y = variable(1.0)
            sq = { a -> a * a }
            f = sq(1 - x) + 100 * sq(y - sq(x))
            def total = 0
            for (i in 1..3) { total += [1, 2, 3].collect { it * i }.sum() }
            total
            g = sum(0..<3) { i -> (x - i)**2 }
            g.at(x: 1)
            println "printed ${total}"
            r = minimize x**2 + y**2, subjectTo: { x + y >= 1 }
            r.status
            minimize f, method: 'lbfgs'
        '''.stripIndent()
        def out1 = new ByteArrayOutputStream(), out2 = new ByteArrayOutputStream()
        def s1 = session(), s2 = session()
        s1.scriptOut = new PrintStream(out1, true, 'UTF-8')
        s2.scriptOut = new PrintStream(out2, true, 'UTF-8')

        when:
        def a = s1.run(source, 'closures.opt')
        def b = s2.run(source, 'closures.opt')
        def entry = entries()[0]
        def classes = ScriptCache.open(cache()).load(entry.fileName.toString() - ScriptCache.SUFFIX).classes

        then:
        !s1.lastRunCached
        s2.lastRunCached
        json(a).collect { it.replaceAll(/"seconds":[0-9.eE-]+/, '') } == json(b).collect { it.replaceAll(/"seconds":[0-9.eE-]+/, '') }
        a*.toText().take(3) == ['36', '2', 'converged']
        a.size() == 4
        out1.toString('UTF-8') == 'printed 36\n'
        out2.toString('UTF-8') == 'printed 36\n'
        classes.size() > 3                                  // the script class and one class per closure
        classes.keySet().every { it.startsWith('Gradus_closures') }
    }

    def "a changed source, file name or flag makes a new entry; the same ones reuse it"() {
        when:
        session().run(THREE, 'a.opt')
        session().run(THREE, 'a.opt')
        session().run(THREE + '\n1 + 1\n', 'a.opt')
        session().run(THREE, 'b.opt')
        def unsandboxed = session()
        unsandboxed.sandboxed = false
        unsandboxed.run(THREE, 'a.opt')

        then:
        entries().size() == 4

        and: 'the key covers source, compiled name and both flags'
        def c = ScriptCache.open(cache())
        [c.key(THREE, 'Gradus$a.opt', true, false), c.key(THREE + ' ', 'Gradus$a.opt', true, false),
         c.key(THREE, 'Gradus$b.opt', true, false), c.key(THREE, 'Gradus$a.opt', false, false),
         c.key(THREE, 'Gradus$a.opt', true, true)].toSet().size() == 5
        c.key(THREE, 'Gradus$a.opt', true, false) == c.key(THREE, 'Gradus$a.opt', true, false)
        c.key(THREE, 'Gradus$a.opt', true, false) ==~ /[0-9a-f]{64}/
    }

    def "an entry compiled without the sandbox is never used by a sandboxed run"() {
        given:
        String source = 'r = Runtime.runtime\n1\n'
        def open = session()
        open.sandboxed = false

        when:
        open.run(source, 'x.opt')
        def e = failure { session().run(source, 'x.opt') }

        then:
        entries().size() == 1                               // only the unsandboxed compile was stored
        e.exitCode == GradusException.FORBIDDEN
        e.line == 1
    }

    @Unroll
    def "a corrupt entry (#how) falls back to compiling, and the next run is cached again"() {
        given:
        session().run(THREE, 'three.opt')
        Path entry = entries()[0]
        byte[] bytes = Files.readAllBytes(entry)
        Files.write(entry, damage(bytes))

        when:
        def s = session()
        def shown = json(s.run(THREE, 'three.opt'))
        def again = session()
        again.run(THREE, 'three.opt')

        then:
        !s.lastRunCached
        shown == ['{"kind":"gradient","at":{"x":0},"value":{"x":-4},"norm":4}']
        again.lastRunCached

        where:
        how                  | damage
        'truncated'          | { byte[] b -> Arrays.copyOf(b, b.length.intdiv(2)) }
        'empty'              | { byte[] b -> new byte[0] }
        'one byte flipped'   | { byte[] b -> def c = b.clone(); c[c.length.intdiv(2)] ^= 1; c }
        'garbage'            | { byte[] b -> 'not a cache entry at all, just some text'.bytes }
    }

    def "an entry whose classes cannot be defined falls back to compiling"() {
        given: 'a well-formed entry (valid checksum) holding bytes that are not a class'
        def c = ScriptCache.open(cache())
        String key = c.key(THREE, GradusSession.compiledName('three.opt'), true, false)
        c.store(key, new ScriptCache.Compiled('Gradus_three', ['Gradus_three': 'junk'.bytes]))

        when:
        def s = session()
        def shown = json(s.run(THREE, 'three.opt'))

        then:
        !s.lastRunCached
        shown == ['{"kind":"gradient","at":{"x":0},"value":{"x":-4},"norm":4}']
    }

    def "a cache directory that cannot be created or used falls back to compiling, silently"() {
        given:
        Path file = tmp.resolve('a-file')
        Files.writeString(file, 'x')
        Path open = tmp.resolve('group-writable')
        Files.createDirectories(open)
        Files.setPosixFilePermissions(open, PosixFilePermissions.fromString('rwxrwxrwx'))

        expect:
        [file, file.resolve('below'), open].every { Path dir ->
            def s = session(dir)
            def shown = json(s.run(THREE, 'three.opt'))
            def again = session(dir)
            again.run(THREE, 'three.opt')
            shown.size() == 1 && !s.lastRunCached && !again.lastRunCached
        }
        entries(open).isEmpty()                             // a directory others may write to is not trusted
    }

    def "an entry that cannot be written is skipped; the others are still read"() {
        given:
        session().run(THREE, 'three.opt')
        def c = ScriptCache.open(cache())

        when: 'writing fails (here: the entry path is a directory; tests run as root, so no read-only dir)'
        String other = 'y = variable(2)\ny**2\n'
        Files.createDirectories(c.entry(c.key(other, GradusSession.compiledName('o.opt'), true, false)))
        def s = session()
        def shown = s.run(other, 'o.opt')*.toText()
        def hit = session()
        hit.run(THREE, 'three.opt')

        then:
        shown == ['y**2']
        !s.lastRunCached
        hit.lastRunCached
        entries().every { !it.fileName.toString().endsWith('.tmp') }
    }

    def "compile errors are reported as before and nothing is cached"() {
        when:
        def syntax = failure { session().run('x = variable(1)\nf = (x - 1)**2\nminimize f method: \'lbfgs\')\n', 'bad.opt') }
        def forbidden = failure { session().run('x = variable(1)\n"touch /tmp/owned".execute()\n', 'bad.opt') }

        then:
        syntax.exitCode == 3
        syntax.line == 3
        syntax.column == 27
        forbidden.exitCode == 4
        forbidden.line == 2
        entries().isEmpty()
    }

    def "run-time errors point at the same lines from the cache, in the script and in closures"() {
        given:
        String source = 'x = variable(1)\n\n  y = x + undefinedName\n'
        String inClosure = 'x = variable(1)\nh = { a ->\n  a + nothing\n}\nh(x)\n'

        expect:
        (1..2).every {
            def s = session()
            def e = failure { s.run(source, 'rosen.opt') }
            def s2 = session()
            def e2 = failure { s2.run(inClosure, 'rosen.opt') }
            s.lastRunCached == (it == 2) && s2.lastRunCached == (it == 2) &&
                    e.exitCode == 1 && e.line == 3 && e.column == 11 && e.report().startsWith('rosen.opt:3:11: error: ') &&
                    e.message.contains("unknown name 'undefinedName'") &&
                    e2.line == 3 && e2.message.contains("unknown name 'nothing'")
        }
    }

    def "predefined values, data paths relative to the script and the time limit work from the cache"() {
        given:
        Path sub = Files.createDirectories(tmp.resolve('work'))
        Files.writeString(sub.resolve('d.csv'), 'a,y\n1,2\n2,4\n3,6\n')
        Path script = sub.resolve('fit.opt')
        Files.writeString(script, "data = csv('d.csv', target: 'y')\ndata.rows * k\n")
        Path slow = sub.resolve('slow.opt')
        Files.writeString(slow, "x = variable(1)\nminimize x**2 + 1, method: 'adam', lr: 1e-12, maxIter: 1000000000\n")

        expect:
        (1..2).every { int round ->
            def s = session()
            s.predefined.k = 10
            def shown = s.run(script)*.toText()
            def t = session()
            t.timeLimit = 0.3
            def e = failure { t.run(slow) }
            shown == ['30'] && s.lastRunCached == (round == 2) && t.lastRunCached == (round == 2) &&
                    e.exitCode == GradusException.TIMEOUT
        }
    }

    def "the cache is off unless asked for, and the REPL (interactive) never uses it"() {
        given:
        def plain = new GradusSession()
        def repl = session()
        repl.interactive = true

        when:
        plain.run(THREE, 'three.opt')
        repl.run(THREE, 'three.opt')
        repl.run(THREE, 'three.opt')

        then:
        plain.cacheDir == null
        !repl.lastRunCached
        entries().isEmpty()
    }

    def "the directory keeps the most recently used entries and no temporary files"() {
        given:
        def c = ScriptCache.open(cache())
        long old = System.currentTimeMillis() - 86_400_000L
        (1..ScriptCache.MAX_ENTRIES + 5).each { int i ->
            Path p = cache().resolve(String.format('%064x', i) + ScriptCache.SUFFIX)
            Files.writeString(p, 'old')
            Files.setLastModifiedTime(p, FileTime.fromMillis(old + i))
        }
        Path staleTmp = cache().resolve('abc123.tmp')
        Files.writeString(staleTmp, 'half')
        Files.setLastModifiedTime(staleTmp, FileTime.fromMillis(old))

        when:
        session().run(THREE, 'three.opt')
        def names = entries()*.fileName*.toString()
        String newest = c.key(THREE, GradusSession.compiledName('three.opt'), true, false) + ScriptCache.SUFFIX

        then:
        names.size() == ScriptCache.MAX_ENTRIES
        newest in names
        !(String.format('%064x', 1) + ScriptCache.SUFFIX in names)      // the oldest went first
        (String.format('%064x', ScriptCache.MAX_ENTRIES + 5) + ScriptCache.SUFFIX) in names
        !Files.exists(staleTmp)
    }

    def "the default directory follows GRADUS_CACHE, GRADUS_CACHE_DIR, XDG_CACHE_HOME and HOME"() {
        expect:
        ScriptCache.defaultDir(env) == (expected == null ? null : Path.of(expected))

        where:
        env                                                            | expected
        [HOME: '/home/u']                                              | '/home/u/.cache/gradus/scripts'
        [HOME: '/home/u', XDG_CACHE_HOME: '/xdg']                      | '/xdg/gradus/scripts'
        [HOME: '/home/u', XDG_CACHE_HOME: 'relative']                  | '/home/u/.cache/gradus/scripts'
        [HOME: '/home/u', GRADUS_CACHE_DIR: '/mine']                   | '/mine'
        [HOME: '/home/u', GRADUS_CACHE_DIR: '/mine', GRADUS_CACHE: '0'] | null
        [HOME: '/home/u', GRADUS_CACHE: '1']                           | '/home/u/.cache/gradus/scripts'
    }

    def "entries are written whole: owner-only files, no temporary file left behind"() {
        when:
        session().run(THREE, 'three.opt')

        then:
        entries().size() == 1
        PosixFilePermissions.toString(Files.getPosixFilePermissions(entries()[0])) == 'rw-------'
        PosixFilePermissions.toString(Files.getPosixFilePermissions(cache())) == 'rwx------'
    }
}
