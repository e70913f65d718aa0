package dev.leash.gateway.app;

import dev.leash.common.Tokens;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/** The metrics token: a bearer token that reads {@code GET /metrics} and nothing else, for a Prometheus scraper. */
public final class MetricsToken {

    /** The metrics token's environment variable. */
    public static final String ENV = "LEASH_METRICS_TOKEN";

    private MetricsToken() {
    }

    /**
     * The metrics token from {@code LEASH_METRICS_TOKEN}, else from {@code file} (created owner-only when missing),
     * else none (null: {@code /metrics} then takes the gateway's and the model's tokens only). Refused when it equals
     * the operator's or the model's token, since it would then do more than read metrics.
     */
    public static Tokens.Token load(Map<String, String> env, Path file, Tokens.Token operator, Tokens.Token model)
            throws IOException {
        String fromEnv = env.get(ENV);
        if ((fromEnv == null || fromEnv.isBlank()) && file == null) {
            return null;
        }
        Tokens.Token metrics = Tokens.load(fromEnv, ENV, file);
        for (Tokens.Token other : new Tokens.Token[] {operator, model}) {
            if (Tokens.matches(metrics.value(), other.value())) {
                throw new IOException("the metrics token (" + metrics.source() + ") equals another token ("
                        + other.source() + "); it must differ, or a scraper could do more than read /metrics");
            }
        }
        return metrics;
    }
}
