package dev.leash.gateway.config;

/** The configuration is invalid; the message names the key. */
public final class ConfigException extends Exception {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
