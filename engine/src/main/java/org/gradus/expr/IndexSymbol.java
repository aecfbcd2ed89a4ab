package org.gradus.expr;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/** The bound index {@code i} of a reduction {@code sum(0..<n) { i -> ... }}; it takes integer values. */
public final class IndexSymbol extends Expr {
    private static final AtomicInteger IDS = new AtomicInteger();
    private final int id = IDS.incrementAndGet();
    private final String name;

    public IndexSymbol(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    public int id() {
        return id;
    }

    @Override
    public List<Expr> children() {
        return List.of();
    }

    @Override
    protected int computeHash() {
        return 31 * id;
    }

    @Override
    public boolean equals(Object o) {
        return this == o;
    }
}
