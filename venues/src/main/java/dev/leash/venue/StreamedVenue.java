package dev.leash.venue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;

/**
 * A venue whose tickers and closed candles arrive over a push stream (Bybit's public WebSocket), with REST as the
 * fallback: a ticker older than {@link #STALE_TICKER_MILLIS}, or candles the stream has not delivered (gaps, the
 * first minutes), come from the wrapped venue. Everything else (account, orders, funding) is the wrapped venue's.
 *
 * <p>The stream calls {@link #onTicker} and {@link #onCandle} from its own thread; the inner loop reads. Thread-safe.
 */
public final class StreamedVenue implements Venue {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(StreamedVenue.class);

    /** A pushed ticker older than this is not trusted: the price comes from REST instead. */
    public static final long STALE_TICKER_MILLIS = 5_000;
    private static final int KEPT_CANDLES = 2_000;

    private final Venue rest;
    private final Clock clock;
    private final Map<String, Ticker> tickers = new ConcurrentHashMap<>();
    private final Map<String, NavigableMap<Long, Candle>> candles = new ConcurrentHashMap<>();
    private volatile AutoCloseable stream;

    public StreamedVenue(Venue rest, Clock clock) {
        this.rest = rest;
        this.clock = clock;
    }

    /** The stream feeding this venue, closed with it. */
    public void attach(AutoCloseable stream) {
        this.stream = stream;
    }

    /** A pushed ticker (a snapshot merged with its deltas). */
    public void onTicker(Ticker t) {
        tickers.put(t.symbol(), t);
    }

    /** A pushed closed candle. */
    public void onCandle(Candle c) {
        NavigableMap<Long, Candle> m = candles.computeIfAbsent(c.symbol(), s -> new ConcurrentSkipListMap<>());
        m.put(c.openTime(), c);
        while (m.size() > KEPT_CANDLES) {
            m.pollFirstEntry();
        }
    }

    @Override
    public Ticker ticker(String symbol) throws VenueException {
        Ticker t = tickers.get(symbol);
        if (t != null && clock.millis() - t.time() <= STALE_TICKER_MILLIS && t.lastPrice() > 0) {
            return t;
        }
        return rest.ticker(symbol);
    }

    /** From the stream when it holds every 5-minute bar of the window, else from REST. */
    @Override
    public List<Candle> candles(String symbol, long fromMillis, long toMillis) throws VenueException {
        NavigableMap<Long, Candle> m = candles.get(symbol);
        if (m != null && !m.isEmpty()) {
            long first = Math.floorDiv(fromMillis + Candle.INTERVAL_MILLIS - 1, Candle.INTERVAL_MILLIS)
                    * Candle.INTERVAL_MILLIS;
            long lastClosedOpen = Math.floorDiv(clock.millis(), Candle.INTERVAL_MILLIS) * Candle.INTERVAL_MILLIS
                    - Candle.INTERVAL_MILLIS;
            List<Candle> out = new ArrayList<>();
            boolean complete = first >= m.firstKey();
            for (long open = first; complete && open < toMillis && open <= lastClosedOpen;
                 open += Candle.INTERVAL_MILLIS) {
                Candle c = m.get(open);
                if (c == null) {
                    complete = false;
                } else {
                    out.add(c);
                }
            }
            if (complete) {
                return out;
            }
        }
        return rest.candles(symbol, fromMillis, toMillis);
    }

    @Override
    public String name() {
        return rest.name();
    }

    @Override
    public List<String> symbols() {
        return rest.symbols();
    }

    @Override
    public List<Instrument> instruments() throws VenueException {
        return rest.instruments();
    }

    @Override
    public FundingRate funding(String symbol) throws VenueException {
        return rest.funding(symbol);
    }

    @Override
    public List<FundingRate> fundingHistory(String symbol, long fromMillis, long toMillis) throws VenueException {
        return rest.fundingHistory(symbol, fromMillis, toMillis);
    }

    @Override
    public Account account() throws VenueException {
        return rest.account();
    }

    @Override
    public List<Position> positions() throws VenueException {
        return rest.positions();
    }

    @Override
    public List<Order> openOrders() throws VenueException {
        return rest.openOrders();
    }

    @Override
    public List<Fill> fills(long fromMillis, long toMillis) throws VenueException {
        return rest.fills(fromMillis, toMillis);
    }

    @Override
    public PlaceResult place(OrderRequest request) throws VenueException {
        return rest.place(request);
    }

    @Override
    public boolean cancel(String symbol, String clientOrderId) throws VenueException {
        return rest.cancel(symbol, clientOrderId);
    }

    @Override
    public Order order(String symbol, String clientOrderId) throws VenueException {
        return rest.order(symbol, clientOrderId);
    }

    @Override
    public void close() {
        AutoCloseable s = stream;
        if (s != null) {
            try {
                s.close();
            } catch (Exception e) {
                LOG.debug("closing the market-data stream: {}", e.toString());
            }
        }
        rest.close();
    }
}
