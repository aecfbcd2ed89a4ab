package org.gradus.dsl.run;

import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * Where a failure began when it began inside a function a script defined: the class of the script that defined the
 * innermost such function it passed through. A function defined in an earlier REPL input (or a {@code :load}ed file)
 * runs that input's code, so an error in it is located in that input — its line, column and text — not in the input
 * that called it. Failures are held weakly, by identity, so a failure the script caught itself is forgotten with it.
 */
public final class FailureSite {
    private static final Map<Throwable, Class<?>> SITES = Collections.synchronizedMap(new WeakHashMap<>());

    private FailureSite() {
    }

    /** {@code failure} is passing out of a function of {@code script}; the first (innermost) function it passes is kept. */
    public static void passing(Throwable failure, Class<?> script) {
        SITES.putIfAbsent(failure, script);
    }

    /** The class of the script whose function {@code failure} began in, or null when it began in no function. */
    public static Class<?> of(Throwable failure) {
        return SITES.get(failure);
    }
}
