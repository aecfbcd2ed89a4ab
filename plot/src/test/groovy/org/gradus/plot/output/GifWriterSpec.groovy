package org.gradus.plot.output

import javax.imageio.ImageIO
import javax.imageio.metadata.IIOMetadataNode
import java.awt.Color
import java.awt.image.BufferedImage
import java.nio.file.Path

import spock.lang.Specification
import spock.lang.TempDir

/** Animated GIFs read back with ImageIO: frames, delays, loop extension, content. */
class GifWriterSpec extends Specification {
    @TempDir
    Path dir

    def "three frames come back as three frames with their delays and their colours"() {
        given:
        Path file = dir.resolve('a.gif')
        List<Color> colours = [Color.RED, Color.GREEN, Color.BLUE]

        when:
        new GifWriter(file).withCloseable { gif ->
            colours.eachWithIndex { c, i ->
                BufferedImage img = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB)
                def g = img.createGraphics(); g.color = c; g.fillRect(0, 0, 40, 30); g.dispose()
                gif.frame(img, i == 2 ? 2000 : 100)
            }
        }
        def reader = ImageIO.getImageReadersByFormatName('gif').next()
        reader.setInput(ImageIO.createImageInputStream(file.toFile()))
        int n = reader.getNumImages(true)
        def delays = (0..<n).collect { i ->
            def root = reader.getImageMetadata(i).getAsTree('javax_imageio_gif_image_1.0') as IIOMetadataNode
            (root.getElementsByTagName('GraphicControlExtension').item(0) as IIOMetadataNode).getAttribute('delayTime')
        }
        def loop = (reader.getImageMetadata(0).getAsTree('javax_imageio_gif_image_1.0') as IIOMetadataNode).getElementsByTagName('ApplicationExtension')

        then:
        n == 3
        delays == ['10', '10', '200']
        loop.length == 1 && (loop.item(0) as IIOMetadataNode).getAttribute('applicationID') == 'NETSCAPE'
        (0..2).every { i -> new Color(reader.read(i).getRGB(20, 15)) == colours[i] }
    }

    def "a later frame is stored as the rectangle that changed, placed over the frame before it"() {
        given: 'a grey frame, then the same with a red 5 × 4 block at (10, 20), then the same again'
        Path file = dir.resolve('b.gif')
        BufferedImage grey = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB)
        def g = grey.createGraphics(); g.color = Color.GRAY; g.fillRect(0, 0, 60, 40); g.dispose()
        BufferedImage marked = new BufferedImage(60, 40, BufferedImage.TYPE_INT_RGB)
        g = marked.createGraphics(); g.drawImage(grey, 0, 0, null); g.color = Color.RED; g.fillRect(10, 20, 5, 4); g.dispose()

        when:
        new GifWriter(file).withCloseable { gif -> [grey, marked, marked].each { gif.frame(it, 100) } }
        def reader = ImageIO.getImageReadersByFormatName('gif').next()
        reader.setInput(ImageIO.createImageInputStream(file.toFile()))
        def descriptor = { int i ->
            def root = reader.getImageMetadata(i).getAsTree('javax_imageio_gif_image_1.0') as IIOMetadataNode
            def d = root.getElementsByTagName('ImageDescriptor').item(0) as IIOMetadataNode
            ['imageLeftPosition', 'imageTopPosition', 'imageWidth', 'imageHeight'].collect { d.getAttribute(it) as int }
        }
        def control = { int i ->
            def root = reader.getImageMetadata(i).getAsTree('javax_imageio_gif_image_1.0') as IIOMetadataNode
            (root.getElementsByTagName('GraphicControlExtension').item(0) as IIOMetadataNode).getAttribute('disposalMethod')
        }

        then:
        reader.getNumImages(true) == 3
        descriptor(0) == [0, 0, 60, 40]
        descriptor(1) == [10, 20, 5, 4]
        new Color(reader.read(1).getRGB(2, 2)) == Color.RED
        descriptor(2) == [0, 0, 1, 1]                          // nothing changed: one pixel, the same grey
        new Color(reader.read(2).getRGB(0, 0)) == Color.GRAY
        (0..2).every { control(it) == 'doNotDispose' }
    }
}
