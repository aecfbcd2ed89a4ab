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
        Format f = PictureFiles.write(Drawings.bowl(), dir.resolve('bowl.png'), 400, 300)
        def img = ImageIO.read(dir.resolve('bowl.png').toFile())

        then:
        f == Format.PNG
        img.width == 400 && img.height == 300
        Files.list(dir).count() == 1
    }

    def "an SVG holds the field as one embedded image, the path as one polyline through the iterates, and the texts"() {
        when:
        PictureFiles.write(Drawings.bowl(), dir.resolve('bowl.svg'), 800, 600)
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

    def "a .gif is an animation and another extension is refused, naming the ones that work"() {
        when:
        PictureFiles.write(Drawings.bowl(), dir.resolve(name), 800, 600)

        then:
        IllegalArgumentException e = thrown()
        e.message.contains(message)
        !Files.exists(dir.resolve(name))

        where:
        name       | message
        'race.gif' | 'use animate f'
        'bowl.jpg' | 'must end in .png, .svg or .gif'
    }

    def "writing into a missing folder fails and leaves nothing"() {
        when:
        PictureFiles.write(Drawings.bowl(), dir.resolve('no/such/bowl.png'), 100, 100)

        then:
        thrown(IOException)
        Files.list(dir).count() == 0
    }
}
