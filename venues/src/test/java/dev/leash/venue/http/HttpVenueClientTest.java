package dev.leash.venue.http;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.leash.venue.http.HttpVenueException.Kind;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/** The shared client's circuit breaker, limits and write semantics, independent of any venue. */
@Timeout(30)
class HttpVenueClientTest {

    private static final Clock CLOCK = Clock.fixed(Instant.ofEpochMilli(1_704_070_000_000L), ZoneOffset.UTC);

    private final WireMockServer wm = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    private final List<VenueHealth> events = new CopyOnWriteArrayList<>();
    private HttpVenueClient client;

    @BeforeEach
    void start() {
        wm.start();
        HttpVenueSettings s = HttpVenueSettings.defaults("test", List.of(
                        new RateLimit("ip", 1000, Duration.ofSeconds(1), Duration.ZERO),
                        new RateLimit("tight", 2, Duration.ofMinutes(1), Duration.ZERO)), CLOCK)
                .withTimeouts(Duration.ofSeconds(1), Duration.ofSeconds(5))
                .withRetries(1, Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofSeconds(1))
                .withBreaker(3, Duration.ofMinutes(1));
        client = HttpVenueClient.create(wm.baseUrl(), s, events::add);
    }

    @AfterEach
    void stop() {
        client.close();
        wm.stop();
    }

    private String read(String path) throws Exception {
        return client.read(path, "a=1", RequestSigner.NONE, List.of("ip"), HttpReply::body);
    }

    @Test
    void consecutiveFailuresOpenTheBreakerTellTheListenerAndFailFast() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/down")).willReturn(aResponse().withStatus(500)));

        for (int i = 0; i < 3; i++) {
            assertThat(catchThrowableOfType(HttpVenueException.class, () -> read("/down")).kind())
                    .isEqualTo(Kind.SERVER);
        }
        HttpVenueException open = catchThrowableOfType(HttpVenueException.class, () -> read("/down"));

        assertThat(open.kind()).isEqualTo(Kind.CIRCUIT_OPEN);
        assertThat(open).hasMessageContaining("circuit breaker is open");
        assertThat(client.health().breakerState()).isEqualTo("OPEN");
        assertThat(client.health().lastFailure()).contains("HTTP 500");
        assertThat(events).extracting(VenueHealth::breakerState).containsExactly("OPEN");
        wm.verify(exactly(3), getRequestedFor(urlPathEqualTo("/down")));
    }

    @Test
    void aSuccessBreaksTheRunOfFailures() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/down")).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));
        wm.stubFor(get(urlPathEqualTo("/up")).willReturn(aResponse().withBody("ok")));

        for (String path : List.of("/down", "/down", "/up", "/down", "/down")) {
            try {
                read(path);
            } catch (HttpVenueException e) {
                assertThat(e.kind()).isEqualTo(Kind.TRANSPORT);
            }
        }

        assertThat(client.health().breakerState()).isEqualTo("CLOSED");
        assertThat(events).isEmpty();
    }

    @Test
    void refusalsDoNotOpenTheBreaker() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/bad")).willReturn(aResponse().withStatus(400)));

        for (int i = 0; i < 5; i++) {
            assertThat(catchThrowableOfType(HttpVenueException.class, () -> read("/bad")).kind())
                    .isEqualTo(Kind.REFUSED);
        }

        assertThat(client.health().breakerState()).isEqualTo("CLOSED");
    }

    @Test
    void writesAreSentOnceEvenWhenTheyFail() {
        wm.stubFor(post(urlPathEqualTo("/order")).willReturn(aResponse().withStatus(503)));

        HttpVenueException e = catchThrowableOfType(HttpVenueException.class, () -> client.write("POST", "/order",
                "{}", RequestSigner.NONE, List.of("ip"), HttpReply::body));

        assertThat(e.outcomeUnknown()).isTrue();
        wm.verify(exactly(1), postRequestedFor(urlPathEqualTo("/order")));
    }

    @Test
    void aRequestWithoutAPermitIsNotSent() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/up")).willReturn(aResponse().withBody("ok")));
        RequestSigner none = RequestSigner.NONE;

        client.read("/up", "", none, List.of("tight"), HttpReply::body);
        client.read("/up", "", none, List.of("tight"), HttpReply::body);
        HttpVenueException e = catchThrowableOfType(HttpVenueException.class,
                () -> client.read("/up", "", none, List.of("tight"), HttpReply::body));

        assertThat(e.kind()).isEqualTo(Kind.RATE_LIMITED);
        assertThat(e).hasMessageContaining("local rate limit 'tight'");
        wm.verify(exactly(2), getRequestedFor(urlPathEqualTo("/up")));
    }

    @Test
    void theSignerSeesTheQueryExactlyAsSent() throws Exception {
        wm.stubFor(get(urlPathEqualTo("/q")).willReturn(aResponse().withBody("ok")));
        List<String> signed = new CopyOnWriteArrayList<>();
        String query = new QueryString().add("s", "a b&c").addEncoded("cursor", "x%3D1%26y").encoded();

        client.read("/q", query, (m, p, q, b) -> {
            signed.add(q);
            return Map.of();
        }, List.of("ip"), HttpReply::body);

        String sent = wm.getAllServeEvents().get(0).getRequest().getUrl();
        assertThat(signed).containsExactly("s=a%20b%26c&cursor=x%3D1%26y");
        assertThat(sent).isEqualTo("/q?" + signed.get(0));
    }
}
