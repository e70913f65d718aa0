package dev.leash.mcp.internal;

import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The Host check names this machine on any port (a Docker {@code -p 8081:7071} remap), and nothing else. */
class HostOriginValidatorTest {

    private static HostOriginValidator boundTo(String host, int port) {
        HostOriginValidator v = new HostOriginValidator(List.of("http://localhost:3000"));
        v.bind(host, port);
        return v;
    }

    private static HeaderAccessor headers(String host, String origin) {
        Map<String, List<String>> h = new HashMap<>();
        h.put("Host", List.of(host));
        if (origin != null) {
            h.put("Origin", List.of(origin));
        }
        return new HeaderAccessor() {
            @Override
            public List<String> getHeader(String name) {
                return h.getOrDefault(name, List.of());
            }

            @Override
            public List<String> getHeaderNames() {
                return List.copyOf(h.keySet());
            }
        };
    }

    private static int statusOf(HostOriginValidator v, String host, String origin) {
        ServerTransportSecurityException e = catchThrowableOfType(ServerTransportSecurityException.class,
                () -> v.validate(headers(host, origin)));
        return e == null ? 200 : e.getStatusCode();
    }

    @Test
    void acceptsLoopbackNamesOnARemappedPort() {
        HostOriginValidator v = boundTo("0.0.0.0", 7071);

        for (String host : List.of("127.0.0.1:8081", "localhost:8081", "[::1]:8081", "LOCALHOST:8081",
                "127.0.0.1:7071", "localhost")) {
            assertThatCode(() -> v.validate(headers(host, null))).as(host).doesNotThrowAnyException();
        }
    }

    @Test
    void acceptsTheBindAddressOnAnyPort() {
        HostOriginValidator v = boundTo("192.168.1.5", 7071);

        assertThat(statusOf(v, "192.168.1.5:9000", null)).isEqualTo(200);
        assertThat(statusOf(v, "192.168.1.5", null)).isEqualTo(200);
    }

    @Test
    void refusesForeignNamesAndMalformedPortsWith421() {
        HostOriginValidator v = boundTo("127.0.0.1", 7071);

        for (String host : List.of("evil.example:7071", "evil.example", "localhost.evil.example:7071",
                "127.0.0.1:notaport", "localhost:70710", "localhost:1:2", "127.0.0.1:", "")) {
            assertThat(statusOf(v, host, null)).as(host).isEqualTo(421);
        }
    }

    @Test
    void neverTakesAWildcardBindAddressForAHostName() {
        assertThat(statusOf(boundTo("0.0.0.0", 7071), "0.0.0.0:7071", null)).isEqualTo(421);
        assertThat(statusOf(boundTo("0.0.0.0", 7071), "0.0.0.0", null)).isEqualTo(421);
        assertThat(statusOf(boundTo("::", 7071), "[::]:7071", null)).isEqualTo(421);
        assertThat(statusOf(boundTo("[::]", 7071), "[::]", null)).isEqualTo(421);
    }

    @Test
    void acceptsAConfiguredAllowedHostOnAnyPortAndNoOtherName() {
        HostOriginValidator v = new HostOriginValidator(List.of(), List.of("mcp", "leash.internal"));
        v.bind("0.0.0.0", 7071);

        assertThat(statusOf(v, "mcp:7071", null)).isEqualTo(200);
        assertThat(statusOf(v, "MCP", null)).isEqualTo(200);
        assertThat(statusOf(v, "leash.internal:443", null)).isEqualTo(200);
        assertThat(statusOf(v, "127.0.0.1:7071", null)).isEqualTo(200);
        for (String host : List.of("evil.example:7071", "mcp.evil.example", "0.0.0.0:7071")) {
            assertThat(statusOf(v, host, null)).as(host).isEqualTo(421);
        }
    }

    @Test
    void stillRefusesAForeignOriginWith403OnAnAllowedHost() {
        HostOriginValidator v = boundTo("127.0.0.1", 7071);

        assertThat(statusOf(v, "127.0.0.1:8081", "http://evil.example")).isEqualTo(403);
        assertThat(statusOf(v, "127.0.0.1:8081", "http://localhost:3000")).isEqualTo(200);
    }
}
