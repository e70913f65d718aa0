package dev.leash.gateway.config;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The REST API's {@code api.allowed_hosts} and {@code api.allowed_origins}, from the file or their environment
 * overrides (comma-separated), validated and lower-cased. Every error names the key or the variable.
 */
final class Allowlists {

    static final String HOSTS_ENV = "LEASH_API_ALLOWED_HOSTS";
    static final String ORIGINS_ENV = "LEASH_API_ALLOWED_ORIGINS";
    static final int MAX_ENTRIES = 32;

    private static final String LABEL = "[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?";
    /** A DNS name or an IPv4 literal, or an IPv6 literal in brackets; no port, no wildcard. */
    static final Pattern HOST = Pattern.compile("(" + LABEL + "(\\." + LABEL + ")*|\\[[0-9a-f:.]{2,45}])");
    private static final Pattern ORIGIN = Pattern.compile("(https?)://(" + HOST.pattern() + ")(:[0-9]{1,5})?");

    private Allowlists() {
    }

    static List<String> hosts(JsonNode api, Map<String, String> env) throws ConfigException {
        List<String> out = new ArrayList<>();
        String key = entries(api, "allowed_hosts", HOSTS_ENV, env, out);
        for (String h : out) {
            if (!HOST.matcher(h).matches() || h.length() > 253) {
                throw new ConfigException(key + ": '" + h + "' is not a host name (a DNS name, an IPv4 address or an"
                        + " IPv6 address in brackets; no scheme, port or wildcard)");
            }
        }
        return out;
    }

    static List<String> origins(JsonNode api, Map<String, String> env) throws ConfigException {
        List<String> out = new ArrayList<>();
        String key = entries(api, "allowed_origins", ORIGINS_ENV, env, out);
        for (String o : out) {
            var m = ORIGIN.matcher(o);
            int port = m.matches() && m.group(m.groupCount()) != null
                    ? Integer.parseInt(m.group(m.groupCount()).substring(1)) : 1;
            if (!m.matches() || port < 1 || port > 65_535) {
                throw new ConfigException(key + ": '" + o + "' is not an origin: scheme://host[:port] such as"
                        + " http://localhost:3000, with no path and no trailing slash");
            }
        }
        return out;
    }

    /** Reads the entries into {@code out}; returns the name of the key or variable they came from. */
    private static String entries(JsonNode api, String field, String envName, Map<String, String> env,
                                  List<String> out) throws ConfigException {
        String key = "api." + field;
        List<String> raw = new ArrayList<>();
        if (env.containsKey(envName)) {
            key = envName;
            for (String s : env.get(envName).split(",", -1)) {
                if (!s.isBlank()) {
                    raw.add(s.strip());
                }
            }
        } else {
            JsonNode v = api.get(field);
            if (v != null && !v.isNull()) {
                if (!v.isArray()) {
                    throw new ConfigException(key + ": must be a list");
                }
                for (JsonNode e : v) {
                    if (!e.isTextual()) {
                        throw new ConfigException(key + ": every entry must be a string, got '" + e + "'");
                    }
                    raw.add(e.textValue().strip());
                }
            }
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String s : raw) {
            unique.add(s.toLowerCase(Locale.ROOT));
        }
        if (unique.size() > MAX_ENTRIES) {
            throw new ConfigException(key + ": at most " + MAX_ENTRIES + " entries, got " + unique.size());
        }
        out.addAll(unique);
        return key;
    }
}
