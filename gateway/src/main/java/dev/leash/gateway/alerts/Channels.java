package dev.leash.gateway.alerts;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.params.ParamsJson;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The alert channels the configuration turns on: a generic JSON webhook, an ntfy topic, a Telegram chat. */
public final class Channels {

    private Channels() {
    }

    /** The configured channels; {@code telegramToken} comes from the environment, never the configuration. */
    public static List<Channel> of(GatewayConfig.Alerts config, String telegramToken) {
        List<Channel> channels = new ArrayList<>();
        if (config.webhookUrl() != null) {
            channels.add(webhook(config.webhookUrl()));
        }
        if (config.ntfyUrl() != null) {
            channels.add(ntfy(config.ntfyUrl()));
        }
        if (config.telegramChatId() != null && telegramToken != null && !telegramToken.isBlank()) {
            channels.add(telegram(config.telegramBaseUrl(), telegramToken, config.telegramChatId()));
        }
        return List.copyOf(channels);
    }

    /** POSTs {@code {"kind", "time", "text"}} as JSON to {@code url}. */
    public static Channel webhook(String url) {
        URI uri = URI.create(url);
        return new Post("webhook", withoutQuery(uri), uri, "application/json", a -> {
            ObjectNode o = ParamsJson.MAPPER.createObjectNode();
            o.put("kind", a.kind());
            o.put("time", Instant.ofEpochMilli(a.time()).toString());
            o.put("text", a.text());
            return json(o);
        });
    }

    /** POSTs the alert's text as plain text to an ntfy topic URL. */
    public static Channel ntfy(String url) {
        URI uri = URI.create(url);
        return new Post("ntfy", withoutQuery(uri), uri, "text/plain; charset=utf-8", Alert::text);
    }

    /** POSTs {@code {"chat_id", "text"}} to {@code <baseUrl>/bot<token>/sendMessage}. */
    public static Channel telegram(String baseUrl, String token, String chatId) {
        String base = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        URI b = URI.create(base);
        URI uri;
        try {
            uri = URI.create(base + "/bot" + token + "/sendMessage");
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the Telegram bot token has characters a URL cannot carry"); // no token
        }
        String target = b.getScheme() + "://" + b.getHost() + (b.getPort() < 0 ? "" : ":" + b.getPort())
                + "/bot<token>/sendMessage";
        return new Post("telegram", target, uri, "application/json", a -> {
            ObjectNode o = ParamsJson.MAPPER.createObjectNode();
            o.put("chat_id", chatId);
            o.put("text", a.text());
            return json(o);
        });
    }

    private static String json(ObjectNode o) {
        try {
            return ParamsJson.MAPPER.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("alert body could not be written", e);
        }
    }

    private static String withoutQuery(URI uri) {
        return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() < 0 ? "" : ":" + uri.getPort())
                + (uri.getRawPath() == null ? "" : uri.getRawPath());
    }

    /** A channel that POSTs a body built from the alert. */
    private record Post(String name, String target, URI uri, String contentType,
                        java.util.function.Function<Alert, String> body) implements Channel {

        @Override
        public HttpRequest request(Alert alert, Duration timeout) {
            return HttpRequest.newBuilder(uri)
                    .timeout(timeout)
                    .header("Content-Type", contentType)
                    .POST(HttpRequest.BodyPublishers.ofString(body.apply(alert), StandardCharsets.UTF_8))
                    .build();
        }

        @Override
        public String toString() {
            return name + " " + target; // never the URI: its path or query may carry a secret
        }
    }
}
