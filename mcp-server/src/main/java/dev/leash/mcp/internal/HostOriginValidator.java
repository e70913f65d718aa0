package dev.leash.mcp.internal;

import dev.leash.common.HostHeader;
import dev.leash.mcp.Loopback;
import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * DNS-rebinding protection: {@code Host} must name this machine (127.0.0.1, localhost, [::1], the bind host unless it
 * is a wildcard such as 0.0.0.0, or an allowed host given with {@code --allowed-host}) with any valid port, so a remapped port ({@code docker -p 8081:7071}) works, as the gateway's {@code HostGuard} does;
 * the SDK's {@link DefaultServerTransportSecurityValidator} checks {@code Origin}. Wrong Origin: 403; wrong Host: 421;
 * no Origin: allowed. Nothing passes before {@link #bind} (503).
 */
final class HostOriginValidator implements ServerHttpHeaderValidator {

    private final List<String> allowedOrigins;
    private final List<String> allowedHosts;
    private volatile Set<String> hosts;
    private volatile DefaultServerTransportSecurityValidator origins;

    HostOriginValidator(List<String> allowedOrigins) {
        this(allowedOrigins, List.of());
    }

    /** With {@code allowedHosts}: names (no port) the server is reached by besides loopback. */
    HostOriginValidator(List<String> allowedOrigins, List<String> allowedHosts) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
        this.allowedHosts = allowedHosts.stream().map(h -> h.toLowerCase(Locale.ROOT)).toList();
    }

    void bind(String host, int port) {
        Set<String> names = new LinkedHashSet<>(List.of("127.0.0.1", "localhost", "[::1]"));
        String bind = host.toLowerCase(Locale.ROOT);
        if (!Loopback.isWildcard(bind)) {
            names.add(bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind);
        }
        names.addAll(allowedHosts);
        hosts = Set.copyOf(names);
        origins = DefaultServerTransportSecurityValidator.builder().allowedOrigins(allowedOrigins).build();
    }

    @Override
    public void validate(HeaderAccessor headers) throws ServerTransportSecurityException {
        Set<String> h = hosts;
        DefaultServerTransportSecurityValidator o = origins;
        if (h == null || o == null) {
            throw new ServerTransportSecurityException(503, "the server is starting");
        }
        List<String> host = headers.getHeader("Host");
        String name = host == null || host.size() != 1 ? null : HostHeader.name(host.get(0).strip().toLowerCase(Locale.ROOT));
        if (name == null || !h.contains(name)) {
            throw new ServerTransportSecurityException(421, "Invalid Host header");
        }
        o.validate(headers);
    }
}
