package org.gradus.dsl.arrays

import groovy.json.JsonSlurper
import org.gradus.dsl.GradusSession
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * softmax, logsumexp and crossEntropy at logits of ±1000 (where exp overflows) give finite, exact values
 * and gradients, against hand values: logsumexp(1000, −1000, 0) = 1000 + log(1 + e⁻²⁰⁰⁰ + e⁻¹⁰⁰⁰) = 1000 in
 * doubles; logsumexp(−1000, −1000, −1000) = −1000 + ln 3; crossEntropy(z, k) = logsumexp(z) − z_k; its
 * gradient softmax(z) − e_k = (1, −1, 0) for k = 1. Also: a sum over data rows with no variables is a number.
 */
class LogitStabilitySpec extends Specification {
    @TempDir
    Path dir

    List<Map> run(String source) {
        Files.writeString(dir.resolve('t.csv'), 'a,y\n1,0.25\n2,-1.5\n3,4.125\n')
        Files.writeString(dir.resolve('t.opt'), source)
        new GradusSession().run(dir.resolve('t.opt')).collect { new JsonSlurper().parseText(it.toJson()) as Map }
    }

    static boolean close(Object got, double want) {
        Math.abs((got as double) - want) <= 1e-12 * Math.max(1, Math.abs(want))
    }

    def "values at ±1000 logits are finite and exact"() {
        when:
        def out = run("""
            z = vector(3)
            logsumexp([1000, -1000, 0])
            logsumexp([-1000, -1000, -1000])
            crossEntropy([1000, -1000, 0], 1)
            crossEntropy([1000, -1000, 0], 0)
            crossEntropy(z, 1).at(z: [1000, -1000, 0])
            softmax(z).at(z: [1000, -1000, 0])
        """)

        then:
        close(out[0].value, 1000)
        close(out[1].value, -1000 + Math.log(3))
        close(out[2].value, 2000)
        close(out[3].value, 0)
        close(out[4].value, 2000)
        [out[5].value, [1, 0, 0]].transpose().every { g, w -> close(g, w as double) }
    }

    def "gradients at ±1000 logits are finite and exact: softmax(z) − e_k"() {
        when:
        def out = run("""
            z = vector(3)
            grad(crossEntropy(z, 1)).at(z: [1000, -1000, 0])
            grad(logsumexp(z)).at(z: [1000, -1000, 0])
            grad(crossEntropy(z, 0)).at(z: [-1000, 1000, 0])
            grad(logsumexp(z)).at(z: [-1000, -1000, -1000])
        """)

        then:
        [out[0].value.z, [1, -1, 0]].transpose().every { g, w -> close(g, w as double) }
        [out[1].value.z, [1, 0, 0]].transpose().every { g, w -> close(g, w as double) }
        [out[2].value.z, [-1, 1, 0]].transpose().every { g, w -> close(g, w as double) }
        out[3].value.z.every { close(it, 1 / 3d) }
    }

    def "a sum over data rows with no variables is shown as its number"() {
        when:
        def out = run("""
            data = csv('t.csv', target: 'y')
            sum(data) { row -> row.y }
            mean(data) { row -> row.y * row.y }
        """)

        then:
        out[0].kind == 'number'                                  // the assignment shows nothing
        out[0].value == 2.875d                                   // 0.25 − 1.5 + 4.125, exact in binary
        out[1].kind == 'number'
        close(out[1].value, (0.0625d + 2.25d + 17.015625d) / 3d)
    }
}
