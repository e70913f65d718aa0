package dev.leash.venue.bybit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.venue.Candle;
import dev.leash.venue.Ticker;
import dev.leash.venue.VenueException;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.WebSocket;
import okhttp3.WebSocketListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

/**
 * Bybit's public linear WebSocket for {@code kline.5} and {@code tickers}: subscribes, sends {@code {"op":"ping"}}
 * every {@code ping}, reconnects with exponential backoff and jitter, subscribes again, and after a reconnect
 * fills the gap in closed candles from REST. Only closed candles ({@code confirm:true}) are delivered, each once, in
 * order per symbol; tickers are the snapshot merged with every delta since.
 *
 * <p>Threading: every message, reconnect and gap fill runs on one private thread, which also calls the listener.
 */
public final class BybitPublicStream implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(BybitPublicStream.class);
    public static final String MAINNET = "wss://stream.bybit.com/v5/public/linear";
    public static final String TESTNET = "wss://stream-testnet.bybit.com/v5/public/linear";

    /** Where to connect, what to subscribe to, and timing. */
    public record Settings(String url, List<String> symbols, Duration ping, Duration backoffBase,
                           Duration backoffMax) {
        public Settings {
            symbols = List.copyOf(symbols);
            if (symbols.isEmpty() || ping.isZero() || ping.isNegative() || backoffBase.isNegative()) {
                throw new IllegalArgumentException("stream needs symbols, a positive ping and a backoff");
            }
        }

        /** Ping every 20 s; reconnect after 1 s doubling up to 30 s. */
        public static Settings of(String url, List<String> symbols) {
            return new Settings(url, symbols, Duration.ofSeconds(20), Duration.ofSeconds(1), Duration.ofSeconds(30));
        }
    }

    /** What the stream delivers. */
    public interface Listener {
        void onCandle(Candle closed);

        void onTicker(Ticker ticker);

        default void onConnected(boolean reconnect) {
        }
    }

    /** Closed candles from REST, oldest first ({@code Venue::candles} fits). */
    @FunctionalInterface
    public interface CandleSource {
        List<Candle> candles(String symbol, long fromMillis, long toMillis) throws VenueException;
    }

    private final Settings settings;
    private final CandleSource rest;
    private final Clock clock;
    private final Listener listener;
    private final OkHttpClient http = new OkHttpClient.Builder().readTimeout(Duration.ZERO).build();
    private final ScheduledExecutorService loop = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "leash-bybit-stream");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Long> lastClosedOpen = new HashMap<>();
    private final Map<String, ObjectNode> tickers = new HashMap<>();
    private WebSocket socket;
    private int failures;
    private boolean connectedOnce;
    private volatile boolean closed;

    private BybitPublicStream(Settings settings, CandleSource rest, Clock clock, Listener listener) {
        this.settings = settings;
        this.rest = rest;
        this.clock = clock;
        this.listener = listener;
    }

    /** Connects in the background and keeps the stream up until {@link #close()}. */
    public static BybitPublicStream open(Settings settings, CandleSource rest, Clock clock, Listener listener) {
        BybitPublicStream s = new BybitPublicStream(settings, rest, clock, listener);
        s.loop.execute(s::connect);
        long ping = settings.ping().toMillis();
        s.loop.scheduleAtFixedRate(s::ping, ping, ping, TimeUnit.MILLISECONDS);
        return s;
    }

    private void connect() {
        if (closed) {
            return;
        }
        socket = http.newWebSocket(new Request.Builder().url(settings.url()).build(), new WebSocketListener() {
            @Override
            public void onOpen(WebSocket ws, Response response) {
                loop.execute(() -> opened(ws));
            }

            @Override
            public void onMessage(WebSocket ws, String text) {
                loop.execute(() -> handle(text));
            }

            @Override
            public void onClosing(WebSocket ws, int code, String reason) {
                ws.close(1000, null);
                loop.execute(() -> lost(ws, "closed by Bybit: " + code + " " + reason));
            }

            @Override
            public void onFailure(WebSocket ws, Throwable t, Response response) {
                loop.execute(() -> lost(ws, t.toString()));
            }
        });
    }

    private void opened(WebSocket ws) {
        if (ws != socket) {
            return;
        }
        failures = 0;
        List<String> args = new ArrayList<>();
        for (String s : settings.symbols()) {
            args.add("kline.5." + s);
            args.add("tickers." + s);
        }
        ObjectNode sub = BybitApi.JSON.createObjectNode().put("op", "subscribe");
        args.forEach(sub.putArray("args")::add);
        ws.send(sub.toString());
        boolean reconnect = connectedOnce;
        connectedOnce = true;
        listener.onConnected(reconnect);
        if (reconnect) {
            fillGaps();
        }
    }

    private void lost(WebSocket ws, String why) {
        if (ws != socket || closed) {
            return;
        }
        socket = null;
        tickers.clear(); // deltas after a reconnect apply to a new snapshot
        long ceiling = Math.min(settings.backoffMax().toMillis(),
                settings.backoffBase().toMillis() << Math.min(20, failures++));
        long delay = ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1);
        LOG.warn("bybit stream lost ({}); reconnecting in {} ms", why, delay);
        loop.schedule(this::connect, delay, TimeUnit.MILLISECONDS);
    }

    private void ping() {
        WebSocket ws = socket;
        if (ws != null) {
            ws.send("{\"op\":\"ping\"}");
        }
    }

    /** Candles closed while disconnected, from REST, delivered before any newer pushed candle. */
    private void fillGaps() {
        for (var e : new ArrayList<>(lastClosedOpen.entrySet())) {
            try {
                for (Candle c : rest.candles(e.getKey(), e.getValue() + Candle.INTERVAL_MILLIS, clock.millis())) {
                    deliver(c);
                }
            } catch (VenueException ex) {
                LOG.warn("bybit stream: gap fill of {} failed: {}", e.getKey(), ex.getMessage());
            }
        }
    }

    private void handle(String text) {
        try {
            JsonNode m = BybitApi.JSON.readTree(text);
            String topic = m.path("topic").asText("");
            if (topic.startsWith("kline.5.")) {
                String symbol = topic.substring("kline.5.".length());
                for (JsonNode k : m.path("data")) {
                    if (k.path("confirm").asBoolean(false)) {
                        deliver(new Candle(symbol, BybitJson.time(k, "start"), BybitJson.num(k, "open"),
                                BybitJson.num(k, "high"), BybitJson.num(k, "low"), BybitJson.num(k, "close"),
                                BybitJson.num(k, "volume")));
                    }
                }
            } else if (topic.startsWith("tickers.")) {
                ticker(topic.substring("tickers.".length()), m);
            } else if ("subscribe".equals(m.path("op").asText()) && !m.path("success").asBoolean(true)) {
                LOG.error("bybit stream: subscription refused: {}", m.path("ret_msg").asText());
            }
        } catch (Exception e) { // one bad message must not stop the stream
            LOG.warn("bybit stream: message skipped: {}", e.toString());
        }
    }

    private void deliver(Candle c) {
        Long last = lastClosedOpen.get(c.symbol());
        if (last == null || c.openTime() > last) {
            lastClosedOpen.put(c.symbol(), c.openTime());
            listener.onCandle(c);
        }
    }

    private void ticker(String symbol, JsonNode m) throws VenueException {
        ObjectNode state = tickers.get(symbol);
        if ("snapshot".equals(m.path("type").asText()) || state == null) {
            state = BybitApi.JSON.createObjectNode();
            tickers.put(symbol, state);
        }
        for (var f : m.path("data").properties()) { // a delta carries only the fields that changed
            state.set(f.getKey(), f.getValue());
        }
        if (state.hasNonNull("lastPrice") && state.hasNonNull("markPrice")) {
            listener.onTicker(new Ticker(symbol, m.path("ts").asLong(clock.millis()), BybitJson.num(state, "lastPrice"),
                    BybitJson.num(state, "markPrice"), BybitJson.num(state, "bid1Price", Double.NaN),
                    BybitJson.num(state, "ask1Price", Double.NaN), BybitJson.num(state, "volume24h", 0)));
        }
    }

    @Override
    public void close() {
        closed = true;
        loop.execute(() -> {
            if (socket != null) {
                socket.close(1000, "closing");
                socket = null;
            }
        });
        loop.shutdown();
        http.dispatcher().executorService().shutdown();
    }
}
