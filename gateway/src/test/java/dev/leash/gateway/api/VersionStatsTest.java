package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.journal.FillStats;
import dev.leash.journal.Journal;
import dev.leash.journal.ParamsActivation;
import dev.leash.venue.Fill;
import dev.leash.venue.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** What {@code /api/params/history} says a version did, and how it signs the amounts. */
@Timeout(30)
class VersionStatsTest {

    @TempDir
    Path dir;

    @Test
    void netPnlAndReturnAreSignedAlikeAndTheirDifferenceIsShown() {
        // The window: +20 realized, 5 paid in fees, equity down 3.5 (an open position lost 18.5).
        JsonNode o = new VersionStats(3, 0, 1, new FillStats(2, 1, 20, 5), 10_000, 9_996.5, 0.1).toJson();

        assertThat(o.path("realized_pnl").asDouble()).isEqualTo(20);
        assertThat(o.path("fees").asDouble()).isEqualTo(-5);
        assertThat(o.path("net_pnl").asDouble()).isEqualTo(o.path("realized_pnl").asDouble()
                + o.path("fees").asDouble()).isEqualTo(15);
        assertThat(o.path("equity_change").asDouble()).isCloseTo(-3.5, within(1e-9));
        assertThat(o.path("return_pct").asDouble()).isCloseTo(o.path("equity_change").asDouble() / 10_000 * 100,
                within(1e-9)).isCloseTo(-0.035, within(1e-9));
    }

    @Test
    void creditsEachVersionWithTheTradesItOpenedWhereverTheyClosed() {
        try (Journal journal = Journal.open(Journal.sqliteUrl(dir))) {
            journal.recordParamsActivation(new ParamsActivation(3, 0, 0));
            journal.recordEquity(0, 10_000, 10_000, 0);
            journal.recordFill(new Fill("open", "lsh-a", "v-a", "BTCUSDT", Side.BUY, 0.5, 100, 1.0, 0, 1_000, false),
                    3);
            journal.recordParamsActivation(new ParamsActivation(4, 1_500, 1_500));
            journal.recordEquity(1_500, 10_030, 9_999, 31);
            journal.recordFill(new Fill("close", "lsh-b", "v-b", "BTCUSDT", Side.SELL, 0.5, 180, 1.5, 40, 2_000,
                    false), 4);
            journal.recordEquity(3_000, 10_037.5, 10_037.5, 0);

            List<VersionStats> stats = VersionStats.compute(journal, List.of(), 3_000);

            assertThat(stats).extracting(VersionStats::version).containsExactly(3L, 4L);
            JsonNode v3 = stats.get(0).toJson();
            JsonNode v4 = stats.get(1).toJson();
            assertThat(v3.path("realized_pnl").asDouble()).isEqualTo(40);
            assertThat(v3.path("net_pnl").asDouble()).isEqualTo(37.5);
            assertThat(v3.path("closed_trades").asInt()).isEqualTo(1);
            assertThat(v4.path("fills").asInt()).isZero();
            assertThat(v4.path("realized_pnl").asDouble()).isZero();
            assertThat(v4.path("equity_change").asDouble()).isEqualTo(7.5); // the account's, while 4 was in force
        }
    }
}
