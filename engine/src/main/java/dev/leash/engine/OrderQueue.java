package dev.leash.engine;

import java.util.ArrayDeque;

/** The port an engine driven by an {@link EngineDriver} is built with: orders wait here until the driver places them. */
public final class OrderQueue implements OrderPort {

    private final ArrayDeque<OrderIntent> queue = new ArrayDeque<>(4);

    @Override
    public void send(OrderIntent intent) {
        queue.add(intent);
    }

    /** The oldest waiting order, removed, or null. */
    OrderIntent poll() {
        return queue.poll();
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }
}
