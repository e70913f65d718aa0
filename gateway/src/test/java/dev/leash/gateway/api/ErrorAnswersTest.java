package dev.leash.gateway.api;

import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import io.javalin.Javalin;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static dev.leash.gateway.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every error the REST API can give (404, 405, 413, 415, 431, 500) is {@code application/problem+json} with a
 * specific detail, and never a stack trace, an exception's name or message, or anything the request did not send.
 */
@Timeout(30)
class ErrorAnswersTest {

    private static final String PROPOSAL = "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"typed\"}";

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

    private static long version() {
        return gw.get("/api/params").json().path("params").path("version").asLong();
    }

    private static Response putWithContentType(String contentType, String body) {
        Map<String, String> h = new LinkedHashMap<>(RunningGateway.authorized());
        h.remove("Content-Type");
        if (contentType != null) {
            h.put("Content-Type", contentType);
        }
        return gw.send("PUT", "/api/params", body, h);
    }

    @Test
    void anUnknownPathIsNotFoundForWritesToo() {
        assertProblem(gw.send("POST", "/api/orders/cancel-all", "{}", RunningGateway.authorized()), 404,
                "no endpoint POST /api/orders/cancel-all");
    }

    @Test
    void aWrongMethodIsMethodNotAllowed() {
        assertProblem(gw.send("PATCH", "/api/params", PROPOSAL, RunningGateway.authorized()), 405,
                "PATCH is not allowed on /api/params");
    }

    @Test
    void aChunkedBodyLargerThanTheLimitIsContentTooLargeAndChangesNothing() {
        long before = version();
        long max = gw.gateway().config().api().maxBodyBytes();
        byte[] chunk = ("{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"" + "x".repeat((int) max) + "\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] chunked = (Integer.toHexString(chunk.length) + "\r\n" + new String(chunk, StandardCharsets.UTF_8)
                + "\r\n0\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        Map<String, String> h = new LinkedHashMap<>(RunningGateway.authorized());
        h.put("Host", "127.0.0.1");
        h.put("Transfer-Encoding", "chunked");

        Response r = RawHttp.send(gw.gateway().port(), "PUT", "/api/params", h, chunked);

        assertProblem(r, 413, "the request body is larger than " + max + " bytes");
        assertThat(version()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/xml", "text/plain", "multipart/form-data; boundary=x", "text/html",
            "application/jsonx", "json"})
    void aBodyThatIsNotJsonByItsContentTypeIsUnsupportedAndChangesNothing(String contentType) {
        long before = version();

        Response r = putWithContentType(contentType, PROPOSAL);

        assertProblem(r, 415, "Content-Type must be application/json");
        assertThat(version()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/json", "application/json; charset=utf-8", "Application/JSON",
            "application/merge-patch+json", "application/x-www-form-urlencoded", "NONE"})
    void acceptsJsonTypesCurlsDefaultAndNoContentType(String contentType) {
        java.math.BigDecimal lower = gw.get("/api/params").json().path("params").path("max_position_pct")
                .decimalValue().subtract(new java.math.BigDecimal("0.1"));

        Response r = putWithContentType(contentType.equals("NONE") ? null : contentType,
                "{\"changes\":{\"max_position_pct\":" + lower + "},\"rationale\":\"typed\",\"dry_run\":true}");

        assertThat(r.status()).as("%s -> %s", contentType, r).isEqualTo(200);
    }

    @ParameterizedTest
    @ValueSource(strings = {"0.1e+99999999999", "1e-99999999999", "-5E2147483648", "1e999999", "1e-2147483649",
            "123456789012345678901234567890123456789012345678901234567890"})
    void aNumberBeyondAnyRangeIsRefusedNotAFailure(String number) {
        long before = version();

        Response r = gw.write("PUT", "/api/params", "{\"changes\":{\"daily_loss_limit_pct\":" + number
                + "},\"rationale\":\"huge\"}");

        assertThat(r.status()).as("%s -> %s", number, r).isIn(400, 422);
        assertProblem(r, r.status(), "");
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void tooDeepOrTooLongJsonIsRefusedWithoutNamingTheParsersInternals() {
        Response deep = gw.write("PUT", "/api/params", "[".repeat(1500) + "]".repeat(1500));
        Response longNumber = gw.write("PUT", "/api/params", "{\"changes\":{\"max_leverage\":" + "1".repeat(2000)
                + "},\"rationale\":\"long\"}");

        assertProblem(deep, 400, "nesting depth (1001) exceeds the maximum allowed (1000)");
        assertProblem(longNumber, 400, "exceeds the maximum allowed (1000)");
        assertThat(deep.body() + longNumber.body()).doesNotContain("StreamReadConstraints", "`");
    }

    @Test
    void oversizedHeadersAreAProblemNotJettysPage() {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Host", "127.0.0.1");
        h.put("X-Padding", "p".repeat(64 * 1024));

        assertProblem(RawHttp.send(gw.gateway().port(), "GET", "/api/health", h, null), 431,
                "the request could not be read");
    }

    @Test
    void anUnexpectedFailureIsAProblemWithAnErrorIdAndNeitherTheExceptionNorItsMessage() {
        Javalin app = Javalin.create(cfg -> {
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.startup.showJavalinBanner = false;
            cfg.routes.get("/boom", ctx -> {
                throw new IllegalStateException("cannot read /home/op/.ssh/id_ed25519: -----BEGIN OPENSSH");
            });
            ProblemResponses.install(cfg.routes, 1024);
        }).start();
        try {
            Response r = RawHttp.send(app.port(), "GET", "/boom", Map.of("Host", "127.0.0.1"), null);

            assertProblem(r, 500, "the gateway could not answer (error ");
            assertThat(r.body()).doesNotContain("IllegalState", "ssh", "BEGIN", "/home");
            assertThat(r.json().path("error_id").asText()).matches("[0-9a-f]{8}");
        } finally {
            app.stop();
        }
    }
}
