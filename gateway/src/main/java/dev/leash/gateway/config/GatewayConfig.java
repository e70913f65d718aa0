package dev.leash.gateway.config;

import dev.leash.journal.JournalOptions;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;

import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.util.List;

/**
 * The gateway's configuration, read once at start ({@link ConfigLoader}) and passed down. Immutable.
 *
 * @param venue venue name: {@code simulated} (the default), {@code paper}, {@code bybit}, {@code bybit-testnet},
 *              {@code bybit-demo}, {@code lmex}, {@code lmex-testnet}
 * @param dataDir where the params, audit journal, trade journal, token and heartbeat live
 * @param symbols the operator's allowlist, in trading order
 * @param journalUrl JDBC URL of the trade journal; null means SQLite in the data directory
 * @param venueBaseUrl the venue's REST base URL when not the venue's default (proxies, tests); null for the default
 * @param lmexSignPathIncludesFutures whether LMEX signatures cover the {@code /futures} path prefix
 * @param shadows the shadow books beside the live book
 * @param alerts where operator alerts go; {@link Alerts#NONE} sends none
 * @param journalPool how a server journal (PostgreSQL) is pooled, and the gateway's id; credentials come from the
 *                    environment at start
 * @param strategies the strategy promotion pipeline's gates
 */
public record GatewayConfig(
        String venue,
        Path dataDir,
        List<String> symbols,
        Api api,
        Simulated simulated,
        Loops loops,
        BaselineReset baselineReset,
        Params baseline,
        Limits limits,
        String journalUrl,
        String venueBaseUrl,
        boolean lmexSignPathIncludesFutures,
        Shadows shadows,
        Alerts alerts,
        JournalOptions journalPool,
        Strategies strategies) {

    /** The configuration with the default strategy pipeline. */
    public GatewayConfig(String venue, Path dataDir, List<String> symbols, Api api, Simulated simulated, Loops loops,
                         BaselineReset baselineReset, Params baseline, Limits limits, String journalUrl,
                         String venueBaseUrl, boolean lmexSignPathIncludesFutures, Shadows shadows, Alerts alerts,
                         JournalOptions journalPool) {
        this(venue, dataDir, symbols, api, simulated, loops, baselineReset, baseline, limits, journalUrl, venueBaseUrl,
                lmexSignPathIncludesFutures, shadows, alerts, journalPool, Strategies.DEFAULT);
    }

    /**
     * The strategy promotion pipeline: a proposal's out-of-sample backtest over the last {@code backtestDays} must
     * close at least {@code minBacktestTrades} round trips and its max drawdown may exceed the live strategy's by at
     * most {@code maxDrawdownMarginPct} percentage points; a passing one then shadows for {@code shadowDuration} of
     * trading time and needs {@code minShadowTrades} closed trades for a verdict.
     */
    public record Strategies(int minBacktestTrades, double maxDrawdownMarginPct, Duration shadowDuration,
                             int minShadowTrades, int backtestDays) {
        public static final Strategies DEFAULT = new Strategies(10, 1.0, Duration.ofHours(24), 5, 14);

        public Strategies {
            if (minBacktestTrades < 1 || !(maxDrawdownMarginPct >= 0) || shadowDuration.isNegative()
                    || shadowDuration.isZero() || minShadowTrades < 1 || backtestDays < 1) {
                throw new IllegalArgumentException("strategy pipeline settings out of range");
            }
        }
    }

    /** The configuration with the default journal pool. */
    public GatewayConfig(String venue, Path dataDir, List<String> symbols, Api api, Simulated simulated, Loops loops,
                         BaselineReset baselineReset, Params baseline, Limits limits, String journalUrl,
                         String venueBaseUrl, boolean lmexSignPathIncludesFutures, Shadows shadows, Alerts alerts) {
        this(venue, dataDir, symbols, api, simulated, loops, baselineReset, baseline, limits, journalUrl, venueBaseUrl,
                lmexSignPathIncludesFutures, shadows, alerts, JournalOptions.DEFAULTS);
    }

    /** The configuration without alerts. */
    public GatewayConfig(String venue, Path dataDir, List<String> symbols, Api api, Simulated simulated, Loops loops,
                         BaselineReset baselineReset, Params baseline, Limits limits, String journalUrl,
                         String venueBaseUrl, boolean lmexSignPathIncludesFutures, Shadows shadows) {
        this(venue, dataDir, symbols, api, simulated, loops, baselineReset, baseline, limits, journalUrl, venueBaseUrl,
                lmexSignPathIncludesFutures, shadows, Alerts.NONE);
    }

    /** The configuration with the default shadow books. */
    public GatewayConfig(String venue, Path dataDir, List<String> symbols, Api api, Simulated simulated, Loops loops,
                         BaselineReset baselineReset, Params baseline, Limits limits, String journalUrl,
                         String venueBaseUrl, boolean lmexSignPathIncludesFutures) {
        this(venue, dataDir, symbols, api, simulated, loops, baselineReset, baseline, limits, journalUrl, venueBaseUrl,
                lmexSignPathIncludesFutures, Shadows.DEFAULT);
    }

    /**
     * Shadow books: at most {@code max} at once (the baseline included), an incumbent running
     * {@code incumbentHorizon} after its change, a verdict only from {@code minTrades} closed trades, figures
     * counted from {@code warmup} after each change.
     */
    public record Shadows(boolean enabled, int max, Duration incumbentHorizon, int minTrades, Duration warmup) {
        public static final Duration DEFAULT_WARMUP = Duration.ofHours(1);
        public static final Shadows DEFAULT = new Shadows(true, 4, Duration.ofHours(72), 20);

        /** Shadows with the default warm-up after each change ({@link #DEFAULT_WARMUP}). */
        public Shadows(boolean enabled, int max, Duration incumbentHorizon, int minTrades) {
            this(enabled, max, incumbentHorizon, minTrades, DEFAULT_WARMUP);
        }
    }

    /**
     * Alert channels; a null URL or chat id means that channel is off. The Telegram bot token is not here: it comes
     * from {@code LEASH_TELEGRAM_BOT_TOKEN} when the gateway starts, so it never sits in a config object or a log.
     */
    public record Alerts(String webhookUrl, String ntfyUrl, String telegramChatId, String telegramBaseUrl,
                         Duration proposalsDigest, boolean dailySummary) {
        public static final String DEFAULT_TELEGRAM_BASE_URL = "https://api.telegram.org";
        /** How often at most the digest of parameter proposals is sent. */
        public static final Duration DEFAULT_PROPOSALS_DIGEST = Duration.ofMinutes(15);
        public static final Alerts NONE = new Alerts(null, null, null, DEFAULT_TELEGRAM_BASE_URL);

        /** Channels with the default digest period and the daily summary on. */
        public Alerts(String webhookUrl, String ntfyUrl, String telegramChatId, String telegramBaseUrl) {
            this(webhookUrl, ntfyUrl, telegramChatId, telegramBaseUrl, DEFAULT_PROPOSALS_DIGEST, true);
        }

        public boolean any() {
            return webhookUrl != null || ntfyUrl != null || telegramChatId != null;
        }
    }

    /**
     * REST API binding.
     *
     * @param allowedHosts {@code Host} names accepted besides 127.0.0.1, localhost, [::1] and the bind address
     * @param allowedOrigins browser origins ({@code scheme://host[:port]}) allowed to write; none by default
     * @param metricsTokenFile the file of the token that reads {@code /metrics} only; null: none (unless
     *                         {@code LEASH_METRICS_TOKEN} is set)
     */
    public record Api(String host, int port, long maxBodyBytes, List<String> allowedHosts,
                      List<String> allowedOrigins, java.nio.file.Path metricsTokenFile) {
        public static final String DEFAULT_HOST = "127.0.0.1";
        public static final int DEFAULT_PORT = 7070;
        public static final long DEFAULT_MAX_BODY_BYTES = 64 * 1024;

        public Api {
            allowedHosts = List.copyOf(allowedHosts);
            allowedOrigins = List.copyOf(allowedOrigins);
        }

        /** An API without a metrics token file. */
        public Api(String host, int port, long maxBodyBytes, List<String> allowedHosts, List<String> allowedOrigins) {
            this(host, port, maxBodyBytes, allowedHosts, allowedOrigins, null);
        }
    }

    /** The simulated venue: market seed, time compression, starting balance. */
    public record Simulated(long seed, double speed, double initialBalance) {
        public static final long DEFAULT_SEED = 42;
        public static final double DEFAULT_SPEED = 1.0;
        public static final double DEFAULT_INITIAL_BALANCE = 100_000.0;
    }

    /**
     * Loop cadences.
     *
     * @param cancelManualOrders whether the stale-order cancel also cancels orders this gateway did not place (off:
     *                           orders placed by hand on the same account are left alone)
     * @param staleTickAfter trading time after which a symbol without a newer market event is held reduce-only
     * @param venueRecovery how long (wall clock) the venue must be healthy again before the REDUCE_ONLY its breaker
     *                      or an IP ban caused lifts by itself
     */
    public record Loops(Duration tick, Duration middle, Duration staleOrderAge, boolean cancelManualOrders,
                        Duration staleTickAfter, Duration venueRecovery) {
        public static final Duration DEFAULT_TICK = Duration.ofSeconds(1);
        public static final Duration DEFAULT_MIDDLE = Duration.ofSeconds(60);
        public static final Duration DEFAULT_STALE_ORDER_AGE = Duration.ofHours(2);
        public static final Duration DEFAULT_STALE_TICK_AFTER = Duration.ofSeconds(30);
        public static final Duration DEFAULT_VENUE_RECOVERY = Duration.ofMinutes(5);
    }

    /** When the params are reset to the baseline: {@code weekly} on a day and hour (UTC), {@code daily}, or off. */
    public record BaselineReset(String schedule, DayOfWeek day, int hourUtc) {
        public static final BaselineReset DEFAULT = new BaselineReset("weekly", DayOfWeek.MONDAY, 0);

        public boolean enabled() {
            return !"off".equals(schedule);
        }
    }

    /**
     * The gateway's id ({@code gateway.id}, else derived from the venue and the account): its rows in a journal that
     * several gateways share; null only in a configuration built without one.
     */
    public String gatewayId() {
        return journalPool.gatewayId();
    }

    /** True for venues that trade real money with the operator's API keys. */
    public boolean liveVenue() {
        return !venue.equals("simulated") && !venue.equals("paper");
    }

    public Path journalFile() {
        return dataDir.resolve("journal.db");
    }

    public String effectiveJournalUrl() {
        return journalUrl != null ? journalUrl : "jdbc:sqlite:" + journalFile().toAbsolutePath();
    }
}
