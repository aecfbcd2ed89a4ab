package org.gradus.dsl.arrays

import groovy.json.JsonSlurper
import org.gradus.dsl.GradusSession
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * Losses with products of array variables are not convex, and convexity says so with a witness: a secant
 * below the graph. The witness is re-checked here by plain arithmetic, independently of the engine:
 * f(a) and f(b) and f at the mixed point, and the gap f(mid) − (f(a) + f(b))/2 > 0.
 *
 * Worked by hand for f(a, u) = (a·u)² (1×1 matrix times a 1-vector): the Hessian at (1, 1) is
 * [[2u², 4au], [4au, 2a²]] = [[2, 4], [4, 2]] with eigenvalues −2 and 6, so f is not convex; along
 * (1, −1): f(2, 0) = f(0, 2) = 0 but f(1, 1) = 1.
 */
class NonConvexArraySpec extends Specification {
    @TempDir
    Path dir

    List<Map> run(String source) {
        Files.writeString(dir.resolve('xor.csv'), 'a,b,y\n0,0,0\n0,1,1\n1,0,1\n1,1,0\n')
        Files.writeString(dir.resolve('t.opt'), source)
        new GradusSession().run(dir.resolve('t.opt')).collect { new JsonSlurper().parseText(it.toJson()) as Map }
    }

    /** |A v|² by hand. */
    static double sumsqAv(List<List<Number>> A, List<Number> v) {
        double s = 0
        for (row in A) {
            double r = 0
            for (int j = 0; j < v.size(); j++) r += (row[j] as double) * (v[j] as double)
            s += r * r
        }
        s
    }

    static Map mid(Map a, Map b, String m, String v) {
        [(m): [a[m], b[m]].transpose().collect { ra, rb -> [ra, rb].transpose().collect { x, y -> ((x as double) + (y as double)) / 2 } },
         (v): [a[v], b[v]].transpose().collect { x, y -> ((x as double) + (y as double)) / 2 }]
    }

    def "sumsq(a*u) with a 1x1 matrix and a 1-vector: not convex, the secant checked by hand"() {
        when:
        Map r = run("a = matrix(1, 1); u = vector(1)\nconvexity(sumsq(a*u))\n")[0]
        Map w = r.counterexample as Map
        double fa = sumsqAv(w.a.a as List, w.a.u as List), fb = sumsqAv(w.b.a as List, w.b.u as List)
        Map m = mid(w.a as Map, w.b as Map, 'a', 'u')
        double fm = sumsqAv(m.a as List, m.u as List)

        then:
        r.verdict == 'neither'
        r.certainty == 'counterexample'
        w.t == 0.5
        fm - (fa + fb) / 2 > 0
        Math.abs((w.gap as double) - (fm - (fa + fb) / 2)) <= 1e-12 * Math.max(1, Math.abs(fm))
        r.reason.contains('not convex')
    }

    def "sumsq(A*v) with A 2x2 and v both variables: not convex (was unknown), the secant checked by hand"() {
        when:
        Map r = run("A = matrix(2, 2); v = vector(2)\nconvexity(sumsq(A*v))\n")[0]
        Map w = r.counterexample as Map
        double fa = sumsqAv(w.a.A as List, w.a.v as List), fb = sumsqAv(w.b.A as List, w.b.v as List)
        Map m = mid(w.a as Map, w.b as Map, 'A', 'v')
        double fm = sumsqAv(m.A as List, m.v as List)

        then:
        r.verdict == 'neither'
        fm - (fa + fb) / 2 > 1e-6 * Math.max(fm, Math.max(fa, fb))
        Math.abs((w.gap as double) - (fm - (fa + fb) / 2)) <= 1e-12 * Math.max(1, Math.abs(fm))
    }

    def "XOR with a 2-2-1 tanh network: not convex, with a witness recomputed by hand"() {
        when:
        Map r = run("""
            data = csv('xor.csv', target: 'y')
            W = matrix(2, 2); c = vector(2); w = vector(2); b0 = variable()
            loss = mean(data) { row -> (dot(w, tanh(W * row.x + c)) + b0 - row.y)**2 }
            convexity(loss)
        """)[0]
        Map s = r.counterexample as Map
        double fa = xor(s.a as Map), fb = xor(s.b as Map)
        double fm = xor(half(s.a as Map, s.b as Map))

        then:
        r.verdict == 'neither'
        fm - (fa + fb) / 2 > 0
        Math.abs((s.gap as double) - (fm - (fa + fb) / 2)) <= 1e-9 * Math.max(1, Math.abs(fm))
    }

    static double xor(Map p) {
        double[][] X = [[0, 0], [0, 1], [1, 0], [1, 1]]
        double[] y = [0, 1, 1, 0]
        List W = p.W as List, c = p.c as List, w = p.w as List
        double b0 = p.b0 as double, total = 0
        for (int k = 0; k < 4; k++) {
            double out = b0
            for (int i = 0; i < 2; i++) {
                double z = (c[i] as double) + (W[i][0] as double) * X[k][0] + (W[i][1] as double) * X[k][1]
                out += (w[i] as double) * Math.tanh(z)
            }
            total += (out - y[k]) * (out - y[k])
        }
        total / 4
    }

    static Map half(Map a, Map b) {
        Map m = mid(a, b, 'W', 'c')
        m.w = [a.w, b.w].transpose().collect { x, y -> ((x as double) + (y as double)) / 2 }
        m.b0 = ((a.b0 as double) + (b.b0 as double)) / 2
        m
    }
}
