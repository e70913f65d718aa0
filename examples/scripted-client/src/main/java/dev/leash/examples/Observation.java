package dev.leash.examples;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one review cycle saw, distilled from {@code get_state}, {@code get_market}, {@code get_trades} and
 * {@code get_params}: the numbers the rules decide on.
 *
 * @param health              the gateway's health status: ok, degraded or down
 * @param equity              account equity, USDT
 * @param paramsVersion       the version trading now
 * @param maxPositionPct      the current {@code max_position_pct}
 * @param maxPositionMin      the lowest {@code max_position_pct} allowed now ({@code may_change_now.ranges})
 * @param maxPositionMax      the highest {@code max_position_pct} allowed now (step, drift and ceiling applied)
 * @param increaseAllowedNow  whether any risk increase is allowed now (cooldown, daily count)
 * @param enabled             symbol -> enabled, in the params' order
 * @param volatility          symbol -> realized volatility, percent, for every symbol the market reports
 * @param losses              symbol -> realized P&L of its latest run of consecutive losing closed trades, newest first
 * @param trades              fills seen in {@code get_trades}
 */
public record Observation(String health, double equity, long paramsVersion, double maxPositionPct,
                          double maxPositionMin, double maxPositionMax, boolean increaseAllowedNow, Map<String, Boolean> enabled,
                          Map<String, Double> volatility, Map<String, List<Double>> losses, int trades) {

    public Observation {
        enabled = Collections.unmodifiableMap(new LinkedHashMap<>(enabled));
        volatility = Collections.unmodifiableMap(new LinkedHashMap<>(volatility));
        losses = Collections.unmodifiableMap(new LinkedHashMap<>(losses));
    }

    /** Reads the four tools' answers. */
    public static Observation of(JsonNode state, JsonNode market, JsonNode trades, JsonNode paramsReply) {
        JsonNode params = paramsReply.path("params");
        Map<String, Boolean> enabled = new LinkedHashMap<>();
        params.path("symbols").properties().forEach(e -> enabled.put(e.getKey(), e.getValue().path("enabled")
                .asBoolean()));
        Map<String, Double> vol = new LinkedHashMap<>();
        for (JsonNode m : market.path("market")) {
            JsonNode v = m.get("realized_volatility_pct");
            if (v != null && v.isNumber()) {
                vol.put(m.path("symbol").asText(), v.asDouble());
            }
        }
        JsonNode range = paramsReply.path("may_change_now").path("ranges").path("max_position_pct");
        double cur = params.path("max_position_pct").asDouble();
        return new Observation(state.path("health").path("status").asText("unknown"),
                state.path("equity").asDouble(Double.NaN), params.path("version").asLong(), cur,
                range.path("min").asDouble(cur), range.path("max").asDouble(cur),
                paramsReply.path("may_change_now").path("increase_allowed_now").asBoolean(false), enabled, vol,
                losingRuns(trades.path("trades")), trades.path("trades").size());
    }

    /** Per symbol, the realized P&L of the newest consecutive losing closed trades (fills that realized P&L). */
    static Map<String, List<Double>> losingRuns(JsonNode newestFirst) {
        Map<String, List<Double>> runs = new LinkedHashMap<>();
        Map<String, Boolean> broken = new LinkedHashMap<>();
        for (JsonNode f : newestFirst) {
            double pnl = f.path("realized_pnl").asDouble(0);
            if (pnl == 0) {
                continue;
            }
            String symbol = f.path("symbol").asText();
            if (broken.getOrDefault(symbol, false)) {
                continue;
            }
            if (pnl < 0) {
                runs.computeIfAbsent(symbol, s -> new ArrayList<>()).add(pnl);
            } else {
                broken.put(symbol, true);
            }
        }
        return runs;
    }

    /** Mean realized volatility of the enabled symbols, NaN when none reports it. */
    public double meanVolatility() {
        return volatility.entrySet().stream().filter(e -> enabled.getOrDefault(e.getKey(), false))
                .mapToDouble(Map.Entry::getValue).average().orElse(Double.NaN);
    }

    public int enabledCount() {
        return (int) enabled.values().stream().filter(Boolean::booleanValue).count();
    }

    /** The same market and trades seen through freshly read params (after an accepted change). */
    public Observation withParams(JsonNode paramsReply) {
        Observation p = of(NO_STATE, NO_MARKET, NO_TRADES, paramsReply);
        return new Observation(health, equity, p.paramsVersion, p.maxPositionPct, p.maxPositionMin, p.maxPositionMax,
                p.increaseAllowedNow, p.enabled, volatility, losses, trades);
    }

    private static final JsonNode NO_STATE = LeashClient.JSON.createObjectNode();
    private static final JsonNode NO_MARKET = LeashClient.JSON.createObjectNode();
    private static final JsonNode NO_TRADES = LeashClient.JSON.createObjectNode();
}
