package dev.leash.mcp;

import java.net.URI;
import java.util.regex.Pattern;

/**
 * One gateway the MCP server fronts: its name in a fleet (null for the one unnamed gateway), base URL and the model
 * token presented to it (null when none is configured).
 */
public record NamedGateway(String name, URI url, String token) {

    /** What a gateway's name may be: it is a tool argument's value, a resource URI part and an env-variable suffix. */
    public static final Pattern NAME = Pattern.compile("[a-z0-9_-]{1,32}");
    /** The environment variable prefix of a named gateway's model token: {@code LEASH_MODEL_TOKEN_<NAME>}. */
    public static final String TOKEN_ENV_PREFIX = "LEASH_MODEL_TOKEN_";

    public NamedGateway {
        if (name != null && !NAME.matcher(name).matches()) {
            throw new ConfigException("--gateway: the name '" + abbreviate(name) + "' must match " + NAME.pattern());
        }
        if (url == null || !("http".equals(url.getScheme()) || "https".equals(url.getScheme()))
                || url.getHost() == null) {
            throw new ConfigException("--gateway" + (name == null ? "" : " " + name) + ": the URL must be"
                    + " http(s)://host[:port], got '" + url + "'");
        }
        if (token != null && (token.isBlank() || !McpConfig.printable(token))) {
            throw new ConfigException("the model token" + (name == null ? "" : " of gateway " + name)
                    + " is empty or holds non-printable characters");
        }
    }

    /** The environment variable holding this gateway's model token, e.g. {@code LEASH_MODEL_TOKEN_LMEX_2}. */
    public static String tokenEnv(String name) {
        return TOKEN_ENV_PREFIX + name.toUpperCase(java.util.Locale.ROOT).replace('-', '_');
    }

    /** The base URL without a trailing slash. */
    public String base() {
        String s = url.toString();
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** Never prints the token. */
    @Override
    public String toString() {
        return (name == null ? "" : name + "=") + url + (token == null ? " (no token)" : " (token ***)");
    }

    static String abbreviate(String s) {
        return s.length() <= 40 ? s : s.substring(0, 40) + "...";
    }
}
