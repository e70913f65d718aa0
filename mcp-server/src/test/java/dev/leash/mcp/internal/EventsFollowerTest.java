package dev.leash.mcp.internal;

import com.sun.net.httpserver.HttpServer;
import dev.leash.mcp.live.LiveGateway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/** The follower against a scripted events endpoint: each connection sends one event and ends. */
@Timeout(30)
class EventsFollowerTest {

    private final List<String> lastEventIds = new CopyOnWriteArrayList<>();
    private final List<String> tokens = new CopyOnWriteArrayList<>();
    private final AtomicInteger connections = new AtomicInteger();
    private HttpServer gateway;
    private EventsFollower follower;

    @AfterEach
    void stop() {
        if (follower != null) {
            follower.close();
        }
        gateway.stop(0);
    }

    private String start() throws IOException {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/events", exchange -> {
            int n = connections.incrementAndGet();
            lastEventIds.add(String.valueOf(exchange.getRequestHeaders().getFirst("Last-Event-ID")));
            tokens.add(String.valueOf(exchange.getRequestHeaders().getFirst("Authorization")));
            exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
            exchange.sendResponseHeaders(200, 0);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(("retry: 3000\n\n: keep-alive\n\nid: " + (100 + n) + "\nevent: fill\ndata: {\"qty\":1}\n\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        });
        gateway.start();
        return "http://127.0.0.1:" + gateway.getAddress().getPort();
    }

    @Test
    void reconnectsAfterADropAndResumesFromTheLastEventId() throws Exception {
        String base = start();
        List<String> types = new CopyOnWriteArrayList<>();
        follower = EventsFollower.of(base, "model-token-0123456789", Duration.ofSeconds(1), Duration.ofSeconds(5));
        follower.onEvent(types::add);
        follower.start();

        LiveGateway.await("three connections", Duration.ofSeconds(10), connections::get, n -> n >= 3);

        assertThat(lastEventIds.subList(0, 3)).containsExactly("null", "101", "102");
        assertThat(tokens).allMatch("Bearer model-token-0123456789"::equals);
        assertThat(types).startsWith("connected", "fill", "connected", "fill");
    }

    @Test
    void eachEventAndEachConnectChangesTheGeneration() throws Exception {
        String base = start();
        follower = EventsFollower.of(base, null, Duration.ofSeconds(1), Duration.ofSeconds(5));
        List<Long> seen = new CopyOnWriteArrayList<>();
        follower.onEvent(type -> seen.add(follower.generation()));
        follower.start();

        LiveGateway.await("two connections", Duration.ofSeconds(10), () -> seen.size(), n -> n >= 4);

        assertThat(seen.subList(0, 4)).doesNotHaveDuplicates().allMatch(g -> g != EventsFollower.DOWN);
    }

    @Test
    void isDownWhileTheGatewayHasNoEventsStream() throws Exception {
        gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/api/events", exchange -> {
            connections.incrementAndGet();
            exchange.sendResponseHeaders(404, -1);
            exchange.close();
        });
        gateway.start();
        follower = EventsFollower.of("http://127.0.0.1:" + gateway.getAddress().getPort(), null,
                Duration.ofSeconds(1), Duration.ofSeconds(5)).start();

        LiveGateway.await("two attempts", Duration.ofSeconds(10), connections::get, n -> n >= 2);

        assertThat(follower.generation()).isEqualTo(EventsFollower.DOWN);
    }
}
