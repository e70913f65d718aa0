package dev.leash.engine;

/**
 * Work a runner adds at fixed points of the {@link EngineDriver}'s step (the live loop's journal retry, order
 * tracking, stale-feed holds and equity points; a backtest's equity curve). Each is called on the driver's thread.
 */
public interface StepHooks {

    /** Hooks that do nothing. */
    StepHooks NONE = new StepHooks() {
    };

    /** Before {@code onClock(t)}. */
    default void beforeClock(long t) {
    }

    /** After {@code onClock(t)}, before the orders it sent are placed. */
    default void afterClock(long t) {
    }

    /** Before symbol {@code sym}'s tick; {@code fresh} is false when the feed had no trade (then no tick follows). */
    default void beforeTick(int sym, long t, boolean fresh, Tick tick) {
    }

    /** After the last symbol's tick and its orders. */
    default void afterStep(long t) {
    }
}
