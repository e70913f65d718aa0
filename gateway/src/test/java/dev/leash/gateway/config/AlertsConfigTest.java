package dev.leash.gateway.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AlertsConfigTest {

    private static final Map<String, String> TOKEN = Map.of("LEASH_TELEGRAM_BOT_TOKEN", "123:secret-token");

    @TempDir
    Path dir;

    @Test
    void noAlertsSectionMeansNoChannels() throws Exception {
        GatewayConfig c = ConfigLoader.load(null, Map.of(), ConfigLoader.Overrides.NONE);
        assertThat(c.alerts()).isEqualTo(GatewayConfig.Alerts.NONE);
        assertThat(c.alerts().any()).isFalse();
    }

    @Test
    void theAlertsSectionIsRead() throws Exception {
        GatewayConfig c = ConfigLoader.load(write("alerts:\n  webhook:\n    url: https://hooks.example.com/leash\n"
                + "  ntfy:\n    url: https://ntfy.sh/my-leash\n  telegram:\n    chat_id: '-100123'\n"
                + "    base_url: http://127.0.0.1:9\n"), TOKEN, ConfigLoader.Overrides.NONE);
        assertThat(c.alerts()).isEqualTo(new GatewayConfig.Alerts("https://hooks.example.com/leash",
                "https://ntfy.sh/my-leash", "-100123", "http://127.0.0.1:9"));
    }

    @Test
    void aChannelNameIsAcceptedAsTelegramChatId() throws Exception {
        GatewayConfig c = ConfigLoader.load(write("alerts:\n  telegram:\n    chat_id: '@leash_alerts'\n"), TOKEN,
                ConfigLoader.Overrides.NONE);
        assertThat(c.alerts().telegramChatId()).isEqualTo("@leash_alerts");
        assertThat(c.alerts().telegramBaseUrl()).isEqualTo("https://api.telegram.org");
    }

    @Test
    void badAlertValuesNameTheirKey() throws IOException {
        refused("alerts:\n  webhook:\n    url: ftp://example.com/x\n", TOKEN, "alerts.webhook.url:");
        refused("alerts:\n  webhook:\n    url: not a url\n", TOKEN, "alerts.webhook.url:");
        refused("alerts:\n  ntfy:\n    url: ntfy.sh/topic\n", TOKEN, "alerts.ntfy.url:");
        refused("alerts:\n  telegram:\n    chat_id: 'my chat'\n", TOKEN, "alerts.telegram.chat_id:");
        refused("alerts:\n  telegram:\n    chat_id: '1'\n    base_url: file:///etc\n", TOKEN,
                "alerts.telegram.base_url:");
        refused("alerts:\n  telegram:\n    chat_id: '1'\n    token: abc\n", TOKEN, "alerts.telegram.token:");
        refused("alerts:\n  email:\n    to: me\n", TOKEN, "alerts.email:");
    }

    @Test
    void aTelegramChatWithoutTheTokenInTheEnvironmentIsRefused() throws IOException {
        refused("alerts:\n  telegram:\n    chat_id: '42'\n", Map.of(), "alerts.telegram.chat_id:");
        assertThatThrownBy(() -> ConfigLoader.load(write("alerts:\n  telegram:\n    chat_id: '42'\n"), Map.of(),
                ConfigLoader.Overrides.NONE)).hasMessageContaining("LEASH_TELEGRAM_BOT_TOKEN");
    }

    @Test
    void aRefusedUrlIsQuotedWithoutItsQuery() throws IOException {
        assertThatThrownBy(() -> ConfigLoader.load(write("alerts:\n  webhook:\n    url: ftp://h/x?key=hunter2\n"),
                Map.of(), ConfigLoader.Overrides.NONE)).hasMessageNotContaining("hunter2");
    }

    private void refused(String yaml, Map<String, String> env, String prefix) throws IOException {
        Path f = write(yaml);
        assertThatThrownBy(() -> ConfigLoader.load(f, env, ConfigLoader.Overrides.NONE))
                .isInstanceOf(ConfigException.class).hasMessageStartingWith(prefix);
    }

    private Path write(String yaml) throws IOException {
        Path f = dir.resolve("gateway.yaml");
        Files.writeString(f, yaml);
        return f;
    }
}
