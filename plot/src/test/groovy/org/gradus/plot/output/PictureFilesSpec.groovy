package org.gradus.plot.output

import groovy.xml.XmlSlurper
import org.gradus.plot.render.Drawings

import javax.imageio.ImageIO
import java.nio.file.Files
import java.nio.file.Path

import spock.lang.Specification
import spock.lang.TempDir

/** Files as written: PNG read back, SVG parsed as XML. */
class PictureFilesSpec extends Specification {
    @TempDir
    Path dir

    def "a PNG has the size asked for and nothing is left beside it"() {
        when:
        PictureFiles.write(Drawings.bowl(), Format.of(dir.resolve('bowl.png')), dir.resolve('bowl.png'), 400, 300)
        def img = ImageIO.read(dir.resolve('bowl.png').toFile())

        then:
        img.width == 400 && img.height == 300
    }

    def "an SVG holds the field as one embedded image, the path as one polyline through the iterates, and the texts"() {
        when:
        PictureFiles.write(Drawings.bowl(), Format.SVG, dir.resolve('bowl.svg'), 800, 600)
        def slurper = new XmlSlurper(false, false, true)
        slurper.setFeature('http://apache.org/xml/features/nonvalidating/load-external-dtd', false)
        def svg = slurper.parse(dir.resolve('bowl.svg').toFile())
        def images = svg.'**'.findAll { it.name() == 'image' }
        def texts = svg.'**'.findAll { it.name() == 'text' }*.text()
        def red = svg.'**'.findAll { it.name() == 'path' && it.@style.toString().contains('stroke:rgb(255,59,48)') }

        then:
        svg.@width == '800px' && svg.@height == '600px'
        images.size() == 1
        images[0].@'xlink:href'.toString().startsWith('data:image/png;base64,')
        'gd: 2 iterations, f = 0' in texts
        'x' in texts && 'y' in texts && 'f' in texts
        red.any { p -> p.@d.toString().findAll(/[ML]/).size() == 3 }
        Files.size(dir.resolve('bowl.svg')) < 150_000
    }

    def "the format follows the extension; another extension is refused, naming the ones that work"() {
        expect:
        Format.of(Path.of('a.png')) == Format.PNG
        Format.of(Path.of('dir/a.SVG')) == Format.SVG
        Format.of(Path.of('race.gif')) == Format.GIF

        when:
        Format.of(Path.of('bowl.jpg'))

        then:
        IllegalArgumentException e = thrown()
        e.message.contains('must end in .png, .svg or .gif')
    }
}
