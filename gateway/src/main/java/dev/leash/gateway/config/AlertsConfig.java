package dev.leash.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads and validates the {@code alerts:} section; every error names the key. */
final class AlertsConfig {

    /** The environment variable holding the Telegram bot token (never the YAML). */
    static final String TELEGRAM_TOKEN_ENV = "LEASH_TELEGRAM_BOT_TOKEN";

    private static final Pattern PERIOD = Pattern.compile("(\\d{1,6})\\s*([smh])");

    private AlertsConfig() {
    }

    /** {@code keys} with the {@code alerts} sections' keys added. */
    static Map<String, Set<String>> withKeys(Map<String, Set<String>> keys) {
        Map<String, Set<String>> all = new HashMap<>(keys);
        all.put("alerts", Set.of("webhook", "ntfy", "telegram", "proposals_digest", "daily_summary"));
        all.put("alerts.webhook", Set.of("url"));
        all.put("alerts.ntfy", Set.of("url"));
        all.put("alerts.telegram", Set.of("chat_id", "base_url"));
        return Map.copyOf(all);
    }

    static GatewayConfig.Alerts parse(ObjectNode alerts, Map<String, String> env) throws ConfigException {
        String webhook = url(alerts, "webhook", "url");
        String ntfy = url(alerts, "ntfy", "url");
        String chatId = text(alerts, "telegram", "chat_id");
        String baseUrl = url(alerts, "telegram", "base_url");
        if (chatId != null && !chatId.matches("-?\\d{1,20}|@[A-Za-z][A-Za-z0-9_]{3,31}")) {
            throw new ConfigException("alerts.telegram.chat_id: '" + chatId
                    + "' is neither a numeric chat id nor an @channel name");
        }
        if (chatId != null) {
            String token = env.get(TELEGRAM_TOKEN_ENV);
            if (token == null || token.isBlank()) {
                throw new ConfigException("alerts.telegram.chat_id: set the bot token in the environment variable "
                        + TELEGRAM_TOKEN_ENV + " (never in the YAML)");
            }
        }
        return new GatewayConfig.Alerts(webhook, ntfy, chatId,
                baseUrl != null ? baseUrl : GatewayConfig.Alerts.DEFAULT_TELEGRAM_BASE_URL, digest(alerts),
                dailySummary(alerts));
    }

    /** {@code proposals_digest}: a period such as {@code 15m}, {@code 900s} or {@code 1h}, at least a minute. */
    private static Duration digest(ObjectNode alerts) throws ConfigException {
        JsonNode v = alerts.get("proposals_digest");
        if (v == null || v.isNull()) {
            return GatewayConfig.Alerts.DEFAULT_PROPOSALS_DIGEST;
        }
        String s = v.asText().trim().toLowerCase(Locale.ROOT);
        Matcher m = PERIOD.matcher(s);
        if (!v.isValueNode() || !m.matches()) {
            throw new ConfigException("alerts.proposals_digest: '" + v.asText()
                    + "' is not a period such as 15m, 900s or 1h");
        }
        long n = Long.parseLong(m.group(1));
        Duration d = switch (m.group(2)) {
            case "h" -> Duration.ofHours(n);
            case "m" -> Duration.ofMinutes(n);
            default -> Duration.ofSeconds(n);
        };
        if (d.compareTo(Duration.ofMinutes(1)) < 0 || d.compareTo(Duration.ofDays(1)) > 0) {
            throw new ConfigException("alerts.proposals_digest: " + v.asText()
                    + " is outside 1m..24h (a digest, not one message per proposal)");
        }
        return d;
    }

    private static boolean dailySummary(ObjectNode alerts) throws ConfigException {
        JsonNode v = alerts.get("daily_summary");
        if (v == null || v.isNull()) {
            return true;
        }
        if (!v.isBoolean()) {
            throw new ConfigException("alerts.daily_summary: must be true or false");
        }
        return v.booleanValue();
    }

    private static String url(ObjectNode alerts, String channel, String key) throws ConfigException {
        String value = text(alerts, channel, key);
        if (value == null) {
            return null;
        }
        String full = "alerts." + channel + "." + key;
        try {
            URI uri = new URI(value);
            String scheme = uri.getScheme();
            if (("http".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme)) && uri.getHost() != null) {
                return value;
            }
        } catch (URISyntaxException e) {
            // refused below with the key's name
        }
        throw new ConfigException(full + ": '" + withoutQuery(value) + "' is not an http(s) URL");
    }

    private static String text(ObjectNode alerts, String channel, String key) throws ConfigException {
        JsonNode section = alerts.get(channel);
        JsonNode v = section == null ? null : section.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isValueNode() || v.asText().isBlank()) {
            throw new ConfigException("alerts." + channel + "." + key + ": must be a non-empty string");
        }
        return v.asText().trim();
    }

    /** A URL's query may carry a secret; errors quote the URL without it. */
    private static String withoutQuery(String url) {
        int q = url.indexOf('?');
        return q < 0 ? url : url.substring(0, q) + "?...";
    }
}
