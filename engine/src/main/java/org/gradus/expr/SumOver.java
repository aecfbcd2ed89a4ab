package org.gradus.expr;

import java.util.List;
import java.util.Objects;

/**
 * The reduction {@code sum(from..<to) { i -> body }}: one node whose body is kept once, however large
 * the range. A data reduction ({@code mean(data) {..}}) is a SumOver whose {@link #dataRows} names the
 * data set, so that mini-batches can restrict the range.
 */
public final class SumOver extends Expr {
    private final IndexSymbol index;
    private final int from;
    private final int to;
    private final Expr body;
    private final String dataRows;

    public SumOver(IndexSymbol index, int from, int to, Expr body, String dataRows) {
        if (to < from) throw new IllegalArgumentException("empty or reversed range " + from + "..<" + to);
        this.index = index;
        this.from = from;
        this.to = to;
        this.body = body;
        this.dataRows = dataRows;
    }

    public IndexSymbol index() {
        return index;
    }

    public int from() {
        return from;
    }

    /** Exclusive upper end. */
    public int to() {
        return to;
    }

    public Expr body() {
        return body;
    }

    /** The name of the data set whose rows this sums over, or null for a plain index range. */
    public String dataRows() {
        return dataRows;
    }

    /** The shape of the body: a reduction of an array body (a gradient summed over the rows) is an array. */
    @Override
    public Shape shape() {
        return body.shape();
    }

    public SumOver withBody(Expr newBody) {
        return new SumOver(index, from, to, newBody, dataRows);
    }

    @Override
    public List<Expr> children() {
        return List.of(body);
    }

    @Override
    protected int computeHash() {
        return Objects.hash(index, from, to, body);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SumOver s && s.index == index && s.from == from && s.to == to && s.body.equals(body);
    }
}
