package dev.leash.mcp;

/** A configuration value (flag, environment variable, token file) that cannot be used; the message says which. */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ConfigException(String message) {
        super(message);
    }
}
