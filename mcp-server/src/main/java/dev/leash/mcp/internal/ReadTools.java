package dev.leash.mcp.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.leash.mcp.internal.Schemas.integer;
import static dev.leash.mcp.internal.Schemas.object;
import static dev.leash.mcp.internal.Schemas.props;
import static dev.leash.mcp.internal.Schemas.symbol;
import static dev.leash.mcp.internal.Schemas.symbols;

/**
 * The read tools: each is one GET on the gateway, its arguments passed as query parameters, answered from the
 * {@link Snapshot} while it is fresh.
 */
final class ReadTools {

    private final GatewayClient gateway;
    private final Snapshot snapshot;

    ReadTools(GatewayClient gateway, Snapshot snapshot) {
        this.gateway = gateway;
        this.snapshot = snapshot;
    }

    List<SyncToolSpecification> all() {
        return List.of(
                get("get_state", "Snapshot: equity, 24h P&L, positions, open orders, trading state, risk use, health.",
                        object(props()), "/api/state", false),
                get("get_trades", "Recent fills, newest first.",
                        object(props().<ObjectNode>set("symbol", symbol())
                                .<ObjectNode>set("limit", integer(1, 500, "Max fills (default 50)"))
                                .set("since", Schemas.since())),
                        "/api/trades", false, "symbol", "limit", "since"),
                get("get_positions", "Open positions with entry, mark, unrealized P&L, stop and take-profit prices.",
                        object(props()), "/api/positions", false),
                openOrders(),
                get("get_funding_rates", "Current funding rate, next funding time and 3-day history per symbol.",
                        object(props().set("symbols", symbols())), "/api/funding", true, "symbols"),
                get("get_market", "Price, 24h change and strategy signals (breakout channel, volatility) per symbol.",
                        object(props().set("symbols", symbols())), "/api/market", true, "symbols"),
                get("get_performance", "Win rate, profit factor, P&L, fees, return and drawdown over a window;"
                                + " amounts are signed as their effect on equity (fees negative when paid).",
                        object(props().<ObjectNode>set("window",
                                        Schemas.oneOf("Window (default 24h)", "24h", "7d", "30d", "all"))
                                .set("symbol", symbol())),
                        "/api/performance", false, "window", "symbol"),
                get("get_decisions", "Inner-loop decisions at bar close, including skips, with signals and reason.",
                        object(props().<ObjectNode>set("symbol", symbol())
                                .set("limit", integer(1, 500, "Max decisions (default 50)"))),
                        "/api/decisions", false, "symbol", "limit"),
                get("get_health", "Gateway health: inner and middle loop status, trading state, params problems.",
                        object(props()), "/api/health", false),
                get("get_params", "Current params, the ceilings, and what may change now (ranges, cooldown left).",
                        object(props()), "/api/params", false),
                get("get_param_history", "Accepted param versions, newest first: author, rationale, diff, outcome."
                                + " A version's P&L: of the trades it opened, wherever they closed (pnl_attribution);"
                                + " return, drawdown: the account's while it was active.",
                        object(props().set("limit", integer(1, 500, "Max versions (default 20)"))),
                        "/api/params/history", false, "limit"),
                scorecard());
    }

    private SyncToolSpecification scorecard() {
        return LeashTool.read("get_scorecard", "Is the AI helping? Per change of yours, against shadow books on the"
                        + " same prices: strategy effect (new params vs the version replaced), execution effect (live"
                        + " vs a shadow on the live params), live vs the never-tuned baseline; each a verdict, USDT"
                        + " difference [95% interval], closed trades. Below min_trades: 'insufficient evidence', not"
                        + " a direction.",
                object(props().set("window", Schemas.oneOf("Window (default 7d)", "24h", "7d", "30d"))), call -> {
                    Map<String, String> q = query(call, "window");
                    q.put("compact", "true");
                    return ToolResults.of(gateway.get("/api/scorecard", q), gateway);
                });
    }

    private SyncToolSpecification openOrders() {
        return LeashTool.read("get_open_orders", "Open orders on the venue (placed by the gateway, never by a tool).",
                object(props().set("symbol", symbol())), call -> {
                    Map<String, String> q = query(call, "symbol");
                    q.put("status", "open");
                    return ToolResults.of(snapshot.get("/api/orders", q), gateway);
                });
    }

    private SyncToolSpecification get(String name, String description, ObjectNode schema, String path,
                                      boolean cached, String... params) {
        return LeashTool.read(name, description, schema, call -> {
            Map<String, String> q = query(call, params);
            return ToolResults.of(cached ? gateway.getCached(path, q) : snapshot.get(path, q), gateway);
        });
    }

    private static Map<String, String> query(ToolCall call, String... params) {
        Map<String, String> q = new LinkedHashMap<>();
        for (String p : params) {
            if (call.has(p)) {
                q.put(p, call.query(p));
            }
        }
        return q;
    }
}
