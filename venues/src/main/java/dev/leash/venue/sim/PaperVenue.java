package dev.leash.venue.sim;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.leash.venue.Candle;
import dev.leash.venue.Fill;
import dev.leash.venue.FundingRate;
import dev.leash.venue.Instrument;
import dev.leash.venue.Ticker;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;

import java.util.List;
import java.util.function.LongSupplier;

/**
 * Paper trading on live prices: market data (candles, tickers, funding, instrument rules) from a real venue's
 * public endpoints, fills and the account simulated locally by the same {@link SimExchange} as the simulated
 * venue. What a trader runs before risking money: no API key is needed or used.
 *
 * <p>Every ticker read moves the paper exchange's price; funding is charged at each 8-hour boundary at the
 * venue's current rate. The account is saved after every fill and funding payment. Thread-safe.
 */
public final class PaperVenue extends PaperAccountVenue {

    private final Venue market;
    private final StateStore store;
    private final LongSupplier clock;
    private long lastFundingCheck;

    private PaperVenue(Venue market, SimExchange exchange, StateStore store, LongSupplier clock) {
        super(exchange);
        this.market = market;
        this.store = store;
        this.clock = clock;
        this.lastFundingCheck = clock.getAsLong();
    }

    /**
     * Opens a paper account of {@code initialBalance} USDT over {@code market}'s prices, or resumes the one saved in
     * {@code store}.
     */
    public static PaperVenue open(Venue market, double initialBalance, StateStore store, LongSupplier clock)
            throws VenueException {
        SimExchange exchange = new SimExchange(market.instruments(), initialBalance, SimExchange.Costs.DEFAULT);
        String saved = store.load();
        if (saved != null) {
            try {
                exchange.restore(SimulatedVenue.JSON.readValue(saved, SimState.class));
            } catch (JsonProcessingException e) {
                throw new VenueException("the saved paper account cannot be read: " + e.getOriginalMessage(), e);
            }
        }
        return new PaperVenue(market, exchange, store, clock);
    }

    @Override
    public String name() {
        return "paper (" + market.name() + " prices)";
    }

    @Override
    public List<String> symbols() {
        return market.symbols();
    }


    @Override
    public List<Candle> candles(String symbol, long fromMillis, long toMillis) throws VenueException {
        return market.candles(symbol, fromMillis, toMillis);
    }

    /**
     * The live ticker; its last price also becomes the paper exchange's price, which fills the market orders
     * waiting for it (saved at once).
     */
    @Override
    public Ticker ticker(String symbol) throws VenueException {
        Ticker t = market.ticker(symbol);
        synchronized (this) {
            int i = exchange.indexOf(symbol);
            if (i >= 0 && t.lastPrice() > 0) {
                List<Fill> filled = exchange.onPrice(i, t.lastPrice(), t.time());
                if (!filled.isEmpty()) {
                    persist(filled);
                }
            }
            chargeFundingDue();
        }
        return t;
    }

    private void chargeFundingDue() throws VenueException {
        long now = clock.getAsLong();
        long due = FundingModel.nextFundingTime(lastFundingCheck);
        if (due > now) {
            return;
        }
        lastFundingCheck = now;
        boolean paid = false;
        for (Instrument in : exchange.instruments()) {
            paid |= exchange.applyFunding(exchange.indexOf(in.symbol()), market.funding(in.symbol()).rate()) != 0;
        }
        if (paid) {
            persist();
        }
    }

    @Override
    public FundingRate funding(String symbol) throws VenueException {
        return market.funding(symbol);
    }

    @Override
    public List<FundingRate> fundingHistory(String symbol, long fromMillis, long toMillis) throws VenueException {
        return market.fundingHistory(symbol, fromMillis, toMillis);
    }









    @Override
    long orderTime() {
        return clock.getAsLong();
    }

    @Override
    void persist(List<Fill> fills) {
        try {
            store.save(SimulatedVenue.JSON.writeValueAsString(exchange.snapshot(clock.getAsLong())), fills);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialize the paper account", e);
        }
    }

    @Override
    public void close() {
        synchronized (this) {
            persist();
        }
        market.close();
    }
}
