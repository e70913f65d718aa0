package dev.leash.gateway.shadow;

import java.util.ArrayDeque;
import java.util.List;

/** The most recent closed bars, all symbols together, a new shadow warms up on. Not thread-safe. */
final class BarHistory {

    private final ArrayDeque<ClosedBar> bars = new ArrayDeque<>();
    private final int capacity;

    /** Keeps {@code barsPerSymbol} bars per symbol, counted over all symbols together. */
    BarHistory(int barsPerSymbol, int symbols) {
        this.capacity = barsPerSymbol * symbols;
    }

    void add(ClosedBar b) {
        bars.addLast(b);
        while (bars.size() > capacity) {
            bars.removeFirst();
        }
    }

    void clear() {
        bars.clear();
    }

    List<ClosedBar> bars() {
        return List.copyOf(bars);
    }
}
