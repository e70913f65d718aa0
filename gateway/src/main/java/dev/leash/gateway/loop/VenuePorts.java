package dev.leash.gateway.loop;

import dev.leash.engine.BarSink;
import dev.leash.engine.FillSink;
import dev.leash.engine.MarketFeed;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.OrderOutcome;
import dev.leash.engine.OrderRoute;
import dev.leash.engine.Tick;
import dev.leash.venue.Account;
import dev.leash.venue.Candle;
import dev.leash.venue.MarketTime;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderType;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Side;
import dev.leash.venue.Ticker;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;
import dev.leash.venue.http.HttpVenueException;

import java.util.Arrays;
import java.util.List;
import java.util.function.ObjLongConsumer;

/**
 * The engine driver's live side: a {@link Venue} as its {@link MarketFeed} (steps paced by the {@link Pacer}, bar
 * closes, tickers) and as its {@link OrderRoute}. The one place where a venue's exceptions become values: a failed
 * read is a fault reported to the loop and no event, a failed placement an {@link OrderOutcome}.
 *
 * <p>Inner-loop thread only, except {@link #onOrderRoundTrip}.
 */
final class VenuePorts implements MarketFeed, OrderRoute {

    /** Where faults go: the loop's error count and the journal. */
    interface Faults {
        void fault(long t, String message);
    }

    private final Venue venue;
    private final MarketTime market;
    private final Pacer pacer;
    private final List<String> symbols;
    private final FeedMonitor feed;
    private final JournalGuard recorder;
    private final OrderTracker tracker;
    private final Faults faults;
    private final long[] lastBarOpen;
    /** Each symbol's funding rate as the venue last gave it, percent per interval; NaN when the read failed. */
    private final double[] fundingPct;
    /** Hears each order's round trip to the venue: the answer (null when the call failed) and its nanoseconds. */
    private volatile ObjLongConsumer<PlaceResult> roundTrips = (r, nanos) -> { };
    private long nextStep;

    VenuePorts(Venue venue, MarketTime market, Pacer pacer, List<String> symbols, FeedMonitor feed,
               JournalGuard recorder, OrderTracker tracker, Faults faults) {
        this.venue = venue;
        this.market = market;
        this.pacer = pacer;
        this.symbols = symbols;
        this.feed = feed;
        this.recorder = recorder;
        this.tracker = tracker;
        this.faults = faults;
        this.lastBarOpen = new long[symbols.size()];
        this.fundingPct = new double[symbols.size()];
        Arrays.fill(fundingPct, Double.NaN);
    }

    /**
     * Starts stepping at {@code firstStep} and hands the {@code warmupBars} bars closed before it to {@code bars}.
     */
    void start(long firstStep, int warmupBars, BarSink bars) throws VenueException {
        nextStep = firstStep;
        long currentBarOpen = Math.floorDiv(firstStep, Candle.INTERVAL_MILLIS) * Candle.INTERVAL_MILLIS;
        for (int i = 0; i < lastBarOpen.length; i++) {
            List<Candle> history = venue.candles(symbols.get(i),
                    currentBarOpen - warmupBars * Candle.INTERVAL_MILLIS, currentBarOpen);
            for (Candle c : history) {
                bars.barClosed(i, c.closeTime(), c.high(), c.low(), c.close(), c.volume());
            }
            lastBarOpen[i] = history.isEmpty() ? currentBarOpen - Candle.INTERVAL_MILLIS
                    : history.get(history.size() - 1).openTime();
            readFunding(i, firstStep);
        }
    }

    /** The trading time of the next scheduled step. */
    long nextStepTime() {
        return nextStep;
    }

    @Override
    public long nextStep(long now) {
        if (nextStep > now) {
            return NO_STEP;
        }
        long t = nextStep;
        nextStep += pacer.stepMillis();
        return t;
    }

    @Override
    public void advanceTo(long t, FillSink fills) {
        market.advanceTo(t); // its fills reach the engine through the order tracker, as a live venue's do
    }

    @Override
    public void closeBars(int sym, long t, BarSink bars) {
        long lastClosedOpen = Math.floorDiv(t, Candle.INTERVAL_MILLIS) * Candle.INTERVAL_MILLIS
                - Candle.INTERVAL_MILLIS;
        if (lastClosedOpen <= lastBarOpen[sym]) {
            return;
        }
        try {
            for (Candle c : venue.candles(symbols.get(sym), lastBarOpen[sym] + Candle.INTERVAL_MILLIS,
                    lastClosedOpen + Candle.INTERVAL_MILLIS)) {
                bars.barClosed(sym, c.closeTime(), c.high(), c.low(), c.close(), c.volume());
                lastBarOpen[sym] = c.openTime();
            }
        } catch (VenueException e) {
            faults.fault(t, "candles " + symbols.get(sym) + ": " + e.getMessage());
        }
        readFunding(sym, t); // once per bar: funding moves slowly, and a read per step would cost a venue call
    }

    @Override
    public double fundingPct(int sym, long t) {
        return fundingPct[sym];
    }

    /** Reads a symbol's funding rate from the venue; a failed read leaves it unknown until the next bar. */
    private void readFunding(int sym, long t) {
        try {
            fundingPct[sym] = venue.funding(symbols.get(sym)).rate() * 100.0;
        } catch (VenueException e) {
            fundingPct[sym] = Double.NaN;
            faults.fault(t, "funding " + symbols.get(sym) + ": " + e.getMessage());
        } catch (RuntimeException e) { // a venue without funding: the filter's input stays unknown, trading goes on
            fundingPct[sym] = Double.NaN;
            faults.fault(t, "funding " + symbols.get(sym) + ": " + e.getClass().getSimpleName());
        }
    }

    @Override
    public boolean tick(int sym, long t, Tick tick) {
        Ticker ticker;
        try {
            ticker = venue.ticker(symbols.get(sym));
            feed.onEvent(sym, ticker.time());
        } catch (VenueException e) {
            faults.fault(t, "ticker " + symbols.get(sym) + ": " + e.getMessage());
            return false;
        }
        tick.set(ticker.lastPrice(), independentMark(ticker));
        return true;
    }

    /**
     * The ticker's mark price as the price band's reference, or NaN: a mark equal to the last trade is no independent
     * evidence (the simulated venue reports its last price as the mark), so the engine then uses a median of recent
     * trades.
     */
    private static double independentMark(Ticker ticker) {
        double mark = ticker.markPrice();
        return mark > 0 && Double.isFinite(mark) && mark != ticker.lastPrice() ? mark : Double.NaN;
    }

    @Override
    public OrderOutcome place(OrderIntent intent, long t, FillSink fills) {
        if (!recorder.sending(intent) && !intent.reduceOnly()) {
            // No trace of it would survive a crash: a new position is not opened blind. An exit still goes out.
            recorder.orderFailed(intent, "not sent: the journal could not record it");
            return OrderOutcome.FAILED;
        }
        double qty = Math.abs(intent.signedQty());
        PlaceResult r;
        long sentAt = System.nanoTime(); // metrics only: never read by a decision
        try {
            r = venue.place(new OrderRequest(intent.clientOrderId(), intent.symbol(),
                    Side.ofSign(intent.signedQty()), OrderType.MARKET, qty, intent.referencePrice(),
                    intent.reduceOnly()));
            roundTrips.accept(r, System.nanoTime() - sentAt);
        } catch (HttpVenueException e) {
            roundTrips.accept(null, System.nanoTime() - sentAt);
            faults.fault(t, "place " + intent.clientOrderId() + ": " + e.getMessage());
            if (e.outcomeUnknown()) {
                tracker.unknown(intent, t); // never re-sent blindly: resolved by asking for its id
                return OrderOutcome.UNKNOWN;
            }
            recorder.orderFailed(intent, e.getMessage());
            return OrderOutcome.FAILED;
        } catch (VenueException e) {
            roundTrips.accept(null, System.nanoTime() - sentAt);
            faults.fault(t, "place " + intent.clientOrderId() + ": " + e.getMessage());
            tracker.unknown(intent, t);
            return OrderOutcome.UNKNOWN;
        }
        return tracker.placed(intent, r, t, fills);
    }

    /** The account as the venue reports it now, or null after reporting the fault. */
    Account account(long t) {
        try {
            return venue.account();
        } catch (VenueException e) {
            faults.fault(t, "account: " + e.getMessage());
            return null;
        }
    }

    /** See {@link InnerLoop#onOrderRoundTrip}. */
    void onOrderRoundTrip(ObjLongConsumer<PlaceResult> listener) {
        this.roundTrips = listener;
    }
}
