package org.gradus.dsl

import groovy.transform.CompileStatic

/**
 * A run's solution as a script reads it, {@code r.x}: a map from each variable's name to its value ({@code r.x.w},
 * {@code r.x['b']}, printed {@code [w:[1.0, 2.0], b:0.5]}), and, as scipy's {@code res.x}, the flat vector of every
 * coordinate by position: {@code r.x[0]} is the first variable's first coordinate, {@code r.x[-1]} the last (it was
 * null, the value of a name 0 that the map does not have).
 */
@CompileStatic
final class SolutionPoint extends LinkedHashMap<String, Object> {
    @Override
    Object get(Object key) {
        key instanceof Integer && !containsKey(key) ? coordinate((Integer) key) : super.get(key)
    }

    private double coordinate(int i) {
        List<Double> flat = []
        List<String> names = []
        values().each { Object v -> flatten(v, flat) }
        keySet().each { String k -> names << k }
        int at = i < 0 ? flat.size() + i : i
        if (at < 0 || at >= flat.size()) {
            throw new IllegalArgumentException("the solution has ${flat.size()} coordinate${flat.size() == 1 ? '' : 's'} (of ${names.join(', ')}): " +
                    "r.x[0] to r.x[${flat.size() - 1}] (r.x[-1] the last), not r.x[$i]; a variable's own value is r.x.${names[0]}")
        }
        flat[at]
    }

    private static void flatten(Object v, List<Double> into) {
        if (v instanceof List) ((List) v).each { Object e -> flatten(e, into) }
        else into << ((Number) v).doubleValue()
    }
}
