package org.gradus.dsl

import groovy.json.JsonSlurper
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * The words of data sets on Apache Spark without the optional spark module and without a master:
 * {@code spark.csv} reads into memory exactly as {@code csv}; Parquet and cluster paths say what they
 * need; the word's value exposes nothing but its two methods.
 */
class SparkWordsSpec extends Specification {
    @TempDir
    Path dir

    List<Map> run(String source) {
        Files.writeString(dir.resolve('t.csv'), 'a,b,y\n1,2,3\n2,0,1\n-1,1,0.5\n')
        Files.writeString(dir.resolve('t.opt'), source)
        new GradusSession().run(dir.resolve('t.opt')).collect { new JsonSlurper().parseText(it.toJson()) as Map }
    }

    def "without a master, spark.csv is csv: the rows in memory, the same sums"() {
        expect:
        run('''
            x = variable(0)
            d = spark.csv('t.csv', target: 'y', partitions: 3)
            d
            sum(d) { row -> row.y * row['a'] + row['b'] * x }.at(x: 1)
            '''.stripIndent()) == [[kind: 'dataset', rows: 3, features: 2, columns: ['a', 'b', 'y'], target: 'y'],
                                   [kind: 'number', value: 7.5]]    // 3·1 + 1·2 + 0.5·(−1) + (2 + 0 + 1)·1
    }

    def "what needs Spark or a cluster says so: #source"() {
        given:
        Files.createDirectories(dir.resolve('clicks.parquet'))
        Files.writeString(dir.resolve('clicks.parquet/part-0.parquet'), 'PAR1')

        when:
        run("x = variable(0)\n$source\n")

        then:
        GradusException e = thrown()
        e.line == 2
        e.exitCode == exit
        e.message.contains(text)

        where:
        source                                                  | exit | text
        "d = parquet('clicks.parquet', target: 'y')"            | 1    | "reads through the optional spark module, which this gradus was started without: build it with 'mvn -B -Pspark -DskipTests package'"
        "d = spark.parquet('hdfs:///data/clicks', target: 'y')" | 1    | 'a path of another file system is read by a Spark cluster; run with --master URL'
        "d = spark.csv('nope.csv', target: 'y')"                | 1    | 'no such file or folder: nope.csv'
        "d = spark.csv('t.csv', target: 'y', cores: 2)"         | 1    | 'cores'
        "d = spark.csv('t.csv', target: 'y', partitions: 0)"    | 1    | 'partitions must be at least 1'
    }

    def "the value of the word spark offers its methods and nothing else"() {
        when:
        run("x = variable(0)\n$source\n")

        then:
        GradusException e = thrown()
        e.line == 2
        e.message.contains("has no property '$name'") || (e.exitCode == 4 && e.message.contains("property '$name'"))   // the sandbox refuses a member that exists

        where:
        source                 | name
        'spark.context'        | 'context'
        'spark.context = null' | 'context'
        'spark.master'         | 'master'
    }
}
