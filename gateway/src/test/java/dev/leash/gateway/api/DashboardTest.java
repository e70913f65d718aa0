package dev.leash.gateway.api;

import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import dev.leash.gateway.web.Dashboard;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The dashboard at {@code /}: served from the jar under a Content-Security-Policy, its chart library from the uPlot
 * WebJar, no inline script; and a write from the dashboard's own origin is accepted with the operator's token.
 */
@Timeout(30)
class DashboardTest {

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
    void servesThePageUnderAStrictContentSecurityPolicy() {
        Response r = gw.get("/");

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.contentType()).startsWith("text/html");
        assertThat(r.headers().firstValue("Content-Security-Policy")).hasValue(Dashboard.CSP);
        assertThat(Dashboard.CSP).contains("script-src 'self';").doesNotContain("unsafe-inline");
        assertThat(r.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        assertThat(r.body()).contains("<script src=\"/app.js\" defer></script>")
                .doesNotContainPattern("<script>|<script [^>]*>[^<]+</script>|\\son[a-z]+=");
    }

    @Test
    void servesTheScriptsAndTheChartLibraryFromTheJar() {
        Response app = gw.get("/app.js");
        Response uplot = gw.get("/webjars/uplot/1.6.30/dist/uPlot.iife.min.js");

        assertThat(app.status()).isEqualTo(200);
        assertThat(app.body()).contains("new EventSource('/api/events')");
        assertThat(uplot.status()).isEqualTo(200);
        assertThat(uplot.body()).contains("uPlot");
    }

    @Test
    void refusesThePageToAForeignHost() {
        Response r = RawHttp.send(gw.gateway().port(), "GET", "/", "rebound.example", null, null);

        assertThat(r.status()).isEqualTo(421);
    }

    @Test
    void acceptsAWriteFromItsOwnOriginButNotFromAnotherPortOnThisMachine() {
        int port = gw.gateway().port();
        String host = "127.0.0.1:" + port;
        String body = "{\"mode\":\"reduce_only\",\"rationale\":\"dashboard\",\"dry_run\":true}";

        Response own = RawHttp.send(port, "POST", "/api/trading-mode", host, "http://" + host, body);
        Response other = RawHttp.send(port, "POST", "/api/trading-mode", host, "http://127.0.0.1:3000", body);

        assertThat(own.status()).as(own.toString()).isEqualTo(200);
        assertThat(other.status()).isEqualTo(403);
    }
}
