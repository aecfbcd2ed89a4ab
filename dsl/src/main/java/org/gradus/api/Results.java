package org.gradus.api;

import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.StringJoiner;

/**
 * The values a script showed, in order: every top-level expression statement and every {@code show(...)}
 * (SPEC §2 "What a script shows"), each as its typed {@link Result}. Immutable.
 *
 * <pre>
 * MinimizeResult r = session.run(Path.of("model.opt")).first(MinimizeResult.class);
 * </pre>
 */
public final class Results extends AbstractList<Result> {
    private final List<Result> results;

    Results(List<Result> results) {
        this.results = Collections.unmodifiableList(new ArrayList<>(results));
    }

    @Override
    public Result get(int index) {
        return results.get(index);
    }

    @Override
    public int size() {
        return results.size();
    }

    /** The results of one type ({@code all(MinimizeResult.class)}), in order. */
    public <T extends Result> List<T> all(Class<T> type) {
        List<T> out = new ArrayList<>();
        for (Result r : results) if (type.isInstance(r)) out.add(type.cast(r));
        return Collections.unmodifiableList(out);
    }

    /**
     * The first result of a type.
     *
     * @throws NoSuchElementException when the script showed none, with the kinds it did show
     */
    public <T extends Result> T first(Class<T> type) {
        List<T> all = all(type);
        if (all.isEmpty()) throw none(type);
        return all.get(0);
    }

    /**
     * The last result of a type.
     *
     * @throws NoSuchElementException when the script showed none, with the kinds it did show
     */
    public <T extends Result> T last(Class<T> type) {
        List<T> all = all(type);
        if (all.isEmpty()) throw none(type);
        return all.get(all.size() - 1);
    }

    /** The JSON records, one per line, as {@code gradus run --json} writes them (each line ends with a newline). */
    public String toJsonLines() {
        StringBuilder sb = new StringBuilder();
        for (Result r : results) sb.append(r.toJson()).append('\n');
        return sb.toString();
    }

    private NoSuchElementException none(Class<?> type) {
        StringJoiner kinds = new StringJoiner(", ");
        for (Result r : results) kinds.add(r.kind());
        return new NoSuchElementException("the script showed no " + type.getSimpleName()
                + (results.isEmpty() ? "; it showed nothing" : "; it showed: " + kinds));
    }
}
