package dev.leash.gateway.loop;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.leash.gateway.app.JournalRecorder;
import dev.leash.journal.Journal;
import dev.leash.journal.JournalEvent;
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
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static dev.leash.testsupport.VenueFixtures.bybitJson;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stale-order cancel on an account a person also trades by hand (WireMock Bybit with two of the gateway's orders,
 * one stale and one young, and two stale orders placed by hand, one of them without a client order id).
 */
@Timeout(30)
class StaleOrdersTest {

    private static final long NOW = 1_704_070_000_000L;
    private static final Duration MAX_AGE = Duration.ofHours(2);
    private static final String OWN_STALE = "lsh-BTCUSDT-5680000-0";

    @TempDir
    Path dir;

    private final WireMockServer bybit = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private Journal journal;
    private JournalRecorder recorder;
    private BybitVenue venue;

    @BeforeEach
    void accountWithHandPlacedOrders() throws IOException {
        bybit.start();
        bybit.stubFor(get(urlPathEqualTo("/v5/order/realtime")).willReturn(json(bybitJson("order-realtime-mixed"))));
        bybit.stubFor(post(urlPathEqualTo("/v5/order/cancel")).willReturn(json(bybitJson("order-cancel"))));
        journal = Journal.open(Journal.sqliteUrl(dir));
        recorder = new JournalRecorder(journal);
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
    void cancelsOnlyTheGatewaysOwnStaleOrdersAndLeavesHandPlacedOnesAlone() throws Exception {
        StaleOrders stale = new StaleOrders(venue, recorder, MAX_AGE, false);

        int cancelled = stale.cancel(NOW);
        stale.cancel(NOW + 60_000);

        assertThat(cancelled).isEqualTo(1);
        bybit.verify(2, postRequestedFor(urlPathEqualTo("/v5/order/cancel")));
        bybit.verify(2, postRequestedFor(urlPathEqualTo("/v5/order/cancel"))
                .withRequestBody(matchingJsonPath("$.orderLinkId", equalTo(OWN_STALE))));
        List<String> events = journal.events("order", 20).stream().map(JournalEvent::message).toList();
        assertThat(events).filteredOn(m -> m.contains("my-hand-order-7")).singleElement()
                .satisfies(m -> assertThat(m).contains("left alone"));
        assertThat(events).filteredOn(m -> m.contains("venue id 1321003749386327553")).singleElement()
                .satisfies(m -> assertThat(m).contains("left alone"));
        assertThat(events).noneMatch(m -> m.contains("lsh-ETHUSDT")); // young: not stale
    }

    @Test
    void cancelsStaleHandPlacedOrdersOnlyWhenConfiguredAndNeverOneWithoutAClientOrderId() throws Exception {
        int cancelled = new StaleOrders(venue, recorder, MAX_AGE, true).cancel(NOW);

        assertThat(cancelled).isEqualTo(2);
        bybit.verify(2, postRequestedFor(urlPathEqualTo("/v5/order/cancel")));
        bybit.verify(1, postRequestedFor(urlPathEqualTo("/v5/order/cancel"))
                .withRequestBody(matchingJsonPath("$.orderLinkId", equalTo(OWN_STALE))));
        bybit.verify(1, postRequestedFor(urlPathEqualTo("/v5/order/cancel"))
                .withRequestBody(matchingJsonPath("$.orderLinkId", equalTo("my-hand-order-7"))));
        assertThat(journal.events("order", 20)).extracting(JournalEvent::message)
                .anyMatch(m -> m.contains("cancelled stale order my-hand-order-7") && m.contains("placed by hand"))
                .anyMatch(m -> m.contains("venue id 1321003749386327553") && m.contains("no client order id"));
    }

    private static ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }
}
