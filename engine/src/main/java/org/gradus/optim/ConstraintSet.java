package org.gradus.optim;

import java.util.ArrayList;
import java.util.List;

/**
 * The constraints of a {@code constraints { x**2 + y**2 <= 1; x + y >= 0 }} block: a feasible set as a value,
 * for {@code convexity(...)} and {@code subjectTo:}.
 *
 * @param constraints the comparisons in the order written; at least one
 * @throws IllegalArgumentException when there is none
 */
public record ConstraintSet(List<Constraint> constraints) {
    public ConstraintSet {
        constraints = List.copyOf(constraints);
        if (constraints.isEmpty()) {
            throw new IllegalArgumentException("constraints found no constraint; write comparisons such as x + y <= 1, x >= 0 or x*y == 0.5");
        }
    }

    /** {@code constraints { x**2 + y**2 <= 1; x + y >= 0 }}. */
    @Override
    public String toString() {
        List<String> texts = new ArrayList<>();
        for (Constraint c : constraints) texts.add(c.text());
        return "constraints { " + String.join("; ", texts) + " }";
    }
}
