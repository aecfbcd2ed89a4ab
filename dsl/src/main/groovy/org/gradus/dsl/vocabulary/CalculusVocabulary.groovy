package org.gradus.dsl.vocabulary

import org.gradus.analysis.MonotonicIntervals
import org.gradus.calculus.Limit
import org.gradus.dsl.Coerce
import org.gradus.expr.VariableBlock

/**
 * The calculus of one point and one interval (SPEC §2): {@code limit(f, x: a, side: ...)}, the constant
 * {@code Infinity} it approaches, and {@code monotonicity(f, over: [x: a..b])}.
 */
trait CalculusVocabulary {

    /** {@code Infinity} (and {@code -Infinity}): the points at infinity of {@code limit(f, x: Infinity)}. */
    double getInfinity() { Double.POSITIVE_INFINITY }

    /**
     * {@code limit(sin(x)/x, x: 0)}, {@code limit(1/x, x: 0, side: 'right')}, {@code limit(f, x: Infinity)},
     * {@code limit(x*y/(x**2 + y**2), x: 0, y: 0)}; the point may also be written {@code at: [x: 0, y: 0]}.
     */
    Object limit(Map options, Object f) {
        Map<String, Object> points = [:]
        String side = 'both'
        options.each { k, v ->
            String key = k instanceof VariableBlock ? ((VariableBlock) k).name() : String.valueOf(k)
            if (key == 'side') side = String.valueOf(v)
            else if (key == 'at' && v instanceof Map) {     // limit(f, at: [x: 0, y: 0]), as differentiable and taylor take a point
                ((Map) v).each { n, a -> points.put(n instanceof VariableBlock ? ((VariableBlock) n).name() : String.valueOf(n), a) }
            } else points.put(key, v)
        }
        if (points.isEmpty()) {
            throw new IllegalArgumentException("limit needs each variable and the point it approaches, as in limit(f, x: 0), " +
                    "limit(f, x: Infinity, side: 'left') or limit(f, x: 0, y: 0); got none")
        }
        if (points.size() > 1) {
            if (side != 'both') throw new IllegalArgumentException("limit: side: is for one variable; in several a point is approached from every direction")
            Map<String, Double> at = new LinkedHashMap<>()
            points.each { k, v -> at.put(k, Coerce.number(v, "the point $k approaches")) }
            return Limit.of(Coerce.expr(f, 'the function'), at)
        }
        String name = points.keySet().first()
        Limit.of(Coerce.expr(f, 'the function'), name, Coerce.number(points[name], "the point $name approaches"), side)
    }

    /** {@code monotonicity(x**3 - 3*x, over: [x: -3..3])}: where f increases, decreases or is constant. */
    Object monotonicity(Map options = [:], Object f) {
        Coerce.checkOptions(options, ['over'], 'monotonicity')
        MonotonicIntervals.of(Coerce.expr(f, 'the function'), Coerce.box(options.over))
    }
}
