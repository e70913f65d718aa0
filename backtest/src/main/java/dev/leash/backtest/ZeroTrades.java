package dev.leash.backtest;

import dev.leash.risk.ParamField;
import dev.leash.risk.Params;
import dev.leash.risk.TradingMode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Why a backtest closed no trade, in one plain sentence, so that a zero is never left unexplained. */
public final class ZeroTrades {

    private ZeroTrades() {
    }

    /** The reason {@code result} over {@code window} closed no trade; null when it closed at least one. */
    public static String reason(BacktestResult result, BacktestWindow window) {
        if (result.metrics().trades() > 0) {
            return null;
        }
        Params p = result.params();
        if (p.tradingMode() != TradingMode.ACTIVE) {
            return ParamField.TRADING_MODE.wireName() + " is " + p.tradingMode().wireName()
                    + ": no position is opened in that mode";
        }
        List<String> disabled = new ArrayList<>();
        for (String s : result.symbols()) {
            if (!p.isEnabled(s)) {
                disabled.add(s);
            }
        }
        if (!result.symbols().isEmpty() && disabled.size() == result.symbols().size()) {
            return "every symbol backtested is disabled in these params: " + disabled;
        }
        if (window.barsPerSymbol() == 0) {
            return "the window has no bars after the " + window.warmupBars() + " warm-up bars";
        }
        if (p.breakoutLookback() > window.warmupBars() + window.barsPerSymbol()) {
            return String.format(Locale.ROOT, "%s is %d bars, longer than the %d bars available: no breakout"
                    + " can be measured", ParamField.BREAKOUT_LOOKBACK.wireName(), p.breakoutLookback(),
                    window.warmupBars() + window.barsPerSymbol());
        }
        if (!result.fills().isEmpty()) {
            return String.format(Locale.ROOT, "%d fills but no round trip closed: the position opened is still"
                    + " open at the end, marked at the last price (unrealized %.2f USDT)",
                    result.fills().size(), result.metrics().unrealizedPnl());
        }
        if (result.rejectedOrders() > 0) {
            return result.rejectedOrders() + " orders were refused by the simulated exchange";
        }
        return String.format(Locale.ROOT, "no breakout of the %d-bar range occurred in the %.1f days traded",
                p.breakoutLookback(), window.days()) + (disabled.isEmpty() ? "" : "; disabled: " + disabled);
    }
}
