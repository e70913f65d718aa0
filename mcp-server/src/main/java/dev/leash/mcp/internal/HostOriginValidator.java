package dev.leash.mcp.internal;

import io.modelcontextprotocol.server.transport.DefaultServerTransportSecurityValidator;
import io.modelcontextprotocol.server.transport.HeaderAccessor;
import io.modelcontextprotocol.server.transport.ServerHttpHeaderValidator;
import io.modelcontextprotocol.server.transport.ServerTransportSecurityException;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * DNS-rebinding protection: the SDK's {@link DefaultServerTransportSecurityValidator} with the allowed hosts
 * {@code 127.0.0.1:PORT}, {@code localhost:PORT} (and the bind host), built once the port is known, so a server on
 * port 0 is protected too. Wrong Origin: 403; wrong Host: 421; no Origin: allowed.
 */
final class HostOriginValidator implements ServerHttpHeaderValidator {

    private final List<String> allowedOrigins;
    private volatile DefaultServerTransportSecurityValidator delegate;

    HostOriginValidator(List<String> allowedOrigins) {
        this.allowedOrigins = List.copyOf(allowedOrigins);
    }

    void bind(String host, int port) {
        Set<String> hosts = new LinkedHashSet<>(List.of("127.0.0.1:" + port, "localhost:" + port, "[::1]:" + port));
        hosts.add((host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port);
        delegate = DefaultServerTransportSecurityValidator.builder().allowedHosts(List.copyOf(hosts))
                .allowedOrigins(allowedOrigins).build();
    }

    @Override
    public void validate(HeaderAccessor headers) throws ServerTransportSecurityException {
        DefaultServerTransportSecurityValidator d = delegate;
        if (d == null) {
            throw new ServerTransportSecurityException(503, "the server is starting");
        }
        d.validate(headers);
    }
}
