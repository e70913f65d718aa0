package dev.leash.gateway.app;

import dev.leash.gateway.api.ApiServer;
import dev.leash.gateway.config.ConfigException;

import java.util.Map;

/**
 * Refuses to expose the REST API beyond loopback unless the operator chose its token ({@code LEASH_GATEWAY_TOKEN}):
 * a generated token in a file the operator may never have read is no decision to open a port.
 */
public final class BindCheck {

    static final String TOKEN_ENV = "LEASH_GATEWAY_TOKEN";

    private BindCheck() {
    }

    /** Throws, naming the variable, when {@code host} is not loopback and no token is configured. */
    public static void requireTokenOffLoopback(String host, Map<String, String> env) throws ConfigException {
        String token = env.get(TOKEN_ENV);
        if ((token == null || token.isBlank()) && !ApiServer.isLoopback(host)) {
            throw new ConfigException("api.host: refusing to bind " + host + " (not a loopback address) without a"
                    + " token: set " + TOKEN_ENV + " to a long random token, or bind 127.0.0.1");
        }
    }
}
