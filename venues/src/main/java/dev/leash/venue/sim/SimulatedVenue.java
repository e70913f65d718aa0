package dev.leash.venue.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.leash.venue.Candle;
import dev.leash.venue.Fill;
import dev.leash.venue.FundingRate;
import dev.leash.venue.Instrument;
import dev.leash.venue.MarketTime;
import dev.leash.venue.Ticker;
import dev.leash.venue.VenueException;

import java.util.ArrayList;
import java.util.List;

/**
 * The embedded default venue: a {@link SyntheticMarket} traded through a {@link SimExchange} paper account. Needs
 * no network and no keys.
 *
 * <p>Time is simulated: {@link #advanceTo} moves the market (prices on the {@link TickPath}, funding every
 * 8 hours from the {@link FundingModel}); nothing here reads the wall clock. The account is saved to the
 * {@link StateStore} after every fill and funding payment, and at every bar, so a restart resumes it.
 *
 * <p>Thread-safe: the inner loop trades while the REST API reads.
 */
public final class SimulatedVenue extends PaperAccountVenue implements MarketTime {

    static final ObjectMapper JSON = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    /** Bars generated before the start so indicators and the largest lookback are warm at once. */
    public static final int WARMUP_BARS = 400;

    /**
     * Days of deterministic history served before the start, warm-up included: a 90-day backtest and its 400 bars of
     * warm-up fit from the first minute.
     */
    public static final int HISTORY_DAYS = 92;

    /** Bars of history served before the origin, so that {@link #HISTORY_DAYS} end at the start. */
    static final int PAST_BARS = HISTORY_DAYS * 288 - WARMUP_BARS;

    /** The most bars one {@link #candles} call answers. */
    static final int MAX_CANDLES = HISTORY_DAYS * 288 + 2_000;

    private final SyntheticMarket market;
    private final StateStore store;
    private long now;
    private long lastBar;

    private SimulatedVenue(SyntheticMarket market, SimExchange exchange, StateStore store, long now) {
        super(exchange);
        this.market = market;
        this.store = store;
        this.now = now;
        this.lastBar = market.barIndexAt(now);
    }

    /**
     * Opens the venue: restores the saved account and clock from {@code store}, or starts a new account of
     * {@code initialBalance} USDT at {@code startMillis}.
     */
    public static SimulatedVenue open(long seed, List<SyntheticMarket.Spec> specs, double initialBalance,
                                      long startMillis, StateStore store) throws VenueException {
        List<Instrument> instruments = new ArrayList<>();
        for (SyntheticMarket.Spec s : specs) {
            instruments.add(s.instrument());
        }
        SimExchange exchange = new SimExchange(instruments, initialBalance, SimExchange.Costs.DEFAULT);
        String saved = store.load();
        Saved state = null;
        if (saved != null) {
            try {
                state = JSON.readValue(saved, Saved.class);
            } catch (JsonProcessingException e) {
                throw new VenueException("the saved paper account cannot be read: " + e.getOriginalMessage(), e);
            }
            if (state.seed() != seed) {
                throw new VenueException("the saved paper account was made with market seed " + state.seed()
                        + ", not " + seed + "; use another data directory or the same seed");
            }
        }
        long origin = state != null ? state.origin()
                : Math.floorDiv(startMillis, Candle.INTERVAL_MILLIS) * Candle.INTERVAL_MILLIS
                - WARMUP_BARS * Candle.INTERVAL_MILLIS;
        SyntheticMarket market = new SyntheticMarket(seed, specs, origin);
        long resumeAt = state != null ? state.account().time() : startMillis;
        if (state != null) {
            exchange.restore(state.account());
        }
        SimulatedVenue venue = new SimulatedVenue(market, exchange, store, resumeAt);
        List<Fill> filled = venue.setPrices(resumeAt); // orders saved waiting for a price meet the first one
        if (!filled.isEmpty()) {
            venue.persist(filled);
        }
        return venue;
    }

    /** What is persisted: the market identity and the account. */
    record Saved(long seed, long origin, SimState account) {
    }

    /** Moves simulated time forward to {@code time}: prices, then funding due in {@code (now, time]}. */
    @Override
    public synchronized void advanceTo(long time) {
        if (time <= now) {
            return;
        }
        long from = now;
        now = time;
        List<Fill> filled = setPrices(time);
        boolean changed = !filled.isEmpty();
        for (long t = FundingModel.nextFundingTime(from); t <= time; t += FundingModel.INTERVAL_MILLIS) {
            for (int i = 0; i < market.specs().size(); i++) {
                changed |= exchange.applyFunding(i, fundingRateAt(i, t)) != 0;
            }
        }
        long bar = market.barIndexAt(time);
        if (changed || bar != lastBar) {
            lastBar = bar;
            persist(filled);
        }
    }

    /** Moves every symbol's price to {@code time}; the fills of orders it met are saved at once. */
    private List<Fill> setPrices(long time) {
        List<Fill> filled = new ArrayList<>(0);
        for (int i = 0; i < market.specs().size(); i++) {
            filled.addAll(exchange.onPrice(i, market.priceAt(i, time), time));
        }
        return filled;
    }

    /** The simulated time. */
    public synchronized long now() {
        return now;
    }

    public SyntheticMarket market() {
        return market;
    }

    /** The funding rate charged at funding time {@code t}. */
    private double fundingRateAt(int sym, long t) {
        long k = market.barIndexAt(t) - 1;
        long kBefore = k - FundingModel.INTERVAL_MILLIS / Candle.INTERVAL_MILLIS;
        if (kBefore < 0) {
            return FundingModel.BASE_RATE;
        }
        return FundingModel.rate(market.bar(sym, kBefore).close(), market.bar(sym, k).close());
    }

    @Override
    public String name() {
        return "simulated";
    }

    @Override
    public List<String> symbols() {
        List<String> out = new ArrayList<>();
        for (SyntheticMarket.Spec s : market.specs()) {
            out.add(s.instrument().symbol());
        }
        return out;
    }


    @Override
    public synchronized List<Candle> candles(String symbol, long fromMillis, long toMillis) throws VenueException {
        int sym = index(symbol);
        long first = Math.max(-PAST_BARS, market.barIndexAt(fromMillis) + (Math.floorMod(fromMillis
                - market.origin(), Candle.INTERVAL_MILLIS) == 0 ? 0 : 1));
        long lastClosed = market.barIndexAt(now) - 1;
        long last = Math.min(lastClosed, market.barIndexAt(toMillis - 1));
        if (last - first >= MAX_CANDLES) {
            first = last - MAX_CANDLES + 1;
        }
        List<Candle> out = new ArrayList<>();
        for (long k = first; k <= last; k++) {
            out.add(market.bar(sym, k));
        }
        return out;
    }

    @Override
    public synchronized Ticker ticker(String symbol) throws VenueException {
        int sym = index(symbol);
        double last = exchange.lastPrice(sym);
        double tick = market.specs().get(sym).instrument().tickSize();
        long k = market.barIndexAt(now);
        double volume = 0;
        for (long i = Math.max(0, k - 288); i < k; i++) {
            volume += market.bar(sym, i).volume();
        }
        return new Ticker(symbol, now, last, last, last - tick, last + tick, volume);
    }

    @Override
    public synchronized FundingRate funding(String symbol) throws VenueException {
        int sym = index(symbol);
        long next = FundingModel.nextFundingTime(now);
        long k = market.barIndexAt(now) - 1;
        long kBefore = k - FundingModel.INTERVAL_MILLIS / Candle.INTERVAL_MILLIS;
        double predicted = kBefore < 0 ? FundingModel.BASE_RATE
                : FundingModel.rate(market.bar(sym, kBefore).close(), market.bar(sym, k).close());
        return new FundingRate(symbol, predicted, now, next);
    }

    @Override
    public synchronized List<FundingRate> fundingHistory(String symbol, long fromMillis, long toMillis)
            throws VenueException {
        int sym = index(symbol);
        List<FundingRate> out = new ArrayList<>();
        long end = Math.min(toMillis, now + 1);
        for (long t = FundingModel.nextFundingTime(fromMillis - 1); t < end; t += FundingModel.INTERVAL_MILLIS) {
            if (t >= market.origin()) {
                out.add(new FundingRate(symbol, fundingRateAt(sym, t), t, t + FundingModel.INTERVAL_MILLIS));
            }
        }
        return out;
    }









    private int index(String symbol) throws VenueException {
        int i = exchange.indexOf(symbol);
        if (i < 0) {
            throw new VenueException("unknown symbol " + symbol + "; the simulated venue trades " + symbols());
        }
        return i;
    }

    @Override
    long orderTime() {
        return now;
    }

    @Override
    void persist(List<Fill> fills) {
        try {
            store.save(JSON.writeValueAsString(new Saved(market.seed(), market.origin(), exchange.snapshot(now))),
                    fills);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the paper account", e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            persist();
        }
    }
}
