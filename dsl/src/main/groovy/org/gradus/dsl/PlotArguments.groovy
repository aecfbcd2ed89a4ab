package org.gradus.dsl

import groovy.transform.CompileStatic
import org.gradus.data.DataColumn
import org.gradus.expr.Constant

/** Script values for pictures as the plot module takes them: ranges as {from, to}, blocks of constraints as lists. */
@CompileStatic
final class PlotArguments {
    private PlotArguments() {}

    /** Options by name: ranges → double[2], subjectTo blocks → constraints, texts → String, constants → numbers. */
    static Map<String, Object> options(Map options, org.gradus.dsl.vocabulary.OptimizationVocabulary script) {
        Map<String, Object> out = new LinkedHashMap<>()
        options.each { k, v -> out.put(String.valueOf(k), k == 'subjectTo' && v instanceof Closure ? script.collectConstraints(v) : value(v)) }
        out
    }

    /** One plot argument: a list of targets is spread ({@code plot [f, g]} draws both). */
    static List<Object> targets(Object[] targets) {
        List<Object> out = []
        for (Object t : targets) {
            if (t instanceof DataColumn) out.add(t)    // a column is one thing to draw (its histogram), not its values
            else if (t instanceof List) out.addAll(((List) t).collect { value(it) })
            else out.add(value(t))
        }
        out
    }

    static String describe(Object v) {
        v instanceof CharSequence ? "the text '$v'" : String.valueOf(v)
    }

    static Object value(Object v) {
        if (v instanceof Range && !((Range) v).isEmpty() && ((Range) v).from instanceof Number) {
            Range r = (Range) v
            return [((Number) r.from).doubleValue(), ((Number) r.to).doubleValue()] as double[]
        }
        if (v instanceof GString) return v.toString()
        if (v instanceof Constant) return ((Constant) v).value()
        if (v instanceof Map) {
            Map<String, Object> m = new LinkedHashMap<>()
            ((Map) v).each { k, x -> m.put(String.valueOf(k), value(x)) }
            return m
        }
        if (v instanceof List) return ((List) v).collect { value(it) }
        v
    }
}
