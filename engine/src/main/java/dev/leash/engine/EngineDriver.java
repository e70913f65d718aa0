package dev.leash.engine;

import java.util.function.LongSupplier;

/**
 * Runs an {@link Engine} through trading time: the one step sequence that live trading, the simulated venue and
 * backtests share, so that the same events give the same decisions and fills.
 *
 * <p>Per step at trading time {@code t}, in this order: the feed moves the market to {@code t} (prices, funding,
 * fills of resting orders); {@code onClock(t)} and the orders it sent (a flatten); the bars closed by {@code t},
 * for every symbol; then per symbol the feed's funding rate, the tick and the orders it sent. Each order goes through the
 * {@link OrderRoute}; its fills go to {@code onFill} and its end to {@code onOrderDone}, never re-entrantly. Runners
 * add their own work at the {@link StepHooks} points.
 *
 * <p>An agent in the Agrona style: {@link #doWork} runs the steps due at the injected clock's time and returns how
 * many; it never blocks and never reads the wall clock. Single-threaded: every call from the thread that owns the
 * engine.
 */
public final class EngineDriver implements FillSink {

    private final Engine engine;
    private final OrderQueue orders;
    private final MarketFeed feed;
    private final OrderRoute route;
    private final StepHooks hooks;
    private final LongSupplier clock;
    private final int maxStepsPerWork;
    private final BarSink bars;
    private final Tick tick = new Tick();
    private final int symbols;
    /** Per symbol, the bits of the funding rate last given to the engine: an unchanged rate is not given again. */
    private final long[] fundingBits;

    /**
     * @param orders          the port {@code engine} was built with
     * @param clock           the trading time steps are due against
     * @param maxStepsPerWork most steps one {@link #doWork} runs
     */
    public EngineDriver(Engine engine, OrderQueue orders, MarketFeed feed, OrderRoute route, StepHooks hooks,
                        LongSupplier clock, int maxStepsPerWork) {
        if (maxStepsPerWork < 1) {
            throw new IllegalArgumentException("max steps per work must be positive: " + maxStepsPerWork);
        }
        this.engine = engine;
        this.orders = orders;
        this.feed = feed;
        this.route = route;
        this.hooks = hooks;
        this.clock = clock;
        this.maxStepsPerWork = maxStepsPerWork;
        this.bars = engine::onBarClose;
        this.symbols = engine.symbols().size();
        this.fundingBits = new long[symbols];
        java.util.Arrays.fill(fundingBits, Double.doubleToRawLongBits(Double.NaN) ^ 1); // no rate yet: the first goes
    }

    /** Runs the steps due now, at most {@code maxStepsPerWork}; returns how many ran (0: nothing was due). */
    public int doWork() {
        long now = clock.getAsLong();
        int work = 0;
        while (work < maxStepsPerWork) {
            long t = feed.nextStep(now);
            if (t == MarketFeed.NO_STEP) {
                break;
            }
            step(t);
            work++;
        }
        return work;
    }

    /** Runs one step at trading time {@code t}, due or not (a new parameter version is evaluated at once). */
    public void step(long t) {
        feed.advanceTo(t, this);
        hooks.beforeClock(t);
        engine.onClock(t);
        hooks.afterClock(t);
        placeQueued(t);
        for (int s = 0; s < symbols; s++) {
            feed.closeBars(s, t, bars);
        }
        for (int s = 0; s < symbols; s++) {
            double rate = feed.fundingPct(s, t);
            long bits = Double.doubleToRawLongBits(rate);
            if (bits != fundingBits[s]) { // the engine's rate is only ever set here: the same rate changes nothing
                fundingBits[s] = bits;
                engine.onFunding(s, rate);
            }
            boolean fresh = feed.tick(s, t, tick);
            hooks.beforeTick(s, t, fresh, tick); // before the tick: a stale price may close a position, never open one
            if (fresh) {
                engine.onTick(s, tick.price(), tick.mark(), t);
            }
            placeQueued(t);
        }
        hooks.afterStep(t);
    }

    @Override
    public void filled(int sym, double signedQty, double price) {
        engine.onFill(sym, signedQty, price);
    }

    @Override
    public void orderDone(int sym, String clientOrderId) {
        engine.onOrderDone(sym, clientOrderId);
    }

    private void placeQueued(long t) {
        if (orders.isEmpty()) {
            return;
        }
        while (!orders.isEmpty()) {
            orders.placeNext(engine, route, t, this);
        }
    }
}
