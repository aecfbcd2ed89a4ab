package org.gradus.dsl.arrays

import groovy.json.JsonSlurper
import org.gradus.dsl.GradusSession
import spock.lang.Shared
import spock.lang.Specification

import java.nio.file.Path

/**
 * examples/xor.opt: a 2-2-1 tanh network on XOR is not convex, and eight starts drawn from the seed end in
 * different minima — exact fits (f = 0) and the plateau f = 1/8, where the output is stuck at 1/2 on two of
 * the four rows (two squared errors of 1/4 over four rows), both checked by recomputing the network by hand.
 */
class XorExampleSpec extends Specification {
    static final Path EXAMPLE = Path.of('..', 'examples', 'xor.opt')
    static final List<List<Double>> ROWS = [[0d, 0d, 0d], [0d, 1d, 1d], [1d, 0d, 1d], [1d, 1d, 0d]]

    @Shared
    List<Map> records

    def setupSpec() {
        records = new GradusSession().run(EXAMPLE).collect { new JsonSlurper().parseText(it.toJson()) as Map }
    }

    /** The loss at a reported point, by hand: mean over the rows of (u·tanh(W x + c) + d − y)². */
    static double loss(Map x) {
        List<List<Number>> W = x.W as List
        List<Number> c = x.c as List, u = x.u as List
        double d = x.d as double
        ROWS.collect { r ->
            double out = d
            for (int i = 0; i < 2; i++) out += (u[i] as double) * Math.tanh((W[i][0] as double) * r[0] + (W[i][1] as double) * r[1] + (c[i] as double))
            (out - r[2]) ** 2
        }.sum() / 4
    }

    def "the loss is not convex, with a witness"() {
        expect:
        records[0].kind == 'convexity'
        records[0].verdict == 'neither'
        records[0].counterexample != null
    }

    def "eight restarts end in different minima: exact fits and the plateau f = 1/8, each value as the network computes it by hand"() {
        given:
        Map r = records[1]
        List<Map> minima = r.restarts.minima as List

        expect:
        r.restarts.runs == 8
        minima.size() >= 2
        minima.every { Math.abs(loss(it.x as Map) - (it.f as double)) < 1e-12 }
        minima.any { (it.f as double) < 1e-10 }                  // an exact fit of XOR
        minima.any { Math.abs((it.f as double) - 0.125) < 1e-6 }  // stuck: the output is 1/2 on two rows
        Math.abs((r.f as double) - minima*.f.min()) == 0           // the result is the best of them
    }

    def "the exact fits are at the loss's least value (a mean of squares is ≥ 0), the plateau is not; the fits count as minima"() {
        given:
        Map r = records[1]
        List<Map> minima = r.restarts.minima as List
        List<Map> fits = minima.findAll { (it.f as double) < 1e-10 }

        expect:
        !fits.isEmpty()
        fits.every { it.type == 'least' }
        minima.findAll { Math.abs((it.f as double) - 0.125) < 1e-6 }.every { it.type == 'degenerate' }
        r.restarts.distinctMinima == fits.size()
        r.problem.secondOrder.bound == 0
        r.problem.secondOrder.gap == r.f
    }

    def "the same seed gives the same starts and the same minima"() {
        expect:
        new GradusSession().run(EXAMPLE).collect { (new JsonSlurper().parseText(it.toJson()) as Map) }[1].restarts.minima*.f ==
                records[1].restarts.minima*.f
    }
}
