package dev.leash.gateway.metrics;

import dev.leash.engine.Action;
import dev.leash.gateway.alerts.AlertCounts;
import dev.leash.journal.FillStats;
import dev.leash.gateway.loop.EngineSnapshot;
import dev.leash.gateway.loop.FeedHealth;
import dev.leash.gateway.loop.TradingStateName;
import dev.leash.venue.http.VenueHealth;
import dev.leash.risk.OrderReject;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.ExpositionFormatWriter;
import io.prometheus.metrics.expositionformats.ExpositionFormats;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The gateway's Prometheus metrics. Everything is read at scrape time, on the scraping thread, from what the loops
 * already publish (the inner loop's snapshot, account, feed and order-path health; the middle loop's pass times; the
 * parameter store; the journal's reader), plus the counters the inner loop keeps without allocating
 * ({@link DecisionCounter}, {@link OrderLatency}). A scrape never reaches the venue and never waits on a loop.
 */
public final class GatewayMetrics {

    /** Breaker states always shown, so a dashboard sees each as 0 or 1. */
    private static final List<String> BREAKER_STATES = List.of("CLOSED", "OPEN", "HALF_OPEN");

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final ExpositionFormats formats = ExpositionFormats.init();
    private final MetricsSource gw;
    private final DecisionCounter decisions;
    private final ProposalCounts proposals;
    /** Realized P&L and fees of the journaled fills, read once per scrape for both gauges. */
    private volatile double[] fills = {0, 0};

    /** What one scrape answers. */
    public record Exposition(String contentType, byte[] body) {
    }

    public GatewayMetrics(MetricsSource source, DecisionCounter decisions, OrderLatency latency) {
        this(source, decisions, latency, AlertCounts.NONE);
    }

    /** The metrics with the alert sender's delivery counts. */
    public GatewayMetrics(MetricsSource source, DecisionCounter decisions, OrderLatency latency, AlertCounts alerts) {
        this.gw = source;
        this.decisions = decisions;
        this.proposals = new ProposalCounts(source.auditFile());
        account();
        state();
        decisions();
        registry.register(latency);
        venue();
        loops();
        feed();
        alerts(alerts);
        registry.register(new JvmCollector());
    }

    /** Every metric, in the format {@code accept} (an {@code Accept} header, null for none) asks for. */
    public Exposition scrape(String accept) throws IOException {
        ExpositionFormatWriter writer = formats.findWriter(accept);
        fills = fillTotals();
        ByteArrayOutputStream out = new ByteArrayOutputStream(16_384);
        writer.write(out, registry.scrape());
        return new Exposition(writer.getContentType(), out.toByteArray());
    }

    private void account() {
        gauge("leash_equity_usdt", "Account equity in USDT as the inner loop sizes from it: the venue's last report,"
                + " marked to market at every tick.").callback(cb -> {
                    double e = gw.equity();
                    if (Double.isFinite(e)) {
                        cb.call(e);
                    }
                }).register(registry);
        gauge("leash_unrealized_pnl_usdt", "Unrealized P&L in USDT of the engine's position per symbol, at the last"
                + " trade price.", "symbol").callback(cb -> {
                    EngineSnapshot s = gw.snapshot();
                    if (s != null) {
                        for (EngineSnapshot.SymbolView v : s.symbols()) {
                            double u = v.position() == 0 ? 0 : v.position() * (v.lastPrice() - v.entryPrice());
                            if (Double.isFinite(u)) {
                                cb.call(u, v.symbol());
                            }
                        }
                    }
                }).register(registry);
        gauge("leash_position", "The engine's position per symbol, signed, in base units (negative is short).",
                "symbol").callback(cb -> {
                    EngineSnapshot s = gw.snapshot();
                    if (s != null) {
                        for (EngineSnapshot.SymbolView v : s.symbols()) {
                            cb.call(v.position(), v.symbol());
                        }
                    }
                }).register(registry);
        gauge("leash_realized_pnl_usdt", "Realized price P&L in USDT of every journaled fill, before fees.")
                .callback(cb -> cb.call(fills[0])).register(registry);
        gauge("leash_fees_usdt", "Fees of every journaled fill in USDT, negative when paid.")
                .callback(cb -> cb.call(fills[1])).register(registry);
    }

    /** Realized P&L and fees over all journaled fills (the journal's reader; never blocks its writer). */
    private double[] fillTotals() {
        double pnl = 0;
        double fees = 0;
        for (FillStats s : gw.fillStatsByVersion().values()) {
            pnl += Double.isFinite(s.realizedPnl()) ? s.realizedPnl() : 0;
            fees += Double.isFinite(s.fees()) ? s.fees() : 0;
        }
        return new double[] {pnl, fees};
    }

    private void state() {
        gauge("leash_trading_state", "1 for what the inner loop may do now (trading_state of /api/state), 0 for the"
                + " others.", "state").callback(cb -> {
                    String now = TradingStateName.of(gw.snapshot(), gw.params().tradingMode());
                    for (String s : TradingStateName.ALL) {
                        cb.call(s.equals(now) ? 1 : 0, s);
                    }
                }).register(registry);
        gauge("leash_params_version", "The parameter version in force.")
                .callback(cb -> cb.call(gw.params().version())).register(registry);
        CounterWithCallback.builder().name("leash_param_proposals")
                .help("Parameter proposals and operator actions journaled in audit.jsonl (dry runs left out), by kind,"
                        + " verdict and principal.")
                .labelNames("kind", "verdict", "principal").callback(cb -> {
                    try {
                        for (Map.Entry<ProposalCounts.Key, Long> e : proposals.counts().entrySet()) {
                            cb.call(e.getValue(), e.getKey().kind(), e.getKey().verdict(), e.getKey().principal());
                        }
                    } catch (IOException unreadable) {
                        // the store reports an unreadable journal in /api/health; the counts are left out
                    }
                }).register(registry);
    }

    private void decisions() {
        CounterWithCallback.builder().name("leash_decisions")
                .help("The engine's journaled decisions, by action and reason.")
                .labelNames("action", "reason").callback(cb -> {
                    for (Action a : Action.values()) {
                        for (DecisionReason r : DecisionReason.values()) {
                            long n = decisions.decisions(a, r);
                            if (n > 0) {
                                cb.call(n, a.name().toLowerCase(Locale.ROOT), r.label());
                            }
                        }
                    }
                }).register(registry);
        CounterWithCallback.builder().name("leash_risk_rejections")
                .help("Orders the pre-trade risk check refused, by rule.")
                .labelNames("rule").callback(cb -> {
                    for (OrderReject r : OrderReject.values()) {
                        if (r != OrderReject.NONE) {
                            cb.call(decisions.rejections(r), r.name().toLowerCase(Locale.ROOT));
                        }
                    }
                }).register(registry);
    }

    private void venue() {
        gauge("leash_venue_breaker_state", "1 for the venue circuit breaker's state, 0 for the others (a local venue"
                + " has none and shows CLOSED).", "state").callback(cb -> {
                    VenueHealth h = gw.venueHealth();
                    String now = h == null ? "CLOSED" : h.breakerState();
                    for (String s : BREAKER_STATES) {
                        cb.call(s.equals(now) ? 1 : 0, s);
                    }
                    if (!BREAKER_STATES.contains(now)) {
                        cb.call(1, now);
                    }
                }).register(registry);
        gauge("leash_venue_degraded", "1 while the venue's breaker is not closed or the IP is banned: trading is"
                + " reduce-only.").callback(cb -> {
                    VenueHealth h = gw.venueHealth();
                    cb.call(h != null && h.degraded(gw.wallMillis()) ? 1 : 0);
                }).register(registry);
        CounterWithCallback.builder().name("leash_inner_loop_errors")
                .help("Inner-loop faults since start: venue calls that failed (prices, candles, orders, account) and"
                        + " failed steps.")
                .callback(cb -> {
                    EngineSnapshot s = gw.snapshot();
                    cb.call(s == null ? 0 : s.errors());
                }).register(registry);
    }

    private void loops() {
        gauge("leash_inner_loop_last_step_age_seconds", "Wall-clock seconds since the inner loop's last step.")
                .callback(cb -> {
                    EngineSnapshot s = gw.snapshot();
                    if (s != null) {
                        cb.call(seconds(gw.wallMillis() - s.wallTime()));
                    }
                }).register(registry);
        gauge("leash_middle_loop_last_pass_age_seconds", "Wall-clock seconds since the middle loop last completed a"
                + " pass; absent before the first.").callback(cb -> {
                    long last = gw.middleLastCompletedWallMillis();
                    if (last > 0) {
                        cb.call(seconds(gw.wallMillis() - last));
                    }
                }).register(registry);
        gauge("leash_middle_loop_stalled", "1 while the watchdog sees the middle loop stalled (trading reduce-only).")
                .callback(cb -> cb.call(gw.middleStalled() ? 1 : 0)).register(registry);
        CounterWithCallback.builder().name("leash_middle_loop_failed_passes")
                .help("Middle-loop passes that failed with an unexpected error since start.")
                .callback(cb -> cb.call(gw.middleFailedPasses())).register(registry);
    }

    private void feed() {
        gauge("leash_feed_lag_seconds", "Age of the newest market event when an inner-loop step looked, over the last"
                + " 1024 samples (trading time): quantile 0.5, 0.99 and 1 (the maximum).", "quantile").callback(cb -> {
                    FeedHealth f = gw.feedHealth();
                    if (f.samples() > 0) {
                        cb.call(seconds(f.lagP50()), "0.5");
                        cb.call(seconds(f.lagP99()), "0.99");
                        cb.call(seconds(f.lagMax()), "1");
                    }
                }).register(registry);
        gauge("leash_feed_age_seconds", "Age of each symbol's newest market event at the last step (trading time).",
                "symbol").callback(cb -> {
                    for (FeedHealth.SymbolFeed s : gw.feedHealth().symbols()) {
                        cb.call(seconds(s.ageMillis()), s.symbol());
                    }
                }).register(registry);
        gauge("leash_feed_stale", "1 while a symbol's market data is stale (the symbol is held reduce-only).",
                "symbol").callback(cb -> {
                    for (FeedHealth.SymbolFeed s : gw.feedHealth().symbols()) {
                        cb.call(s.stale() ? 1 : 0, s.symbol());
                    }
                }).register(registry);
    }

    private void alerts(AlertCounts alerts) {
        CounterWithCallback.builder().name("leash_alerts_sent")
                .help("Alerts a channel accepted (a 2xx answer), by channel.")
                .labelNames("channel").callback(cb -> {
                    for (String c : alerts.channels()) {
                        cb.call(alerts.sent(c), c);
                    }
                }).register(registry);
        CounterWithCallback.builder().name("leash_alerts_failed")
                .help("Alerts a channel did not accept after every try, by channel.")
                .labelNames("channel").callback(cb -> {
                    for (String c : alerts.channels()) {
                        cb.call(alerts.failed(c), c);
                    }
                }).register(registry);
        CounterWithCallback.builder().name("leash_alerts_dropped")
                .help("Alerts dropped before any channel saw them: the sender's queue was full.")
                .callback(cb -> cb.call(alerts.dropped())).register(registry);
    }

    private static GaugeWithCallback.Builder gauge(String name, String help, String... labels) {
        return GaugeWithCallback.builder().name(name).help(help).labelNames(labels);
    }

    private static double seconds(long millis) {
        return millis / 1000.0;
    }
}
