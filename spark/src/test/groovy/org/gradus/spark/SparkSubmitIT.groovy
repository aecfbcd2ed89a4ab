package org.gradus.spark

import groovy.json.JsonSlurper
import org.gradus.cli.Main
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.charset.StandardCharsets
import java.nio.file.Files
import java.nio.file.Path
import java.util.concurrent.TimeUnit

/**
 * gradus-spark.jar as spark-submit runs it — a stand-in, since no Spark distribution can be downloaded
 * here: a JVM whose class path is the jar followed by Spark's own jars (spark/target/spark.classpath, from
 * the local Maven repository), Spark's JDK 17 options, the master as spark-submit passes it (the system
 * property spark.master) and the main class spark-submit is given (org.gradus.cli.Main). The result must
 * be the in-memory one, bit for bit, and say where it ran. Not a run under a real spark-submit.
 */
class SparkSubmitIT extends Specification {
    @TempDir Path dir

    def "gradus-spark.jar with Spark's jars runs a script on local[2] as spark-submit would, to the in-memory optimum"() {
        given:
        Path jar = Path.of('target', 'gradus-spark.jar')
        String sparkJars = Files.readString(Path.of('target', 'spark.classpath')).trim()
        Files.copy(Path.of('../examples/classification.csv'), dir.resolve('classification.csv'))
        Path script = dir.resolve('spark_logistic.opt')
        Files.copy(Path.of('../examples/spark_logistic.opt'), script)
        List<String> cmd = [Path.of(System.getProperty('java.home'), 'bin', 'java').toString()]
        cmd.addAll(System.getProperty('gradus.spark.jvm.options').trim().split(/\s+/) as List)
        cmd.addAll(['-Dspark.master=local[2]', '-cp', jar.toAbsolutePath().toString() + File.pathSeparator + sparkJars,
                    'org.gradus.cli.Main', 'run', '--json', script.toString()])

        when: 'submitted'
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(dir.resolve('stderr.txt').toFile())
        pb.environment().put('GRADUS_CACHE_DIR', dir.resolve('cache').toString())
        Process p = pb.start()
        String out = new String(p.inputStream.readAllBytes(), StandardCharsets.UTF_8)
        assert p.waitFor(10, TimeUnit.MINUTES)            // a guard against a hang, not a measurement
        Map there = new JsonSlurper().parseText(out.readLines().find { it.startsWith('{') }) as Map

        and: 'the same script in memory, in this JVM'
        def memoryOut = new ByteArrayOutputStream()
        int memoryCode = Main.run(['run', '--json', script.toString()] as String[], new PrintStream(memoryOut, true, 'UTF-8'),
                new PrintStream(new ByteArrayOutputStream(), true, 'UTF-8'), [GRADUS_CACHE_DIR: dir.resolve('cache2').toString()])
        Map here = new JsonSlurper().parseText(memoryOut.toString('UTF-8').readLines().find { it.startsWith('{') }) as Map

        then:
        p.exitValue() == 0
        memoryCode == 0
        there.kind == 'minimize'
        there.engine == 'spark local[2], 3 partitions'
        !here.containsKey('engine')
        there.x == here.x
        there.f == here.f
        there.iterations == here.iterations
        !Files.readString(dir.resolve('stderr.txt')).contains('\tat ')
    }
}
