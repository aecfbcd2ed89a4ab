package org.gradus.dsl.sandbox

import org.gradus.dsl.GradusException
import org.gradus.dsl.GradusSession
import org.gradus.dsl.ErrorLocator
import org.gradus.dsl.ScriptCompiler
import org.gradus.dsl.ScriptProgram
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.atomic.AtomicInteger

/**
 * The escape corpus: one script per route out of the sandbox (resources/org/gradus/dsl/sandbox/escapes),
 * each of which would leave a mark if it got through — a canary file, a file outside the script's folder,
 * a connection to a local server, a changed file, a secret cell in a message. Every one must end with
 * exit code 4 at a line of the script, with no mark and no stack trace. In the scripts, CANARY is the
 * canary file's path, OUTSIDE a folder beside the script's, PORT the local server's port.
 *
 * The dynamic routes are run a second time with the compile-time checks switched off: the run-time guard
 * alone must refuse them too.
 */
class EscapeCorpusSpec extends Specification {
    static final Path CORPUS = Path.of(EscapeCorpusSpec.getResource('escapes').toURI())

    /** Routes that reach forbidden members through values and names, not through types or declarations. */
    static final List<String> DYNAMIC = '''getClass class_property subscript_class getAt_protectionDomain getAt_class_on_list
        list_property_spreads list_spread_property_class spread_call_getClass spread_call_execute respondsTo metaPropertyValues
        properties metaClass_invokeStatic metaClass_name invokeMethod invokeMethod_on_value getProperty_binding setProperty_binding
        binding_variables this_binding this_subscript context_variable context_by_name evaluate evaluate_in_closure
        evaluate_in_subjectTo evaluate_in_sum_body this_evaluate_via_variable with_implicit_property with_on_value tap identity
        closure_owner closure_owner_inside closure_thisObject_inside closure_delegate_set closure_delegate_assign_inside
        closure_setDelegate closure_resolveStrategy closure_rehydrate closure_dehydrate closure_getOwner closure_clone
        closure_asWritable closure_getAt_inside method_pointer_evaluate method_pointer_execute gstring_lazy_closure
        gstring_writer_closure category_use mixin map_closure_call script_out_variable number_println_to_stdout
        string_execute_list string_execute string_to_url sleep add_shutdown_hook compound_assignment_property
        prefix_increment_on_property multiple_assignment_getAt out_leftShift_to_stdout out_println_to_stdout out_write
        parallel_stream stream matrix_subscript_class matrix_row_getClass data_x_getClass data_describe_getClass
        data_column_getClass array_value_iterator_getClass gradient_at_metaClass function_owner function_getOwner
        function_delegate function_doCall'''.trim().split(/\s+/) as List<String>

    @Shared ServerSocket server = new ServerSocket(0)
    @Shared AtomicInteger connections = new AtomicInteger()
    @Shared Thread acceptor

    @TempDir
    Path tmp
    Path dir, outside, canary

    def setupSpec() {
        acceptor = Thread.startDaemon {
            while (!server.closed) {
                try {
                    server.accept().close()
                    connections.incrementAndGet()
                } catch (IOException ignored) {
                }
            }
        }
    }

    def cleanupSpec() {
        server.close()
    }

    static List<String> corpus() {
        Files.list(CORPUS).withCloseable { s -> s.map { it.fileName.toString() }.filter { it.endsWith('.opt') }.map { it - '.opt' }.sorted().toList() }
    }

    /** The script's folder, a folder beside it with a secret, and the traps the file routes aim at. */
    Path prepare(String name) {
        dir = Files.createDirectories(tmp.resolve('project'))
        outside = Files.createDirectories(tmp.resolve('outside'))
        canary = tmp.resolve('canary.txt')
        Files.writeString(outside.resolve('secret.csv'), 'secret,y\nhunter2xq,1\n')
        Files.writeString(dir.resolve('existing.csv'), 'keep me\n')
        Files.writeString(dir.resolve('.hidden.csv'), 'a,y\n1,2\n')
        Files.writeString(dir.resolve('table.csv'), 'a,y\n1,2\n3,4\n')     // a table the value routes read (data.x, describe())
        Files.createSymbolicLink(dir.resolve('link.csv'), outside.resolve('secret.csv'))
        Files.createSymbolicLink(dir.resolve('linkdir'), outside)
        String source = Files.readString(CORPUS.resolve(name + '.opt')).replace('CANARY', canary.toString())
                .replace('OUTSIDE', outside.toString()).replace('PORT', server.localPort.toString())
        Path script = dir.resolve('escape.opt')
        Files.writeString(script, source)
        script
    }

    /** Runs the script; returns the failure, and what the script printed. */
    List run(Path script, GradusSession session) {
        def printed = new ByteArrayOutputStream()
        session.scriptOut = new PrintStream(printed, true, 'UTF-8')
        try {
            session.run(script)
        } catch (GradusException e) {
            return [e, printed.toString('UTF-8')]
        }
        [null, printed.toString('UTF-8')]
    }

    /** Compiles without the compile-time checks (the run-time guard only) and runs like {@code session.run(file)}. */
    List runGuardOnly(GradusSession session, String source, Path script) {
        def printed = new ByteArrayOutputStream()
        session.scriptOut = new PrintStream(printed, true, 'UTF-8')
        def locator = new ErrorLocator('escape.opt', source)
        try {
            def compiled = ScriptCompiler.compileClasses(source, 'escape.opt', true, false, false)
            def program = new ScriptProgram((Class<? extends Script>) compiled.define(GradusSession.classLoader), locator)
            session.run(program, new Binding(), script.parent)
        } catch (GradusException e) {
            return [e, printed.toString('UTF-8')]
        }
        [null, printed.toString('UTF-8')]
    }

    boolean leftNoMark(int connectionsBefore) {
        !Files.exists(canary) && connections.get() == connectionsBefore &&
                Files.readString(dir.resolve('existing.csv')) == 'keep me\n' &&
                Files.list(outside).withCloseable { it.toList() }*.fileName*.toString() == ['secret.csv'] &&
                !Files.exists(tmp.resolve('made')) && !Files.exists(dir.resolve('made')) &&
                Files.list(dir).withCloseable { s -> s.noneMatch { it.fileName.toString().endsWith('.tmp') } }
    }

    def "the corpus covers at least the routes of issue 10"() {
        expect:
        corpus().size() >= 150
        DYNAMIC.every { corpus().contains(it) }
    }

    def "escape route '#name' is refused with exit code 4, located, without a trace or a mark"() {
        given:
        Path script = prepare(name)
        int before = connections.get()

        when:
        def (GradusException e, String printed) = run(script, new GradusSession())

        then:
        e != null
        e.exitCode == 4
        e.line > 0
        e.report().startsWith("escape.opt:${e.line}:")
        !e.report().contains('\tat ')
        !e.report().contains('hunter2xq')
        !printed.contains('"kind"')
        leftNoMark(before)

        where:
        name << corpus()
    }

    def "dynamic route '#name' is refused by the run-time guard alone"() {
        given:
        Path script = prepare(name)
        int before = connections.get()
        String source = Files.readString(script)
        def session = new GradusSession()

        when: 'compiled with the run-time guard only, then run as a session runs a prepared script'
        def (GradusException e, String printed) = runGuardOnly(session, source, script)

        then:
        e != null
        e.exitCode == 4
        e.line > 0
        !e.report().contains('\tat ')
        !printed.contains('"kind"')
        leftNoMark(before)

        where:
        name << DYNAMIC
    }
}
