package dev.leash.engine;

/** Takes closed 5-minute bars, in primitives so a backtest over arrays allocates no bar. */
@FunctionalInterface
public interface BarSink {

    void barClosed(int sym, long closeTime, double high, double low, double close, double volume);
}
