package dev.leash.engine;

/** Where the {@link EngineDriver} sends the engine's orders: a venue or a simulated exchange. */
public interface OrderRoute {

    /** Places {@code intent} at trading time {@code t}; the fills it produced at once go to {@code fills}. */
    OrderOutcome place(OrderIntent intent, long t, FillSink fills);
}
