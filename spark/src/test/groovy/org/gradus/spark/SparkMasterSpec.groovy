package org.gradus.spark

import org.gradus.cli.Main
import spock.lang.Shared
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * A master URL that is mistyped, names no host, or names something that is not a Spark master: each is one
 * located paragraph (or a usage error for a malformed URL) with the exit code of SPEC §3, no stack trace and
 * no Spark log lines, and no minute of Spark's retries. A master other than the one a JVM's Spark runs on
 * needs a JVM of its own, so the command line runs in a child process here (with Spark's JVM options).
 */
class SparkMasterSpec extends Specification {
    @Shared @TempDir Path dir

    def setupSpec() {
        Files.copy(Path.of('../examples/classification.csv'), dir.resolve('classification.csv'))
        Files.writeString(dir.resolve('model.opt'), "d = spark.csv('classification.csv', target: 'label')\nminimize mean(d) { row -> row.y }\n")
    }

    /** gradus run --master MASTER model.opt in a child JVM: [exit code, stderr]. */
    List gradus(String master, Map<String, String> env = [:]) {
        List<String> cmd = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString()]
        cmd.addAll(System.getProperty('gradus.spark.jvm.options').trim().split(/\s+/) as List)
        cmd.addAll(['-cp', System.getProperty('java.class.path'), Main.name, 'run', '--master', master, dir.resolve('model.opt').toString()])
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD)
        pb.environment().putAll([GRADUS_CACHE_DIR: dir.resolve('cache').toString()] + env)
        Process p = pb.start()
        String err = new String(p.errorStream.readAllBytes(), StandardCharsets.UTF_8)
        assert p.waitFor(10, TimeUnit.MINUTES)            // a guard against a hang, not a measurement
        [p.exitValue(), err]
    }

    static void paragraph(String err) {
        assert !err.contains('\tat ')
        assert !err.contains('org.apache.spark')
        assert !err.contains('spark: ')                    // no Spark log line
    }

    def "a malformed master URL is a usage error (exit 2) before anything starts: #master"() {
        given:
        def out = new ByteArrayOutputStream()
        def err = new ByteArrayOutputStream()

        when:
        int code = Main.run(['run', '--master', master, dir.resolve('model.opt').toString()] as String[], new PrintStream(out, true, 'UTF-8'),
                new PrintStream(err, true, 'UTF-8'), [GRADUS_CACHE_DIR: dir.resolve('cache').toString()])

        then:
        code == 2
        err.toString('UTF-8').trim() == "gradus: $says (see gradus --help)".toString()

        where:
        master               | says
        'bogus'              | '--master bogus is not a Spark master URL; use local[2] (Spark in this process), spark://host:7077 (a standalone cluster), yarn or k8s://https://host:port'
        'local[x]'           | '--master local[x]: Spark in this process is local, local[n] (n threads) or local[*]'
        'spark://host:port'  | '--master spark://host:port: a standalone cluster is spark://host:port (or spark://host1:port1,host2:port2)'
        'mesos://x:5050'     | '--master mesos://x:5050 is not a Spark master URL; use local[2] (Spark in this process), spark://host:7077 (a standalone cluster), yarn or k8s://https://host:port'
    }

    def "a master whose host does not exist is one located paragraph with exit 1"() {
        when:
        def (int code, String err) = gradus('spark://nohost.invalid:7077')

        then:
        code == 1
        err.startsWith('model.opt:1:')
        err.contains('the Spark master spark://nohost.invalid:7077 cannot be reached (no host is named nohost.invalid)')
        err.contains('or run with --master local[2]')
        paragraph(err)
    }

    def "something that answers but is not a Spark master is given GRADUS_SPARK_REGISTER_SECONDS, then one located paragraph with exit 1"() {
        given: 'a server that answers every connection with an HTTP error and closes it'
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
        Thread.startDaemon {
            while (!server.closed) {
                try {
                    server.accept().withCloseable { it.outputStream.write('HTTP/1.0 400 Bad Request\r\n\r\n'.bytes) }
                } catch (IOException ignored) {
                    // closed at the end of the test
                }
            }
        }
        String master = "spark://127.0.0.1:${server.localPort}"

        when:
        def (int code, String err) = gradus(master, [GRADUS_SPARK_REGISTER_SECONDS: '2'])

        then:
        code == 1
        err.startsWith('model.opt:1:')
        err.contains("the Spark master $master answered, but did not take this application within 2 s")
        paragraph(err)

        cleanup:
        server.close()
    }
    def "after a master that did not take the application, the next start in the same JVM works: the half-built context was stopped and forgotten"() {
        given: 'the fake master, and a child JVM (one Spark per JVM) that starts on it, then on local[1]'
        ServerSocket server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())
        Thread.startDaemon {
            while (!server.closed) {
                try {
                    server.accept().withCloseable { it.outputStream.write('HTTP/1.0 400 Bad Request\r\n\r\n'.bytes) }
                } catch (IOException ignored) {
                    // closed at the end of the test
                }
            }
        }
        Path script = dir.resolve('restart.groovy')
        Files.writeString(script, """
            import org.gradus.spark.SparkSessions
            try { SparkSessions.on(args[0]); println 'started' } catch (IllegalArgumentException e) { println 'refused ' + e.message.contains('did not take this application') }
            def companion = Class.forName('org.apache.spark.SparkContext\$')
            def field = companion.getDeclaredField('contextBeingConstructed'); field.accessible = true
            println 'half-built forgotten ' + field.get(companion.getField('MODULE\$').get(null)).isEmpty()
            def s = SparkSessions.on('local[1]')
            def b = new org.apache.spark.api.java.JavaSparkContext(s.sparkContext()).broadcast([1d, 2d, 3d] as double[])
            println 'broadcast ' + b.value()[1]
            b.destroy()
            println 'sum ' + s.range(1, 1001).selectExpr('sum(id * 2)').first().getLong(0)
            SparkSessions.stop()
        """.stripIndent())
        List<String> cmd = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString()]
        cmd.addAll(System.getProperty('gradus.spark.jvm.options').trim().split(/\s+/) as List)
        cmd.addAll(['-cp', System.getProperty('java.class.path'), 'groovy.ui.GroovyMain', script.toString(), "spark://127.0.0.1:${server.localPort}".toString()])
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD)
        pb.environment().put('GRADUS_SPARK_REGISTER_SECONDS', '2')

        when:
        Process p = pb.start()
        List<String> out = new String(p.inputStream.readAllBytes(), StandardCharsets.UTF_8).readLines()
        assert p.waitFor(10, TimeUnit.MINUTES)            // a guard against a hang, not a measurement

        then: 'Σ 2·i for i = 1..1000 = 1001000: a broadcast and a job on the new session (they need its SparkEnv)'
        p.exitValue() == 0
        out == ['refused true', 'half-built forgotten true', 'broadcast 2.0', 'sum 1001000']

        cleanup:
        server.close()
    }
}
