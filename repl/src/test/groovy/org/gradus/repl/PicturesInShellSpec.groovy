package org.gradus.repl

import java.nio.file.Files
import java.nio.file.Path

import spock.lang.Specification
import spock.lang.TempDir

/** A plot without file: in the REPL is drawn in the terminal: braille, and colours where the terminal has them. */
class PicturesInShellSpec extends Specification {
    @TempDir
    Path dir

    static final List<String> ROSEN = ['x = variable(-1.2); y = variable(1)', 'rosen = (1 - x)**2 + 100*(y - x**2)**2']

    def "on a dumb terminal the level sets are drawn as braille contour lines, with axes and the level scale, and no file is written"() {
        when:
        String screen = ShellDriver.run(dir, *(ROSEN + ['plot rosen, x: -2..2, y: -1..3']))

        then:
        screen.any { it >= '\u2801' && it <= '\u28ff' }
        screen.contains('┤') && screen.contains('└')
        screen.contains('f 0') && screen.contains('5000  (log-spaced levels)')
        !screen.contains('\u001b[')
        Files.list(dir).count() == 0
    }

    def "on an xterm the bands are cell backgrounds in the terminal's colours, and the path is coloured"() {
        given:
        ShellDriver d = new ShellDriver(dir, true)
        d.start()

        when:
        ROSEN.each { d.type(it) }
        d.type("r = minimize(rosen, method: 'lbfgs')")
        d.type('plot rosen, x: -2..2, y: -1..3, path: r')
        d.waitFor('lbfgs: ')
        d.waitFor('log-spaced levels')
        String screen = d.text()

        then: 'xterm-256color: 256-colour backgrounds (48;5;N) and foregrounds (38;5;N), braille cells, the legend'
        screen.contains('\u001b[48;5;') || screen.contains(';48;5;')
        screen.contains('38;5;')
        screen.any { it >= '\u2801' && it <= '\u28ff' }
        screen.contains('━━') && screen.contains('lbfgs: ')

        cleanup:
        d.close()
    }
}
