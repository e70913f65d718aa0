package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.testsupport.Eventually;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import dev.leash.journal.EquityPoint;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

/** {@code GET /api/equity}: the journal's equity curve, one point per step, with drawdown; bad windows are 400s. */
@Timeout(30)
class EquityEndpointTest {

    @TempDir
    static Path dataDir;
    static RunningGateway gw;

    @BeforeAll
    @Timeout(30)
    static void start() throws Exception {
        gw = RunningGateway.start(dataDir);
    }

    @AfterAll
    @Timeout(30)
    static void stop() {
        if (gw != null) {
            gw.close();
        }
    }

    @Test
    void answersOnePointPerStepWithItsDrawdownFromThePeak() {
        JsonNode e = Eventually.await("an equity curve of 5 points", Duration.ofSeconds(20),
                () -> gw.get("/api/equity?window=24h&step=1m").json(), n -> n.path("count").asInt() >= 5);

        assertThat(e.path("window").asText()).isEqualTo("24h");
        assertThat(e.path("step").asText()).isEqualTo("1m");
        JsonNode points = e.path("points");
        assertThat(points.size()).isEqualTo(e.path("count").asInt()).isLessThanOrEqualTo(24 * 60 + 1);
        long from = Instant.parse(e.path("from").asText()).toEpochMilli();
        long to = Instant.parse(e.path("to").asText()).toEpochMilli();
        assertThat(to - from).isEqualTo(86_400_000L);
        long lastBucket = Long.MIN_VALUE;
        double peak = 0;
        double maxDrawdown = 0;
        for (JsonNode p : points) {
            long t = Instant.parse(p.path("time").asText()).toEpochMilli();
            assertThat(t).isBetween(from, to);
            long bucket = (t - from) / 60_000L;
            assertThat(bucket).as("one point per step").isGreaterThan(lastBucket);
            lastBucket = bucket;
            double eq = p.path("equity").asDouble();
            peak = Math.max(peak, eq);
            double dd = (peak - eq) / peak * 100;
            assertThat(p.path("drawdown_pct").asDouble()).isCloseTo(dd, offset(1e-4)); // equity has 8 digits
            maxDrawdown = Math.max(maxDrawdown, dd);
        }
        assertThat(e.path("max_drawdown_pct").asDouble()).isCloseTo(maxDrawdown, offset(1e-4));
    }

    @Test
    void defaultsToTheLastDayInFiveMinuteSteps() {
        JsonNode e = gw.get("/api/equity").json();

        assertThat(e.path("window").asText()).isEqualTo("24h");
        assertThat(e.path("step").asText()).isEqualTo("5m");
        assertThat(e.path("points").isArray()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "window=forever|window must be a whole number and a unit s, m, h or d",
        "window=-1h|window must be a whole number and a unit",
        "step=0m|step must be a whole number and a unit",
        "window=400d|window must be at most 365d",
        "step=10s|step must be at least 1m",
        "window=1h&step=2h|step (2h) must not exceed window (1h)",
        "window=30d&step=1m|window / step must be at most 2000 points, got 43200",
        "since=0|unknown query parameter 'since'",
    })
    void refusesABadWindowOrStepSayingWhy(String query, String detail) {
        Response r = gw.get("/api/equity?" + query);

        assertThat(r.status()).as(r.toString()).isEqualTo(400);
        assertThat(r.contentType()).startsWith("application/problem+json");
        assertThat(r.json().path("detail").asText()).contains(detail);
    }

    @Test
    void keepsTheLastPointOfEachStep() {
        List<EquityPoint> in = List.of(point(0), point(30_000), point(59_999), point(60_000), point(185_000));

        assertThat(EquityRoute.lastPerStep(in, 0, 60_000)).extracting(EquityPoint::time)
                .containsExactly(59_999L, 60_000L, 185_000L);
    }

    private static EquityPoint point(long time) {
        return new EquityPoint(time, 1000 + time / 1000.0, 1000, 0);
    }
}
