package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded fuzzing of the REST API against a real in-process gateway, a fixed number of cases: hostile bodies on
 * every write endpoint and hostile query strings on every read endpoint. Whatever arrives: no 500, no stack trace,
 * every error {@code application/problem+json}, and a refused request leaves the parameters exactly as they were.
 */
@Timeout(120)
class RestFuzzTest {

    private static final long SEED = 0x1ea5_0012L;
    private static final int BODY_CASES = 700;
    private static final int QUERY_CASES = 500;
    private static final int HOST_CASES = 300;
    private static final List<String> WRITES = List.of("PUT /api/params", "PUT /api/params", "PUT /api/params",
            "POST /api/trading-mode", "POST /api/trading-mode", "POST /api/backtest");
    private static final List<String> READS = List.of("/api/health", "/api/state", "/api/trades", "/api/positions",
            "/api/orders", "/api/funding", "/api/market", "/api/performance", "/api/params", "/api/params/history",
            "/api/decisions", "/api/nope");
    private static final List<String> CONTENT_TYPES = List.of("application/json", "application/json",
            "application/json; charset=utf-8", "text/plain", "application/x-www-form-urlencoded", "");

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

    /** What a refused request must leave alone: the served version and the file's bytes. */
    private record State(long version, byte[] file) {
        static State now() {
            try {
                long v = gw.get("/api/params").json().path("params").path("version").asLong();
                return new State(v, Files.readAllBytes(gw.paramsFile()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        boolean same(State o) {
            return version == o.version && Arrays.equals(file, o.file);
        }
    }

    @Test
    void hostileBodiesNeverCrashLeakOrChangeAnythingTheyDoNotAskValidlyFor() {
        FuzzInputs in = new FuzzInputs(SEED);
        int accepted = 0;
        for (int i = 0; i < BODY_CASES; i++) {
            String[] target = in.pick(WRITES).split(" ");
            byte[] body = in.body();
            String contentType = in.pick(CONTENT_TYPES);
            Map<String, String> h = new LinkedHashMap<>();
            h.put("Host", "127.0.0.1");
            h.put("Authorization", "Bearer " + RunningGateway.TOKEN);
            if (!contentType.isEmpty()) {
                h.put("Content-Type", contentType);
            }
            h.put("Content-Length", Integer.toString(body.length));
            State before = State.now();

            Response r = RawHttp.send(gw.gateway().port(), target[0], target[1], h, body);

            String what = "case " + i + " (seed " + SEED + "): " + target[0] + " " + target[1] + " "
                    + abbreviate(new String(body, StandardCharsets.UTF_8)) + " -> " + r;
            assertSafe(r, what);
            if (r.status() == 200) {
                accepted++;
            } else {
                assertThat(State.now().same(before)).as("state unchanged after %s", what).isTrue();
            }
        }
        assertThat(accepted).as("some generated proposals are valid, so the fuzzer reaches the write path")
                .isPositive();
    }

    @Test
    void hostileQueryStringsNeverCrashLeakOrChangeAnything() {
        FuzzInputs in = new FuzzInputs(SEED + 1);
        State before = State.now();
        int refused = 0;
        for (int i = 0; i < QUERY_CASES; i++) {
            String target = in.queryTarget(READS);

            Response r = RawHttp.send(gw.gateway().port(), in.random().nextInt(8) == 0 ? "HEAD" : "GET", target,
                    Map.of("Host", "localhost"), null);

            String what = "case " + i + " (seed " + (SEED + 1) + "): GET " + abbreviate(target) + " -> " + r;
            assertSafe(r, what);
            refused += r.status() >= 400 ? 1 : 0;
        }
        assertThat(State.now().same(before)).as("reads changed the parameters").isTrue();
        assertThat(refused).as("the fuzzer produces refusals, so the error path is exercised").isPositive();
    }

    @Test
    void onlyThisMachinesNamesGetPastTheHostCheck() {
        FuzzInputs in = new FuzzInputs(SEED + 2);
        List<String> names = List.of("127.0.0.1", "localhost", "[::1]", "LocalHost", "127.0.0.1.nip.io", "::1",
                "attacker.example", "localhost.attacker.example", "127.0.0.2", "0.0.0.0", "[::]", "[::1", "", "127.1",
                "2130706433", "localhost\t", "local%68ost", "xn--localhost", "[::ffff:127.0.0.1]");
        List<String> ports = List.of("", ":" + gw.gateway().port(), ":80", ":0", ":65536", ":", ":x", "::1", ":7070@a");
        int passed = 0;
        for (int i = 0; i < HOST_CASES; i++) {
            String host = in.pick(names) + in.pick(ports);

            Response r = RawHttp.send(gw.gateway().port(), "GET", "/api/params", Map.of("Host", host), null);

            String what = "case " + i + " (seed " + (SEED + 2) + "): Host: " + host + " -> " + r;
            assertSafe(r, what);
            boolean loopbackName = host.strip().matches("(?i)(127\\.0\\.0\\.1|localhost|\\[::1])(:[0-9]{1,5})?")
                    && !host.matches(".*:(0|65536)$");
            assertThat(r.status() == 200).as(what).isEqualTo(loopbackName);
            passed += r.status() == 200 ? 1 : 0;
        }
        assertThat(passed).as("loopback names are generated and pass").isPositive();
    }

    private static void assertSafe(Response r, String what) {
        assertThat(r.status()).as(what).isBetween(200, 499);
        Problems.assertNoStackTrace(r);
        assertThat(r.body()).as(what).doesNotContain("\tat ", RunningGateway.TOKEN, "Caused by");
        if (r.status() >= 400 && !r.body().isEmpty()) {
            assertThat(r.contentType()).as(what).startsWith("application/problem+json");
            JsonNode p = r.json();
            assertThat(p.path("status").asInt()).as(what).isEqualTo(r.status());
            assertThat(p.path("detail").asText()).as(what).isNotBlank();
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 300 ? s.substring(0, 300) + "...(" + s.length() + " chars)" : s;
    }
}
