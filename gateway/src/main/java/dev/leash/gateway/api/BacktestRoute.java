package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.app.Gateway;

/** {@code POST /api/backtest}: a candidate parameter set against the current one on recent history. */
final class BacktestRoute {

    private final Gateway gw;

    BacktestRoute(Gateway gateway) {
        this.gw = gateway;
    }

    JsonNode run(ObjectNode body) {
        throw new ApiException(503, "Service Unavailable", "backtests are not wired yet on " + gw.venue().name());
    }
}
