package org.gradus.optim.method

import org.gradus.optim.OptionSpec
import org.gradus.optim.Settings
import org.gradus.optim.schedule.Schedules
import spock.lang.Specification

import java.nio.file.Files
import java.nio.file.Path

/**
 * The registry is the one place methods are listed: everything that names methods or their options reads
 * it. The docs' tables in docs/optimizers.md are rendered from it here and must match; to rewrite them
 * after changing a spec run
 * {@code mvn -B -q -pl engine test -Dtest=OptimizersSpec -Dsurefire.failIfNoSpecifiedTests=false -Dgradus.writeDocs=true}.
 */
class OptimizersSpec extends Specification {
    static final Path DOCS = Path.of('..', 'docs', 'optimizers.md')
    static final String BEGIN = '<!-- generated from org.gradus.optim.method.Optimizers by OptimizersSpec: begin -->'
    static final String END = '<!-- generated: end -->'

    def "the methods are the SPEC's, in its order"() {
        expect:
        Optimizers.methodNames() == ['auto', 'gd', 'momentum', 'nesterov', 'adagrad', 'rmsprop', 'adam', 'adamw', 'newton', 'bfgs', 'lbfgs',
                                     'cg', 'fista', 'nelder-mead']
    }

    def "every option name is the SPEC's, and an option has one kind and range across the methods"() {
        expect:
        Settings.optionNames() == ['method', 'lr', 'normalized', 'lineSearch', 'momentum', 'beta1', 'beta2', 'eps', 'weightDecay', 'alpha',
                                   'memory', 'schedule', 'maxIter', 'tol', 'ftol', 'timeLimit', 'start', 'restarts', 'seed', 'batch', 'epochs',
                                   'shuffle', 'trace', 'over', 'subjectTo']
        Optimizers.all().every { spec -> spec.options().every { o -> o.sameContract(Optimizers.methodOptions()[o.name()]) } }
    }

    def "every method builds from its defaults and describes itself"() {
        expect:
        Optimizers.all().every { spec ->
            def m = spec.create(MethodOptions.defaults(spec))
            m.name() == spec.name() && !m.describe().isEmpty() && spec.defaultMaxIter(10) > 0 && spec.defaultTol() > 0
        }
    }

    def "any real hyper-parameter may be a schedule, converted at one point"() {
        given:
        def spec = Optimizers.get('adam')
        def cosine = Schedules.create('cosine', [period: 100])

        when: 'lr given as a schedule: the default lr, annealed'
        def c1 = spec.configure(new MethodOptions(spec, [lr: cosine], null))
        and: 'lr with schedule:'
        def c2 = spec.configure(new MethodOptions(spec, [lr: 0.1d, schedule: cosine], null))
        and: 'another hyper-parameter as a schedule'
        def c3 = spec.configure(new MethodOptions(spec, [beta1: Schedules.create('exponential', [gamma: 0.5])], null))

        then:
        c1.lr().at(0) == 1e-3d
        Math.abs(c1.lr().at(50) - 0.5e-3) < 1e-18
        c1.lr().at(100) == 0d
        c2.lr().at(0) == 0.1d
        Math.abs(c2.lr().at(50) - 0.05) < 1e-16
        c3.beta1().at(0) == 0.9d
        c3.beta1().at(1) == 0.45d
    }

    def "a schedule that takes a hyper-parameter out of its range, or two schedules for lr, are errors"() {
        given:
        def spec = Optimizers.get('momentum')

        when:
        new MethodOptions(spec, [momentum: Schedules.create('cosine', [period: 10, min: 2])], null)
        then:
        def e = thrown(IllegalArgumentException)
        e.message.contains('momentum: cosine(period: 10, min: 2)')
        e.message.contains('must be in [0, 1)')

        when:
        def c = Schedules.create('cosine', [period: 10])
        new MethodOptions(spec, [lr: c, schedule: c], null)
        then:
        e = thrown(IllegalArgumentException)
        e.message.contains('give the schedule once')
    }

    def "docs/optimizers.md shows the registry's tables"() {
        given:
        String text = Files.readString(DOCS)
        String expected = BEGIN + '\n' + tables() + END

        when:
        if (Boolean.getBoolean('gradus.writeDocs')) {
            int a = text.indexOf(BEGIN), b = text.indexOf(END)
            text = text.substring(0, a) + expected + text.substring(b + END.length())
            Files.writeString(DOCS, text)
        }

        then:
        text.contains(expected)
    }

    def "docs/optimizers.md shows the smallest method's file as it is (adding a method is that file and one registry line)"() {
        given:
        String doc = Files.readString(DOCS)
        String snippet = doc.substring(doc.indexOf('```java\n/** AdaGrad') + 8)
        snippet = snippet.substring(0, snippet.indexOf('```'))
        String source = Files.readString(Path.of('src/main/java/org/gradus/optim/method/Adagrad.java'))

        expect:
        source.substring(source.indexOf('/** AdaGrad')).strip() == snippet.strip()
        doc.contains('            Adagrad.SPEC,')
        Files.readString(Path.of('src/main/java/org/gradus/optim/method/Optimizers.java')).contains('            Adagrad.SPEC,\n')
    }

    static String tables() {
        StringBuilder sb = new StringBuilder()
        sb << '| method | what it does | options (default) | maxIter | tol | takes |\n| --- | --- | --- | --- | --- | --- |\n'
        for (MethodSpec s in Optimizers.all()) {
            String options = s.options().collect { o -> "`${o.name()}` ${o.defaultDescription()}" }.join('; ')
            List<String> takes = []
            if (s.stochastic()) takes << 'mini-batches'
            takes << 'bounds'
            if (s.takesConstraints()) takes << 'constraints'
            if (!s.maximizes()) takes << 'minimize only'
            sb << "| `${s.name()}` | ${cell(s.description())} | ${cell(options ?: '—')} | ${cell(s.maxIterText())} | ${cell(s.tolText())} | ${takes.join(', ')} |\n"
        }
        sb << '\n| option | what it sets | values | methods |\n| --- | --- | --- | --- |\n'
        for (OptionSpec o in Optimizers.methodOptions().values()) {
            sb << "| `${o.name()}` | ${cell(o.doc())} | ${cell(o.rangeText())} | ${Optimizers.takingOption(o.name()).join(', ')} |\n"
        }
        for (OptionSpec o in Settings.RUN_OPTIONS) {
            String methods = o.name() in ['batch', 'epochs', 'shuffle'] ? Optimizers.stochasticNames().join(', ') : 'all'
            sb << "| `${o.name()}` | ${cell(o.doc())} | ${cell(o.rangeText() ?: '')} | ${methods} |\n"
        }
        sb.toString()
    }

    static String cell(String s) {
        s.replace('|', '\\|')
    }
}
