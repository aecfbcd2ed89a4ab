package org.gradus.plot.output;

import de.erichseifert.vectorgraphics2d.Document;
import de.erichseifert.vectorgraphics2d.VectorGraphics2D;
import de.erichseifert.vectorgraphics2d.svg.SVGProcessor;
import de.erichseifert.vectorgraphics2d.util.PageSize;
import org.gradus.plot.figure.Figure;
import org.gradus.plot.render.PageRenderer;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * Pictures as PNG (an image drawn with Java2D) or SVG (the same drawing recorded by VectorGraphics2D:
 * lines and text as SVG elements, a field of level sets as one embedded PNG image).
 */
public final class PictureFiles {
    private PictureFiles() {
    }

    /**
     * Writes the figure to the file in the format (PNG or SVG). Callers write to a temporary file and
     * rename it onto the target (see {@code org.gradus.io.OutputFile}).
     *
     * @throws IllegalArgumentException for a GIF (an animation is written by {@code Animation})
     * @throws IOException              when the file cannot be written
     */
    public static void write(Figure figure, Format format, Path file, int width, int height) throws IOException {
        switch (format) {
            case PNG -> {
                writePng(image(figure, width, height), file);
            }
            case SVG -> {
                Document doc = svg(figure, width, height);
                try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                    doc.writeTo(out);
                }
            }
            case GIF -> throw new IllegalArgumentException("a .gif file is an animation: use animate f, ..., path: [r1, r2], file: '"
                    + file.getFileName() + "'");
        }
    }

    /**
     * A PNG with a light deflate setting (ImageIO's compression quality 0.75): about 2.5 times faster to
     * write than the default, for files some 15% larger.
     */
    public static void writePng(BufferedImage img, Path file) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
        if (!writers.hasNext()) throw new IOException("no PNG writer in this Java runtime");
        ImageWriter writer = writers.next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(0.75f);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16);
             ImageOutputStream ios = ImageIO.createImageOutputStream(out)) {
            writer.setOutput(ios);
            writer.write(null, new IIOImage(img, null, null), param);
        } finally {
            writer.dispose();
        }
    }

    /** The figure drawn on an opaque RGB image. */
    public static BufferedImage image(Figure figure, int width, int height) {
        BufferedImage img = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        try {
            PageRenderer.draw(figure, g, width, height, true);
        } finally {
            g.dispose();
        }
        return img;
    }

    /** The figure as an SVG document. */
    public static Document svg(Figure figure, int width, int height) {
        VectorGraphics2D g = new VectorGraphics2D();
        PageRenderer.draw(figure, g, width, height, true);
        return new SVGProcessor().getDocument(g.getCommands(), new PageSize(0, 0, width, height));
    }
}
