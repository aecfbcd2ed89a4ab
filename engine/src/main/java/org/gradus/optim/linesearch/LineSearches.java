package org.gradus.optim.linesearch;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/**
 * The line searches by the name the {@code lineSearch} option gives them (SPEC §2): one table, read by
 * every method that searches along a direction.
 *
 * <table>
 * <caption>line searches</caption>
 * <tr><td>{@code none}</td><td>{@link FullStep}: the trial step as it is</td></tr>
 * <tr><td>{@code armijo}</td><td>{@link Backtracking#DEFAULT}: sufficient decrease, c1 = 1e-4</td></tr>
 * <tr><td>{@code wolfe}</td><td>the method's strong Wolfe search ({@link MoreThuente}; its c1, c2 follow
 * Nocedal &amp; Wright for the method: c2 = 0.9 for Newton and quasi-Newton, 0.1 for conjugate gradients)</td></tr>
 * </table>
 */
public final class LineSearches {
    private LineSearches() {
    }

    /** name → the search, given the method's strong Wolfe parameters. */
    private static final Map<String, UnaryOperator<LineSearch>> TABLE = table();

    private static Map<String, UnaryOperator<LineSearch>> table() {
        Map<String, UnaryOperator<LineSearch>> t = new LinkedHashMap<>();
        t.put("none", wolfe -> FullStep.INSTANCE);
        t.put("armijo", wolfe -> Backtracking.DEFAULT);
        t.put("wolfe", wolfe -> wolfe);
        return t;
    }

    /** Every name, in SPEC order: none, armijo, wolfe. */
    public static List<String> names() {
        return List.copyOf(TABLE.keySet());
    }

    /**
     * The line search called {@code name}.
     *
     * @param wolfe the method's strong Wolfe search, used for {@code wolfe}
     * @throws IllegalArgumentException for a name not in the table
     */
    public static LineSearch named(String name, MoreThuente wolfe) {
        UnaryOperator<LineSearch> make = TABLE.get(name);
        if (make == null) throw new IllegalArgumentException("unknown lineSearch '" + name + "'; valid line searches: " + String.join(", ", names()));
        return make.apply(wolfe);
    }
}
