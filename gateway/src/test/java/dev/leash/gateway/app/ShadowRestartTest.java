package dev.leash.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.gateway.shadow.Scorecard;
import dev.leash.gateway.shadow.ShadowBooks;
import dev.leash.journal.ShadowBookRecord;
import dev.leash.testsupport.Eventually;
import dev.leash.venue.Candle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shadow books survive a restart of the gateway on the simulated venue and a manual trading clock: the baseline
 * and the incumbent of an accepted change continue with the figures they had, and a restart after trading time moved
 * on flags every shadow with the ticks it missed.
 */
@Timeout(240)
class ShadowRestartTest {

    private static final Instant WALL = Instant.parse("2026-01-05T00:00:00Z");
    private static final long BAR = Candle.INTERVAL_MILLIS;
    private static final long HOUR = 3_600_000L;

    @TempDir
    Path dir;

    /**
     * The scorecard once the shadows have processed the inner loop's step at {@code t}: rebuilt per closed bar (and at
     * a start, change or flag), it is then less than one bar older than {@code t}.
     */
    private static Scorecard cardAt(RunningGateway gw, long t) {
        ShadowBooks shadows = gw.gateway().shadows();
        return Eventually.await("the shadows at " + Instant.ofEpochMilli(t), Duration.ofSeconds(60),
                shadows::scorecard, c -> c != null && c.asOf() > t - BAR);
    }

    private static List<Scorecard.Shadow> running(Scorecard c) {
        return c.shadows().stream().filter(Scorecard.Shadow::active).toList();
    }

    private static List<String> names(Scorecard c) {
        return c.shadows().stream().map(Scorecard.Shadow::name).toList();
    }

    @Test
    void theShadowsContinueWithTheirFiguresAfterARestartAndAGapInTradingTimeIsFlaggedMissedTicks() throws Exception {
        Scorecard stopped;
        long end;
        ManualTradingClock clock = new ManualTradingClock();
        try (RunningGateway gw = RunningGateway.startManual(dir, WALL, clock)) {
            gw.advanceTo(clock, clock.now() + 12 * BAR);
            RunningGateway.Response put = gw.write("PUT", "/api/params",
                    "{\"changes\": {\"stop_loss_pct\": 1.9}, \"rationale\": \"restart test\"}");
            assertThat(put.status()).as(put.toString()).isEqualTo(200);
            gw.advanceTo(clock, clock.now() + 36 * BAR);
            end = gw.gateway().tradingTime();
            stopped = cardAt(gw, end);
            assertThat(names(stopped)).as("live-params v1 retired at the change")
                    .containsExactly("baseline", "incumbent v1", "live-params v2", "live-params v1");
        }

        try (var journal = dev.leash.journal.Journal.open(dev.leash.journal.Journal.sqliteUrl(dir))) {
            List<ShadowBookRecord> rows = journal.shadowBooks();
            assertThat(rows).extracting(ShadowBookRecord::name)
                    .containsExactlyInAnyOrder("baseline", "incumbent v1", "live-params v2", "live-params v1");
            for (Scorecard.Shadow s : running(stopped)) {
                ShadowBookRecord row = rows.stream().filter(r -> r.name().equals(s.name())).findFirst().orElseThrow();
                assertThat(row.updatedAt()).as("%s checkpointed at the stop", s.name()).isEqualTo(end);
                assertThat(row.equity()).isEqualTo(s.figures().equity());
                assertThat(row.netPnl()).isEqualTo(s.figures().netPnl());
            }
        }
        ManualTradingClock again = new ManualTradingClock();
        try (RunningGateway gw = RunningGateway.startManual(dir, WALL, again)) {
            long step = gw.gateway().pacer().stepMillis();
            assertThat(again.now()).as("trading time resumes where it stopped").isEqualTo(end);
            gw.advanceTo(again, end + step);
            Scorecard resumed = cardAt(gw, end + step);
            assertThat(names(resumed)).containsExactlyInAnyOrderElementsOf(names(stopped));
            for (int i = 0; i < running(stopped).size(); i++) {
                Scorecard.Shadow before = running(stopped).get(i);
                Scorecard.Shadow after = running(resumed).get(i);
                assertThat(after.name()).isEqualTo(before.name());
                assertThat(after.flags()).as("%s missed nothing", after.name()).isEmpty();
                assertThat(after.figures().since()).isEqualTo(before.figures().since());
                assertThat(after.figures().startEquity()).isEqualTo(before.figures().startEquity());
                assertThat(after.figures().trades()).isGreaterThanOrEqualTo(before.figures().trades());
                assertThat(after.figures().maxDrawdownPct()).isGreaterThanOrEqualTo(before.figures().maxDrawdownPct());
            }
            assertThat(resumed.changes()).hasSize(1);
            assertThat(resumed.changes().get(0).at()).isEqualTo(stopped.changes().get(0).at());
            assertThat(resumed.live().since()).isEqualTo(stopped.live().since());
            end = gw.gateway().tradingTime();
        }
        try (var journal = dev.leash.journal.Journal.open(dev.leash.journal.Journal.sqliteUrl(dir))) {
            assertThat(journal.shadowRuns(Long.MIN_VALUE, Long.MAX_VALUE))
                    .as("a resumed shadow continues its journaled run, so its fills before and after stay together")
                    .extracting(dev.leash.journal.ShadowRun::name)
                    .containsExactlyInAnyOrder("baseline", "incumbent v1", "live-params v2", "live-params v1");
        }

        long down = end;
        ManualTradingClock later = new ManualTradingClock();
        long restart = end + 2 * HOUR;
        later.startAt(restart); // the gateway was down for two hours of trading time
        try (RunningGateway gw = RunningGateway.startManual(dir, WALL, later)) {
            long step = gw.gateway().pacer().stepMillis();
            gw.advanceTo(later, restart + step);
            Scorecard gap = cardAt(gw, restart + step);
            String flag = "missed_ticks from " + Instant.ofEpochMilli(down) + " to ";
            assertThat(running(gap)).hasSize(3).allSatisfy(s -> {
                assertThat(s.flagged()).isTrue();
                assertThat(s.flags()).singleElement().asString().startsWith(flag);
            });
            JsonNode card = gw.get("/api/scorecard").json();
            assertThat(card.path("shadows").get(0).path("flagged").asBoolean()).isTrue();
            assertThat(card.path("shadows").get(0).path("flags").get(0).asText()).startsWith(flag);
        }
        try (var journal = dev.leash.journal.Journal.open(dev.leash.journal.Journal.sqliteUrl(dir))) {
            assertThat(journal.shadowBooks()).extracting(ShadowBookRecord::name)
                    .containsExactlyInAnyOrder("baseline", "incumbent v1", "live-params v2", "live-params v1");
            assertThat(journal.shadowBooks()).filteredOn(ShadowBookRecord::active).allSatisfy(b -> assertThat(b.flags()).singleElement().asString()
                    .startsWith("missed_ticks from " + Instant.ofEpochMilli(down)));
        }
    }
}
