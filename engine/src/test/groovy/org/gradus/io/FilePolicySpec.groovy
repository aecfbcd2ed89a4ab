package org.gradus.io

import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/** The file policy of a script: reads and writes inside its folder tree only, outputs atomic and never over foreign files. */
class FilePolicySpec extends Specification {
    @TempDir
    Path tmp
    Path dir, outside

    def setup() {
        dir = Files.createDirectories(tmp.resolve('project'))
        outside = Files.createDirectories(tmp.resolve('elsewhere'))
        Files.writeString(dir.resolve('data.csv'), 'a\n1\n')
        Files.createDirectories(dir.resolve('sub'))
        Files.writeString(dir.resolve('sub/more.csv'), 'a\n2\n')
        Files.writeString(outside.resolve('secret.csv'), 'password\nhunter2\n')
        Files.createDirectories(dir.resolve('.hidden'))
        Files.writeString(dir.resolve('.hidden/key.csv'), 'k\n1\n')
        Files.createSymbolicLink(dir.resolve('link.csv'), outside.resolve('secret.csv'))
        Files.createSymbolicLink(dir.resolve('linkdir'), outside)
        Files.createSymbolicLink(dir.resolve('inner.csv'), dir.resolve('data.csv'))
    }

    FilePolicy policy() { FilePolicy.forScript(dir).build() }

    @Unroll
    def "reads '#name' inside the script's folder"() {
        expect:
        policy().readable(name) == dir.resolve(expected).toRealPath()

        where:
        name                     | expected
        'data.csv'               | 'data.csv'
        'sub/more.csv'           | 'sub/more.csv'
        './sub/../data.csv'      | 'data.csv'
        'inner.csv'              | 'data.csv'      // a link that stays inside is followed
    }

    @Unroll
    def "refuses to read '#name' (#why)"() {
        when:
        policy().readable(name.replace('OUT', outside.toString()))

        then:
        def e = thrown(FileAccessDeniedException)
        e.message.contains(why)
        !e.message.contains('hunter2')

        where:
        name                           | why
        '/etc/passwd'                  | 'outside the script'
        'OUT/secret.csv'               | 'outside the script'
        '../elsewhere/secret.csv'      | 'outside the script'
        '../../../../etc/passwd'       | 'outside the script'
        'link.csv'                     | 'symbolic link'
        'linkdir/secret.csv'           | 'symbolic link'
        '.hidden/key.csv'              | 'hidden'
        'sub'                          | 'not a regular file'
    }

    def "a missing file inside the folder is left to the reader to report"() {
        expect:
        policy().readable('nothing.csv') == dir.resolve('nothing.csv')
    }

    def "a granted folder is readable, absolute or relative"() {
        given:
        def p = FilePolicy.forScript(dir).allowRead(outside).build()

        expect:
        p.readable(outside.resolve('secret.csv').toString()) == outside.resolve('secret.csv').toRealPath()
        p.readable('../elsewhere/secret.csv') == outside.resolve('secret.csv').toRealPath()
        p.readable('link.csv') == outside.resolve('secret.csv').toRealPath()
    }

    def "an output is written atomically to a new file, and may be rewritten by the same policy"() {
        given:
        def p = policy()

        when:
        Path written = write(p, 'out.csv', 'one')

        then:
        written == dir.toRealPath().resolve('out.csv')
        Files.readString(written) == 'one'
        TemporaryFiles.live().isEmpty()

        when: 'written again in the same run (or session)'
        write(p, 'out.csv', 'two')

        then:
        Files.readString(written) == 'two'
        noTemporaryFiles()
    }

    def "an output gets the permissions of any new file (the umask's), not a temporary file's owner-only ones"() {
        given:
        Path plain = Files.createFile(dir.resolve('plain.txt'))     // what the user's umask gives

        when:
        Path written = write(policy(), 'picture.png', 'png')

        then:
        Files.getPosixFilePermissions(written) == Files.getPosixFilePermissions(plain)
    }

    def "an output never replaces a file Gradus did not write"() {
        when:
        write(policy(), 'data.csv', 'overwritten')

        then:
        def e = thrown(FileAccessDeniedException)
        e.message.contains('exists')
        Files.readString(dir.resolve('data.csv')) == 'a\n1\n'
        noTemporaryFiles()
    }

    def "a new policy with the same ledger may replace what an earlier run wrote"() {
        given:
        def ledger = OutputLedger.inMemory()
        write(FilePolicy.forScript(dir).ledger(ledger).build(), 'plot.png', 'first')

        when:
        write(FilePolicy.forScript(dir).ledger(ledger).build(), 'plot.png', 'second')

        then:
        Files.readString(dir.resolve('plot.png')) == 'second'
    }

    @Unroll
    def "refuses to write '#name' (#why)"() {
        when:
        write(policy(), name.replace('OUT', outside.toString()), 'x')

        then:
        def e = thrown(FileAccessDeniedException)
        e.message.contains(why)
        Files.list(outside).count() == 1
        noTemporaryFiles()

        where:
        name                       | why
        '/tmp/gradus-canary.csv'   | 'outside the script'
        'OUT/new.csv'              | 'outside the script'
        '../elsewhere/new.csv'     | 'outside the script'
        'linkdir/new.csv'          | 'symbolic link'
        'link.csv'                 | 'symbolic link'
        'newdir/new.csv'           | 'does not exist'
        '.bashrc'                  | 'hidden'
        '.hidden/new.csv'          | 'hidden'
        'sub'                      | 'not a regular file'
    }

    def "an output that fails while being written leaves nothing behind"() {
        when:
        OutputFile out = policy().create('half.csv')
        try {
            Files.writeString(out.temporary(), 'half')
            throw new IOException('disk full')
        } finally {
            out.close()
        }

        then:
        thrown(IOException)
        !Files.exists(dir.resolve('half.csv'))
        noTemporaryFiles()
    }

    def "a temporary file still open at shutdown is deleted by the hook's action"() {
        given:
        OutputFile out = policy().create('t.csv')
        Files.writeString(out.temporary(), 'x')

        expect:
        TemporaryFiles.live().contains(out.temporary())
        TemporaryFiles.deleteAll() == 1
        noTemporaryFiles()
    }

    def "unrestricted (the sandbox off) reads and writes anywhere, still atomically"() {
        given:
        def p = FilePolicy.unrestricted(dir)

        expect:
        p.readable(outside.resolve('secret.csv').toString()) == outside.resolve('secret.csv')
        write(p, outside.resolve('secret.csv').toString(), 'replaced') == outside.resolve('secret.csv')
        Files.readString(outside.resolve('secret.csv')) == 'replaced'
    }

    def "a granted folder that does not exist is a clear error"() {
        when:
        FilePolicy.forScript(dir).allowWrite(tmp.resolve('nope')).build()

        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('does not exist')
    }

    private static Path write(FileAccess p, String name, String text) {
        OutputFile out = p.create(name)
        try {
            Files.writeString(out.temporary(), text)
            return out.commit()
        } finally {
            out.close()
        }
    }

    private boolean noTemporaryFiles() {
        [dir, outside].every { d -> Files.list(d).noneMatch { it.fileName.toString().endsWith('.tmp') } }
    }
}
