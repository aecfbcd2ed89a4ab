package org.gradus.plot.output;

import java.nio.file.Path;
import java.util.Locale;

/** The file formats of pictures, chosen by the file name's extension. */
public enum Format {
    PNG, SVG, GIF;

    /** The JSON name: png, svg, gif. */
    public String text() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The format of a file name.
     *
     * @throws IllegalArgumentException for any other extension, naming the ones that work
     */
    public static Format of(Path file) {
        String name = file.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        return switch (ext) {
            case "png" -> PNG;
            case "svg" -> SVG;
            case "gif" -> GIF;
            default -> throw new IllegalArgumentException("cannot write a picture to '" + name + "': the file name must end in .png, .svg or .gif");
        };
    }
}
