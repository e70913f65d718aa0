package dev.leash.gateway.api;

import dev.leash.gateway.events.LiveEvent;
import dev.leash.gateway.events.LiveEvents;
import dev.leash.gateway.events.Subscription;
import io.javalin.http.Context;
import jakarta.servlet.http.HttpServletResponse;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /api/events}: the live events as Server-Sent Events, each with its id; a client that sends
 * {@code Last-Event-ID} first gets the events it missed while they are still in the ring, else a {@code reset} event
 * telling it to read the state afresh. Runs on the request's own thread; the loops only ever offer to its queue.
 */
final class EventsRoute {

    /** How often an idle stream sends a comment, so proxies and clients see it alive. */
    static final long KEEP_ALIVE_MILLIS = 15_000;
    /** What EventSource waits before it reconnects. */
    static final long RETRY_MILLIS = 3_000;

    private final LiveEvents stream;

    EventsRoute(LiveEvents stream) {
        this.stream = stream;
    }

    void stream(Context ctx) {
        Query.of(ctx);
        Long last = lastEventId(ctx.header("Last-Event-ID"));
        Subscription s = stream.subscribe(last);
        if (s == null) {
            throw new ApiException(503, "Service Unavailable", "at most " + LiveEvents.MAX_CLIENTS
                    + " clients may follow /api/events at once; try again later");
        }
        HttpServletResponse res = ctx.res();
        res.setStatus(200);
        res.setContentType("text/event-stream");
        res.setCharacterEncoding("UTF-8");
        res.setHeader("Cache-Control", "no-cache");
        res.setHeader("X-Accel-Buffering", "no");
        try (s) {
            OutputStream out = res.getOutputStream();
            write(out, "retry: " + RETRY_MILLIS + "\n\n");
            if (s.gap()) {
                write(out, frame(new LiveEvent(s.lastIdAtStart(), "reset",
                        "{\"reason\":\"the events after Last-Event-ID are no longer kept; read the state afresh\"}")));
            }
            for (LiveEvent e : s.replay()) {
                write(out, frame(e));
            }
            out.flush();
            while (!s.dropped()) {
                LiveEvent e = s.next(KEEP_ALIVE_MILLIS, TimeUnit.MILLISECONDS);
                if (e != null) {
                    write(out, frame(e));
                } else if (!s.dropped()) {
                    write(out, ": keep-alive\n\n");
                }
                out.flush();
            }
        } catch (IOException gone) {
            // the client went away: its subscription is closed, nothing else to do
        } catch (InterruptedException stopping) {
            Thread.currentThread().interrupt(); // the server is stopping: end the stream quietly
        }
    }

    /** One event in the text/event-stream format. */
    static String frame(LiveEvent e) {
        return "id: " + e.id() + "\nevent: " + e.type() + "\ndata: " + e.data().replace("\n", "\ndata: ") + "\n\n";
    }

    private static Long lastEventId(String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(header.trim());
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("Last-Event-ID must be the id of an event this stream sent, got '"
                    + Query.abbreviate(header) + "'");
        }
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.UTF_8));
    }
}
