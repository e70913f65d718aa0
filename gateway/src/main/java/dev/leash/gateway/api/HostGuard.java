package dev.leash.gateway.api;

import dev.leash.common.HostHeader;
import dev.leash.gateway.config.GatewayConfig;
import io.javalin.http.Context;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding and cross-site protection of the REST API: every request must name this machine in {@code Host}
 * (127.0.0.1, localhost, [::1], the bind address or a configured name, with any port), else 421; a write that
 * carries an {@code Origin} must carry an allowed one, else 403. A request without {@code Origin} is not a browser's
 * cross-site request and passes.
 */
final class HostGuard {

    /** Why a request was refused. */
    record Refusal(int status, String title, String detail) {
        ApiException exception() {
            return new ApiException(status, title, detail);
        }
    }

    private static final int MAX_ECHO = 80;

    private final Set<String> hosts;
    private final Set<String> origins;
    /** The last {@code Host} value accepted: the same header again (every request of a client) skips the parse. */
    private volatile String lastAccepted;

    HostGuard(Set<String> hosts, Set<String> origins) {
        this.hosts = Set.copyOf(hosts);
        this.origins = Set.copyOf(origins);
    }

    /** The guard for an API bound to {@code bindHost} with {@code api}'s allowlists. */
    static HostGuard of(String bindHost, GatewayConfig.Api api) {
        Set<String> h = new LinkedHashSet<>(List.of("127.0.0.1", "localhost", "[::1]"));
        String bind = bindHost.toLowerCase(Locale.ROOT);
        if (!bind.equals("0.0.0.0") && !bind.equals("::") && !bind.equals("[::]")) {
            h.add(bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind);
        }
        h.addAll(api.allowedHosts());
        return new HostGuard(h, new LinkedHashSet<>(api.allowedOrigins()));
    }

    /** A Javalin before-handler: throws the refusal as an {@link ApiException}. */
    void check(Context ctx) {
        Refusal r = checkHost(ctx.header("Host"));
        if (r == null && isWrite(ctx.method().name()) && !sameOrigin(ctx.header("Origin"), ctx.header("Host"))) {
            r = checkOrigin(ctx.header("Origin"));
        }
        if (r != null) {
            throw r.exception();
        }
    }

    static boolean isWrite(String method) {
        return !"GET".equals(method) && !"HEAD".equals(method);
    }

    /** Null when {@code host} (a {@code Host} header, null when absent) names this machine. */
    Refusal checkHost(String host) {
        if (host != null && host.equals(lastAccepted)) {
            return null;
        }
        if (host == null || host.isBlank()) {
            return misdirected("no Host header; send Host: 127.0.0.1:<port>");
        }
        String name = HostHeader.name(host.strip().toLowerCase(Locale.ROOT));
        if (name == null || !hosts.contains(name)) {
            return misdirected("Invalid Host header: '" + echo(host) + "' is not this gateway: use 127.0.0.1, localhost or [::1],"
                    + " or add the name to api.allowed_hosts (LEASH_API_ALLOWED_HOSTS)");
        }
        lastAccepted = host;
        return null;
    }

    /**
     * True when a browser's {@code Origin} is this very gateway's, {@code http://} and the {@code Host} already checked
     * to name this machine: the dashboard the gateway serves may write (with the operator's token), nothing else.
     */
    static boolean sameOrigin(String origin, String host) {
        return origin != null && host != null && origin.strip().equalsIgnoreCase("http://" + host.strip());
    }

    /** Null when {@code origin} (an {@code Origin} header, null when absent) may write. */
    Refusal checkOrigin(String origin) {
        if (origin == null) {
            return null;
        }
        if (!origins.contains(origin.strip().toLowerCase(Locale.ROOT))) {
            return new Refusal(403, "Forbidden", "Invalid Origin header: '" + echo(origin) + "' may not write"
                    + " (allow a browser origin with api.allowed_origins or LEASH_API_ALLOWED_ORIGINS)");
        }
        return null;
    }

    private static Refusal misdirected(String detail) {
        return new Refusal(421, "Misdirected Request", detail);
    }

    /** A header value safe to quote: printable ASCII, at most {@value #MAX_ECHO} characters. */
    private static String echo(String value) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < value.length() && b.length() < MAX_ECHO; i++) {
            char c = value.charAt(i);
            b.append(c >= 0x20 && c < 0x7f && c != '\'' ? c : '?');
        }
        return value.length() > MAX_ECHO ? b + "..." : b.toString();
    }
}
