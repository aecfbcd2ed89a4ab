package org.gradus.plot.figure;

import java.util.ArrayList;
import java.util.List;

/**
 * One set of axes and what is drawn in them. {@code equalAspect} asks for one unit on x to be as long
 * as one unit on y (level sets of a function of two variables, where a circle should look round) when
 * the ranges allow it.
 */
public record Panel(String title, Axis x, Axis y, List<Layer> layers, boolean equalAspect) {
    public Panel {
        layers = List.copyOf(layers);
    }

    /** The legend texts of the layers that have one, in legend order ({@link #legendLayers()}). */
    public List<String> legendEntries() {
        List<String> out = new ArrayList<>();
        for (Layer l : legendLayers()) out.add(l.legend());
        return out;
    }

    /**
     * The layers with a legend entry, in the legend's order: lines first (the functions and paths a reader
     * looks for), then marks, then shaded areas; otherwise in drawing order.
     */
    public List<Layer> legendLayers() {
        List<Layer> out = new ArrayList<>();
        for (Layer l : layers) if (l.legend() != null) out.add(l);
        out.sort(java.util.Comparator.comparingInt(l -> l instanceof Curve ? 0 : l instanceof Markers ? 1 : 2));
        return out;
    }

    /** The field of the panel (filled level sets), or null. */
    public Field field() {
        for (Layer l : layers) if (l instanceof Field f) return f;
        return null;
    }
}
