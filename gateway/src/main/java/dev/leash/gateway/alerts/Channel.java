package dev.leash.gateway.alerts;

import java.net.http.HttpRequest;
import java.time.Duration;

/** Where an alert goes: one HTTP POST per alert. */
public interface Channel {

    /** The channel's name in log lines: {@code webhook}, {@code ntfy}, {@code telegram}. */
    String name();

    /** Where the channel posts, safe to log: no query, no path that carries a secret. */
    String target();

    /** The POST that delivers {@code alert}, bounded by {@code timeout}. */
    HttpRequest request(Alert alert, Duration timeout);
}
