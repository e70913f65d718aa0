package dev.leash.venue.lmex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.venue.Candle;
import dev.leash.venue.FundingRate;
import dev.leash.venue.Ticker;
import dev.leash.venue.VenueException;
import dev.leash.venue.http.HttpVenueException;
import dev.leash.venue.http.HttpVenueException.Kind;
import dev.leash.venue.http.QueryString;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** LMEX public market data: market rules, candles, ticker and funding. Stateless; thread-safe. */
final class LmexMarket {

    private static final Logger LOG = LoggerFactory.getLogger(LmexMarket.class);
    static final long HOUR = 3_600_000L;
    static final long EIGHT_HOURS = 8 * HOUR;
    /** Bars asked for per ohlcv call: LMEX's per-call maximum is not documented, so the window is kept small. */
    static final int BARS_PER_CALL = 300;
    /** funding_history takes only a count; at most this many are asked for (the documented maximum is unknown). */
    static final int MAX_FUNDING_COUNT = 1000;

    private final LmexApi api;

    LmexMarket(LmexApi api) {
        this.api = api;
    }

    /** Every market LMEX lists, by symbol. */
    Map<String, LmexSpec> specs() throws VenueException {
        Map<String, LmexSpec> out = new HashMap<>();
        for (JsonNode m : summary(null)) {
            String symbol = m.path("symbol").asText();
            if (!LmexJson.present(m, "minPriceIncrement") || !LmexJson.present(m, "minSizeIncrement")) {
                continue; // not a tradable market entry
            }
            try {
                out.put(symbol, new LmexSpec(symbol, LmexJson.num(m, "minPriceIncrement"),
                        LmexJson.num(m, "minSizeIncrement"), LmexJson.num(m, "minOrderSize"),
                        LmexJson.num(m, 1.0, "contractSize")));
            } catch (IllegalArgumentException e) {
                LOG.warn("lmex: market {} skipped: {}", symbol, e.getMessage());
            }
        }
        return Map.copyOf(out);
    }

    private JsonNode summary(String symbol) throws VenueException {
        JsonNode root = api.publicGet("/market_summary", new QueryString().add("symbol", symbol));
        if (!root.isArray()) {
            throw new HttpVenueException(Kind.MALFORMED, "lmex market_summary: the answer is not an array");
        }
        return root;
    }

    private JsonNode summaryOf(String symbol) throws VenueException {
        for (JsonNode m : summary(symbol)) {
            if (symbol.equals(m.path("symbol").asText())) {
                return m;
            }
        }
        throw new VenueException("lmex market_summary has no market " + symbol);
    }

    /** Closed 5-minute bars, asked for in windows of {@link #BARS_PER_CALL}; ohlcv times are epoch seconds. */
    List<Candle> candles(String symbol, long fromMillis, long toMillis) throws VenueException {
        long now = api.now();
        long end = Math.min(toMillis, now);
        TreeMap<Long, Candle> bars = new TreeMap<>();
        long step = BARS_PER_CALL * Candle.INTERVAL_MILLIS;
        for (long start = fromMillis; start < end; start += step) {
            long stop = Math.min(end, start + step);
            QueryString q = new QueryString().add("symbol", symbol).add("resolution", 5)
                    .add("start", start / 1000).add("end", (stop + 999) / 1000);
            JsonNode rows = api.publicGet("/ohlcv", q);
            if (!rows.isArray()) {
                throw new HttpVenueException(Kind.MALFORMED, "lmex ohlcv: the answer is not an array");
            }
            for (JsonNode k : rows) {
                Candle c = candle(symbol, k);
                if (c.openTime() >= fromMillis && c.openTime() < toMillis && c.closeTime() <= now) {
                    bars.put(c.openTime(), c); // the bar in progress is dropped
                }
            }
        }
        return new ArrayList<>(bars.values());
    }

    /**
     * {@code [time, open, high, low, close, volume]}; volume is passed on as LMEX reports it (whether it counts
     * contracts or base units is not documented).
     */
    private static Candle candle(String symbol, JsonNode k) throws HttpVenueException {
        if (!k.isArray() || k.size() < 6) {
            throw new HttpVenueException(Kind.MALFORMED, "lmex ohlcv item is not [time, open, high, low, close,"
                    + " volume]");
        }
        double[] v = new double[6];
        for (int i = 0; i < 6; i++) {
            JsonNode n = k.get(i);
            if (n.isNumber()) {
                v[i] = n.doubleValue();
            } else {
                try {
                    v[i] = Double.parseDouble(n.asText());
                } catch (NumberFormatException e) {
                    throw new HttpVenueException(Kind.MALFORMED, "lmex ohlcv item has a non-number");
                }
            }
        }
        return new Candle(symbol, LmexJson.millis(v[0]), v[1], v[2], v[3], v[4], v[5]);
    }

    /** Last and mark price from {@code price}; best bid, ask and 24 h volume from {@code market_summary}. */
    Ticker ticker(String symbol) throws VenueException {
        JsonNode prices = api.publicGet("/price", new QueryString().add("symbol", symbol));
        JsonNode p = null;
        for (JsonNode n : prices) {
            if (symbol.equals(n.path("symbol").asText())) {
                p = n;
            }
        }
        if (p == null) {
            throw new VenueException("lmex price has no market " + symbol);
        }
        JsonNode m = summaryOf(symbol);
        return new Ticker(symbol, api.now(), LmexJson.num(p, "lastPrice"), LmexJson.num(p, "markPrice"),
                LmexJson.num(m, Double.NaN, "highestBid"), LmexJson.num(m, Double.NaN, "lowestAsk"),
                LmexJson.num(m, 0, "volume"));
    }

    /**
     * The current rate from {@code market_summary.fundingRate}. The next funding time: BTSE documents optional
     * {@code fundingTime} and {@code fundingIntervalMinutes} fields; when {@code fundingTime} is given it is moved
     * forward by the interval until it is after now; when it is not, the next funding time is COMPUTED as the next
     * multiple of the interval since the epoch (default 8 hours: 00:00, 08:00, 16:00 UTC) - an assumption, since
     * our verified notes do not say when LMEX charges funding.
     */
    FundingRate funding(String symbol) throws VenueException {
        JsonNode m = summaryOf(symbol);
        long now = api.now();
        double minutes = LmexJson.num(m, 0, "fundingIntervalMinutes");
        long interval = minutes > 0 ? (long) (minutes * 60_000L) : EIGHT_HOURS;
        long next;
        if (LmexJson.present(m, "fundingTime") && LmexJson.num(m, "fundingTime") > 0) {
            next = LmexJson.millis(LmexJson.num(m, "fundingTime"));
            if (next <= now) {
                next += ((now - next) / interval + 1) * interval;
            }
        } else {
            next = (Math.floorDiv(now, interval) + 1) * interval;
        }
        return new FundingRate(symbol, LmexJson.num(m, "fundingRate"), now, next);
    }

    /**
     * Funding in {@code [from, to)}, oldest first. {@code funding_history} takes only a count, so enough entries for
     * hourly funding back to {@code from} are asked for (at most {@link #MAX_FUNDING_COUNT}); times are seconds.
     */
    List<FundingRate> fundingHistory(String symbol, long fromMillis, long toMillis) throws VenueException {
        long now = api.now();
        long span = Math.max(0, Math.min(toMillis, now) - fromMillis);
        int count = (int) Math.min(MAX_FUNDING_COUNT, span / HOUR + 2);
        JsonNode root = api.publicGet("/funding_history", new QueryString().add("symbol", symbol).add("count", count));
        JsonNode list = root.path(symbol);
        if (!root.isObject() || !(list.isArray() || list.isMissingNode())) {
            throw new HttpVenueException(Kind.MALFORMED, "lmex funding_history: expected {\"" + symbol + "\":[...]}");
        }
        TreeMap<Long, Double> rates = new TreeMap<>();
        for (JsonNode f : list) {
            rates.put(LmexJson.millis(LmexJson.num(f, "time")), LmexJson.num(f, "rate"));
        }
        if (list.size() >= count && !rates.isEmpty() && rates.firstKey() > fromMillis) {
            LOG.warn("lmex: funding history of {} reaches back to {} only, not to {}", symbol, rates.firstKey(),
                    fromMillis);
        }
        List<FundingRate> out = new ArrayList<>();
        Long previous = null;
        for (var e : rates.entrySet()) {
            Long later = rates.higherKey(e.getKey());
            long interval = later != null ? later - e.getKey() : previous != null ? e.getKey() - previous : EIGHT_HOURS;
            if (e.getKey() >= fromMillis && e.getKey() < toMillis) {
                out.add(new FundingRate(symbol, e.getValue(), e.getKey(), e.getKey() + interval));
            }
            previous = e.getKey();
        }
        return out;
    }
}
