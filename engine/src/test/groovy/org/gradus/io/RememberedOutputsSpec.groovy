package org.gradus.io

import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.nio.file.attribute.PosixFilePermissions

/** Running a script again replaces its own outputs, and still never a file Gradus did not write (or one changed since). */
class RememberedOutputsSpec extends Specification {
    @TempDir
    Path tmp
    Path project, records

    def setup() {
        project = Files.createDirectories(tmp.resolve('project'))
        records = tmp.resolve('cache/gradus/outputs')
    }

    /** One run: a fresh policy and a fresh ledger over the same record folder, as a new process has. */
    private Path run(String name, String text) {
        def policy = FilePolicy.forScript(project).ledger(RememberedOutputs.in(records)).build()
        OutputFile out = policy.create(name)
        try {
            Files.writeString(out.temporary(), text)
            return out.commit()
        } finally {
            out.close()
        }
    }

    def "a second run replaces the picture the first run wrote"() {
        when:
        Path first = run('contour.png', 'first')
        Path second = run('contour.png', 'second')

        then:
        first == second
        Files.readString(second) == 'second'
        Files.getPosixFilePermissions(records) == PosixFilePermissions.fromString('rwx------')
    }

    def "a file the user changed after Gradus wrote it is kept"() {
        given:
        Path written = run('trace.csv', 'k,f\n0,1\n')
        Files.writeString(written, 'my notes\n')

        when:
        run('trace.csv', 'k,f\n0,2\n')

        then:
        thrown(FileAccessDeniedException)
        Files.readString(written) == 'my notes\n'
    }

    def "a file Gradus never wrote is kept, even with a record folder"() {
        given:
        Files.writeString(project.resolve('thesis.png'), 'mine')

        when:
        run('thesis.png', 'overwritten')

        then:
        thrown(FileAccessDeniedException)
        Files.readString(project.resolve('thesis.png')) == 'mine'
    }

    def "a record folder others may write is not trusted: nothing is remembered across runs"() {
        given:
        Files.createDirectories(records)
        Files.setPosixFilePermissions(records, PosixFilePermissions.fromString('rwxrwxrwx'))
        run('contour.png', 'first')

        when:
        run('contour.png', 'second')

        then:
        thrown(FileAccessDeniedException)
        Files.list(records).count() == 0
    }

    def "a forged record for another path does not let a file be replaced"() {
        given:
        Path mine = project.resolve('mine.png')
        Files.writeString(mine, 'mine')
        Path written = run('contour.png', 'mine')         // same content, recorded for contour.png only

        expect:
        written != mine
        !RememberedOutputs.in(records).mayReplace(mine.toRealPath())
    }
}
