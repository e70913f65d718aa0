package dev.leash.gateway.loop;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.leash.gateway.app.JournalRecorder;
import dev.leash.journal.Journal;
import dev.leash.journal.JournalEvent;
import dev.leash.venue.Fill;
import dev.leash.venue.bybit.BybitConfig;
import dev.leash.venue.bybit.BybitVenue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.leash.testsupport.VenueFixtures.bybitJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reconciliation on an account a person also trades by hand (WireMock Bybit): the venue is the truth for this
 * gateway's orders and fills, and the hand-placed ones are reported, never journaled as the gateway's own.
 */
@Timeout(30)
class OrderReconcilerTest {

    private static final long NOW = 1_704_070_000_000L;

    @TempDir
    Path dir;

    private final WireMockServer bybit = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private Journal journal;
    private BybitVenue venue;

    @BeforeEach
    void accountTradedByHandToo() throws IOException {
        bybit.start();
        bybit.stubFor(get(urlPathEqualTo("/v5/order/realtime")).willReturn(json(bybitJson("order-realtime-mixed"))));
        bybit.stubFor(get(urlPathEqualTo("/v5/execution/list")).willReturn(json(bybitJson("execution-list-mixed"))));
        journal = Journal.open(Journal.sqliteUrl(dir));
        Clock clock = Clock.fixed(Instant.ofEpochMilli(NOW), ZoneOffset.UTC);
        venue = BybitVenue.create(new BybitConfig(bybit.baseUrl(), "test-api-key-0001", "test-secret-never-logged-9",
                List.of("BTCUSDT", "ETHUSDT"), 5000, Duration.ofSeconds(1), Duration.ofSeconds(2), clock));
    }

    @AfterEach
    void stop() {
        venue.close();
        journal.close();
        bybit.stop();
    }

    @Test
    void fillsOfHandPlacedOrdersAreReportedButNeverJournaledAsTheGatewaysOwn() throws Exception {
        OrderReconciler reconciler = new OrderReconciler(venue, journal, new JournalRecorder(journal));

        reconciler.reconcile(NOW, 7);
        int again = reconciler.reconcile(NOW, 7);

        assertThat(journal.fillsBetween(0, Long.MAX_VALUE)).extracting(Fill::clientOrderId)
                .containsExactly("lsh-BTCUSDT-5680000-0");
        assertThat(again).isZero();
        List<String> events = journal.events("reconcile", 20).stream().map(JournalEvent::message).toList();
        assertThat(events).filteredOn(m -> m.contains("b3c1d0e2-0000-4000-8000-000000000003")).singleElement()
                .satisfies(m -> assertThat(m).contains("my-hand-order-7").contains("not journaled"));
        assertThat(events).filteredOn(m -> m.contains("b3c1d0e2-0000-4000-8000-000000000002")).singleElement()
                .satisfies(m -> assertThat(m).contains("not journaled"));
        bybit.verify(0, postRequestedFor(urlPathMatching("/v5/order/.*")));
    }

    @Test
    void aCloseJournaledBeforeBybitPublishedItsPnlGetsItOnTheNextPass() throws Exception {
        bybit.stubFor(get(urlPathEqualTo("/v5/execution/list")).willReturn(json(bybitJson("execution-list-closing"))));
        bybit.stubFor(get(urlPathEqualTo("/v5/position/closed-pnl"))
                .willReturn(json(bybitJson("position-closed-pnl-empty"))));
        OrderReconciler reconciler = new OrderReconciler(venue, journal, new JournalRecorder(journal));
        reconciler.reconcile(NOW, 7);
        assertThat(journal.fillsBetween(0, Long.MAX_VALUE)).filteredOn(f -> f.qty() < 0.003)
                .allSatisfy(f -> assertThat(f.realizedPnl()).isNaN());

        bybit.stubFor(get(urlPathEqualTo("/v5/position/closed-pnl"))
                .willReturn(json(bybitJson("position-closed-pnl"))));
        reconciler.reconcile(NOW + 60_000, 7);

        assertThat(journal.fillsBetween(0, Long.MAX_VALUE)).hasSize(3)
                .extracting(Fill::realizedPnl).containsExactlyInAnyOrder(0.0, 1.0, 0.5);
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
