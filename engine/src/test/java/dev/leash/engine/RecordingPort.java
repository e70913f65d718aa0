package dev.leash.engine;

import java.util.ArrayList;
import java.util.List;

/** An order port that records the intents it is given and fills nothing. */
final class RecordingPort implements OrderPort {

    private final List<OrderIntent> intents = new ArrayList<>();

    @Override
    public void send(OrderIntent intent) {
        intents.add(intent);
    }

    List<OrderIntent> intents() {
        return List.copyOf(intents);
    }

    OrderIntent last() {
        return intents.get(intents.size() - 1);
    }

    void clear() {
        intents.clear();
    }
}
