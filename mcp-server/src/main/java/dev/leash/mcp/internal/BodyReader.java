package dev.leash.mcp.internal;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Reads one request body with servlet non-blocking I/O, so a client that sends its body slowly holds a connection
 * but no thread, then hands the whole body to the request's handler on a container thread.
 *
 * <p>Exactly one of four things ends the request, whichever comes first: the whole body (the handler answers), a
 * body larger than the limit (413), the body deadline (408, and the connection is closed), or a read error.
 */
final class BodyReader implements ReadListener {

    private static final Logger LOG = LoggerFactory.getLogger(BodyReader.class);

    /** What answers a request once its body has arrived. */
    interface Handler {
        void handle(byte[] body) throws IOException;
    }

    private final AsyncContext async;
    private final ServletInputStream in;
    private final HttpServletResponse response;
    private final int maxBytes;
    private final Handler handler;
    private final ByteArrayOutputStream body = new ByteArrayOutputStream(1024);
    private final byte[] chunk = new byte[8192];
    private final AtomicBoolean ended = new AtomicBoolean();
    private volatile ScheduledFuture<?> deadline;

    private BodyReader(AsyncContext async, ServletInputStream in, HttpServletResponse response, int maxBytes,
                       Handler handler) {
        this.async = async;
        this.in = in;
        this.response = response;
        this.maxBytes = maxBytes;
        this.handler = handler;
    }

    /** Starts reading {@code request}'s body; returns at once, the handler runs when the body is complete. */
    static void read(HttpServletRequest request, HttpServletResponse response, HttpLimits limits,
                     ScheduledExecutorService timer, Handler handler) throws IOException {
        AsyncContext async = request.startAsync();
        async.setTimeout(0);
        BodyReader reader = new BodyReader(async, request.getInputStream(), response, limits.maxBodyBytes(),
                handler);
        reader.deadline = timer.schedule(() -> reader.timeUp(limits.bodyTimeout().toSeconds()),
                limits.bodyTimeout().toMillis(), TimeUnit.MILLISECONDS);
        reader.in.setReadListener(reader);
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (!ended.get() && in.isReady()) {
            int n = in.read(chunk);
            if (n < 0) {
                return;
            }
            if (body.size() + n > maxBytes) {
                end(413, "the request body is larger than " + maxBytes + " bytes");
                return;
            }
            body.write(chunk, 0, n);
        }
    }

    @Override
    public void onAllDataRead() {
        if (!claim()) {
            return;
        }
        try {
            handler.handle(body.toByteArray());
        } catch (IOException | RuntimeException e) {
            LOG.error("a POST to /mcp failed", e);
            if (!response.isCommitted()) {
                write(500, "the MCP server could not handle this request; see its log");
            }
        } finally {
            async.complete();
        }
    }

    @Override
    public void onError(Throwable t) {
        LOG.debug("reading a request body failed: {}", t.toString());
        end(400, "the request body could not be read");
    }

    private void timeUp(long seconds) {
        end(408, "the request body did not arrive within " + seconds + " s");
    }

    /** Answers {@code status}, closing the connection, and ends the request, unless something else already did. */
    private void end(int status, String message) {
        if (claim()) {
            try {
                response.setHeader("Connection", "close");
                write(status, message);
            } finally {
                async.complete();
            }
        }
    }

    private boolean claim() {
        if (!ended.compareAndSet(false, true)) {
            return false;
        }
        ScheduledFuture<?> d = deadline;
        if (d != null) {
            d.cancel(false);
        }
        return true;
    }

    private void write(int status, String message) {
        try {
            ErrorBodies.write(response, status, message);
        } catch (IOException | RuntimeException e) {
            LOG.debug("could not answer {}: {}", status, e.toString());
        }
    }
}
