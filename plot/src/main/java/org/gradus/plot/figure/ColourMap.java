package org.gradus.plot.figure;

import java.awt.Color;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * A colour map from [0, 1] to colours. {@link #VIRIDIS} (matplotlib's default, CC0) is perceptually
 * uniform: equal steps in value look like equal steps in colour, it reads in grey and to the colour
 * blind, and dark means low.
 */
public final class ColourMap {
    /** Dark violet (low) through blue and green to yellow (high). */
    public static final ColourMap VIRIDIS = load("viridis");

    private final String name;
    private final int[] rgb;

    private ColourMap(String name, int[] rgb) {
        this.name = name;
        this.rgb = rgb;
    }

    public String name() {
        return name;
    }

    /** The colour at t ∈ [0, 1] (clamped), interpolated between the 256 samples. */
    public Color at(double t) {
        if (Double.isNaN(t)) t = 0;
        double p = Math.max(0, Math.min(1, t)) * (rgb.length - 1);
        int i = Math.min((int) p, rgb.length - 2);
        double f = p - i;
        int a = rgb[i], b = rgb[i + 1];
        return new Color(mix(a >> 16, b >> 16, f), mix(a >> 8, b >> 8, f), mix(a, b, f));
    }

    private static int mix(int a, int b, double f) {
        return (int) Math.round((a & 255) * (1 - f) + (b & 255) * f);
    }

    private static ColourMap load(String name) {
        try (InputStream in = ColourMap.class.getResourceAsStream("/org/gradus/plot/" + name + ".csv")) {
            if (in == null) throw new IllegalStateException("colour map " + name + " is missing from the jar");
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            int[] rgb = new int[256];
            int n = 0;
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) continue;
                String[] p = line.split(",");
                rgb[n++] = Integer.parseInt(p[0].trim()) << 16 | Integer.parseInt(p[1].trim()) << 8 | Integer.parseInt(p[2].trim());
            }
            if (n != 256) throw new IllegalStateException("colour map " + name + " has " + n + " samples, not 256");
            return new ColourMap(name, rgb);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
