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

    /** The legend texts of the layers that have one, in order. */
    public List<String> legendEntries() {
        List<String> out = new ArrayList<>();
        for (Layer l : layers) if (l.legend() != null) out.add(l.legend());
        return out;
    }

    /** The field of the panel (filled level sets), or null. */
    public Field field() {
        for (Layer l : layers) if (l instanceof Field f) return f;
        return null;
    }
}
