package dev.leash.gateway.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code api.allowed_hosts} and {@code api.allowed_origins}: read, overridden by the environment, validated. */
class AllowlistsTest {

    @TempDir
    Path dir;

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("gateway.yaml");
        Files.writeString(f, yaml);
        return f;
    }

    @Test
    void noExtraHostOrOriginByDefault() throws Exception {
        GatewayConfig c = ConfigLoader.load(null, Map.of(), ConfigLoader.Overrides.NONE);

        assertThat(c.api().allowedHosts()).isEmpty();
        assertThat(c.api().allowedOrigins()).isEmpty();
    }

    @Test
    void readsTheListsLowerCasedAndTheEnvironmentReplacesThem() throws Exception {
        Path f = write("api:\n  allowed_hosts: [Gateway, leash.lan]\n  allowed_origins: [\"http://LOCALHOST:3000\"]\n");

        GatewayConfig fromFile = ConfigLoader.load(f, Map.of(), ConfigLoader.Overrides.NONE);
        GatewayConfig fromEnv = ConfigLoader.load(f, Map.of("LEASH_API_ALLOWED_HOSTS", " gateway , [fd00::1],",
                "LEASH_API_ALLOWED_ORIGINS", "https://dash.lan"), ConfigLoader.Overrides.NONE);

        assertThat(fromFile.api().allowedHosts()).containsExactly("gateway", "leash.lan");
        assertThat(fromFile.api().allowedOrigins()).containsExactly("http://localhost:3000");
        assertThat(fromEnv.api().allowedHosts()).containsExactly("gateway", "[fd00::1]");
        assertThat(fromEnv.api().allowedOrigins()).containsExactly("https://dash.lan");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "api:\\n  allowed_hosts: gateway\\n                 | api.allowed_hosts: must be a list",
            "api:\\n  allowed_hosts: ['*']\\n                  | api.allowed_hosts: '*' is not a host name",
            "api:\\n  allowed_hosts: ['gateway:7070']\\n      | api.allowed_hosts: 'gateway:7070' is not a host name",
            "api:\\n  allowed_hosts: ['http://gateway']\\n    | api.allowed_hosts: 'http://gateway' is not a host name",
            "api:\\n  allowed_hosts: [7070]\\n                  | api.allowed_hosts: every entry must be a string",
            "api:\\n  allowed_origins: ['localhost:3000']\\n  | api.allowed_origins: 'localhost:3000' is not an origin",
            "api:\\n  allowed_origins: ['http://a.lan/']\\n   | api.allowed_origins: 'http://a.lan/' is not an origin",
            "api:\\n  allowed_origins: ['http://a.lan:0']\\n  | api.allowed_origins: 'http://a.lan:0' is not an origin",
            "api:\\n  allowed_origins: ['*']\\n                | api.allowed_origins: '*' is not an origin"})
    void aBadEntryFailsAtStartNamingTheKey(String yaml, String message) throws IOException {
        Path f = write(yaml.replace("\\n", "\n"));

        assertThatThrownBy(() -> ConfigLoader.load(f, Map.of(), ConfigLoader.Overrides.NONE))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(message.strip());
    }

    @Test
    void aBadEnvironmentEntryNamesTheVariable() {
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("LEASH_API_ALLOWED_HOSTS", "ok.lan,bad host"),
                ConfigLoader.Overrides.NONE)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("LEASH_API_ALLOWED_HOSTS: 'bad host' is not a host name");
        assertThatThrownBy(() -> ConfigLoader.load(null, Map.of("LEASH_API_ALLOWED_ORIGINS", "ftp://x.lan"),
                ConfigLoader.Overrides.NONE)).isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("LEASH_API_ALLOWED_ORIGINS: 'ftp://x.lan' is not an origin");
    }
}
