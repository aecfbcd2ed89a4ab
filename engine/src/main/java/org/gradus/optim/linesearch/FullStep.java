package org.gradus.optim.linesearch;

import org.gradus.optim.Iterate;

/**
 * No search ({@code lineSearch: 'none'}): the iterate moves by the trial step α₀·d (projected onto the
 * bounds), whether or not f decreases. Newton's method with full steps uses it.
 */
public enum FullStep implements LineSearch {
    INSTANCE;

    @Override
    public double search(Iterate it, double[] d, double alpha0) {
        Probe p = it.probe(d, true);
        p.at(alpha0);
        return p.accept(alpha0);
    }

    @Override
    public String describe() {
        return "full steps";
    }
}
