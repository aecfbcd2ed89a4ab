package org.gradus.dsl

import groovy.json.JsonSlurper

import javax.imageio.ImageIO
import java.nio.file.Files
import java.nio.file.Path

import spock.lang.Specification
import spock.lang.TempDir

/** examples/pictures.opt (the lecture's pictures, shown in docs/pictures.md) keeps running and writes every picture. */
class PicturesExampleSpec extends Specification {
    @TempDir
    Path dir

    def "every picture of the storyline is written, with its series, at its size"() {
        given: 'a copy of the example beside its data, with the pictures/ folder it writes into'
        Path examples = Path.of(System.getProperty('user.dir')).resolveSibling('examples')
        ['pictures.opt', 'regression.csv', 'classification.csv', 'three_classes.csv'].each { Files.copy(examples.resolve(it), dir.resolve(it)) }
        Files.createDirectory(dir.resolve('pictures'))

        when:
        List<Map> shown = new GradusSession().run(dir.resolve('pictures.opt')).collect { new JsonSlurper().parseText(it.toJson()) as Map }

        then:
        shown*.kind.unique() == ['plot']
        shown.collectEntries { [(it.file): it.series] } == [
                'pictures/gd-path.png'                    : ['gd'],
                'pictures/optimizers.png'                 : ['gd', 'momentum', 'adam', 'lbfgs'],
                'pictures/newton-vs-adam.png'             : ['newton', 'adam'],
                'pictures/newton-vs-adam-evaluations.png' : ['newton', 'adam'],
                'pictures/exp-taylor.png'                 : ['exp(x)', 'tangent at 0', 'taylor 2'],
                'pictures/secant-convex.png'              : ['x**2', 'secant'],
                'pictures/secant-nonconvex.png'           : ['x**3 - 3*x', 'secant'],
                'pictures/monotonicity.png'               : ['x**3 - 3*x'],
                'pictures/saddle-surface.png'             : [],
                'pictures/bowl-surface.png'               : ['gd'],
                'pictures/functions.png'                  : ['sin(x)', 'cos(x)', 'tanh(x)'],
                'pictures/jump.png'                       : ['sign(x)'],
                'pictures/removable.png'                  : ['sin(x)/x'],
                'pictures/schedules.png'                  : ['cosine(period: 100, min: 0)', 'warmRestarts(period: 50, mult: 2, min: 0)', 'stepDecay(every: 60, factor: 0.5)'],
                'pictures/sgd-vs-full-batch.png'          : ['gd mini-batch', 'gd'],
                'pictures/logistic-boundary.png'          : ['label = 0', 'label = 1', 'decision boundary'],
                'pictures/softmax-regions.png'            : ['decision regions', 'label = a', 'label = b', 'label = c'],
                'pictures/price-histogram.png'            : ['price'],
                'pictures/l1-l2-balls.png'                : [],
                'pictures/feasible.png'                   : [],
                'pictures/network-landscape.png'          : ['adam'],
                'pictures/race.gif'                       : ['gd', 'momentum', 'adam', 'lbfgs'],
        ]
        shown.findAll { it.format == 'png' }.every { r ->
            def img = ImageIO.read(dir.resolve(r.file as String).toFile())
            img.width == 800 && img.height == 600
        }

        when: 'the race: one frame per 150 of gd\'s 3000 iterations, and iteration 0'
        def reader = ImageIO.getImageReadersByFormatName('gif').next()
        reader.setInput(ImageIO.createImageInputStream(dir.resolve('pictures/race.gif').toFile()))

        then:
        reader.getNumImages(true) == 21
        reader.read(0).width == 480
    }
}
