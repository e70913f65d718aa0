package dev.leash.mcp;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --allowed-host}: names the HTTP server is reached by besides loopback; never a wildcard, never a port. */
class AllowedHostsTest {

    @Test
    void takesRepeatedNamesLowerCased() {
        assertThat(CommandLine.allowedHosts(new String[] {"--http", "--allowed-host", "mcp", "--allowed-host",
                "Leash.Internal", "--allowed-host", "[fd00::1]", "--allowed-host", "10.0.0.7"}))
                .containsExactly("mcp", "leash.internal", "[fd00::1]", "10.0.0.7");
        assertThat(CommandLine.allowedHosts(new String[] {"--http"})).isEmpty();
    }

    @Test
    void refusesAWildcardAPortOrAMalformedNameAndSaysWhich() {
        for (String bad : List.of("0.0.0.0", "[::]", "::", "*", "*.example", "mcp:7071", "", "a b", "http://mcp")) {
            assertThatThrownBy(() -> CommandLine.allowedHosts(new String[] {"--allowed-host", bad}))
                    .as(bad).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("--allowed-host '" + bad + "'");
        }
    }

    @Test
    void parseStillAcceptsTheFlag() {
        assertThat(CommandLine.parse(new String[] {"--http", "--allowed-host", "mcp"},
                java.util.Map.of("LEASH_MCP_DATA_DIR", "./target/allowed-hosts")).transport())
                .isEqualTo(McpConfig.Transport.HTTP);
    }
}
