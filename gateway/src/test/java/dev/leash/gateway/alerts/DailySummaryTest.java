package dev.leash.gateway.alerts;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.leash.testsupport.Eventually;
import dev.leash.venue.http.VenueHealth;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

/** The daily summary at the end of each UTC day of trading time, and the breaker-open alert, against WireMock. */
@Timeout(20)
class DailySummaryTest {

    private static final long DAY = Instant.parse("2026-03-02T00:00:00Z").toEpochMilli();

    @TempDir
    Path dir;

    private final WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private Alerts alerts = Alerts.NONE;

    @BeforeEach
    void startServer() {
        server.start();
        server.stubFor(post(anyUrl()).willReturn(aResponse().withStatus(200)));
        alerts = Alerts.start(List.of(Channels.webhook("http://127.0.0.1:" + server.port() + "/hook")),
                Alerts.Settings.DEFAULT, d -> { }, line -> { });
    }

    @AfterEach
    void stop() {
        alerts.close();
        server.stop();
    }

    private List<String> bodies(int n) {
        return Eventually.await(n + " alerts", Duration.ofSeconds(10),
                () -> server.findAll(postRequestedFor(urlPathEqualTo("/hook"))), l -> l.size() >= n)
                .stream().map(LoggedRequest::getBodyAsString).toList();
    }

    @Test
    void crossingUtcMidnightSendsOneSummaryOfTheDayThatEnded() {
        AtomicLong trading = new AtomicLong(DAY + Duration.ofHours(23).toMillis());
        List<long[]> asked = new ArrayList<>();
        DailySummary summary = new DailySummary((from, to) -> {
            asked.add(new long[] {from, to});
            return new DailySummary.DayFigures(10_250.5, 250.5, 7, "ACTIVE", 4);
        }, new ProposalDigest(dir.resolve("audit.jsonl"), Duration.ofMinutes(15)));
        AlertTimer timer = new AlertTimer(alerts, null, summary, System::currentTimeMillis, trading::get);

        timer.tick();
        trading.addAndGet(Duration.ofMinutes(59).toMillis());
        timer.tick();
        trading.addAndGet(Duration.ofMinutes(2).toMillis()); // 00:01 the next day
        timer.tick();
        trading.addAndGet(Duration.ofMinutes(5).toMillis());
        timer.tick();

        String body = bodies(1).get(0);
        assertThat(body).contains("\"kind\":\"daily_summary\"", "2026-03-02", "equity 10250.50 USDT",
                "P&L +250.50 USDT", "7 trades", "trading ACTIVE", "params version 4", "0 accepted / 0 rejected",
                "\"time\":\"2026-03-03T00:00:00Z\"");
        assertThat(asked).singleElement().satisfies(a -> {
            assertThat(a[0]).isEqualTo(DAY);
            assertThat(a[1]).isEqualTo(DAY + Duration.ofDays(1).toMillis());
        });
        assertThat(server.findAll(postRequestedFor(urlPathEqualTo("/hook")))).hasSize(1);
    }

    @Test
    void aSummaryWhoseFiguresFailedIsSentAtTheNextLook() {
        AtomicLong trading = new AtomicLong(DAY + Duration.ofHours(23).toMillis());
        List<Integer> calls = new ArrayList<>();
        DailySummary summary = new DailySummary((from, to) -> {
            calls.add(1);
            if (calls.size() == 1) {
                throw new IllegalStateException("journal busy");
            }
            return new DailySummary.DayFigures(Double.NaN, Double.NaN, 0, "PAUSED", 2);
        }, null);
        AlertTimer timer = new AlertTimer(alerts, null, summary, System::currentTimeMillis, trading::get);

        timer.tick();
        trading.addAndGet(Duration.ofHours(2).toMillis());
        timer.tick(); // the source fails: nothing sent, the day not yet marked done
        timer.tick();
        timer.tick();

        assertThat(bodies(1).get(0)).contains("2026-03-02", "equity unknown USDT", "P&L unknown USDT", "PAUSED");
        assertThat(calls).hasSize(2);
    }

    @Test
    void theBreakerOpeningAlertsOnceUntilItClosesAndOpensAgain() {
        AlertFeed feed = new AlertFeed(alerts);

        feed.venueHealth(new VenueHealth("lmex", "OPEN", 0, "HTTP 503"), DAY);
        feed.venueHealth(new VenueHealth("lmex", "OPEN", 0, "HTTP 503"), DAY + 1);
        feed.venueHealth(new VenueHealth("lmex", "HALF_OPEN", 0, null), DAY + 2);
        feed.venueHealth(new VenueHealth("lmex", "OPEN", 0, "timeout"), DAY + 3);
        feed.venueHealth(new VenueHealth("lmex", "CLOSED", 0, null), DAY + 4);

        List<String> got = bodies(2);
        assertThat(got).hasSize(2).allSatisfy(b -> assertThat(b).contains("\"kind\":\"breaker_open\"",
                "venue lmex circuit breaker OPEN").doesNotContain("HTTP 503", "timeout"));
    }
}
