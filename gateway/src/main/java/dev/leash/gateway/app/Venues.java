package dev.leash.gateway.app;

import dev.leash.gateway.config.ConfigException;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.journal.Journal;
import dev.leash.gateway.loop.AccountCache;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.gateway.loop.Pacer;
import dev.leash.venue.sim.PaperVenue;
import dev.leash.venue.sim.SimulatedVenue;
import dev.leash.venue.sim.SyntheticMarket;
import dev.leash.venue.Candle;
import dev.leash.venue.Instrument;
import dev.leash.venue.MarketTime;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;
import dev.leash.venue.StreamedVenue;
import dev.leash.venue.bybit.BybitConfig;
import dev.leash.venue.bybit.BybitPublicStream;
import dev.leash.venue.bybit.BybitVenue;
import dev.leash.venue.http.VenueHealth;
import dev.leash.venue.lmex.LmexConfig;
import dev.leash.venue.lmex.LmexVenue;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * Opens the configured venue: {@code simulated} (seeded synthetic market, simulated time), {@code paper} (Bybit
 * public prices, simulated fills), or a live venue with the operator's keys from the environment. A live venue
 * chosen without its keys fails at start with a message naming the variables; keys are never logged.
 */
final class Venues {

    static final String SIMULATED_ACCOUNT_KEY = "paper_account";
    static final String PAPER_ACCOUNT_KEY = "paper_live_account";

    private Venues() {
    }

    /**
     * A venue, the clock it trades in, and where the engine reads equity.
     *
     * @param market the venue's market when the inner loop drives its time (the simulated venue), else none
     */
    record Opened(Venue venue, Pacer pacer, DoubleSupplier equity, AccountCache account, MarketTime market) {

        Opened(Venue venue, Pacer pacer, DoubleSupplier equity, AccountCache account) {
            this(venue, pacer, equity, account, MarketTime.NONE);
        }
    }

    static Opened open(GatewayConfig c, Map<String, String> env, Journal journal, Clock wall,
                       VenueHealth.Listener health) throws ConfigException, VenueException {
        return open(c, env, journal, wall, health, null);
    }

    /** As above; a non-null {@code manual} clock (simulated venue only) paces trading instead of the wall clock. */
    static Opened open(GatewayConfig c, Map<String, String> env, Journal journal, Clock wall,
                       VenueHealth.Listener health, ManualTradingClock manual) throws ConfigException, VenueException {
        return open(c, env, journal, wall, health, manual, new SavedFills());
    }

    /** As above; a paper account journals its fills with its state and names them in {@code saved}. */
    static Opened open(GatewayConfig c, Map<String, String> env, Journal journal, Clock wall,
                       VenueHealth.Listener health, ManualTradingClock manual, SavedFills saved)
            throws ConfigException, VenueException {
        if (manual != null && !c.venue().equals("simulated")) {
            throw new IllegalArgumentException("a manual trading clock needs the simulated venue, not " + c.venue());
        }
        long tick = c.loops().tick().toMillis();
        AccountCache account = new AccountCache();
        switch (c.venue()) {
            case "simulated" -> {
                long startAt = Math.floorDiv(wall.millis(), Candle.INTERVAL_MILLIS) * Candle.INTERVAL_MILLIS;
                SimulatedVenue sim = SimulatedVenue.open(c.simulated().seed(), specs(c.symbols()),
                        c.simulated().initialBalance(), startAt,
                        new PaperAccountStore(journal, SIMULATED_ACCOUNT_KEY, saved));
                Pacer pacer = manual == null ? Pacer.simulated(wall::millis, sim.now(), c.simulated().speed(), tick)
                        : Pacer.manual(wall::millis, manual, sim.now(), tick);
                return new Opened(sim, pacer, sim::equity, account, sim);
            }
            case "paper" -> {
                BybitConfig prices = BybitConfig.publicData(baseUrl(c, BybitConfig.MAINNET), c.symbols());
                BybitVenue rest = BybitVenue.create(prices, BybitVenue.defaultSettings(prices), health);
                Venue market = streamed(rest, c, env, BybitPublicStream.MAINNET, wall);
                PaperVenue paper = PaperVenue.open(market, c.simulated().initialBalance(),
                        new PaperAccountStore(journal, PAPER_ACCOUNT_KEY, saved), wall::millis);
                return new Opened(paper, Pacer.live(wall::millis, tick), paper::equity, account);
            }
            case "bybit", "bybit-testnet", "bybit-demo" -> {
                String dflt = switch (c.venue()) {
                    case "bybit-testnet" -> BybitConfig.TESTNET;
                    case "bybit-demo" -> BybitConfig.DEMO;
                    default -> BybitConfig.MAINNET;
                };
                String key = credential(env, c.venue(), "LEASH_BYBIT_API_KEY");
                String secret = credential(env, c.venue(), "LEASH_BYBIT_API_SECRET");
                BybitConfig cfg = BybitConfig.of(baseUrl(c, dflt), key, secret, c.symbols());
                BybitVenue bybit = BybitVenue.create(cfg, BybitVenue.defaultSettings(cfg), health);
                Venue venue = streamed(bybit, c, env, c.venue().equals("bybit-testnet") ? BybitPublicStream.TESTNET
                        : BybitPublicStream.MAINNET, wall);
                return new Opened(venue, Pacer.live(wall::millis, tick), account, account);
            }
            case "lmex", "lmex-testnet" -> {
                String dflt = c.venue().equals("lmex-testnet") ? LmexConfig.TESTNET : LmexConfig.MAINNET;
                String key = credential(env, c.venue(), "LEASH_LMEX_API_KEY");
                String secret = credential(env, c.venue(), "LEASH_LMEX_API_SECRET");
                LmexConfig cfg = new LmexConfig(baseUrl(c, dflt), key, secret, c.symbols(),
                        c.lmexSignPathIncludesFutures(), LmexConfig.DEFAULT_CONNECT_TIMEOUT,
                        LmexConfig.DEFAULT_READ_TIMEOUT, java.time.Clock.systemUTC());
                LmexVenue lmex = LmexVenue.create(cfg, LmexVenue.defaultSettings(cfg), health);
                return new Opened(lmex, Pacer.live(wall::millis, tick), account, account);
            }
            default -> throw new ConfigException("venue: '" + c.venue() + "' cannot be opened by this build");
        }
    }

    /**
     * Candles and tickers from Bybit's public WebSocket, REST as the fallback. The stream is
     * {@code LEASH_VENUE_STREAM_URL}, else Bybit's own, except when the REST base URL was overridden (a proxy or a
     * test): then only an explicit stream URL is used. {@code off} polls REST only.
     */
    private static Venue streamed(BybitVenue rest, GatewayConfig c, Map<String, String> env, String dflt,
                                  Clock wall) {
        String url = env.get("LEASH_VENUE_STREAM_URL");
        if (url == null) {
            url = c.venueBaseUrl() == null ? dflt : "off";
        }
        if ("off".equals(url)) {
            return rest;
        }
        StreamedVenue v = new StreamedVenue(rest, wall);
        v.attach(BybitPublicStream.open(BybitPublicStream.Settings.of(url, c.symbols()), rest::candles, wall,
                new BybitPublicStream.Listener() {
                    @Override
                    public void onCandle(Candle closed) {
                        v.onCandle(closed);
                    }

                    @Override
                    public void onTicker(dev.leash.venue.Ticker ticker) {
                        v.onTicker(ticker);
                    }
                }));
        return v;
    }

    private static String credential(Map<String, String> env, String venue, String name) throws ConfigException {
        String v = env.get(name);
        if (v == null || v.isBlank()) {
            throw new ConfigException("venue " + venue + " trades with your API keys: set " + name
                    + " in the environment (keys are read from the environment only, never from files or flags)");
        }
        return v.strip();
    }

    private static String baseUrl(GatewayConfig c, String dflt) {
        return c.venueBaseUrl() != null ? c.venueBaseUrl() : dflt;
    }

    /** The synthetic market's specs for the configured symbols (unknown symbols get generic specs). */
    static List<SyntheticMarket.Spec> specs(List<String> symbols) {
        List<SyntheticMarket.Spec> out = new ArrayList<>();
        int n = 0;
        for (String s : symbols) {
            SyntheticMarket.Spec spec = SyntheticMarket.DEFAULT_SPECS.stream()
                    .filter(x -> x.instrument().symbol().equals(s)).findFirst().orElse(null);
            if (spec == null) {
                spec = new SyntheticMarket.Spec(new Instrument(s, 0.001, 1.0, 1.0, 5.0), 10.0 + 5 * n, 0.004,
                        100_000.0);
            }
            out.add(spec);
            n++;
        }
        return out;
    }
}
