package dev.leash.engine;

import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.RiskParams;

import java.util.List;

/**
 * A parameter version as the engine applies it: clamped into the limits and compiled for the pre-trade check.
 *
 * @param lookback the breakout channel's length in closed bars
 * @param stopLossPct adverse move from entry, percent, that closes a position
 * @param takeProfitPct favourable move from entry, percent, that closes a position; NaN when off
 */
record EngineParams(Params params, RiskParams risk, int lookback, double stopLossPct, double takeProfitPct) {

    static EngineParams compile(Params p, List<String> symbols, Limits limits) {
        RiskParams risk = RiskParams.compile(p, symbols, limits);
        return new EngineParams(p, risk, (int) limits.breakoutLookback().clamp(p.breakoutLookback()),
                limits.stopLossPct().clamp(p.stopLossPct()),
                p.takeProfitPct() == null ? Double.NaN : limits.takeProfitPct().clamp(p.takeProfitPct()));
    }

    long version() {
        return params.version();
    }
}
