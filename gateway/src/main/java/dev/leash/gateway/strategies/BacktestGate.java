package dev.leash.gateway.strategies;

import dev.leash.backtest.BacktestMetrics;
import dev.leash.gateway.config.GatewayConfig;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The backtest gate: a proposal's out-of-sample figures against the live strategy's; empty reasons pass. */
public final class BacktestGate {

    private BacktestGate() {
    }

    /** Why {@code candidate} may not be shadowed, judged against {@code live} on the same bars; empty when it may. */
    public static List<String> reasons(BacktestMetrics live, BacktestMetrics candidate,
                                       GatewayConfig.Strategies settings) {
        List<String> out = new ArrayList<>();
        if (candidate.trades() < settings.minBacktestTrades()) {
            out.add("trades too little to judge: " + candidate.trades() + " closed trades out of sample, at least "
                    + settings.minBacktestTrades() + " needed");
        }
        double allowed = live.maxDrawdownPct() + settings.maxDrawdownMarginPct();
        if (!(candidate.maxDrawdownPct() <= allowed)) {
            out.add(String.format(Locale.ROOT, "max drawdown %.3f %% out of sample is worse than the live strategy's"
                            + " %.3f %% by more than the %.3f-point margin", candidate.maxDrawdownPct(),
                    live.maxDrawdownPct(), settings.maxDrawdownMarginPct()));
        }
        return out;
    }
}
