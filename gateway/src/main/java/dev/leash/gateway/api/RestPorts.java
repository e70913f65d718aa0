package dev.leash.gateway.api;

import dev.leash.gateway.config.GatewayConfig;
import dev.leash.gateway.events.LiveEvents;
import dev.leash.journal.Journal;
import dev.leash.gateway.metrics.GatewayMetrics;
import dev.leash.venue.Venue;

import java.time.Clock;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Everything the REST API reaches of the running gateway, assembled by the wiring: each route class takes only the
 * parts it uses.
 *
 * @param metrics the Prometheus metrics, read when {@code /metrics} is scraped (they may be created after the API)
 * @param events the live event stream {@code /api/events} serves, created before the API starts
 * @param strategies the strategy promotion pipeline, created after the API (null until then, or when not running)
 */
public record RestPorts(GatewayConfig config, Clock wall, Venue venue, Journal journal, LoopReads loops,
                        ParamReads params, GatewayCommands commands, Credentials credentials,
                        Supplier<GatewayMetrics> metrics, Supplier<LiveEvents> events,
                        Supplier<dev.leash.gateway.strategies.StrategyPipeline> strategies) {

    /** The ports without the strategy pipeline: its routes answer 503. */
    public RestPorts(GatewayConfig config, Clock wall, Venue venue, Journal journal, LoopReads loops,
                     ParamReads params, GatewayCommands commands, Credentials credentials,
                     Supplier<GatewayMetrics> metrics, Supplier<LiveEvents> events) {
        this(config, wall, venue, journal, loops, params, commands, credentials, metrics, events, () -> null);
    }

    public RestPorts {
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(wall, "wall");
        Objects.requireNonNull(venue, "venue");
        Objects.requireNonNull(journal, "journal");
        Objects.requireNonNull(loops, "loops");
        Objects.requireNonNull(params, "params");
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(credentials, "credentials");
        Objects.requireNonNull(metrics, "metrics");
        Objects.requireNonNull(events, "events");
        Objects.requireNonNull(strategies, "strategies");
    }
}
