package org.gradus.dsl.sandbox

import org.gradus.dsl.GradusException
import org.gradus.dsl.GradusSession
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/** What a script may read and write through Gradus's own features: csv(...) and trace: files. */
class ScriptFilesSpec extends Specification {
    @TempDir
    Path tmp
    Path dir, outside

    static final String MODEL = "x = variable(0)\nf = (x - 1)**2\n"

    def setup() {
        dir = Files.createDirectories(tmp.resolve('project'))
        outside = Files.createDirectories(tmp.resolve('elsewhere'))
        Files.writeString(dir.resolve('d.csv'), 'a,y\n1,2\n2,4\n')
        Files.writeString(outside.resolve('secret.csv'), 'secret,y\n987654,1\n')
        Files.createSymbolicLink(dir.resolve('link.csv'), outside.resolve('secret.csv'))
    }

    GradusException failure(String source, GradusSession session = new GradusSession()) {
        Files.writeString(dir.resolve('s.opt'), source)
        try {
            session.run(dir.resolve('s.opt'))
        } catch (GradusException e) {
            return e
        }
        throw new AssertionError('expected the script to fail')
    }

    @Unroll
    def "csv(#name) is refused with exit code 4, located, and no cell of the file is printed"() {
        when:
        def e = failure("z = variable(0)\ndata = csv('${name.replace('OUT', outside.toString())}', target: 'y')\n")

        then:
        e.exitCode == 4
        e.line == 2
        !e.report().contains('987654')
        !e.report().contains('\tat ')

        where:
        name << ['/etc/passwd', 'OUT/secret.csv', '../elsewhere/secret.csv', '../../../../../etc/passwd', 'link.csv']
    }

    def "a data file inside the script's folder is read; a granted folder too"() {
        given:
        def session = new GradusSession()
        session.allowRead << outside
        Files.writeString(dir.resolve('ok.opt'), "d = csv('d.csv', target: 'y')\nd.rows\ne = csv('../elsewhere/secret.csv', target: 'y')\ne.rows\n")

        expect:
        session.run(dir.resolve('ok.opt'))*.toText() == ['2', '1']
    }

    @Unroll
    def "trace: '#name' is refused with exit code 4 and writes nothing"() {
        when:
        def e = failure(MODEL + "minimize f, method: 'gd', lr: 0.1, maxIter: 5, trace: '${name.replace('OUT', outside.toString())}'\n")

        then:
        e.exitCode == 4
        e.line == 3
        Files.list(outside).toList()*.fileName*.toString() == ['secret.csv']
        !Files.exists(tmp.resolve('made'))
        Files.readString(dir.resolve('d.csv')) == 'a,y\n1,2\n2,4\n'
        Files.list(dir).noneMatch { it.fileName.toString().endsWith('.tmp') }

        where:
        name << ['/tmp/gradus-trace-canary.csv', 'OUT/t.csv', '../elsewhere/t.csv', '../made/t.csv', 'newdir/t.csv', 'd.csv',
                 's.opt', 'link.csv', '.hidden.csv']
    }

    def "a trace file is written beside the script, and may be rewritten by the same session"() {
        given:
        def session = new GradusSession()
        Files.writeString(dir.resolve('t.opt'), MODEL + "minimize f, method: 'gd', lr: 0.1, maxIter: 5, trace: 'run.csv'\n")

        when:
        session.run(dir.resolve('t.opt'))
        session.run(dir.resolve('t.opt'))

        then:
        Files.readAllLines(dir.resolve('run.csv'))[0].startsWith('iteration,')
        Files.list(dir).noneMatch { it.fileName.toString().endsWith('.tmp') }

        when: 'a new session finds a file it did not write'
        new GradusSession().run(dir.resolve('t.opt'))

        then:
        def e = thrown(GradusException)
        e.exitCode == 4
        e.message.contains('exists')
    }

    def "with the command line's cache folder, running a script again replaces the files it wrote, never ones changed since"() {
        given: 'two sessions sharing a cache folder, as two runs of the gradus command do'
        Path cache = Files.createDirectories(tmp.resolve('cache/gradus/scripts'))
        Files.writeString(dir.resolve('t.opt'), MODEL + "minimize f, method: 'gd', lr: 0.1, maxIter: 5, trace: 'run.csv'\n")
        def run = { new GradusSession(cacheDir: cache).run(dir.resolve('t.opt')) }

        when:
        run()
        run()

        then:
        Files.readAllLines(dir.resolve('run.csv'))[0].startsWith('iteration,')

        when: 'the user edits the trace, then runs the script again'
        Files.writeString(dir.resolve('run.csv'), 'my notes\n')
        run()

        then:
        def e = thrown(GradusException)
        e.exitCode == 4
        Files.readString(dir.resolve('run.csv')) == 'my notes\n'
    }

    def "without the sandbox, files are not restricted"() {
        given:
        def session = new GradusSession()
        session.sandboxed = false
        Files.writeString(dir.resolve('t.opt'), "e = csv('${outside.resolve('secret.csv')}', target: 'y')\ne.rows\n")

        expect:
        session.run(dir.resolve('t.opt'))*.toText() == ['1']
    }
}
