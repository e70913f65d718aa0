package dev.leash.venue.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.venue.Account;
import dev.leash.venue.Candle;
import dev.leash.venue.Fill;
import dev.leash.venue.FundingRate;
import dev.leash.venue.Instrument;
import dev.leash.venue.Order;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import dev.leash.venue.Ticker;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;
import dev.leash.venue.http.CachedRead;
import dev.leash.venue.http.HttpVenueClient;
import dev.leash.venue.http.HttpVenueException;
import dev.leash.venue.http.HttpVenueSettings;
import dev.leash.venue.http.QueryString;
import dev.leash.venue.http.RateLimit;
import dev.leash.venue.http.VenueHealth;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Bybit V5 USDT perpetuals ({@code category=linear}) over REST. Reads are rate limited, retried and cached where
 * slow-changing (instruments for an hour, funding for 30 s); orders are never retried blindly (see
 * {@link BybitOrders}). Thread-safe.
 */
public final class BybitVenue implements Venue {

    /** Bybit's published limits: 600 requests per 5 s per IP, orders 10/s, private reads 50/s. */
    public static final List<RateLimit> LIMITS = List.of(
            new RateLimit(BybitApi.IP, 600, Duration.ofSeconds(5), Duration.ofSeconds(5)),
            new RateLimit(BybitApi.ORDERS, 10, Duration.ofSeconds(1), Duration.ofSeconds(2)),
            new RateLimit(BybitApi.PRIVATE, 50, Duration.ofSeconds(1), Duration.ofSeconds(2)));
    static final long WEEK = 7L * 24 * 3_600_000L;
    /** How far back {@link #fills} looks at most (Bybit keeps two years of executions). */
    static final long MAX_FILL_HISTORY = 730L * 24 * 3_600_000L;
    private static final long EIGHT_HOURS = 8L * 3_600_000L;
    private static final int KLINE_LIMIT = 1000;
    private static final int FUNDING_LIMIT = 200;

    private final BybitConfig config;
    private final HttpVenueClient http;
    private final BybitApi api;
    private final BybitOrders orders;
    private final BybitClosedPnl closedPnl;
    private final CachedRead<String, List<Instrument>> instruments;
    private final CachedRead<String, FundingRate> funding;

    private BybitVenue(BybitConfig config, HttpVenueClient http) {
        this.config = config;
        this.http = http;
        this.api = new BybitApi(http, config);
        this.orders = new BybitOrders(api);
        this.closedPnl = new BybitClosedPnl(api);
        this.instruments = new CachedRead<>(Duration.ofHours(1), 4, k -> loadInstruments());
        this.funding = new CachedRead<>(Duration.ofSeconds(30), 1000, this::loadFunding);
    }

    /** Bybit with the documented defaults for retries and the circuit breaker. */
    public static BybitVenue create(BybitConfig config) {
        return create(config, defaultSettings(config), h -> { });
    }

    /** Bybit with explicit resilience settings; {@code health} hears breaker transitions and IP bans. */
    public static BybitVenue create(BybitConfig config, HttpVenueSettings settings, VenueHealth.Listener health) {
        return new BybitVenue(config, HttpVenueClient.create(config.baseUrl(), settings, health));
    }

    public static HttpVenueSettings defaultSettings(BybitConfig config) {
        return HttpVenueSettings.defaults("bybit", LIMITS, config.clock())
                .withTimeouts(config.connectTimeout(), config.readTimeout());
    }

    /** Breaker state, ban window and last failure, for health and trading-state decisions. */
    public VenueHealth health() {
        return http.health();
    }

    @Override
    public String name() {
        return "bybit";
    }

    @Override
    public List<String> symbols() {
        return config.symbols();
    }

    @Override
    public List<Instrument> instruments() throws VenueException {
        return instruments.get("linear");
    }

    private List<Instrument> loadInstruments() throws VenueException {
        QueryString q = new QueryString().add("category", "linear").add("limit", 1000);
        List<Instrument> out = new ArrayList<>();
        for (JsonNode i : api.pages("/v5/market/instruments-info", q, false)) {
            String symbol = i.path("symbol").asText();
            if (config.symbols().contains(symbol)) {
                JsonNode lot = i.path("lotSizeFilter");
                out.add(new Instrument(symbol, BybitJson.num(i.path("priceFilter"), "tickSize"),
                        BybitJson.num(lot, "qtyStep"), BybitJson.num(lot, "minOrderQty"),
                        BybitJson.num(lot, "minNotionalValue", 0)));
            }
        }
        return List.copyOf(out);
    }

    private Instrument instrument(String symbol) throws VenueException {
        for (Instrument i : instruments()) {
            if (i.symbol().equals(symbol)) {
                return i;
            }
        }
        return null;
    }

    @Override
    public List<Candle> candles(String symbol, long fromMillis, long toMillis) throws VenueException {
        long now = api.now();
        TreeMap<Long, Candle> bars = new TreeMap<>();
        long end = Math.min(toMillis, now + 1) - 1; // nothing later exists yet
        while (end >= fromMillis) {
            QueryString q = new QueryString().add("category", "linear").add("symbol", symbol).add("interval", 5)
                    .add("start", fromMillis).add("end", end).add("limit", KLINE_LIMIT);
            JsonNode list = api.publicGet("/v5/market/kline", q).path("result").path("list");
            long oldest = Long.MAX_VALUE;
            for (JsonNode k : list) {
                Candle c = candle(symbol, k);
                oldest = Math.min(oldest, c.openTime());
                if (c.openTime() >= fromMillis && c.openTime() < toMillis && c.closeTime() <= now) {
                    bars.put(c.openTime(), c); // the bar still in progress is dropped
                }
            }
            if (list.size() < KLINE_LIMIT || oldest <= fromMillis) {
                break;
            }
            end = oldest - 1;
        }
        return new ArrayList<>(bars.values());
    }

    private static Candle candle(String symbol, JsonNode k) throws HttpVenueException {
        if (!k.isArray() || k.size() < 6) {
            throw new HttpVenueException(HttpVenueException.Kind.MALFORMED, "bybit kline item is not"
                    + " [start, open, high, low, close, volume, ...]");
        }
        try {
            return new Candle(symbol, Long.parseLong(k.get(0).asText()), Double.parseDouble(k.get(1).asText()),
                    Double.parseDouble(k.get(2).asText()), Double.parseDouble(k.get(3).asText()),
                    Double.parseDouble(k.get(4).asText()), Double.parseDouble(k.get(5).asText()));
        } catch (NumberFormatException e) {
            throw new HttpVenueException(HttpVenueException.Kind.MALFORMED, "bybit kline item has a non-number");
        }
    }

    private JsonNode tickerRoot(String symbol) throws VenueException {
        QueryString q = new QueryString().add("category", "linear").add("symbol", symbol);
        JsonNode root = api.publicGet("/v5/market/tickers", q);
        if (root.path("result").path("list").isEmpty()) {
            throw new VenueException("bybit has no linear ticker for " + symbol);
        }
        return root;
    }

    @Override
    public Ticker ticker(String symbol) throws VenueException {
        JsonNode root = tickerRoot(symbol);
        JsonNode t = root.path("result").path("list").get(0);
        return new Ticker(symbol, root.path("time").asLong(api.now()), BybitJson.num(t, "lastPrice"),
                BybitJson.num(t, "markPrice"), BybitJson.num(t, "bid1Price", Double.NaN),
                BybitJson.num(t, "ask1Price", Double.NaN), BybitJson.num(t, "volume24h", 0));
    }

    @Override
    public FundingRate funding(String symbol) throws VenueException {
        return funding.get(symbol);
    }

    private FundingRate loadFunding(String symbol) throws VenueException {
        JsonNode root = tickerRoot(symbol);
        JsonNode t = root.path("result").path("list").get(0);
        return new FundingRate(symbol, BybitJson.num(t, "fundingRate"), root.path("time").asLong(api.now()),
                BybitJson.time(t, "nextFundingTime"));
    }

    @Override
    public List<FundingRate> fundingHistory(String symbol, long fromMillis, long toMillis) throws VenueException {
        TreeMap<Long, Double> rates = new TreeMap<>();
        long end = Math.min(toMillis, api.now() + 1) - 1;
        while (end >= fromMillis) {
            QueryString q = new QueryString().add("category", "linear").add("symbol", symbol)
                    .add("startTime", fromMillis).add("endTime", end).add("limit", FUNDING_LIMIT);
            JsonNode list = api.publicGet("/v5/market/funding/history", q).path("result").path("list");
            long oldest = Long.MAX_VALUE;
            for (JsonNode f : list) {
                long t = BybitJson.time(f, "fundingRateTimestamp");
                oldest = Math.min(oldest, t);
                if (t >= fromMillis && t < toMillis) {
                    rates.put(t, BybitJson.num(f, "fundingRate"));
                }
            }
            if (list.size() < FUNDING_LIMIT || oldest <= fromMillis) {
                break;
            }
            end = oldest - 1;
        }
        List<FundingRate> out = new ArrayList<>();
        Long previous = null;
        for (var e : rates.entrySet()) {
            Long next = rates.higherKey(e.getKey());
            long interval = next != null ? next - e.getKey() : previous != null ? e.getKey() - previous : EIGHT_HOURS;
            out.add(new FundingRate(symbol, e.getValue(), e.getKey(), e.getKey() + interval));
            previous = e.getKey();
        }
        return out;
    }

    @Override
    public Account account() throws VenueException {
        JsonNode list = api.privateGet("/v5/account/wallet-balance", new QueryString().add("accountType", "UNIFIED"))
                .path("result").path("list");
        if (list.isEmpty()) {
            throw new VenueException("bybit has no UNIFIED account for this API key");
        }
        JsonNode a = list.get(0);
        double equity = BybitJson.num(a, "totalEquity");
        double upl = BybitJson.num(a, "totalPerpUPL", 0);
        return new Account(equity, equity - upl, BybitJson.num(a, "totalAvailableBalance", 0), upl);
    }

    @Override
    public List<Position> positions() throws VenueException {
        QueryString q = new QueryString().add("category", "linear").add("settleCoin", "USDT").add("limit", 200);
        List<Position> out = new ArrayList<>();
        for (JsonNode p : api.pages("/v5/position/list", q, true)) {
            String side = p.path("side").asText("");
            double size = BybitJson.num(p, "size", 0);
            if (size == 0 || side.isEmpty()) {
                continue;
            }
            double qty = "Sell".equals(side) ? -size : size;
            out.add(new Position(p.path("symbol").asText(), qty, BybitJson.num(p, "avgPrice", 0),
                    BybitJson.num(p, "markPrice", Double.NaN), BybitJson.num(p, "unrealisedPnl", 0)));
        }
        return out;
    }

    @Override
    public List<Order> openOrders() throws VenueException {
        QueryString q = new QueryString().add("category", "linear").add("settleCoin", "USDT").add("limit", 50);
        List<Order> out = new ArrayList<>();
        for (JsonNode o : api.pages("/v5/order/realtime", q, true)) {
            Order order = BybitJson.order(o);
            if (order.status().open()) {
                out.add(order);
            }
        }
        return out;
    }

    /**
     * Executions in {@code [from, to)}, oldest first, asked for in windows of at most 7 days (Bybit's limit), each
     * closing one with its realized P&L from the closed-pnl records ({@link BybitClosedPnl}).
     */
    @Override
    public List<Fill> fills(long fromMillis, long toMillis) throws VenueException {
        long to = Math.min(toMillis, api.now() + 1);
        long from = Math.max(fromMillis, to - MAX_FILL_HISTORY);
        Map<String, JsonNode> byId = new LinkedHashMap<>(); // an execution is reported once
        for (long start = from; start < to; start += WEEK) {
            long end = Math.min(to, start + WEEK);
            QueryString q = new QueryString().add("category", "linear").add("startTime", start)
                    .add("endTime", end - 1).add("limit", 100);
            for (JsonNode e : api.pages("/v5/execution/list", q, true)) {
                if ("Funding".equals(e.path("execType").asText())) {
                    continue;
                }
                long t = BybitJson.time(e, "execTime");
                if (t >= fromMillis && t < toMillis) {
                    byId.putIfAbsent(e.path("execId").asText(), e);
                }
            }
        }
        List<Fill> out = closedPnl.fills(new ArrayList<>(byId.values()), null);
        out.sort(Comparator.comparingLong(Fill::time).thenComparing(Fill::fillId));
        return out;
    }

    @Override
    public PlaceResult place(OrderRequest request) throws VenueException {
        return orders.place(request, instrument(request.symbol()));
    }

    @Override
    public boolean cancel(String symbol, String clientOrderId) throws VenueException {
        return orders.cancel(symbol, clientOrderId);
    }

    @Override
    public Order order(String symbol, String clientOrderId) throws VenueException {
        return orders.order(symbol, clientOrderId);
    }

    /** Server-clock offset in use (ms), as measured after a timestamp-window error. */
    public long clockOffsetMillis() {
        return api.offsetMillis();
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "BybitVenue[" + config + "]";
    }
}
