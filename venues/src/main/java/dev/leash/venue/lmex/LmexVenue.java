package dev.leash.venue.lmex;

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
import dev.leash.venue.http.HttpVenueSettings;
import dev.leash.venue.http.RateLimit;
import dev.leash.venue.http.VenueHealth;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * LMEX USDT perpetual futures over REST (BTSE-style API v2.3). Symbols are LMEX's own (e.g. {@code BTC-PERP});
 * quantities are base units, converted to and from LMEX's contracts with each market's {@code contractSize} (see
 * {@link LmexSpec}). Reads are rate limited, retried and cached where slow-changing (market rules for an hour,
 * funding for 30 s); orders are never retried blindly (see {@link LmexOrders}). Thread-safe.
 */
public final class LmexVenue implements Venue {

    private static final Logger LOG = LoggerFactory.getLogger(LmexVenue.class);

    /** LMEX's published limits: queries 15 req/s (per endpoint), orders 75 req/s. */
    public static final List<RateLimit> LIMITS = List.of(
            new RateLimit(LmexApi.QUERY, 15, Duration.ofSeconds(1), Duration.ofSeconds(2)),
            new RateLimit(LmexApi.ORDERS, 75, Duration.ofSeconds(1), Duration.ofSeconds(2)));

    private final LmexConfig config;
    private final HttpVenueClient http;
    private final LmexMarket market;
    private final LmexAccountReads account;
    private final LmexOrders orders;
    private final CachedRead<String, Map<String, LmexSpec>> specs;
    private final CachedRead<String, FundingRate> funding;

    private LmexVenue(LmexConfig config, HttpVenueClient http) {
        this.config = config;
        this.http = http;
        LmexApi api = new LmexApi(http, config);
        this.market = new LmexMarket(api);
        this.specs = new CachedRead<>(Duration.ofHours(1), 2, k -> market.specs());
        LmexOrders.Specs lookup = symbol -> specs.get("all").get(symbol);
        this.account = new LmexAccountReads(api, lookup);
        this.orders = new LmexOrders(api, lookup);
        this.funding = new CachedRead<>(Duration.ofSeconds(30), 1000, market::funding);
    }

    /** LMEX with the documented defaults for retries and the circuit breaker. */
    public static LmexVenue create(LmexConfig config) {
        return create(config, defaultSettings(config), h -> { });
    }

    /** LMEX with explicit resilience settings; {@code health} hears breaker transitions and IP bans. */
    public static LmexVenue create(LmexConfig config, HttpVenueSettings settings, VenueHealth.Listener health) {
        return new LmexVenue(config, HttpVenueClient.create(config.baseUrl(), settings, health));
    }

    public static HttpVenueSettings defaultSettings(LmexConfig config) {
        return HttpVenueSettings.defaults("lmex", LIMITS, config.clock())
                .withTimeouts(config.connectTimeout(), config.readTimeout());
    }

    /** Breaker state, ban window and last failure, for health and trading-state decisions. */
    public VenueHealth health() {
        return http.health();
    }

    @Override
    public String name() {
        return "lmex";
    }

    @Override
    public List<String> symbols() {
        return config.symbols();
    }

    /** The configured symbols LMEX lists, in base units (lot step and minimum = contracts x contractSize). */
    @Override
    public List<Instrument> instruments() throws VenueException {
        Map<String, LmexSpec> all = specs.get("all");
        List<Instrument> out = new ArrayList<>();
        for (String s : config.symbols()) {
            LmexSpec spec = all.get(s);
            if (spec == null) {
                LOG.warn("lmex: configured symbol {} is not in market_summary", s);
            } else {
                out.add(spec.instrument());
            }
        }
        return List.copyOf(out);
    }

    @Override
    public List<Candle> candles(String symbol, long fromMillis, long toMillis) throws VenueException {
        return market.candles(symbol, fromMillis, toMillis);
    }

    @Override
    public Ticker ticker(String symbol) throws VenueException {
        return market.ticker(symbol);
    }

    /** See {@link LmexMarket#funding}: the next funding time may be computed, not reported. */
    @Override
    public FundingRate funding(String symbol) throws VenueException {
        return funding.get(symbol);
    }

    @Override
    public List<FundingRate> fundingHistory(String symbol, long fromMillis, long toMillis) throws VenueException {
        return market.fundingHistory(symbol, fromMillis, toMillis);
    }

    @Override
    public Account account() throws VenueException {
        return account.account();
    }

    @Override
    public List<Position> positions() throws VenueException {
        return account.positions();
    }

    @Override
    public List<Order> openOrders() throws VenueException {
        return account.openOrders();
    }

    @Override
    public List<Fill> fills(long fromMillis, long toMillis) throws VenueException {
        return account.fills(fromMillis, toMillis);
    }

    /** Rounded to the market's increments before sending; below the minimum it is a rejected result, not sent. */
    @Override
    public PlaceResult place(OrderRequest request) throws VenueException {
        return orders.place(request);
    }

    @Override
    public boolean cancel(String symbol, String clientOrderId) throws VenueException {
        return orders.cancel(symbol, clientOrderId);
    }

    /** See {@link LmexOrderLookup} for what an order no longer open looks like. */
    @Override
    public Order order(String symbol, String clientOrderId) throws VenueException {
        return orders.order(symbol, clientOrderId);
    }

    @Override
    public void close() {
        http.close();
    }

    @Override
    public String toString() {
        return "LmexVenue[" + config + "]";
    }
}
