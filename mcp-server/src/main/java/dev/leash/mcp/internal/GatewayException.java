package dev.leash.mcp.internal;

import java.io.IOException;

/**
 * The gateway gave no usable answer: unreachable, too slow, a body that is not JSON, or the circuit is open.
 * The message is written for the model and the operator; it never holds a token or a stack trace.
 */
public final class GatewayException extends IOException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    GatewayException(String message, boolean retryable) {
        super(message);
        this.retryable = retryable;
    }

    /** Whether trying again at once may help (the connection was refused), as opposed to a slow or broken answer. */
    boolean retryable() {
        return retryable;
    }

    /** No stack: this exception is an expected outcome that only ever travels as a message. */
    @Override
    public synchronized Throwable fillInStackTrace() {
        return this;
    }
}
