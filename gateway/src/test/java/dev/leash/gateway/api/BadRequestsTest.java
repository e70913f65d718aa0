package dev.leash.gateway.api;

import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

import static dev.leash.gateway.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** Bad reads are answered with a specific {@code application/problem+json}, never a stack trace. */
@Timeout(30)
class BadRequestsTest {

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

    @ParameterizedTest
    @ValueSource(strings = {"/api/health", "/api/state", "/api/trades", "/api/positions", "/api/orders",
            "/api/funding", "/api/market", "/api/performance", "/api/params", "/api/params/history",
            "/api/decisions"})
    void rejectsAnUnknownQueryParameterOnEveryEndpoint(String endpoint) {
        assertProblem(gw.get(endpoint + "?bogus=1"), 400, "unknown query parameter 'bogus'");
    }

    @Test
    void saysWhichParametersAnEndpointTakes() {
        assertProblem(gw.get("/api/trades?symbols=BTCUSDT"), 400, "allowed: [limit, since, symbol]");
        assertProblem(gw.get("/api/health?verbose=true"), 400, "this endpoint takes none");
    }

    @ParameterizedTest
    @CsvSource({
            "0,     limit must be between 1 and 500, got 0",
            "501,   limit must be between 1 and 500, got 501",
            "-3,    limit must be between 1 and 500, got -3",
            "abc,   limit must be an integer, got 'abc'",
            "1.5,   limit must be an integer, got '1.5'",
            "99999999999, limit must be an integer"})
    void rejectsALimitOutsideOneToFiveHundred(String limit, String detail) {
        for (String endpoint : new String[] {"/api/trades", "/api/orders", "/api/params/history", "/api/decisions"}) {
            assertProblem(gw.get(endpoint + "?limit=" + limit), 400, detail);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"garbage", "2026-13-01T00:00:00Z", "yesterday", "2026-01-01"})
    void rejectsASinceThatIsNeitherEpochMillisNorAnIsoTime(String since) {
        assertProblem(gw.get("/api/trades?since=" + since), 400,
                "since must be epoch milliseconds or an ISO-8601 UTC time such as 2026-01-01T00:00:00Z, got '"
                        + since + "'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/trades?symbol=XRPUSDT", "/api/orders?symbol=XRPUSDT",
            "/api/decisions?symbol=XRPUSDT", "/api/performance?symbol=XRPUSDT", "/api/funding?symbols=XRPUSDT",
            "/api/market?symbols=BTCUSDT,XRPUSDT", "/api/trades?symbol=btcusdt"})
    void rejectsASymbolThisGatewayDoesNotTrade(String pathAndQuery) {
        assertProblem(gw.get(pathAndQuery), 400, "this gateway trades [BTCUSDT, ETHUSDT, SOLUSDT]");
    }

    @Test
    void rejectsASymbolListWithoutSymbols() {
        assertProblem(gw.get("/api/market?symbols=,,"), 400, "symbols lists no symbol");
    }

    @Test
    void abbreviatesALongBadValueInsteadOfEchoingIt() {
        String longSymbol = "X".repeat(5_000);

        Response r = gw.get("/api/trades?symbol=" + longSymbol);

        assertProblem(r, 400, "unknown symbol 'XXXX");
        assertThat(r.body()).hasSizeLessThan(500);
    }

    @Test
    void rejectsAnUnknownWindowAndStatus() {
        assertProblem(gw.get("/api/performance?window=1y"), 400, "window must be one of [24h, 7d, 30d, all], got '1y'");
        assertProblem(gw.get("/api/orders?status=closed"), 400, "status must be one of [open, all], got 'closed'");
    }

    /** {@code /} is the dashboard (DashboardTest); any other unknown path, static or API, is a 404 problem. */
    @ParameterizedTest
    @ValueSource(strings = {"/api/nope", "/api", "/nope", "/nope.html", "/api/params/history/3", "/api/trade"})
    void answersAnUnknownEndpointWithNotFound(String path) {
        assertProblem(gw.get(path), 404, "no endpoint GET " + path);
    }

    @Test
    void answersAWrongMethodOnAReadEndpointWithMethodNotAllowed() {
        Response r = gw.send("DELETE", "/api/trades", null, RunningGateway.authorized());

        assertProblem(r, 405, "DELETE is not allowed on /api/trades");
    }

    @Test
    void answersAWrongMethodOnAWriteEndpointWithMethodNotAllowed() {
        assertProblem(gw.get("/api/trading-mode"), 405, "GET is not allowed on /api/trading-mode");
        assertProblem(gw.send("POST", "/api/params", "{}", RunningGateway.authorized()), 405,
                "POST is not allowed on /api/params");
    }

    @Test
    void aWriteToAReadEndpointWithoutTokenIsUnauthorizedFirst() {
        Response r = gw.send("POST", "/api/health", "{}", Map.of());

        assertProblem(r, 401, "writes need Authorization: Bearer <token>");
    }

    @Test
    void refusesAQueryItCannotDecodeInsteadOfIgnoringIt() throws Exception {
        assertProblem(gw.rawGet("/api/trades?limit=%zz"), 400, "query parameter 'limit=%zz' is not valid percent-encoding");
        assertProblem(gw.rawGet("/api/trades?sym%zzbol=BTCUSDT"), 400, "is not valid percent-encoding");
    }

    @Test
    void anUndecodablePathIsAProblemNotJettysHtmlPage() throws Exception {
        assertProblem(gw.rawGet("/api/tr%zzades"), 400, "the request could not be read");
    }

    @Test
    void abbreviatesALongUnknownParameterName() {
        Response r = gw.get("/api/health?" + "y".repeat(5_000) + "=1");

        assertProblem(r, 400, "unknown query parameter 'yyyy");
        assertThat(r.body()).hasSizeLessThan(500);
    }

    @Test
    void aBadRequestChangesNothingTheEndpointsStillAnswer() {
        gw.get("/api/trades?limit=abc");

        assertThat(gw.get("/api/health").status()).isEqualTo(200);
        assertThat(gw.get("/api/health").json().path("inner_loop").path("errors").asLong()).isZero();
    }
}
