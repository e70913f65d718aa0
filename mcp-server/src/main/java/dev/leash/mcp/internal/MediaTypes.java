package dev.leash.mcp.internal;

import io.modelcontextprotocol.server.transport.HeaderAccessor;
import jakarta.servlet.http.HttpServletRequest;

import java.util.Collections;
import java.util.List;

/** Content-Type and Accept checks of the HTTP transport, and its request headers as the SDK's validators read them. */
final class MediaTypes {

    static final String JSON = "application/json";
    static final String EVENT_STREAM = "text/event-stream";

    private MediaTypes() {
    }

    /** Whether a Content-Type is application/json, parameters (charset) aside. */
    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        int semicolon = contentType.indexOf(';');
        String type = semicolon < 0 ? contentType : contentType.substring(0, semicolon);
        return JSON.equalsIgnoreCase(type.strip());
    }

    /** Whether an Accept header admits {@code type}, exactly or by a wildcard range; quality values are ignored. */
    static boolean accepts(String accept, String type) {
        if (accept == null) {
            return false;
        }
        String anySubtype = type.substring(0, type.indexOf('/')) + "/*";
        for (String part : accept.split(",")) {
            int semicolon = part.indexOf(';');
            String range = (semicolon < 0 ? part : part.substring(0, semicolon)).strip();
            if (range.equalsIgnoreCase(type) || range.equals("*/*") || range.equalsIgnoreCase(anySubtype)) {
                return true;
            }
        }
        return false;
    }

    static HeaderAccessor headers(HttpServletRequest request) {
        return new HeaderAccessor() {
            @Override
            public List<String> getHeader(String name) {
                return Collections.list(request.getHeaders(name));
            }

            @Override
            public List<String> getHeaderNames() {
                return Collections.list(request.getHeaderNames());
            }
        };
    }
}
