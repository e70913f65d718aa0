package dev.leash.gateway.api;

import dev.leash.gateway.config.GatewayConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** {@link HostGuard} on its own: which {@code Host} and {@code Origin} values pass. */
class HostGuardTest {

    private static final GatewayConfig.Api API = new GatewayConfig.Api("127.0.0.1", 7070, 65_536,
            List.of("gateway"), List.of("http://localhost:3000"));
    private final HostGuard guard = HostGuard.of("127.0.0.1", API);

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "127.0.0.1:7070", "localhost", "LOCALHOST:1", "[::1]", "[::1]:65535",
            "gateway", "gateway:7070"})
    void passesThisMachinesNames(String host) {
        assertThat(guard.checkHost(host)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"attacker.example", "gateway.attacker.example", "127.0.0.1.nip.io", "127.0.0.1:0",
            "127.0.0.1:65536", "127.0.0.1:80:80", "::1", "[::1", "[::1]x", "[::1]:", "localhost:",
            "localhost:7070@attacker.example", "127.0.0.1 ", "127.0.0.2", "0.0.0.0", "", " "})
    void refusesAnythingElseWith421(String host) {
        HostGuard.Refusal r = guard.checkHost(host.equals("127.0.0.1 ") ? "127.0.0.1\t:7070" : host);

        assertThat(r).as(host).isNotNull();
        assertThat(r.status()).isEqualTo(421);
    }

    @Test
    void refusesAMissingHost() {
        assertThat(guard.checkHost(null).detail()).contains("no Host header");
    }

    @Test
    void addsTheBindAddressButNotTheWildcard() {
        HostGuard onLan = HostGuard.of("192.168.1.20", API);
        HostGuard onV6 = HostGuard.of("fd00::20", API);
        HostGuard everywhere = HostGuard.of("0.0.0.0", API);

        assertThat(onLan.checkHost("192.168.1.20:7070")).isNull();
        assertThat(onV6.checkHost("[fd00::20]:7070")).isNull();
        assertThat(everywhere.checkHost("0.0.0.0:7070")).isNotNull();
    }

    @Test
    void passesNoOriginAndAnAllowedOneRefusesTheRestWith403() {
        assertThat(guard.checkOrigin(null)).isNull();
        assertThat(guard.checkOrigin("http://localhost:3000")).isNull();
        assertThat(guard.checkOrigin("http://LocalHost:3000")).isNull();
        for (String o : List.of("null", "http://localhost:3001", "https://localhost:3000", "http://attacker.example",
                "")) {
            assertThat(guard.checkOrigin(o)).as(o).extracting(HostGuard.Refusal::status).isEqualTo(403);
        }
    }

    @Test
    void quotesAHostileHeaderOnlyAsShortPrintableText() {
        String hostile = "evil\u0000'\r\n" + "x".repeat(1000);

        String detail = guard.checkHost(hostile).detail();

        assertThat(detail).hasSizeLessThan(400).doesNotContain("\u0000", "\r", "\n", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx");
    }

    @Test
    void neverThrowsOnRandomHeaderValues() {
        Random random = new Random(12);
        String alphabet = "[]:.0123456789abcdefglhostx@ \t%\u00e9";
        for (int i = 0; i < 5_000; i++) {
            char[] c = new char[random.nextInt(40)];
            for (int j = 0; j < c.length; j++) {
                c[j] = alphabet.charAt(random.nextInt(alphabet.length()));
            }
            String v = new String(c);

            HostGuard.Refusal host = guard.checkHost(v);
            HostGuard.Refusal origin = guard.checkOrigin(v);

            assertThat(host == null || host.status() == 421).as(v).isTrue();
            assertThat(origin == null || origin.status() == 403).as(v).isTrue();
        }
    }
}
