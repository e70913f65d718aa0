package dev.leash.gateway.engine;

/**
 * Where the engine sends orders. The simulated exchange fills at once; a live venue acknowledges. Either way the
 * outcome comes back to the engine through {@code Engine.onFill} and {@code Engine.onOrderDone}, never as a return
 * value, so backtest and live share one path.
 */
public interface OrderPort {

    void send(OrderIntent intent);
}
