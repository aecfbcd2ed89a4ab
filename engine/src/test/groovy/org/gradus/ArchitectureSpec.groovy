package org.gradus

import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * The engine's packages are layered (docs/architecture.md): a package may use the packages of lower
 * layers only — never one above it, nor a peer of its own layer. The spec reads every main source
 * file's references to {@code org.gradus.<package>} (imports and fully qualified names, comments and
 * strings left out). The same spec keeps every main source file of every module at most
 * {@value #MAX_LINES} lines: a file longer than that is usually two concepts.
 */
class ArchitectureSpec extends Specification {
    static final int MAX_LINES = 450

    /** Lowest layer first; packages in one inner list are peers and must not use each other. */
    static final List<List<String>> LAYERS = [
            ['print', 'io'],        // how numbers are written | the file access policy of scripts
            ['expr'],               // the expression tree, points by name, printing
            ['atoms'],              // primitives and their shape vocabulary, Apply, the simplifying constructors
            ['result'],             // the Shown protocol and JSON
            ['diff'],               // symbolic differentiation
            ['data'],               // data sets as expressions over rows
            ['eval'],               // compiled evaluation and reverse mode
            ['calculus', 'optim'],  // point commands (gradient/Hessian at a point, Taylor) | descent methods
            ['analysis'],           // convexity, stationary points, differentiability
    ]

    /**
     * Files that may still be longer than MAX_LINES, each because another engineer is splitting it this
     * round. Whoever splits a file removes its line; nothing else belongs here.
     */
    static final Set<String> OVERSIZE_BEING_SPLIT = [
    ] as Set

    @Shared Path project = locateProject()
    @Shared Path engineSources = project.resolve('engine/src/main/java/org/gradus')

    private static Path locateProject() {
        Path p = Path.of('').toAbsolutePath()
        while (p != null && !Files.isDirectory(p.resolve('engine/src/main/java/org/gradus'))) p = p.parent
        assert p != null: 'run from inside the Gradus project'
        p
    }

    static int layerOf(String pkg) {
        LAYERS.findIndexOf { it.contains(pkg) }
    }

    /** The top-level engine package of a source file: org/gradus/optim/method/Adam.java is in optim. */
    String packageOf(Path file) {
        engineSources.relativize(file).getName(0).toString()
    }

    /** The source without comments and string literals, so prose may name any package. */
    static String code(String source) {
        source.replaceAll(/(?s)\/\*.*?\*\//, ' ')
                .replaceAll(/\/\/[^\n]*/, ' ')
                .replaceAll(/"(?:\\.|[^"\\\n])*"/, '""')
    }

    List<Path> engineFiles() {
        Files.walk(engineSources).withCloseable { s -> s.filter { it.toString().endsWith('.java') }.sorted().toList() }
    }

    def "every engine package has a place in the layers"() {
        when:
        def unplaced = engineFiles().collect { packageOf(it) }.unique().findAll { layerOf(it) < 0 }

        then: 'a new package is placed in LAYERS and in docs/architecture.md'
        unplaced == []
    }

    def "no engine package uses a package above it or a peer of its layer"() {
        when:
        List<String> violations = []
        engineFiles().each { file ->
            String own = packageOf(file)
            int ownLayer = layerOf(own)
            (code(Files.readString(file)) =~ /\borg\.gradus\.([a-z]+)\b/).each { List<String> m ->
                String used = m[1]
                if (used == own || layerOf(used) < 0) return
                if (layerOf(used) >= ownLayer) {
                    violations << "${engineSources.relativize(file)} ($own) uses $used".toString()
                }
            }
        }

        then:
        violations.unique() == []
    }

    def "the layer check finds an upward use"() {
        expect: 'the rule itself: a lower package naming a higher one is caught, comments and strings are not'
        layerOf('atoms') < layerOf('analysis')
        (code('import org.gradus.analysis.Convexity;\n// org.gradus.optim in a comment\nString s = "org.gradus.eval";') =~
                /\borg\.gradus\.([a-z]+)\b/).collect { it[1] } == ['analysis']
    }

    def "no main source file is longer than #MAX_LINES lines"() {
        when:
        List<String> tooLong = []
        Files.list(project).withCloseable { modules ->
            modules.filter { Files.isDirectory(it.resolve('src/main')) }.forEach { module ->
                Files.walk(module.resolve('src/main')).withCloseable { files ->
                    files.filter { it.toString() ==~ /.*\.(java|groovy)$/ }.forEach { f ->
                        String rel = project.relativize(f).toString().replace('\\', '/')
                        long lines = Files.readAllLines(f).size()
                        if (lines > MAX_LINES && !(rel in OVERSIZE_BEING_SPLIT)) tooLong << "$rel: $lines lines".toString()
                    }
                }
            }
        }

        then: 'split a file that grows past the limit by concept (STYLE.md)'
        tooLong == []
    }
}
