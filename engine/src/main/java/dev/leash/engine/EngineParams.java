package dev.leash.engine;

import dev.leash.engine.strategy.Strategy;
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
 * @param strategy the entry rule, filters and exits in force (today's default when the params carry none)
 */
record EngineParams(Params params, RiskParams risk, int lookback, double stopLossPct, double takeProfitPct,
                    Strategy strategy) {

    static EngineParams compile(Params p, List<String> symbols, Limits limits) {
        RiskParams risk = RiskParams.compile(p, symbols, limits);
        Strategy strategy = Strategy.compile(p, limits);
        return new EngineParams(p, risk, strategy.lookback(), strategy.stopLossPct(), strategy.takeProfitPct(),
                strategy);
    }

    long version() {
        return params.version();
    }
}
