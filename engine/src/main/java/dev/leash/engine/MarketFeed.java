package dev.leash.engine;

/**
 * Where the {@link EngineDriver}'s time and market events come from: a live venue, the simulated venue, or the
 * bar arrays of a backtest.
 *
 * <p>A venue's fault is no exception here: a bar it could not deliver is simply not delivered, a tick it could not
 * read makes {@link #tick} return false, and the feed reports the fault through its own channel.
 */
public interface MarketFeed {

    /** {@link #nextStep}'s answer when no step is due. */
    long NO_STEP = Long.MIN_VALUE;

    /** The trading time of the next step if one is due at {@code now}, which is then consumed; else {@link #NO_STEP}. */
    long nextStep(long now);

    /** Moves the market to {@code t}: prices, then funding; fills of resting orders go to {@code fills}. */
    void advanceTo(long t, FillSink fills);

    /** Hands every bar of symbol {@code sym} closed by {@code t} and not handed over yet to {@code bars}, oldest first. */
    void closeBars(int sym, long t, BarSink bars);

    /** Writes the newest trade of symbol {@code sym} at {@code t} into {@code tick}; false when there is none. */
    boolean tick(int sym, long t, Tick tick);

    /**
     * The funding rate of symbol {@code sym} known at {@code t}, percent per funding interval, positive when longs
     * pay; NaN while unknown (the strategy's funding filter then refuses entries). Read once per symbol per step.
     */
    default double fundingPct(int sym, long t) {
        return Double.NaN;
    }
}
