package dev.leash.gateway.shadow;

import dev.leash.engine.BarSink;
import dev.leash.engine.Engine;
import dev.leash.engine.FillSink;
import dev.leash.engine.MarketFeed;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.OrderRoute;
import dev.leash.engine.Tick;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * The live book's {@link MarketFeed}, passed through unchanged, with each step's market events copied for the shadow
 * books: the bars closed, each symbol's funding rate and tick. Until {@link #sendTo} it only passes through. Inner-loop thread only.
 */
public final class MarketTap implements MarketFeed {

    private final MarketFeed feed;
    private final int symbols;
    private final BarSink recordBar = this::recordBar;
    private Predicate<MarketStep> shadows;
    private List<ClosedBar> warmup = new ArrayList<>();
    private BarSink next;
    private double[] price;
    private double[] mark;
    private boolean[] fresh;
    private double[] funding;
    private List<ClosedBar> bars;
    /** What the last step handed over tracked (null before the first): its vetoes are shared while unchanged. */
    private LiveTracking tracking;
    /** Per symbol, the last order the live book sent (whether still in flight is the engine's to say). */
    private final OrderIntent[] sent;

    public MarketTap(MarketFeed feed, int symbols) {
        this.feed = feed;
        this.symbols = symbols;
        this.sent = new OrderIntent[symbols];
        newStep();
    }

    /**
     * Wraps the live book's order route, so that each step handed to the shadows carries the live order still in
     * flight: a shadow started from the live book's state then holds it too. {@code symbols} in the engine's order.
     */
    public OrderRoute route(OrderRoute route, List<String> symbols) {
        return (intent, t, fills) -> {
            int s = symbols.indexOf(intent.symbol());
            if (s >= 0) {
                sent[s] = intent;
            }
            return route.place(intent, t, fills);
        };
    }

    /** From now on each step goes to {@code shadows}, which must never block (false: the step was dropped). */
    public void sendTo(Predicate<MarketStep> shadows) {
        this.shadows = shadows;
    }

    /** Wraps the sink the live engine warms up on, so the shadows warm up on the same bars. */
    public BarSink warmup(BarSink engine) {
        return (sym, closeTime, high, low, close, volume) -> {
            engine.barClosed(sym, closeTime, high, low, close, volume);
            if (shadows != null) {
                warmup.add(new ClosedBar(sym, closeTime, high, low, close, volume));
            }
        };
    }

    @Override
    public long nextStep(long now) {
        return feed.nextStep(now);
    }

    @Override
    public void advanceTo(long t, FillSink fills) {
        if (shadows != null) {
            newStep();
        }
        feed.advanceTo(t, fills);
    }

    @Override
    public void closeBars(int sym, long t, BarSink sink) {
        if (shadows == null) {
            feed.closeBars(sym, t, sink);
            return;
        }
        next = sink;
        feed.closeBars(sym, t, recordBar);
    }

    @Override
    public double fundingPct(int sym, long t) {
        double rate = feed.fundingPct(sym, t);
        if (shadows != null) {
            funding[sym] = rate;
        }
        return rate;
    }

    @Override
    public boolean tick(int sym, long t, Tick tick) {
        boolean ok = feed.tick(sym, t, tick);
        if (shadows != null && ok) {
            fresh[sym] = true;
            price[sym] = tick.price();
            mark[sym] = tick.mark();
        }
        return ok;
    }

    /** Hands the step that ended at {@code t} to the shadows, with the live book's state after it. */
    public void endStep(long t, Engine live, double liveEquity) {
        if (shadows == null) {
            return;
        }
        double[] position = new double[symbols];
        double[] entry = new double[symbols];
        for (int s = 0; s < symbols; s++) {
            position[s] = live.position(s);
            entry[s] = live.entryPrice(s);
        }
        MarketStep step = new MarketStep(t, price, mark, fresh, warmup, bars, live.params(), liveEquity, position,
                entry, funding, tracking = LiveTracking.of(live, pending(live), t, tracking));
        if (shadows.test(step) && !warmup.isEmpty()) {
            warmup = List.of(); // the first step delivered carries the warm-up; a dropped one leaves it for the next
        }
    }

    /** The live orders in flight after this step, each with its unfilled quantity. */
    private OrderIntent[] pending(Engine live) {
        OrderIntent[] out = new OrderIntent[symbols];
        for (int s = 0; s < symbols; s++) {
            OrderIntent o = sent[s];
            String id = live.pendingOrder(s);
            double left = live.pendingQty(s);
            if (o != null && id != null && id.equals(o.clientOrderId()) && left != 0) {
                out[s] = left == o.signedQty() ? o : new OrderIntent(o.time(), o.clientOrderId(), o.symbol(), left,
                        o.referencePrice(), o.reduceOnly(), o.action(), o.paramsVersion());
            }
        }
        return out;
    }

    private void recordBar(int sym, long closeTime, double high, double low, double close, double volume) {
        next.barClosed(sym, closeTime, high, low, close, volume);
        bars.add(new ClosedBar(sym, closeTime, high, low, close, volume));
    }

    private void newStep() {
        price = new double[symbols];
        mark = new double[symbols];
        fresh = new boolean[symbols];
        funding = new double[symbols];
        Arrays.fill(funding, Double.NaN);
        bars = new ArrayList<>(0);
    }
}
