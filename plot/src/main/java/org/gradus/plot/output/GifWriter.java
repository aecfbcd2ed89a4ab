package org.gradus.plot.output;

import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageTypeSpecifier;
import javax.imageio.ImageWriter;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.metadata.IIOMetadataNode;
import javax.imageio.stream.ImageOutputStream;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * An animated GIF written frame by frame with the JDK's own GIF writer (ImageIO): each frame carries
 * its delay, the first one the NETSCAPE2.0 extension that makes viewers loop forever. Frames are RGB
 * images; the writer reduces each to a palette of 256 colours. The first frame is stored whole; each
 * later one only as the smallest rectangle holding every pixel that changed, placed over the previous
 * frame (disposal "do not dispose"), so an animation whose paths grow over a fixed background stays
 * small.
 */
public final class GifWriter implements AutoCloseable {
    private static final String FORMAT = "javax_imageio_gif_image_1.0";

    private final ImageWriter writer;
    private final ImageOutputStream out;
    private boolean first = true;
    private int frames;
    private int[] previous;
    private int width, height;

    /** @throws IOException when the file cannot be opened or the runtime has no GIF writer */
    public GifWriter(Path file) throws IOException {
        Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("gif");
        if (!writers.hasNext()) throw new IOException("this Java runtime has no GIF writer");
        writer = writers.next();
        out = ImageIO.createImageOutputStream(Files.newOutputStream(file));
        writer.setOutput(out);
        writer.prepareWriteSequence(null);
    }

    /**
     * Adds a frame shown for {@code delayMillis} (rounded to GIF's hundredths of a second).
     *
     * @throws IllegalArgumentException when the frame's size differs from the first frame's
     */
    public void frame(BufferedImage image, int delayMillis) throws IOException {
        int w = image.getWidth(), h = image.getHeight();
        int[] pixels = image.getRGB(0, 0, w, h, null, 0, w);
        int[] box = {0, 0, w, h};
        if (previous != null) {
            if (w != width || h != height) throw new IllegalArgumentException("every frame has the first frame's size, " + width + " × " + height);
            box = changed(previous, pixels, w, h);
        }
        previous = pixels;
        width = w;
        height = h;
        BufferedImage part = new BufferedImage(box[2], box[3], BufferedImage.TYPE_INT_RGB);
        part.setRGB(0, 0, box[2], box[3], pixels, box[1] * w + box[0], w);

        ImageTypeSpecifier type = ImageTypeSpecifier.createFromRenderedImage(part);
        IIOMetadata meta = writer.getDefaultImageMetadata(type, null);
        IIOMetadataNode root = (IIOMetadataNode) meta.getAsTree(FORMAT);
        IIOMetadataNode descriptor = child(root, "ImageDescriptor");
        descriptor.setAttribute("imageLeftPosition", Integer.toString(box[0]));
        descriptor.setAttribute("imageTopPosition", Integer.toString(box[1]));
        descriptor.setAttribute("imageWidth", Integer.toString(box[2]));
        descriptor.setAttribute("imageHeight", Integer.toString(box[3]));
        descriptor.setAttribute("interlaceFlag", "FALSE");
        IIOMetadataNode control = child(root, "GraphicControlExtension");
        control.setAttribute("disposalMethod", "doNotDispose");
        control.setAttribute("userInputFlag", "FALSE");
        control.setAttribute("transparentColorFlag", "FALSE");
        control.setAttribute("delayTime", Integer.toString(Math.max(1, Math.round(delayMillis / 10f))));
        control.setAttribute("transparentColorIndex", "0");
        if (first) {
            IIOMetadataNode app = new IIOMetadataNode("ApplicationExtension");
            app.setAttribute("applicationID", "NETSCAPE");
            app.setAttribute("authenticationCode", "2.0");
            app.setUserObject(new byte[]{1, 0, 0});          // sub-block 1: loop count 0 = forever
            child(root, "ApplicationExtensions").appendChild(app);
            first = false;
        }
        meta.setFromTree(FORMAT, root);
        writer.writeToSequence(new IIOImage(part, null, meta), null);
        frames++;
    }

    /** {x, y, width, height} of the smallest rectangle holding every pixel that differs; 1 × 1 at the origin when none does. */
    static int[] changed(int[] before, int[] after, int w, int h) {
        int x0 = w, y0 = h, x1 = -1, y1 = -1;
        for (int y = 0; y < h; y++) {
            int row = y * w;
            for (int x = 0; x < w; x++) {
                if (before[row + x] != after[row + x]) {
                    if (x < x0) x0 = x;
                    if (x > x1) x1 = x;
                    if (y < y0) y0 = y;
                    y1 = y;
                }
            }
        }
        return x1 < 0 ? new int[]{0, 0, 1, 1} : new int[]{x0, y0, x1 - x0 + 1, y1 - y0 + 1};
    }

    public int frames() {
        return frames;
    }

    private static IIOMetadataNode child(IIOMetadataNode root, String name) {
        for (int i = 0; i < root.getLength(); i++) {
            if (root.item(i).getNodeName().equalsIgnoreCase(name)) return (IIOMetadataNode) root.item(i);
        }
        IIOMetadataNode node = new IIOMetadataNode(name);
        root.appendChild(node);
        return node;
    }

    @Override
    public void close() throws IOException {
        try {
            writer.endWriteSequence();
        } finally {
            writer.dispose();
            out.close();
        }
    }
}
