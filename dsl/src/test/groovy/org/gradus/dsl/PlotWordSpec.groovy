package org.gradus.dsl

import groovy.json.JsonSlurper
import org.gradus.plot.PlotHost
import org.gradus.plot.PlotResult

import javax.imageio.ImageIO
import java.awt.Color
import java.nio.file.Files
import java.nio.file.Path
import java.util.function.Supplier

import spock.lang.Specification
import spock.lang.TempDir

/** The plot word: what a script shows, which file it writes where, and its errors. */
class PlotWordSpec extends Specification {
    @TempDir
    Path dir

    static final String ROSEN = '''x = variable(-1.2)
y = variable(1)
rosen = (1 - x)**2 + 100*(y - x**2)**2
'''

    List<Map> run(String source, GradusSession session = new GradusSession()) {
        Files.writeString(dir.resolve('pics.opt'), source)
        session.run(dir.resolve('pics.opt')).collect { new JsonSlurper().parseText(it.toJson()) as Map }
    }

    def "plot f, x:, y:, file: writes the PNG beside the script and shows a plot record"() {
        when:
        def shown = run(ROSEN + "plot rosen, x: -2..2, y: -1..3, file: 'rosen.png', width: 640, height: 480")
        def img = ImageIO.read(dir.resolve('rosen.png').toFile())

        then:
        shown == [[kind: 'plot', file: 'rosen.png', format: 'png', width: 640, height: 480, series: []]]
        img.width == 640 && img.height == 480
    }

    def "the level sets come from the engine's values: the valley of Rosenbrock is darker than its walls"() {
        when:
        run(ROSEN + "plot rosen, x: -2..2, y: -1..3, file: 'rosen.png'")
        def img = ImageIO.read(dir.resolve('rosen.png').toFile())
        // the data area spans most of the page; sample along x = 0 (pixel column at the middle of the plot):
        // f(0, 0) = 1 (valley), f(0, 2.5) = 626 (wall); y = 0 is a quarter of the way up, y = 2.5 near the top
        int col = img.width * 0.47 as int
        def valley = new Color(img.getRGB(col, (int) (img.height * 0.70)))
        def wall = new Color(img.getRGB(col, (int) (img.height * 0.15)))

        then:
        lum(valley) < 80
        lum(wall) > lum(valley) + 60
    }

    def "surface: true draws f in three dimensions, also a landscape through a run; a view without a surface says what it is for"() {
        when: 'the bowl seen from straight above: its minimum (dark) at the centre of the page, its corners (f = 8) bright'
        def shown = run(ROSEN + """plot x**2 + y**2, x: -2..2, y: -2..2, surface: true, view: [90, -90], file: 'bowl.png'
r = minimize(rosen)
plot rosen, around: r, plane: 'random', seed: 1, surface: true, file: 'landscape.png'""")
        def img = ImageIO.read(dir.resolve('bowl.png').toFile())

        then:
        shown*.kind == ['plot', 'plot']
        lum(new Color(img.getRGB(400, 300))) < 40
        [[230, 130], [570, 470]].every { lum(new Color(img.getRGB(it[0], it[1]))) > 100 }
        Files.exists(dir.resolve('landscape.png'))

        when:
        run(ROSEN + "r = minimize(rosen)\nplot rosen, around: r, view: [30, 10], file: 'flat.png'")

        then:
        GradusException e = thrown()
        e.message.contains('view: is for a surface (surface: true)')
    }

    def "a regression on two features draws the fitted plane's level lines at the bins' edges (it was an error: only a classifier had a picture)"() {
        given: 'z = 2u + 3v + 1 exactly, so the fit is exact and every point lies between the lines of its bin'
        Files.writeString(dir.resolve('plane.csv'), 'u,v,z\n' + (0..<40).collect { i -> double u = (i % 8) / 4.0, v = i.intdiv(8) / 2.0; "$u,$v,${2 * u + 3 * v + 1}" }.join('\n') + '\n')

        when:
        def shown = run("""data = csv('plane.csv', target: 'z')
w = vector(2)
b = variable(0)
fit = minimize(mean(data) { row -> squaredError(dot(w, row.x) + b, row.y) })
plot data, model: fit, file: 'plane.png'""")

        then:
        shown[-1].series.last() == 'model'
        shown[-1].series.size() == 6
        Files.exists(dir.resolve('plane.png'))
    }

    def "a softmax classifier on two features draws its decision regions, the dots in their class's colour and named by class (it was an error)"() {
        given: 'three clusters around (0, 0), (3, 0), (0, 3), labelled by name'
        List<List<Object>> centres = [[0, 0, 'a'], [3, 0, 'b'], [0, 3, 'c']]
        List<String> rows = []
        centres.each { c -> [[-0.5, 0], [0.5, 0.2], [0, 0.5], [0.2, -0.5]].each { d -> rows << "${c[0] + d[0]},${c[1] + d[1]},${c[2]}" } }
        Files.writeString(dir.resolve('three.csv'), 'u,v,label\n' + rows.join('\n') + '\n')

        when:
        def shown = run("""data = csv('three.csv', target: 'label', classes: true)
W = matrix(3, 2)
b = vector(3)
fit = minimize(mean(data) { row -> crossEntropy(W * row.x + b, row.y) } + 0.01 * l2(W))
plot data, model: fit, file: 'regions.png'""")

        then:
        shown[-1].series == ['decision regions', 'label = a', 'label = b', 'label = c']
        Files.exists(dir.resolve('regions.png'))

        when: 'labels that are not classes 0..2'
        Files.writeString(dir.resolve('plain.csv'), 'u,v,label\n0,0,0\n1,1,5\n')
        run("""data = csv('plain.csv', target: 'label')
W = matrix(3, 2)
fit = minimize(mean(data) { row -> sum(W * row.x) } + l2(W))
plot data, model: fit, file: 'bad.png'""")

        then:
        GradusException e = thrown()
        e.message.contains('the classifier scores 3 classes, numbered 0 to 2, but label takes 0 to 5')
        !Files.exists(dir.resolve('bad.png'))
    }

    def "plot data['a'] draws the column's histogram (it was 'cannot plot a mix of 4 values'); two columns share one"() {
        given:
        Files.writeString(dir.resolve('t.csv'), 'a,b\n1,2\n2,0\n2,1\n10,-2\n')

        when:
        def shown = run("""data = csv('t.csv')
plot data['a'], bins: 3, file: 'hist.png'
plot data['a'], data['b'], file: 'both.png'""")

        then:
        shown*.series == [['a'], ['a', 'b']]
        Files.exists(dir.resolve('hist.png')) && Files.exists(dir.resolve('both.png'))
    }

    static double lum(Color c) { 0.2126 * c.red + 0.7152 * c.green + 0.0722 * c.blue }

    def "paths come from the runs' traces; plot r1, r2 draws their convergence; 1-D pictures and schedules"() {
        when:
        def shown = run(ROSEN + '''r1 = minimize(rosen, method: 'gd', lr: 0.001, maxIter: 300)
r2 = minimize(rosen, method: 'lbfgs')
plot rosen, path: [r1, r2], file: 'paths.png'
plot r1, r2, file: 'convergence.svg'
plot exp(x), x: -2..2, tangentAt: 0, taylor: [at: 0, order: [2]], file: 'exp.png', width: 400, height: 300
plot cosine(period: 100), steps: 0..300, file: 'cosine.png'
''')
        def svg = Files.readString(dir.resolve('convergence.svg'))

        then:
        shown*.series == [['gd', 'lbfgs'], ['gd', 'lbfgs'], ['exp(x)', 'tangent at 0', 'taylor 2'], ['cosine(period: 100, min: 0)']]
        shown*.format == ['png', 'svg', 'png', 'png']
        svg.contains('gd: 300 iterations') && svg.contains('lbfgs: ')
        ImageIO.read(dir.resolve('exp.png').toFile()).width == 400
    }

    def "animate writes one frame per k iterations, all paths advancing together, the last frame held"() {
        when:
        def shown = run(ROSEN + '''r1 = minimize(rosen, method: 'gd', lr: 0.001, maxIter: 100)
r2 = minimize(rosen, method: 'adam', lr: 0.05, maxIter: 50)
animate rosen, x: -2..2, y: -1..3, path: [r1, r2], every: 10, file: 'race.gif', width: 320, height: 240
''')
        def reader = ImageIO.getImageReadersByFormatName('gif').next()
        reader.setInput(ImageIO.createImageInputStream(dir.resolve('race.gif').toFile()))

        then: 'iterations 0, 10, ..., 100: 11 frames'
        shown == [[kind: 'plot', file: 'race.gif', format: 'gif', width: 320, height: 240, series: ['gd', 'adam'], note: '11 frames, 10 iterations each']]
        reader.getNumImages(true) == 11
        reader.read(0).width == 320
    }

    def "an SVG is chosen by the extension; a feasible set and balls need no range"() {
        when:
        def shown = run(ROSEN + """q = (x - 1)**2 + 4*(y + 0.5)**2
plot q, x: -2..2, y: -2..2, subjectTo: { x + y >= 1; x >= 0 }, file: 'feasible.svg'
plot q, regularizers: [l1: 1, l2: 1], file: 'balls.png', title: 'L1 and L2 balls'""")

        then:
        shown*.format == ['svg', 'png']
        Files.readString(dir.resolve('feasible.svg')).contains('constrained minimum (1.4, -0.4)')
        Files.exists(dir.resolve('balls.png'))
    }

    def "the point a constrained descent stops at is labelled by what it is: x*y on x + y == 1 has no minimum"() {
        when: 'x·y on x + y = 1 is x(1 − x): its only stationary point (1/2, 1/2) is a maximum along the line; a run is drawn too'
        run("""x = variable(0)
y = variable(0)
r = minimize(x*y, subjectTo: { x + y == 1 })
plot x*y, x: -2..3, y: -2..3, subjectTo: { x + y == 1 }, path: r, file: 'line.svg'
plot x**2 + y**2, x: -2..3, y: -2..3, subjectTo: { x*y == 1 }, file: 'hyperbola.svg'""")

        then: 'x² + y² on x·y = 1: (1, 1) passes the constrained second-order test (4 along the curve, by hand)'
        Files.readString(dir.resolve('line.svg')).contains('no minimum: a maximum along the constraints (0.5, 0.5)')
        !Files.readString(dir.resolve('line.svg')).contains('constrained minimum')
        Files.readString(dir.resolve('hyperbola.svg')).contains('constrained minimum (1, 1)')
    }

    def "a script replaces a picture it wrote earlier in the session, never a file it did not write"() {
        given:
        Files.writeString(dir.resolve('mine.png'), 'not a picture')

        when:
        run(ROSEN + "plot rosen, x: -2..2, y: -1..3, file: 'a.png'\nplot rosen, x: -1..1, y: -1..1, file: 'a.png'")

        then:
        notThrown(GradusException)

        when:
        run(ROSEN + "plot rosen, x: -2..2, y: -1..3, file: 'mine.png'")

        then:
        GradusException e = thrown()
        e.exitCode == GradusException.FORBIDDEN
        Files.readString(dir.resolve('mine.png')) == 'not a picture'
    }

    def "without file: and without a terminal the picture goes to NAME-N.png and says so"() {
        when:
        def shown = run(ROSEN + "plot rosen, x: -2..2, y: -1..3\nplot rosen, x: -1..1, y: -1..1")

        then:
        shown*.file == ['pics-1.png', 'pics-2.png']
        shown.every { it.note.contains('not a terminal') }
        Files.exists(dir.resolve('pics-1.png')) && Files.exists(dir.resolve('pics-2.png'))
    }

    def "with a terminal the picture is drawn in braille and no file is written"() {
        given:
        GradusSession session = new GradusSession()
        session.terminal = { new PlotHost.Screen(80, 30, false) } as Supplier<PlotHost.Screen>

        when:
        def shown = session.run(ROSEN + 'plot rosen, x: -2..2, y: -1..3', 'pics.opt', dir)
        PlotResult p = shown[0] as PlotResult

        then:
        p.format() == 'terminal' && p.file() == null
        p.picture().columns() == 80
        p.toText().any { it >= '\u2801' && it <= '\u28ff' }
        Files.list(dir).count() == 0
    }

    def "the sandbox: a script may name the result type of plot, not the classes that write files"() {
        when:
        def shown = run(ROSEN + "org.gradus.plot.PlotResult p = plot(rosen, x: -2..2, y: -1..3, file: 'a.png')\np.file")

        then:
        shown == [[kind: 'value', text: 'a.png']]

        when:
        run(ROSEN + "org.gradus.plot.output.PictureFiles.writePng(null, null)")

        then:
        GradusException e = thrown()
        e.exitCode == GradusException.FORBIDDEN
        e.message.contains('PictureFiles is not allowed')
    }

    def "mistakes are errors that say what to do"() {
        when:
        run(ROSEN + line)

        then:
        GradusException e = thrown()
        e.message.contains(message)
        e.line == 4 || e.line == 5
        Files.list(dir).allMatch { it.fileName.toString() in ['pics.opt', 'pics.opt.png'] }

        where:
        line                                                        | message
        "plot rosen, x: -2..2, y: -1..3, colour: 'red', file: 'a.png'" | "unknown option 'colour'"
        "plot rosen, x: -2..2, y: -1..3, file: 'a.jpg'"             | 'must end in .png, .svg or .gif'
        "plot rosen, x: -2..2, y: -1..3, file: '../a.png'"          | "writing '../a.png' is not allowed: it is outside the script's folder"
        "plot rosen, x: -2..2, y: -1..3, file: 'pics.opt.png'\nplot rosen, x: -2..2, y: -1..3, file: 'race.gif'" | 'a .gif file is an animation'
        "plot rosen, x: 2..2, y: -1..3, file: 'a.png'"              | 'must increase'
        "plot x*y*variable(1, name: 'z'), file: 'a.png'"            | "has 3 (x, y, z): draw it on a plane through a result"
        "plot 'rosen', file: 'a.png'"                               | 'cannot plot'
        "plot file: 'a.png'"                                        | 'plot needs something to draw before its options: plot f, x: -2..2 (a curve)'
        "r = minimize(rosen)\nplot convergence: [r], file: 'a.png'"  | "'convergence:' is not an option: the results go first, as in plot r1, r2"
        "animate rosen, x: -2..2, y: -1..3, file: 'a.gif'"          | 'give the runs, path: [r1, r2]'
        "animate rosen, path: minimize(rosen), file: 'a.png'"       | 'the file name must end in .gif'
    }
}
