package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** A request the API refuses, rendered as {@code application/problem+json}. */
public final class ApiException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String title;
    private final transient ObjectNode extensions;

    public ApiException(int status, String title, String detail) {
        this(status, title, detail, null);
    }

    public ApiException(int status, String title, String detail, ObjectNode extensions) {
        super(detail, null, false, false);
        this.status = status;
        this.title = title;
        this.extensions = extensions;
    }

    public static ApiException badRequest(String detail) {
        return new ApiException(400, "Bad Request", detail);
    }

    public int status() {
        return status;
    }

    public String title() {
        return title;
    }

    public ObjectNode extensions() {
        return extensions;
    }
}
