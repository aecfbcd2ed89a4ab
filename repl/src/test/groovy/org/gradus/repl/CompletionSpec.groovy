package org.gradus.repl

import org.jline.reader.Candidate
import org.jline.reader.EOFError
import org.jline.reader.Parser
import spock.lang.Specification

class CompletionSpec extends Specification {
    GradusParser parser = new GradusParser()
    Map<String, Object> vars = [:]
    Map<String, Command> commands = [
            help: new Command('help', '[NAME]', 'help', { true } as Command.Action, null),
            load: new Command('load', 'FILE', 'load', { true } as Command.Action, null),
            save: new Command('save', 'FILE', 'save', { true } as Command.Action, null)]
    GradusCompleter completer = new GradusCompleter({ vars }, commands)

    /** Completes at the '|' in {@code text}; returns candidate values that match the word typed so far. */
    List<String> complete(String text) {
        int cursor = text.indexOf('|')
        String line = text.replace('|', '')
        def parsed = parser.parse(line, cursor, Parser.ParseContext.COMPLETE)
        List<Candidate> out = []
        completer.complete(null, parsed, out)
        String prefix = parsed.word().substring(0, parsed.wordCursor())
        out*.value().findAll { it.startsWith(prefix) }
    }

    def "built-ins and session variables complete anywhere in code"() {
        given:
        vars.rosenbrock = 1

        expect:
        complete('minim|') == ['minimize']
        complete('f = log|').containsAll(['log', 'log1p', 'logsumexp', 'logLoss'])
        complete('grad(rose|)') == ['rosenbrock']
        complete('hess|ian(f)') == ['hessian']
    }

    def "the array words complete (SPEC §2 'Vectors and matrices')"() {
        expect:
        complete('z = soft|').containsAll(['softmax', 'softplus'])
        complete('loss = crossE|') == ['crossEntropy']
        complete('W = matr|') == ['matrix']
        complete('oneH|') == ['oneHot']
        complete('t = tra|').contains('trace')
        complete('q = quadF|') == ['quadForm']
        complete('k = argm|') == ['argmax']
        complete('s = logsum|') == ['logsumexp']
    }

    def "every array word of SPEC §2 completes, with the options of vector and matrix and the values of init:"() {
        expect: "SPEC §2 'Vectors and matrices': the words of its example block and of docs/arrays.md"
        ['vector', 'matrix', 'tanh', 'sum', 'mean', 'softmax', 'crossEntropy', 'dot', 'logsumexp', 'oneHot', 'argmax',
         'max', 'norm2', 'l2', 'trace', 'quadForm', 'outer', 'exp', 'relu', 'sumsq'].every { complete("${it}|") .contains(it) }

        and: 'the options of a vector or matrix variable, not those of minimize'
        complete('W = matrix(8, 2, i|').findAll { it.endsWith(': ') } == ['init: ']
        complete('w = vector(3, s|').containsAll(['start: ', 'scale: ', 'seed: '])
        !complete('w = vector(3, s|').contains('schedule: ')
        !complete('W = matrix(8, 2, init: \'normal\', s|').contains('schedule: ')
        !complete('W = matrix(8, 2, seed: 1, s|').contains('seed: ')
        !complete('minimize(f, i|').contains('init: ')

        and: "init:'s values, closing the quote"
        complete("W = matrix(8, 2, init: 'gl|") == ["glorot'"]
        complete("w = vector(3, init: 'n|") == ["normal'"]
        complete("W = matrix(2, 2, init: '|").containsAll(["zeros'", "normal'", "uniform'", "glorot'"])

        and: 'the transpose after a dot'
        complete('W.|').contains('T')
    }

    def "after a variable and a dot, the members its value offers a script (the fields of a report, a result's, a matrix's T)"() {
        given: 'the values a session holds after these lines'
        def session = new org.gradus.dsl.GradusSession()
        session.run("""x = variable(1); W = matrix(2, 3)
c = convexity(x**2); d = differentiable(abs(x), at: [x: 0]); r = minimize(x**2); m = monotonicity(x**3)""", 'session.opt')
        vars.putAll(session.variables())

        expect: 'the JSON names of the report fields (SPEC §4), as properties'
        complete('c.|').containsAll(['verdict', 'certainty', 'strict', 'reason', 'mu', 'L', 'counterexample', 'toText'])
        complete('c.v|') == ['verdict']
        complete('d.|').containsAll(['continuous', 'differentiable', 'reason', 'subgradient'])
        complete('r.|').containsAll(['x', 'f', 'status', 'gradNorm', 'iterations', 'seconds', 'trace'])
        complete('m.|').contains('intervals')
        complete('W.|').contains('T') && !complete('W.|').contains('t')

        and: 'nothing the sandbox refuses, no operator methods, no getters by their Java names'
        !complete('c.|').any { it in ['getClass', 'class', 'metaClass', 'getVerdict', 'plus', 'hashCode'] }
        !complete('c.|').contains('gradNorm')
    }

    def "option names complete inside minimize(...) and after the objective in command form"() {
        when:
        List<String> paren = complete('minimize(f, l|')
        List<String> command = complete('r = minimize f, method: \'adam\', l|')
        List<String> objective = complete('minimize f|')

        then:
        paren.containsAll(['lr: ', 'lineSearch: '])
        command.containsAll(['lr: ', 'lineSearch: '])
        !objective.any { it.endsWith(': ') }
    }

    def "options already given are not offered again, and nested brackets are not option places"() {
        expect:
        !complete('maximize(g, lr: 0.1, maxIter: 10, |').contains('lr: ')
        complete('maximize(g, lr: 0.1, maxIter: 10, |').contains('tol: ')
        !complete('minimize(f, start: [x|').any { it.endsWith(': ') }
        !complete('grad(f, |').any { it.endsWith(': ') }
    }

    def "method names complete inside method: '...', closing the quote"() {
        expect:
        complete("minimize f, method: 'ad|") == ["adagrad'", "adam'", "adamw'"]
        complete('minimize(f, method: "lb|")') == ['lbfgs']
        complete("minimize f, method: 'nel|") == ["nelder-mead'"]
        complete("println 'ad|") == []
    }

    def "commands and their arguments complete on colon lines"() {
        expect:
        complete(':h|') == [':help']
        complete(':|').containsAll([':help', ':load', ':save'])
    }

    def "the parser asks for more input while a bracket, brace, string or operator is open"() {
        when:
        parser.parse(text, text.length(), Parser.ParseContext.ACCEPT_LINE)

        then:
        thrown(EOFError)

        where:
        text << ['f = (x +', 'sum(0..<3) { i ->', 'm = [[1, 2],', "s = '''abc", 'minimize f,', 'y = x +', '/* note']
    }

    def "complete input is accepted, and brackets in strings and comments do not count"() {
        when:
        parser.parse(text, text.length(), Parser.ParseContext.ACCEPT_LINE)

        then:
        noExceptionThrown()

        where:
        text << ['f = (x + 1)', "println '('", 'x // (', 'x--', '(1 + 2))', "s = 'unclosed", ':save (weird).opt',
                 'a = [1,\n 2]', 'g = { it }\ng(3)']
    }
}
