package org.gradus.dsl

import groovy.json.JsonSlurper
import spock.lang.Specification
import spock.lang.TempDir
import spock.lang.Unroll

import java.nio.file.Files
import java.nio.file.Path

/** Data sets: reading CSV, reductions over rows, their exact gradients, splits and errors. */
class DataSpec extends Specification {
    @TempDir
    Path dir

    static final String CSV = '''a,b,y
1,2,3
2,0,1
-1,1,0.5
0.5,-2,2
'''
    static final double[][] ROWS = [[1, 2, 3], [2, 0, 1], [-1, 1, 0.5], [0.5, -2, 2]] as double[][]

    List<Map> run(String source) {
        Files.writeString(dir.resolve('t.csv'), CSV)
        Files.writeString(dir.resolve('t.opt'), source)
        new GradusSession().run(dir.resolve('t.opt')).collect { new JsonSlurper().parseText(it.toJson()) as Map }
    }

    def "a data set knows its rows, features and columns"() {
        expect:
        run("data = csv('t.csv', target: 'y')\ndata\n[data.rows, data.features, data.columns]") == [
                [kind: 'dataset', rows: 4, features: 2, columns: ['a', 'b', 'y'], target: 'y'],
                [kind: 'value', text: '[4, 2, [a, b, y]]']]
    }

    def "mean squared error and its gradient match a direct computation over the rows"() {
        given:
        double[] w = [0.3, -0.7]
        double b = 0.2
        double mse = 0
        double[] g = [0, 0, 0]
        for (double[] r : ROWS) {
            double res = w[0] * r[0] + w[1] * r[1] + b - r[2]
            mse += res * res / ROWS.length
            g[0] += 2 * res * r[0] / ROWS.length
            g[1] += 2 * res * r[1] / ROWS.length
            g[2] += 2 * res / ROWS.length
        }

        when:
        def out = run('''
            data = csv('t.csv', target: 'y')
            w = vector(data.features)
            b = variable(0)
            mse = mean(data) { row -> squaredError(dot(w, row.x) + b, row.y) }
            mse
            mse.at(w: [0.3, -0.7], b: 0.2)
            2*mse
            sum(data) { row -> row.y }
            grad(mse).at(w: [0.3, -0.7], b: 0.2)
        ''')

        then:
        out[0].text == 'mean(data) { row -> (dot(w, row.x) + b - row.y)**2 }'
        Math.abs(out[1].value - mse) < 1e-12
        out[2].text == '2*mean(data) { row -> (dot(w, row.x) + b - row.y)**2 }'
        out[3].kind == 'number'                       // no variables: shown as its number
        Math.abs(out[3].value - ROWS.collect { it[2] }.sum()) < 1e-12
        Math.abs(out[4].value.w[0] - g[0]) < 1e-12
        Math.abs(out[4].value.w[1] - g[1]) < 1e-12
        Math.abs(out[4].value.b - g[2]) < 1e-12
    }

    @Unroll
    def "columns by name (#a), sums over rows and logistic loss"() {
        given: 'row.a reads column a as row[\'a\'] does, as pandas reads a row\'s column'
        double expected = 0
        for (double[] r : ROWS) expected += Math.log1p(Math.exp(0.5 * r[0])) - r[1] * 0.5 * r[0]

        expect:
        Math.abs(run("""
            data = csv('t.csv')
            z = variable(0.5)
            sum(data) { row -> logLoss(z*$a, $b) }.at(z: 0.5)
        """)[0].value - expected) < 1e-12

        where:
        a          | b
        "row['a']" | "row['b']"
        'row.a'    | 'row.b'
    }

    def "an unknown column by name lists the columns, at its name"() {
        when:
        run("data = csv('t.csv')\nm = mean(data) { row -> row.c }\n")

        then:
        GradusException e = thrown()
        e.message.contains("has no column 'c'; its columns are [a, b, y]")
        e.line == 2
        e.column == 29
    }

    def "row.x[k] is feature k of the row, and row.x[0..<1] a slice of them"() {
        given: 'mean over the rows of (a·w − y)², by hand at w = 1: (4 + 1 + 2.25 + 2.25)/4'
        String model = "data = csv('t.csv', target: 'y')\nw = variable(1)\n"

        expect:
        run(model + "mean(data) { row -> (row.x[0]*w - row.y)**2 }.at(w: 1)")[0].value == 9.5d / 4
        run(model + "mean(data) { row -> (sum(row.x[0..<1])*w - row.y)**2 }.at(w: 1)")[0].value == 9.5d / 4
        run(model + "mean(data) { row -> row.x[1]*w }.at(w: 2)")[0].value == 2 * (2 + 0 + 1 - 2) / 4d
    }

    def "logistic regression on a 0/1 target is proved convex: the target column's range gives 1 - y its sign"() {
        given:
        Files.writeString(dir.resolve('c.csv'), 'a,b,y\n1,2,0\n2,1,1\n0.5,0.3,1\n-1,2,0\n')
        String model = "data = csv('c.csv', target: 'y')\nw = vector(2)\nb = variable(0)\n"

        expect: 'written out by hand, and with the logLoss atom'
        Map byHand = run(model + "convexity(mean(data) { row -> z = dot(w, row.x) + b; row.y*softplus(-z) + (1 - row.y)*softplus(z) })")[0]
        byHand.verdict == 'convex'
        byHand.certainty == 'proof'
        Map atom = run(model + "convexity(mean(data) { row -> logLoss(dot(w, row.x) + b, row.y) })")[0]
        atom.verdict == 'convex'
        atom.certainty == 'proof'

        and: "a feature column's range is its own (column b is positive, column a is not)"
        run(model + "convexity(mean(data) { row -> row['b']*softplus(b) })")[0].certainty == 'proof'
        run(model + "convexity(mean(data) { row -> row.x[1]*softplus(b) })")[0].certainty == 'proof'
        run(model + "convexity(mean(data) { row -> row['a']*softplus(b) })")[0].certainty != 'proof'

        and: 'a target that takes both signs leaves (1 - y) of both signs: not proved, and not claimed'
        Files.writeString(dir.resolve('c.csv'), 'a,b,y\n1,2,0\n2,1,2\n0.5,0.3,1\n-1,2,0\n')
        run(model + "convexity(mean(data) { row -> (1 - row.y)*softplus(dot(w, row.x) + b) })")[0].certainty != 'proof'
    }

    def "the root-mean-square error is proved convex: the square root of a mean of squared affine residuals is a Euclidean norm (over 4 rows, 1/2 of the residual vector)"() {
        given:
        Files.writeString(dir.resolve('c.csv'), 'a,b,y\n1,2,0\n2,1,1\n0.5,0.3,1\n-1,2,0\n')
        String model = "data = csv('c.csv', target: 'y')\nw = vector(2)\nb = variable(0)\n"

        when: 'it was "convex — sampled": sqrt is concave, the mean of squares convex'
        Map rmse = run(model + "convexity(sqrt(mean(data) { row -> (dot(w, row.x) + b - row.y)**2 }))")[0]

        then: 'RMSE = ‖r‖₂/√4 = ‖r/2‖₂ with r the residuals, affine in (w, b)'
        rmse.verdict == 'convex'
        rmse.certainty == 'proof'
        (rmse.reason as String).contains('is the Euclidean norm ‖(0.5·(dot(w, row.x) + b - row.y) for each row)‖₂')
    }

    def "logistic regression with 10 features (dot is one reduction inside the rows' sum) is proved convex and its gradient is exact"() {
        given: '6 rows of 10 features, x[r][k] = (r + 1)·(k − 4)/10, labels 0,1,0,1,1,0'
        double[][] x = (0..<6).collect { r -> (0..<10).collect { k -> (r + 1) * (k - 4) / 10.0 } as double[] } as double[][]
        int[] y = [0, 1, 0, 1, 1, 0]
        String csv = (0..<10).collect { "f$it" }.join(',') + ',y\n' + (0..<6).collect { r -> (x[r] as List).join(',') + ",${y[r]}" }.join('\n') + '\n'
        Files.writeString(dir.resolve('ten.csv'), csv)
        String model = "data = csv('ten.csv', target: 'y')\nw = vector(10)\nb = variable(0)\nloss = mean(data) { row -> logLoss(dot(w, row.x) + b, row.y) }\n"

        when:
        Map verdict = run(model + 'convexity(loss)')[0]
        Map g = run(model + 'grad(loss).at(w: [0] * 10, b: 0)')[0].value as Map

        then: 'at w = 0, b = 0 every sigmoid is 1/2: the gradient is the mean of (1/2 − y)·x, worked by hand'
        verdict.verdict == 'convex'
        verdict.certainty == 'proof'
        (0..<10).every { k -> Math.abs((g.w[k] as double) - (0..<6).sum { r -> (0.5 - y[r]) * x[r][k] } / 6) < 1e-12 }
        Math.abs((g.b as double) - (0..<6).sum { r -> 0.5 - y[r] } / 6) < 1e-12
    }

    def "a split shuffles the rows into two parts with a seed"() {
        expect:
        run('''
            data = csv('t.csv', target: 'y')
            def (train, test) = data.split(0.75, seed: 1)
            [train.rows, test.rows, train.columns == data.columns]
        ''')[0].text == '[3, 1, true]'
    }

    def "precision: 'float' stores 32-bit floats: data.precision says so, and sums see the floats, in double"() {
        given: "the cells as floats (0.5, 1, 2 are floats; 0.1 and 0.3 are not), the sum by hand in double"
        Files.writeString(dir.resolve('f.csv'), 'a,y\n0.1,0.3\n2,0.5\n-1,1\n')
        double[][] rows = [[0.1, 0.3], [2, 0.5], [-1, 1]] as double[][]
        double expected = 0
        for (double[] r : rows) {
            double a = Float.valueOf((float) r[0]).doubleValue(), y = Float.valueOf((float) r[1]).doubleValue()
            expected += (0.7 * a - y) * (0.7 * a - y)
        }
        double asDoubles = rows.sum { double[] r -> (0.7 * r[0] - r[1]) * (0.7 * r[0] - r[1]) } as double

        when:
        def out = run('''
            data = csv('f.csv', target: 'y', precision: 'float')
            data
            [data.precision, csv('t.csv').precision]
            w = vector(1)
            sum(data) { row -> (dot(w, row.x) - row.y)**2 }.at(w: [0.7])
        ''')

        then:
        out[0] == [kind: 'dataset', rows: 3, features: 1, columns: ['a', 'y'], target: 'y', precision: 'float']
        out[1].text == '[float, double]'
        Math.abs(out[2].value - expected) <= 1e-15 * expected
        Math.abs(asDoubles - expected) > 1e-9     // the storages differ: the test can tell them apart
    }

    def "csv reads another separator and only the columns named, as pandas.read_csv(sep=';', usecols=[...])"() {
        given: "pandas.read_csv('s.csv', sep=';', usecols=['hours', 'age', 'income']): age [36, 41], hours [40, 45]"
        Files.writeString(dir.resolve('s.csv'), 'name;age;hours;income\nAda;36;40;5.5\nAlan;41;45;6.25\n')

        when:
        def out = run('''
            data = csv('s.csv', target: 'income', sep: ';', usecols: ['hours', 'age'])
            data
            [data['age'], data['hours'], data['income']]
        ''')

        then:
        out[0] == [kind: 'dataset', rows: 2, features: 2, columns: ['age', 'hours', 'income'], target: 'income']
        out[1].text == '[[36, 41], [40, 45], [5.5, 6.25]]'
    }

    def "csv's sep: and usecols: take what pandas takes, and say so otherwise: #source"() {
        given:
        Files.writeString(dir.resolve('s.csv'), 'a;b\n1;2\n')

        when:
        run(source)

        then:
        GradusException e = thrown()
        e.message == message

        where:
        source                           | message
        "csv('s.csv', sep: ';;')"        | "sep: takes one character, such as ';', '|' or '\\t' (a tab); it was the text ';;'"
        "csv('s.csv', usecols: 0)"       | "usecols: takes a list of column names, such as ['size', 'age']; it was Integer 0"
        "csv('s.csv', delimiter: ';')"   | "csv has no option 'delimiter'; valid options: target, classes, precision, sep, usecols"
        "csv('s.csv')"                   | "s.csv line 2, column a;b: '1;2' is not a number; the file seems separated by ';', not commas: read it with csv('s.csv', sep: ';')"
    }

    def "a bad cell is reported with file, line, column and the cell, at the script line that read it"() {
        given:
        Files.writeString(dir.resolve('bad.csv'), 'p,q\n1,2\n3,x7\n')
        Files.writeString(dir.resolve('t.opt'), 'z = variable(1)\ndata = csv("bad.csv", target: "q")\n')

        when:
        new GradusSession().run(dir.resolve('t.opt'))

        then:
        GradusException e = thrown()
        e.exitCode == 1
        e.line == 2
        e.message == "bad.csv line 3, column q: 'x7' is not a number; if q holds class labels, read them with classes: true"
    }

    def "missing files, columns and targets are clear errors; a body left out, a column or method read as a property, a read-only row say what to write"() {
        when:
        run(source)

        then:
        GradusException e = thrown()
        e.message.contains(text)

        where:
        source                                                    | text
        "csv('nope.csv')"                                         | 'no data file'
        "csv('t.csv', target: 'price')"                           | "has no column 'price'; its columns are [a, b, y]"
        "data = csv('t.csv')\nmean(data) { row -> row.y }"       | 'has no target'
        "data = csv('t.csv')\nmean(data) { row -> row['c'] }"    | "has no column 'c'"
        "data = csv('t.csv')\nmean(data)"  | "mean(data) needs a body, the expression to average over the rows: mean(data) { row -> (dot(w, row.x) + b - row.y)**2 }; one column's mean is mean(data['a']), every column's data.mean()"
        "data = csv('t.csv')\ndata.describe" | "a data set has no property 'describe'; describe is a method: data.describe()"
        "data = csv('t.csv')\ndata[0].x << 1" | "this list or map is read-only (a row's numbers, a table's columns): change a copy of it, as in xs = row.x + [] and then xs << 1"
        "data = csv('t.csv')\ndata.columns << 'c'" | "this list or map is read-only"
        "data = csv('t.csv')\ndata['class']"     | "has no column 'class'"     // a column by name, never a property
        "data = csv('t.csv')\ndata.price"  | "a data set has no property 'price'; if 'price' is a column: its values are data['price'] (a list of numbers), and one row's value is row.price in mean(data) { row -> ... } or a loop over the rows"
        "csv('t.csv', precision: 'half')"                         | "precision: 'half' is not a precision; use precision: 'double'"
        "csv('t.csv', precison: 'float')"                         | "csv has no option 'precison'; valid options: target, classes, precision"
    }

    def "a loop over the rows sees each row as numbers: predictions, a count, the first and the last row"() {
        given: 'the model 0.5a - b + 1 on the rows by hand: 0.5 - 2 + 1, 1 - 0 + 1, -0.5 - 1 + 1, 0.25 + 2 + 1'
        String byHand = '[-0.5, 2, -0.5, 3.25]'

        when:
        def out = run("""
            data = csv('t.csv', target: 'y')
            w = vector(2)
            b = variable(0)
            model = { row -> dot(w, row.x) + b }
            p = [w: [0.5, -1], b: 1]
            data.collect { row -> model(row).at(p) }
            data.count { row -> model(row).at(p) > row.y - 1 }
            seen = []
            for (row in data) seen << row.index + row.a + row['b'] + row.y
            data.each { row -> seen << row.x }
            seen
            data[0]
            data[-1].y
        """)

        then: 'a loop written as a call (data.each) shows nothing: its value is what it looped over'
        out[0].text == byHand
        out[1].value == 2      // above y - 1: 2 > 0 and 3.25 > 1; not -0.5 > 2, nor -0.5 > -0.5
        out[2].text == '[6, 4, 2.5, 3.5, [1, 2], [2, 0], [-1, 1], [0.5, -2]]'      // index + a + b + y, then x
        out[3].text == '[a: 1, b: 2, y: 3]'
        out[4].value == 2d
        out.size() == 5
    }

    def "an unknown column of a row of numbers lists the columns, at its name"() {
        when:
        run("data = csv('t.csv', target: 'y')\nshow data[1].c\n")

        then:
        GradusException e = thrown()
        e.message == "data has no column 'c'; its columns are [a, b, y]"
        e.column == 14
    }

    def "a first look at a table, in pandas' words: head, tail, describe, corr, a column's values, each column's statistic"() {
        when: 'the statistics of a = [1, 2, -1, 0.5] by hand: mean 2.5/4; std sqrt(4.6875/3) (n - 1, as pandas); the quartiles at positions 0.75, 1.5, 2.25 of the sorted [-1, 0.5, 1, 2] (numpy.percentile)'
        def out = run("""
            data = csv('t.csv', target: 'y')
            data.head(2)
            data.tail(1)
            data.head(-3)
            data.describe()
            data['b']
            mean(data['a'])
            data.mean()
            data.std()['a']
            [data.min(), data.max()]
            data.describe()['y']['75%']
            data.corr()
            [data.count(), data.size(), data.x[2], data.y]
        """)

        then:
        out[0] == [kind: 'table', columns: ['a', 'b', 'y'], index: ['0', '1'], data: [[1, 2, 3], [2, 0, 1]]]
        out[1].index == ['3'] && out[1].data == [[0.5, -2, 2]]
        out[2].index == ['0']
        out[3].index == ['count', 'mean', 'std', 'min', '25%', '50%', '75%', 'max']
        out[3].data*.getAt(0) == [4, 0.625, 1.25, -1, 0.125, 0.75, 1.25, 2]
        out[3].data*.getAt(1)[4..6] == [-0.5, 0.5, 1.25]
        Math.abs(out[3].data[2][1] - 1.7078251276599330d) < 1e-15    // sqrt(8.75/3), numpy's std(ddof=1)
        out[4].text == '[2, 0, 1, -2]'
        out[5].value == 0.625
        out[6].text == '[a: 0.625, b: 0.25, y: 1.625]'
        out[7].value == 1.25
        out[8].text == '[[a: -1, b: -2, y: 0.5], [a: 2, b: 2, y: 3]]'
        out[9].value == 2.25

        and: 'numpy.corrcoef of the columns; pandas\' count() per column; the rows; scikit-learn\'s X and y'
        out[10].index == ['a', 'b', 'y'] && out[10].columns == ['a', 'b', 'y']
        [out[10].data.flatten(), [1, -0.09759001, 0.34575717, -0.09759001, 1, 0.1540416, 0.34575717, 0.1540416, 1]].transpose()
                .every { a, b -> Math.abs(a - b) < 1e-8 }
        out[11].text == '[[a: 4, b: 4, y: 4], 4, [-1, 1], [3, 1, 0.5, 2]]'
    }

    def "data.sample(n) draws rows at random without replacement, as pandas' sample(n, random_state=seed): each drawn row is the table's row of its number"() {
        when:
        def out = run("""
            data = csv('t.csv', target: 'y')
            data.sample(2)
            data.sample(2)
            data.sample(2, seed: 5)
            data.sample(10)
            data.head(4)
        """)
        List<List> table = out[4].data

        then: 'the same seed the same rows; never one row twice; more than the table holds is all of it, shuffled'
        out[0] == out[1]
        [out[0], out[2], out[3]].every { s -> s.index.unique().size() == s.index.size() && (0..<s.index.size()).every { r -> s.data[r] == table[s.index[r] as int] } }
        out[0].index.size() == 2
        out[3].index.sort() == ['0', '1', '2', '3']
    }

    def "standardized features, as scikit-learn's StandardScaler: each feature minus its mean over its population deviation, the target as it was"() {
        when: 'numpy: (X - X.mean(0)) / X.std(0) of a = [1, 2, -1, 0.5], b = [2, 0, 1, -2] (std with n, as StandardScaler)'
        def out = run("""
            data = csv('t.csv', target: 'y')
            s = data.standardized()
            s[0].x
            s[2].x
            s.mean().values() as List
            [s.columns.size(), s.target == 'y' ? 1 : 0]
            def (train, test) = data.split(0.5, seed: 1)
            test.standardized(like: train)[0].x
            train.standardized()[0].x + train.standardized()[1].x
            train[0].x + train[1].x + test[0].x
        """).collect { Eval.me(it.text) as List }

        then:
        [out[0], out[1]].flatten().withIndex().every { v, i -> Math.abs(v - [0.34641016, 1.18321596, -1.5011107, 0.50709255][i]) < 1e-8 }
        Math.abs(out[2][0]) < 1e-15 && Math.abs(out[2][1]) < 1e-15 && out[2][2] == 1.625
        out[3] == [3, 1]

        and: 'a test set takes its training set\'s statistics: with two training rows p, q, the mean is (p + q)/2 and the deviation |p − q|/2, so their own rows become ±1'
        List p = out[6][0..1], q = out[6][2..3], t = out[6][4..5]
        out[5].every { Math.abs(Math.abs(it) - 1) < 1e-12 }
        (0..1).every { k -> Math.abs(out[4][k] - (t[k] - (p[k] + q[k]) / 2) / (Math.abs(p[k] - q[k]) / 2)) < 1e-12 }
    }

    def "the table of head and describe reads as pandas prints it: labels on the left, numbers right-aligned under their column"() {
        when:
        def session = new GradusSession()
        Files.writeString(dir.resolve('t.csv'), CSV)
        Files.writeString(dir.resolve('t.opt'), "data = csv('t.csv')\ndata.head(3)\ndata.describe()")
        def shown = session.run(dir.resolve('t.opt'))*.toText()

        then:
        shown[0].readLines() == [
                '    a  b    y',
                '0   1  2    3',
                '1   2  0    1',
                '2  -1  1  0.5']
        shown[1].readLines()[0..3] == [
                '           a        b        y',
                'count      4        4        4',
                'mean   0.625     0.25    1.625',
                'std     1.25  1.70783  1.10868']     // six significant digits, as pandas shows a float
    }

    def "class labels show by name in head, tail and sample, as pandas shows the text the file held; the JSON keeps the class numbers"() {
        given:
        Files.writeString(dir.resolve('pets.csv'), 'a,b,name\n1,2,cat\n2,0,dog\n-1,1,cat\n')
        Files.writeString(dir.resolve('t.opt'), "data = csv('pets.csv', target: 'name', classes: true)\ndata.head(2)")

        when: "pandas.read_csv('pets.csv').head(2)"
        def shown = new GradusSession().run(dir.resolve('t.opt'))

        then:
        shown[0].toText().readLines() == [
                '   a  b  name',
                '0  1  2   cat',
                '1  2  0   dog']
        new JsonSlurper().parseText(shown[0].toJson()).data == [[1, 2, 0], [2, 0, 1]]
    }

    def "data.info() says what pandas' info() says: rows, each column's role, count and storage, the memory"() {
        given:
        Files.writeString(dir.resolve('pets.csv'), 'a,b,name\n1,2,cat\n2,0,dog\n-1,1,cat\n')

        when: '3 rows × 3 columns × 8 bytes = 72 bytes; × 4 bytes = 36 as floats'
        def out = run("""
            data = csv('pets.csv', target: 'name', classes: true)
            data.info()
            csv('t.csv', precision: 'float').info()
        """)

        then:
        out[0].text.readLines() == [
                'data set data: 3 rows (0 to 2), 3 columns',
                ' #  column  role     non-null  type',
                ' 0  a       feature  3         float64',
                ' 1  b       feature  3         float64',
                ' 2  name    target   3         class 0..1 of [cat, dog]',
                'memory: 72 bytes (3 × float64); no missing values: csv refuses an empty cell']
        out[1].text.readLines()[0] == 'data set t: 4 rows (0 to 3), 3 columns'
        out[1].text.readLines()[-1] == 'memory: 48 bytes (3 × float32); no missing values: csv refuses an empty cell'
    }

    def "the sum and mean of a list of numbers (a column) are numbers, compared and printed as numpy's are"() {
        when: 'math.fsum, the sum of the doubles rounded once: [1, 2, -1, 0.5] → 2.5, mean 0.625; [0.1, 0.2, 0.3] → 0.6 (numpy\'s pairwise sum rounds to 0.6000000000000001)'
        def out = run("""
            data = csv('t.csv', target: 'y')
            [sum(data['a']), mean(data['a']), mean(data['a']) > 0.5]
            [sum([0.1, 0.2, 0.3]), mean([0.1, 0.2, 0.3]), sum([0.1, 0.2, 0.3]) - 0.6 == 0, mean([0.1, 0.2, 0.3]) < 0.2]
            x = variable(1)
            mean([x, 3*x])
        """)

        then:
        out[0].text == '[2.5, 0.625, true]'
        out[1].text == '[0.6, 0.2, true, true]'     // 0.19999999999999998 shows as 0.2
        out[2].kind == 'expression'
    }

    def "a column has pandas' Series statistics and arithmetic: data['a'].mean(), .std(), .quantile(0.25), data['a'] * 2, (a - a.mean()) / a.std()"() {
        when: 'by hand, a = [1, 2, -1, 0.5]: mean 0.625, squared deviations 4.6875 / 3 → var 1.5625, std 1.25; sorted [-1, 0.5, 1, 2]: median 0.75, 25% -1 + 0.75·1.5 = 0.125, 75% 1.25 (pandas\' linear rule)'
        def out = run('''
            data = csv('t.csv', target: 'y')
            a = data['a']
            [a.mean(), a.std(), a.var(), a.median(), a.quantile(0.25), a.quantile(0.75), a.min(), a.max(), a.sum(), a.count()]
            a.describe()
            [a.name(), data.y.name(), data.y.mean()]
            [a * 2, a + data['b'], -a, a ** 2, 1 - a, 2 / a]
            (a - a.mean()) / a.std()
            a.sort()
            a.median()
        ''')

        then:
        out[0].text == '[0.625, 1.25, 1.5625, 0.75, 0.125, 1.25, -1, 2, 2.5, 4]'
        out[1].text == '[count: 4, mean: 0.625, std: 1.25, min: -1, 25%: 0.125, 50%: 0.75, 75%: 1.25, max: 2]'
        out[2].text == '[a, y, 1.625]'
        out[3].text == '[[2, 4, -2, 1], [3, 2, 0, -1.5], [-1, -2, 1, -0.5], [1, 4, 1, 0.25], [0, -1, 2, 0.5], [2, 1, -2, 4]]'
        out[4].text == '[0.3, 1.1, -1.3, -0.1]'

        and: 'sorted in place it is still a list, and its statistics are of what it holds'
        out[5].text == '[-1, 0.5, 1, 2]'
        out[6].value == 0.75
    }

    def "data[0..<2] and data[-2..-1] are those rows, a data set of their own, as pandas' df[0:2] and df[-2:]"() {
        when: 'the rows of t.csv: (1, 2, 3), (2, 0, 1), (-1, 1, 0.5), (0.5, -2, 2); mean of y over the first two by hand: 2'
        def out = run("""
            data = csv('t.csv', target: 'y')
            first = data[0..<2]
            [first.rows, first.columns == data.columns, first[0].x, first[1].y]
            data[-2..-1]['a']
            w = vector(2)
            mean(first) { row -> row.y }.at(w: [0, 0])
        """)

        then:
        out[0].text == '[2, true, [1, 2], 1]'
        out[1].text == '[-1, 0.5]'
        out[2].value == 2
    }

    def "a slice or a split keeps the rows' numbers in the table, as pandas keeps a slice's index: data[2..<4].head() shows rows 2 and 3"() {
        when: "pandas: pd.read_csv('t.csv')[2:4].head() is indexed 2, 3; its [1:2] is indexed 3"
        def out = run("""
            data = csv('t.csv', target: 'y')
            data[2..<4].head()
            data[2..<4][1..<2].tail()
        """)

        then:
        out[0].index == ['2', '3'] && out[0].data == [[-1, 1, 0.5], [0.5, -2, 2]]
        out[1].index == ['3'] && out[1].data == [[0.5, -2, 2]]
    }

    def "data.findAll { row -> ... } is the rows where the condition holds, a data set of their own (pandas' df[df['a'] > 0]), each with its number in the table; none is an empty one"() {
        when: "pandas: d = pd.read_csv('t.csv'); d[d['a'] > 0] is rows 0, 1, 3, its y's mean (3 + 1 + 2)/3 = 2; d[d['a'] > 10] is empty"
        def out = run("""
            data = csv('t.csv', target: 'y')
            positive = data.findAll { row -> row['a'] > 0 }
            positive.head()
            [positive.rows, positive.columns == data.columns, positive.target]
            w = vector(2)
            mean(positive) { row -> row.y }.at(w: [0, 0])
            data.findAll { it.a > 10 }.rows
        """)

        then:
        out[0].index == ['0', '1', '3'] && out[0].data == [[1, 2, 3], [2, 0, 1], [0.5, -2, 2]]
        out[1].text == '[3, true, y]'
        out[2].value == 2
        out[3].value == 0
    }

    def "pandas' words on a data set or a column, a column beside a list that does not fit it, and slices of rows past the table say what to write: #source"() {
        when:
        run("data = csv('t.csv', target: 'y')\n" + source)

        then:
        GradusException e = thrown()
        e.message == message

        where:
        source                      | message
        "data['a'].value_counts()"  | "a list has no method 'value_counts'; in Gradus, the count of each value is data['a'].countBy { it }"
        "data.dropna()"             | "a data set has no method 'dropna'; in Gradus, a data set has no missing values: csv refuses a table with an empty or NA cell, naming its line and column"
        "data.query('a > 0')"       | "a data set has no method 'query'; in Gradus, the rows where a condition holds are data.findAll { row -> row['price'] < 3 } (a data set, as pandas' df[df['price'] < 3])"
        "data[data['a'] < 3]"       | "a list of numbers (a column) is compared with a number: Groovy's <, >, <= and >= give one true or false, not pandas' mask of rows; the rows where a condition holds are a data set, data.findAll { row -> row['price'] < 3 }, and a column's values below 3 are data['price'].findAll { it < 3 }"
        "data.iloc[0]"              | "a data set has no property 'iloc'; in Gradus, a row is data[0] (data[-1] the last), rows data[0..<10] (a data set), rows at random data.sample(5, seed: 1)"
        'data[2..<10]'              | 'data has 4 rows (0 to 3); the slice 2..<10 reaches past them: data[2..<4] is up to the last'
        'data[3..1]'                | 'a slice of rows runs forward: data[1..3], not data[3..1]'
        "data['a'] + [1, 2]"        | 'the column a has 4 values and the other side of + has 2: element by element, both need the same length (pandas would align them by row label)'
        "data['a'] * ['p', 'q', 'r', 's']" | 'the column a * a list: element 0 of the list is p, not a number'
        "data['a'].quantile(25)"    | 'quantile takes a fraction between 0 and 1 (0.25 for the first quartile), not 25.0'
    }

    def "a session's load listener is told how far a large csv has been read, and when it ends"() {
        given: 'a table of about 11 MB: large enough to report progress'
        Path big = dir.resolve('big.csv')
        Files.newBufferedWriter(big).withCloseable { w ->
            w.write('a,b,c,d,y\n')
            for (int i = 0; i < 400_000; i++) w.write("${i * 0.5},${-i},1.25e-3,${i % 7},${i % 2}\n")
        }
        Files.writeString(dir.resolve('big.opt'), "data = csv('big.csv', target: 'y')\ndata.rows")
        long size = Files.size(big)
        List<List> reports = []
        int finished = 0
        def session = new GradusSession()
        session.loads = [onProgress: { String f, long read, long total -> reports << [f, read, total] },
                         onFinish  : { finished++ }] as org.gradus.data.LoadListener

        when:
        def shown = session.run(dir.resolve('big.opt'))

        then:
        size > 8L << 20
        shown*.toText() == ["400000"]
        !reports.isEmpty()
        reports.every { it[0] == 'big.csv' && it[2] == size && it[1] > 0 && it[1] <= size }
        reports*.getAt(1) == reports*.getAt(1).sort(false)
        finished == 1
    }
}
