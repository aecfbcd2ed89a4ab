package org.gradus.atoms

import org.gradus.expr.Variable
import org.gradus.print.Numbers
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * The registry is the one place the function words are listed; the table in docs/functions.md and the
 * IntelliJ descriptor's methods (dsl's gradus.gdsl) are rendered from it here and must match. To rewrite it after adding or changing a word run
 * {@code mvn -B -q -pl engine test -Dtest=FunctionsDocSpec -Dsurefire.failIfNoSpecifiedTests=false -Dgradus.writeDocs=true}.
 */
class FunctionsDocSpec extends Specification {
    static final Path DOCS = Path.of('..', 'docs', 'functions.md')
    static final String BEGIN = '<!-- generated from org.gradus.atoms.Functions by FunctionsDocSpec: begin -->'
    static final String END = '<!-- generated: end -->'

    def "the SPEC's function words are all registered, in its order"() {
        expect:
        Functions.names().containsAll(['exp', 'log', 'log1p', 'sqrt', 'sin', 'cos', 'tan', 'tanh', 'abs', 'sign', 'relu', 'sigmoid', 'softplus',
                                       'pow', 'max', 'min', 'logsumexp', 'dot', 'norm1', 'norm2', 'sumsq', 'quadForm', 'l1', 'l2',
                                       'elasticNet', 'squaredError', 'absoluteError', 'huber', 'logLoss', 'hinge'])
        Functions.words().every { !it.help().isEmpty() && !it.example().isEmpty() }
    }

    def "docs/functions.md lists every word as the registry declares it"() {
        given:
        String table = render()
        String doc = Files.readString(DOCS)
        int b = doc.indexOf(BEGIN), e = doc.indexOf(END)
        assert b >= 0 && e > b: "docs/functions.md has no generated block"
        if (System.getProperty('gradus.writeDocs') == 'true') {
            doc = doc.substring(0, b + BEGIN.length()) + '\n' + table + doc.substring(e)
            Files.writeString(DOCS, doc)
            e = doc.indexOf(END)
        }

        expect: 'rewrite with -Dgradus.writeDocs=true (see this spec)'
        doc.substring(b + BEGIN.length(), e).trim() == table.trim()
    }

    def "the IntelliJ descriptor (gradus.gdsl) completes every word as the registry declares it"() {
        given:
        Path gdsl = Path.of('..', 'dsl', 'src', 'main', 'resources', 'org', 'gradus', 'dsl', 'gradus.gdsl')
        String begin = '// generated from org.gradus.atoms.Functions by FunctionsDocSpec: begin', end = '// generated: end'
        String methods = Functions.words().collect { FunctionWord w ->
            String params = w.parameters().collect { p -> "${p.name()}: '${p.kind() == FunctionWord.Kind.NUMBER ? 'java.lang.Number' : 'java.lang.Object'}'" }.join(', ')
            if (w.variadic()) params += ", more: 'java.lang.Object[]'"
            "    method name: '${w.name()}', type: 'org.gradus.expr.Expr', params: [$params], doc: '${w.signature()}: ${w.help().replace("'", "\\'")}'"
        }.join('\n')
        String text = Files.readString(gdsl)
        int b = text.indexOf(begin), e = text.indexOf(end)
        assert b >= 0 && e > b
        if (System.getProperty('gradus.writeDocs') == 'true') {
            text = text.substring(0, b + begin.length()) + '\n' + methods + '\n    ' + text.substring(e)
            Files.writeString(gdsl, text)
            e = text.indexOf(end)
        }

        expect: 'rewrite with -Dgradus.writeDocs=true (see this spec)'
        text.substring(b + begin.length(), e).trim() == methods.trim()
    }

    /** The table: each word with its signature, help, what its atom declares (domain, kinks) and an example. */
    static String render() {
        StringBuilder sb = new StringBuilder('| function | what it is | domain and kinks | example |\n| --- | --- | --- | --- |\n')
        Functions.words().each { FunctionWord w ->
            sb << "| `${w.signature()}` | ${w.help().replace('|', '\\|')} | ${declared(w)} | `${w.example()}` |\n"
        }
        sb.toString()
    }

    /** What the word's own atom declares about its domain and kinks (one-argument atoms). */
    static String declared(FunctionWord w) {
        def calls = AtomUses.wordCalls().findAll { it.word.is(w) }
        def e = calls ? calls[0].expr : null
        if (!(e instanceof Apply) || !(((Apply) e).atom() instanceof UnaryAtom) || !((Apply) e).args().every { it instanceof Variable }) return ''
        UnaryAtom atom = (UnaryAtom) ((Apply) e).atom()
        List<String> parts = []
        ArgumentDomain d = atom.domain()
        if (!d.isAll()) parts << d.text('a')
        atom.kinks().each { double k ->
            parts << (atom.discontinuity([k] as double[]) != null ? 'jumps at ' : 'not differentiable at ') + Numbers.format(k)
        }
        parts.join('; ')
    }
}
