package dev.leash.gateway.scorecard;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import dev.leash.journal.Journal;
import dev.leash.testsupport.Eventually;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * "Done when" of issue 14: a demo-like gateway (simulated venue, fast) with two model changes made over REST shows a
 * scorecard every figure of which is recomputed here by hand, with plain SQL, from the journal it leaves behind.
 */
@Timeout(180)
class ScorecardFromTheJournalTest {

    private static final long HOUR = 3_600_000L;
    private static final long WARMUP = 10 * 60_000L;

    @TempDir
    Path dir;

    @Test
    void everyFigureOfTheScorecardIsRecomputedByHandFromTheJournal() throws Exception {
        JsonNode card;
        try (RunningGateway gw = RunningGateway.start(dir, "shadows:\n  min_trades: 3\n  warmup_minutes: 10\n")) {
            Eventually.await("the shadows' first step", Duration.ofSeconds(30),
                    () -> gw.get("/api/scorecard").json(), n -> n.path("enabled").asBoolean());
            waitTradingHours(gw, 2);
            change(gw, "{\"stop_loss_pct\": 1.2}", "model change one: a tighter stop");
            waitTradingHours(gw, 6);
            change(gw, "{\"breakout_lookback\": 30}", "model change two: slower breakouts");
            waitTradingHours(gw, 6);
            card = gw.get("/api/scorecard?window=24h").json();
        }
        assertThat(card.path("changes")).hasSize(2);
        long now = Instant.parse(card.path("as_of").asText()).toEpochMilli();
        try (Connection c = DriverManager.getConnection(Journal.sqliteUrl(dir))) {
            ByHand hand = new ByHand(c, now - 24 * HOUR, now);
            int trades = 0;
            for (int i = 0; i < 2; i++) {
                JsonNode shown = card.path("changes").get(i);
                ByHand.Change expected = hand.changes().get(i);
                assertThat(shown.path("from_version").asLong()).isEqualTo(expected.from);
                assertThat(shown.path("to_version").asLong()).isEqualTo(expected.to);
                assertThat(shown.path("by").asText()).isEqualTo("model");
                assertThat(Instant.parse(shown.path("at").asText()).toEpochMilli()).isEqualTo(expected.at);
                assertEffect(shown.path("strategy_effect"), hand.effect(expected.candidate, expected.incumbent,
                        expected.start, expected.end, expected.equity));
                assertEffect(shown.path("execution_effect"), hand.effect(ByHand.LIVE, expected.candidate,
                        expected.start, expected.end, expected.equity));
                assertEffect(shown.path("vs_baseline"), hand.effect(ByHand.LIVE, expected.baseline,
                        expected.start, expected.end, expected.equity));
                for (String effect : List.of("strategy_effect", "execution_effect", "vs_baseline")) {
                    trades += shown.path(effect).path("book_figures").path("trades").asInt()
                            + shown.path(effect).path("other_figures").path("trades").asInt();
                }
            }
            ByHand.Run base = hand.newestBaseline();
            long from = Math.max(now - 24 * HOUR, base.since);
            assertEffect(card.path("vs_baseline"), hand.effect(ByHand.LIVE, base.id, from,
                    base.retired == null ? now : Math.min(now, base.retired), base.equity));
            assertThat(trades).as("the books closed trades after the changes").isPositive();
            assertThat(card.path("vs_baseline").path("book_figures").path("trades").asInt())
                    .as("the live book closed trades in the window").isPositive();
        }
    }

    private static void change(RunningGateway gw, String changes, String rationale) throws Exception {
        Response put = gw.modelWrite("PUT", "/api/params",
                "{\"changes\": " + changes + ", \"rationale\": \"" + rationale + "\"}");
        assertThat(put.status()).as(put.toString()).isEqualTo(200);
        long version = put.json().path("version").asLong();
        Eventually.await("the shadows see v" + version, Duration.ofSeconds(30),
                () -> gw.get("/api/scorecard").json(),
                n -> n.path("shadows").toString().contains("live-params v" + version));
    }

    private static void waitTradingHours(RunningGateway gw, int hours) {
        long until = gw.gateway().tradingTime() + hours * HOUR;
        Eventually.await(hours + " trading hours", Duration.ofSeconds(60), () -> gw.gateway().tradingTime(),
                t -> t >= until);
    }

    private static void assertEffect(JsonNode shown, ByHand.Effect e) {
        assertFigures(shown.path("book_figures"), e.book);
        assertFigures(shown.path("other_figures"), e.other);
        assertThat(Instant.parse(shown.path("from").asText()).toEpochMilli()).isEqualTo(e.from);
        assertThat(Instant.parse(shown.path("to").asText()).toEpochMilli()).isEqualTo(e.to);
        assertThat(shown.path("entries_added").asInt()).as("entries added").isEqualTo(e.added);
        assertThat(shown.path("entries_skipped").asInt()).as("entries skipped").isEqualTo(e.skipped);
        boolean enough = Math.max(e.book.trades, e.other.trades) >= 3;
        assertThat(shown.has("difference")).isEqualTo(enough);
        if (!enough) {
            assertThat(shown.path("verdict").asText()).isEqualTo("insufficient evidence");
            return;
        }
        JsonNode d = shown.path("difference");
        close(d.path("net_pnl"), e.book.net - e.other.net);
        close(d.path("return_pct"), e.book.ret - e.other.ret);
        close(d.path("max_drawdown_pct"), e.book.dd - e.other.dd);
        assertThat(d.path("trades").asInt()).isEqualTo(e.book.trades - e.other.trades);
        close(d.path("net_pnl_ci95").get(0), e.ci[0]);
        close(d.path("net_pnl_ci95").get(1), e.ci[1]);
        String verdict = e.ci[0] > 0 ? "helped" : e.ci[1] < 0 ? "hurt" : "no clear difference";
        assertThat(shown.path("verdict").asText()).isEqualTo(verdict);
    }

    private static void assertFigures(JsonNode shown, ByHand.Figures f) {
        close(shown.path("net_pnl"), f.net);
        close(shown.path("return_pct"), f.ret);
        close(shown.path("max_drawdown_pct"), f.dd);
        assertThat(shown.path("trades").asInt()).isEqualTo(f.trades);
    }

    /** The JSON rounds to 8 significant digits. */
    private static void close(JsonNode shown, double expected) {
        assertThat(shown.asDouble()).isCloseTo(expected, within(1e-6 * Math.max(1, Math.abs(expected))));
    }

    /** The scorecard's rules, applied to the journal's rows with plain SQL and loops. */
    private static final class ByHand {

        static final long LIVE = -1;

        record Run(long id, String kind, long version, long liveVersion, long since, Long retired, double equity) {
        }

        record Change(long at, long from, long to, long incumbent, long candidate, long baseline, long start,
                      long end, double equity) {
        }

        record Figures(double net, double ret, double dd, int trades, List<Double> pnls, Map<String, Integer> entries) {
        }

        record Effect(Figures book, Figures other, long from, long to, int added, int skipped, double[] ci) {
        }

        private final Connection c;
        private final long from;
        private final long now;
        private final List<Run> runs = new ArrayList<>();

        ByHand(Connection c, long from, long now) throws SQLException {
            this.c = c;
            this.from = from;
            this.now = now;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM shadow_runs WHERE"
                    + " since_ms <= " + now + " AND (retired_ms IS NULL OR retired_ms >= " + from + ")"
                    + " ORDER BY since_ms, id")) {
                while (rs.next()) {
                    long retiredMs = rs.getLong("retired_ms");
                    Long retired = rs.wasNull() ? null : retiredMs;
                    runs.add(new Run(rs.getLong("id"), rs.getString("kind"), rs.getLong("params_version"),
                            rs.getLong("live_version"), rs.getLong("since_ms"), retired,
                            rs.getDouble("start_equity")));
                }
            }
        }

        Run newestBaseline() {
            return runs.stream().filter(r -> r.kind.equals("baseline")).reduce((a, b) -> b).orElseThrow();
        }

        private long end(Run r) {
            return r.retired == null ? now : Math.min(now, r.retired);
        }

        List<Change> changes() {
            List<Change> out = new ArrayList<>();
            for (Run inc : runs) {
                if (!inc.kind.equals("incumbent") || inc.since < from) {
                    continue;
                }
                Run cand = runs.stream().filter(r -> r.kind.equals("live-params") && r.since == inc.since)
                        .findFirst().orElseThrow();
                Run base = runs.stream().filter(r -> r.kind.equals("baseline") && r.since <= inc.since)
                        .reduce((a, b) -> b).orElseThrow();
                long end = Math.min(end(inc), Math.min(end(cand), end(base)));
                for (Run r : runs) {
                    if (r.kind.equals("incumbent") && r.since > inc.since) {
                        end = Math.min(end, r.since);
                    }
                }
                out.add(new Change(inc.since, inc.version, inc.liveVersion, inc.id, cand.id, base.id,
                        Math.min(inc.since + WARMUP, end), end, inc.equity));
            }
            return out;
        }

        Effect effect(long book, long other, long start, long end, double equity) throws SQLException {
            Figures a = figures(book, start, end, equity);
            Figures b = figures(other, start, end, equity);
            int added = 0;
            int skipped = 0;
            for (String k : union(a.entries, b.entries)) {
                int x = a.entries.getOrDefault(k, 0);
                int y = b.entries.getOrDefault(k, 0);
                added += Math.max(0, x - y);
                skipped += Math.max(0, y - x);
            }
            return new Effect(a, b, start, end, added, skipped, bootstrap(a.pnls, b.pnls));
        }

        private static List<String> union(Map<String, Integer> a, Map<String, Integer> b) {
            List<String> keys = new ArrayList<>(a.keySet());
            b.keySet().stream().filter(k -> !a.containsKey(k)).forEach(keys::add);
            return keys;
        }

        /** Round trips opened and closed in [start, end]: realized P&L less every fee, a reversal's fee split. */
        private Figures figures(long book, long start, long end, double equity) throws SQLException {
            String sql = book == LIVE
                    ? "SELECT time_ms, symbol, side, qty, fee, realized_pnl, position_after FROM fills"
                    + " WHERE position_after IS NOT NULL AND time_ms BETWEEN " + start + " AND " + end
                    + " ORDER BY time_ms, seq"
                    : "SELECT time_ms, symbol, side, qty, fee, realized_pnl, position_after FROM shadow_fills"
                    + " WHERE run_id = " + book + " AND time_ms BETWEEN " + start + " AND " + end
                    + " ORDER BY time_ms, id";
            Map<String, Double> open = new HashMap<>();
            List<Double> pnls = new ArrayList<>();
            Map<String, Integer> entries = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    String sym = rs.getString("symbol");
                    double qty = (rs.getString("side").equals("BUY") ? 1 : -1) * rs.getDouble("qty");
                    double fee = rs.getDouble("fee");
                    double pnl = rs.getDouble("realized_pnl");
                    double after = rs.getDouble("position_after");
                    double before = after - qty;
                    boolean flatBefore = Math.abs(before) < 1e-9;
                    boolean flatAfter = Math.abs(after) < 1e-9;
                    boolean reverses = !flatBefore && !flatAfter && Math.signum(before) != Math.signum(after);
                    if (flatBefore && !flatAfter) {
                        open.put(sym, pnl - fee);
                        entries.merge(sym + (after > 0 ? "+" : "-") + Math.floorDiv(rs.getLong("time_ms"), 300_000),
                                1, Integer::sum);
                    } else if (flatAfter || reverses) {
                        double share = flatAfter ? 1 : Math.abs(before) / Math.abs(qty);
                        Double trip = open.remove(sym);
                        if (trip != null) {
                            pnls.add(trip + pnl - fee * share);
                        }
                        if (reverses) {
                            open.put(sym, -fee * (1 - share));
                            entries.merge(sym + (after > 0 ? "+" : "-")
                                    + Math.floorDiv(rs.getLong("time_ms"), 300_000), 1, Integer::sum);
                        }
                    } else if (open.containsKey(sym)) {
                        open.put(sym, open.get(sym) + pnl - fee);
                    }
                }
            }
            double net = 0;
            double peak = equity;
            double dd = 0;
            for (double p : pnls) {
                net += p;
                peak = Math.max(peak, equity + net);
                dd = Math.max(dd, (peak - equity - net) / peak * 100);
            }
            return new Figures(net, net / equity * 100, dd, pnls.size(), pnls, entries);
        }

        /** 2000 resamples with replacement of each book's round trips, seed 14; 2.5th and 97.5th percentiles. */
        private static double[] bootstrap(List<Double> a, List<Double> b) {
            SplittableRandom random = new SplittableRandom(14);
            double[] diffs = new double[2000];
            for (int r = 0; r < diffs.length; r++) {
                double sa = 0;
                for (int i = 0; i < a.size(); i++) {
                    sa += a.get(random.nextInt(a.size()));
                }
                double sb = 0;
                for (int i = 0; i < b.size(); i++) {
                    sb += b.get(random.nextInt(b.size()));
                }
                diffs[r] = sa - sb;
            }
            java.util.Arrays.sort(diffs);
            return new double[] {diffs[(int) Math.floor(0.025 * 1999)], diffs[(int) Math.ceil(0.975 * 1999)]};
        }
    }
}
