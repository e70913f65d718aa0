package dev.leash.gateway.api;

import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;

import static dev.leash.gateway.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * DNS rebinding and cross-site writes: a request whose {@code Host} is not this machine is refused (421) before it
 * reads or writes anything, and a write carrying a browser {@code Origin} that is not allowed is refused (403).
 */
@Timeout(30)
class HostAndOriginTest {

    private static final String PROPOSAL = "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"rebound\"}";

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

    private static int port() {
        return gw.gateway().port();
    }

    private static long version() {
        return gw.get("/api/params").json().path("params").path("version").asLong();
    }

    @Test
    void refusesAReadWhoseHostIsARebindingAttackersName() {
        Response r = RawHttp.send(port(), "GET", "/api/params", "rebind.attacker.example:" + port(), null, null);

        assertProblem(r, 421, "Invalid Host header: 'rebind.attacker.example:" + port() + "' is not this gateway");
        assertThat(r.body()).doesNotContain("max_position_pct");
    }

    @Test
    void refusesAWriteWhoseHostIsARebindingAttackersNameAndChangesNothing() {
        long before = version();

        Response r = RawHttp.send(port(), "PUT", "/api/params", "rebind.attacker.example", null, PROPOSAL);

        assertProblem(r, 421, "Invalid Host header");
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void refusesAForeignHostEvenOnAPathThatDoesNotExist() {
        assertProblem(RawHttp.send(port(), "GET", "/nothing-here", "attacker.example", null, null), 421,
                "Invalid Host header");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1.nip.io", "localhost.attacker.example", "attacker.example:7070",
            "127.0.0.2", "[::2]", "0.0.0.0", "127.0.0.1:notaport", "127.0.0.1:99999", "::1", "", "localhost:"})
    void refusesHostsThatOnlyLookLikeThisMachine(String host) {
        Response r = RawHttp.send(port(), "GET", "/api/health", host, null, null);

        assertThat(r.status()).as("Host: %s -> %s", host, r).isIn(400, 421);
        Problems.assertNoStackTrace(r);
        assertThat(r.contentType()).as("Host: %s", host).startsWith("application/problem+json");
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:PORT", "localhost", "LocalHost:PORT", "[::1]", "[::1]:PORT"})
    void acceptsLoopbackNamesWithOrWithoutThePort(String host) {
        Response r = RawHttp.send(port(), "GET", "/api/health", host.replace("PORT", Integer.toString(port())),
                null, null);

        assertThat(r.status()).as("Host: %s -> %s", host, r).isEqualTo(200);
    }

    @Test
    void refusesAWriteFromAForeignOriginAndChangesNothing() {
        long before = version();

        Response r = RawHttp.send(port(), "PUT", "/api/params", "127.0.0.1:" + port(), "https://attacker.example",
                PROPOSAL);

        assertProblem(r, 403, "Invalid Origin header: 'https://attacker.example' may not write");
        assertThat(version()).isEqualTo(before);
    }

    @ParameterizedTest
    @ValueSource(strings = {"null", "http://localhost:3000", "http://127.0.0.1"})
    void refusesAWriteFromAnOriginThatIsNotAllowedEvenOnThisMachine(String origin) {
        long before = version();

        Response r = RawHttp.send(port(), "POST", "/api/trading-mode", "localhost", origin,
                "{\"mode\":\"paused\",\"rationale\":\"csrf\"}");

        assertProblem(r, 403, "Invalid Origin header");
        assertThat(version()).isEqualTo(before);
    }

    @Test
    void aForeignOriginMayReadButGetsNoCorsPermissionToSeeTheAnswer() {
        Response r = RawHttp.send(port(), "GET", "/api/params", "127.0.0.1:" + port(), "https://attacker.example",
                null);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    }

    @Test
    void acceptsAConfiguredHostAndAWriteFromAConfiguredOrigin(@TempDir Path otherDir) throws Exception {
        try (RunningGateway other = RunningGateway.start(otherDir,
                "api:\n  allowed_hosts: [leash-gateway.internal]\n  allowed_origins: [\"http://localhost:3000\"]\n")) {
            int p = other.gateway().port();
            String body = "{\"changes\":{\"max_position_pct\":0.5},\"rationale\":\"a local dashboard\"}";

            Response read = RawHttp.send(p, "GET", "/api/health", "leash-gateway.internal:7070", null, null);
            Response write = RawHttp.send(p, "PUT", "/api/params", "localhost:" + p, "http://localhost:3000", body);
            Response foreign = RawHttp.send(p, "GET", "/api/health", "attacker.example", null, null);

            assertThat(read.status()).as("%s", read).isEqualTo(200);
            assertThat(write.status()).as("%s", write).isEqualTo(200);
            assertProblem(foreign, 421, "Invalid Host header");
        }
    }
}
