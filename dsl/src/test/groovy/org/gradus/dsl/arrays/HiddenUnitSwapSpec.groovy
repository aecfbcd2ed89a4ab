package org.gradus.dsl.arrays

import groovy.json.JsonSlurper
import groovy.transform.CompileStatic
import org.gradus.dsl.GradusSession
import spock.lang.Specification
import spock.lang.TempDir

import java.nio.file.Files
import java.nio.file.Path

/**
 * A network with a hidden layer is not convex, and convexity proves it whatever its size, from the symmetry
 * of its hidden units: swapping units i and j (rows of W1, entries of b1, columns of W2) computes the same
 * network, and halfway between a point and its swap the loss is higher. The witnesses are checked here
 * independently of the engine: for the 2-3-3 network against examples/python/tiny_network_swap.py (mpmath,
 * 50 digits), for the 64-32-10 network on the digits (2410 variables) by plain arithmetic over the 1797 rows.
 */
class HiddenUnitSwapSpec extends Specification {
    @TempDir
    Path dir

    List<Map> run(String source) {
        Files.writeString(dir.resolve('tiny.csv'), 'a,b,label\n0,0,0\n0,1,1\n1,0,1\n1,1,2\n')
        Files.copy(Path.of('..', 'examples', 'digits.csv'), dir.resolve('digits.csv'), java.nio.file.StandardCopyOption.REPLACE_EXISTING)
        Files.writeString(dir.resolve('t.opt'), source)
        new GradusSession().run(dir.resolve('t.opt')).collect { new JsonSlurper().parseText(it.toJson()) as Map }
    }

    static final String TINY = '''
        data = csv('tiny.csv', target: 'label', classes: true)
        W1 = matrix(3, 2, start: [[1, -0.5], [0.25, 2], [-1.5, 0.75]]); b1 = vector(3, start: [0.5, -0.25, 0])
        W2 = matrix(3, 3, start: [[1, -1, 0.5], [-0.5, 2, 1], [0.25, 0.5, -2]]); b2 = vector(3)
        loss = mean(data) { row -> crossEntropy(W2 * tanh(W1 * row.x + b1) + b2, row.y) }
        convexity(loss)
    '''

    def "a 2-3-3 tanh network: swapping hidden units 1 and 2 gives a secant below the graph, values as mpmath's"() {
        when:
        Map r = run(TINY)[0]
        Map w = r.counterexample as Map

        then: 'pairs 0-1 and 0-2 have negative gaps at the start (mpmath: -0.0948, -0.2145); 1-2 is the first that works'
        r.verdict == 'neither'
        r.certainty == 'counterexample'
        (w.where as String).contains('hidden units 1 and 2 swapped')
        w.a == [W1: [[1, -0.5], [0.25, 2], [-1.5, 0.75]], b1: [0.5, -0.25, 0], W2: [[1, -1, 0.5], [-0.5, 2, 1], [0.25, 0.5, -2]], b2: [0, 0, 0]]
        w.b == [W1: [[1, -0.5], [-1.5, 0.75], [0.25, 2]], b1: [0.5, 0, -0.25], W2: [[1, 0.5, -1], [-0.5, 1, 2], [0.25, -2, 0.5]], b2: [0, 0, 0]]
        w.t == 0.5
        Math.abs((w.gap as double) - 0.72095801121136917) < 1e-12

        and: 'the reason says why, with f(a) = 1.1496739409142515 and f(mid) = 1.8706319521256207 (mpmath)'
        (r.reason as String).contains('exchanging units 1 and 2 (rows of W1, entries of b1, columns of W2) computes the same network')
        (r.reason as String).contains('f(a) = 1.14967 at a point a and at its swap b')
        (r.reason as String).contains('f = 1.87063 > 1.14967')

        and: 'the secant above the graph (f is not concave either) holds by hand'
        Map c = r.concavityCounterexample as Map
        double gap = tiny(mid(c.a as Map, c.b as Map)) - (tiny(c.a as Map) + tiny(c.b as Map)) / 2
        gap < 0
        Math.abs(gap - (c.gap as double)) < 1e-12

        and: 'counterexamples lists every checked secant with what it refutes'
        (r.counterexamples as List<Map>)*.refutes == ['convexity', 'concavity']
        (r.counterexamples[0] as Map).findAll { k, v -> k != 'refutes' } == w
        (r.counterexamples[1] as Map).findAll { k, v -> k != 'refutes' } == c
    }

    def "an all-zeros-initialised network gets its swap witness from a seeded perturbation of the start, the same on every run"() {
        given: 'at the all-zero start every pair of units coincides: a swap changes nothing, so the start alone gives no secant'
        String zeros = '''
            data = csv('tiny.csv', target: 'label', classes: true)
            W1 = matrix(3, 2); b1 = vector(3)
            W2 = matrix(3, 3); b2 = vector(3)
            loss = mean(data) { row -> crossEntropy(W2 * tanh(W1 * row.x + b1) + b2, row.y) }
            convexity(loss)
        '''

        when:
        Map r = run(zeros)[0]
        Map w = r.counterexample as Map
        def units = ((w.where as String) =~ /hidden units (\d+) and (\d+) swapped/)
        int i = units[0][1] as int, j = units[0][2] as int
        double fa = tiny(w.a as Map), fb = tiny(w.b as Map), fm = tiny(mid(w.a as Map, w.b as Map))

        then: 'neither, by the swap of two units at a perturbed start, recomputed by hand'
        r.verdict == 'neither'
        r.certainty == 'counterexample'
        (r.reason as String).contains('hidden units of tanh(…) can be swapped')
        (w.where as String).startsWith("a = the variables' starting point plus N(0, 1) draws (seed 1, draw ")
        swapped(w.a as Map, i, j) == w.b
        w.a != w.b
        Math.abs(fa - fb) < 1e-12
        fm - (fa + fb) / 2 > 1e-6
        Math.abs((w.gap as double) - (fm - (fa + fb) / 2)) < 1e-12

        and: 'the search is seeded: a second run finds the same witness'
        run(zeros)[0].counterexample == w
    }

    def "the 64-32-10 network on the digits (2410 variables): not convex, the swap witness recomputed over the 1797 rows"() {
        when:
        Map r = run('''
            data = csv('digits.csv', target: 'label', classes: true)
            W1 = matrix(32, 64, init: 'glorot', seed: 1); b1 = vector(32)
            W2 = matrix(10, 32, init: 'glorot', seed: 2); b2 = vector(10)
            loss = mean(data) { row -> crossEntropy(W2 * tanh(W1 * row.x + b1) + b2, row.y) }
            convexity(loss)
        ''')[0]
        Map w = r.counterexample as Map
        def units = ((w.where as String) =~ /hidden units (\d+) and (\d+) swapped/)
        int i = units[0][1] as int, j = units[0][2] as int
        List<double[]> rows = Files.readAllLines(dir.resolve('digits.csv')).drop(1).collect { it.split(',').collect { it as double } as double[] }
        double fa = digits(rows, w.a as Map), fb = digits(rows, w.b as Map), fm = digits(rows, mid(w.a as Map, w.b as Map))

        then:
        r.verdict == 'neither'
        r.certainty == 'counterexample'
        (r.reason as String).contains('hidden units of tanh(…) can be swapped')
        swapped(w.a as Map, i, j) == w.b
        Math.abs(fa - fb) < 1e-12
        fm - (fa + fb) / 2 > 1e-4
        Math.abs((w.gap as double) - (fm - (fa + fb) / 2)) < 1e-10
    }

    /** a with hidden units i and j swapped: rows of W1, entries of b1, columns of W2. */
    static Map swapped(Map a, int i, int j) {
        def swapList = { List l -> List c = new ArrayList(l); def t = c[i]; c[i] = c[j]; c[j] = t; c }
        [W1: swapList(a.W1 as List), b1: swapList(a.b1 as List), W2: (a.W2 as List).collect { swapList(it as List) }, b2: a.b2]
    }

    static Map mid(Map a, Map b) {
        def half
        half = { x, y -> x instanceof List ? [x, y].transpose().collect { p, q -> half(p, q) } : ((x as double) + (y as double)) / 2 }
        a.collectEntries { k, v -> [(k): half(v, b[k])] }
    }

    /** The 2-3-3 network's mean cross-entropy on tiny.csv, by hand. */
    static double tiny(Map p) {
        double[][] X = [[0, 0], [0, 1], [1, 0], [1, 1]]
        int[] y = [0, 1, 1, 2]
        double total = 0
        for (int n = 0; n < 4; n++) total += crossEntropy(X[n], y[n], p)
        total / 4
    }

    /** The digits network's mean cross-entropy over the rows (64 pixels, then the label), by hand. */
    static double digits(List<double[]> rows, Map p) {
        double[][] W1 = matrix(p.W1 as List), W2 = matrix(p.W2 as List)
        double[] b1 = vector(p.b1 as List), b2 = vector(p.b2 as List)
        double total = 0
        for (double[] row : rows) total += crossEntropy(Arrays.copyOf(row, 64), (int) row[64], W1, b1, W2, b2)
        total / rows.size()
    }

    static double crossEntropy(double[] x, int label, Map p) {
        crossEntropy(x, label, matrix(p.W1 as List), vector(p.b1 as List), matrix(p.W2 as List), vector(p.b2 as List))
    }

    @CompileStatic
    static double crossEntropy(double[] x, int label, double[][] W1, double[] b1, double[][] W2, double[] b2) {
        double[] h = new double[W1.length]
        for (int u = 0; u < h.length; u++) {
            double s = b1[u]
            for (int c = 0; c < x.length; c++) s += W1[u][c] * x[c]
            h[u] = Math.tanh(s)
        }
        double[] z = new double[W2.length]
        double max = Double.NEGATIVE_INFINITY
        for (int o = 0; o < z.length; o++) {
            double s = b2[o]
            for (int u = 0; u < h.length; u++) s += W2[o][u] * h[u]
            z[o] = s
            max = Math.max(max, s)
        }
        double sum = 0
        for (double v : z) sum += Math.exp(v - max)
        max + Math.log(sum) - z[label]
    }

    static double[][] matrix(List rows) {
        rows.collect { vector(it as List) } as double[][]
    }

    static double[] vector(List v) {
        v.collect { it as double } as double[]
    }
}
