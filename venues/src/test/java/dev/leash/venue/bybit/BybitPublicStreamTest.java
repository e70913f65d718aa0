package dev.leash.venue.bybit;

import dev.leash.venue.Candle;
import dev.leash.venue.Ticker;
import io.javalin.Javalin;
import io.javalin.websocket.WsContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import static dev.leash.venue.bybit.BybitWireMock.CLOCK;
import static org.assertj.core.api.Assertions.assertThat;

/** The public stream against a loopback WebSocket server (Javalin) that speaks Bybit's push format. */
@Timeout(30)
class BybitPublicStreamTest {

    private static final long T0 = 1_704_069_600_000L;
    private static final long BAR = Candle.INTERVAL_MILLIS;

    private final BlockingQueue<String> received = new LinkedBlockingQueue<>();
    private final BlockingQueue<Object> delivered = new LinkedBlockingQueue<>();
    private final List<long[]> restAsked = new CopyOnWriteArrayList<>();
    private volatile Consumer<WsContext> onSubscribe = ws -> { };
    private Javalin server;
    private BybitPublicStream stream;

    @BeforeEach
    void startServer() {
        server = Javalin.create(cfg -> {
            cfg.jetty.host = "127.0.0.1";
            cfg.jetty.port = 0;
            cfg.startup.showJavalinBanner = false;
            cfg.routes.ws("/v5/public/linear", ws -> ws.onMessage(ctx -> {
                received.add(ctx.message());
                if (ctx.message().contains("subscribe")) {
                    onSubscribe.accept(ctx);
                }
            }));
        }).start();
    }

    @AfterEach
    void stop() {
        if (stream != null) {
            stream.close();
        }
        server.stop();
    }

    private void open(Duration ping) {
        var settings = new BybitPublicStream.Settings("ws://127.0.0.1:" + server.port() + "/v5/public/linear",
                List.of("BTCUSDT"), ping, Duration.ofMillis(50), Duration.ofMillis(200));
        stream = BybitPublicStream.open(settings, (symbol, from, to) -> {
            restAsked.add(new long[]{from, to});
            return List.of(bar(from), bar(from + BAR));
        }, CLOCK, new BybitPublicStream.Listener() {
            @Override
            public void onCandle(Candle c) {
                delivered.add(c);
            }

            @Override
            public void onTicker(Ticker t) {
                delivered.add(t);
            }
        });
    }

    private static Candle bar(long open) {
        return new Candle("BTCUSDT", open, 42000, 42010, 41990, 42005, 3.5);
    }

    private static String kline(long start, boolean confirm) {
        return "{\"topic\":\"kline.5.BTCUSDT\",\"type\":\"snapshot\",\"ts\":" + (start + 1000) + ",\"data\":[{\"start\":"
                + start + ",\"end\":" + (start + BAR - 1) + ",\"interval\":\"5\",\"open\":\"42000\",\"close\":\"42005\","
                + "\"high\":\"42010\",\"low\":\"41990\",\"volume\":\"3.5\",\"turnover\":\"147017.5\",\"confirm\":"
                + confirm + ",\"timestamp\":" + (start + 1000) + "}]}";
    }

    @Test
    void subscribesAndDeliversOnlyClosedCandlesAndMergedTickers() throws Exception {
        onSubscribe = ws -> {
            ws.send(kline(T0, false));
            ws.send(kline(T0, true));
            ws.send("{\"topic\":\"tickers.BTCUSDT\",\"type\":\"snapshot\",\"ts\":1704070000000,\"data\":{"
                    + "\"symbol\":\"BTCUSDT\",\"lastPrice\":\"42020.1\",\"markPrice\":\"42018.7\",\"bid1Price\":\"42020\","
                    + "\"ask1Price\":\"42020.2\",\"volume24h\":\"83500.456\",\"fundingRate\":\"0.0001\"}}");
            ws.send("{\"topic\":\"tickers.BTCUSDT\",\"type\":\"delta\",\"ts\":1704070000100,\"data\":{"
                    + "\"symbol\":\"BTCUSDT\",\"lastPrice\":\"42030.5\"}}");
        };
        open(Duration.ofSeconds(20));

        assertThat(received.poll(5, TimeUnit.SECONDS))
                .isEqualTo("{\"op\":\"subscribe\",\"args\":[\"kline.5.BTCUSDT\",\"tickers.BTCUSDT\"]}");
        assertThat(delivered.poll(5, TimeUnit.SECONDS)).isEqualTo(bar(T0));
        assertThat(delivered.poll(5, TimeUnit.SECONDS))
                .isEqualTo(new Ticker("BTCUSDT", 1704070000000L, 42020.1, 42018.7, 42020, 42020.2, 83500.456));
        assertThat(delivered.poll(5, TimeUnit.SECONDS))
                .isEqualTo(new Ticker("BTCUSDT", 1704070000100L, 42030.5, 42018.7, 42020, 42020.2, 83500.456));
        assertThat(delivered.poll(200, TimeUnit.MILLISECONDS)).isNull();
    }

    @Test
    void pingsOnSchedule() throws Exception {
        open(Duration.ofMillis(100));

        assertThat(received.poll(5, TimeUnit.SECONDS)).contains("subscribe");
        assertThat(received.poll(5, TimeUnit.SECONDS)).isEqualTo("{\"op\":\"ping\"}");
    }

    @Test
    void reconnectsResubscribesAndFillsTheGapFromRest() throws Exception {
        int[] subscribes = {0};
        onSubscribe = ws -> {
            if (++subscribes[0] == 1) {
                ws.send(kline(T0, true));
                ws.closeSession(1001, "going away");
            } else {
                ws.send(kline(T0 + 3 * BAR, true));
            }
        };
        open(Duration.ofSeconds(20));

        assertThat(delivered.poll(5, TimeUnit.SECONDS)).isEqualTo(bar(T0));
        assertThat(delivered.poll(5, TimeUnit.SECONDS)).isEqualTo(bar(T0 + BAR));
        assertThat(delivered.poll(5, TimeUnit.SECONDS)).isEqualTo(bar(T0 + 2 * BAR));
        assertThat(delivered.poll(5, TimeUnit.SECONDS)).isEqualTo(bar(T0 + 3 * BAR));
        assertThat(received).filteredOn(m -> m.contains("subscribe")).hasSize(2); // subscribed again
        assertThat(restAsked).singleElement()
                .satisfies(r -> assertThat(r).containsExactly(T0 + BAR, BybitWireMock.NOW));
    }
}
