package dev.leash.gateway.engine;

import dev.leash.risk.OrderReject;
import dev.leash.risk.ParamField;
import dev.leash.risk.TradingState;

/**
 * The engine's decision and rejection reports with their reason text: the cold path, called only when the listener
 * {@link EngineListener#wantsReports() wants reports} (HOLD decisions: {@link EngineListener#wantsBarDecisions()}).
 */
final class DecisionReports {

    /** Why an order was not sent; the details are in the symbol's state. */
    enum Skip { BLOCKED, MIN_SIZE, RISK }

    private final EngineListener listener;

    DecisionReports(EngineListener listener) {
        this.listener = listener;
    }

    boolean wanted() {
        return listener.wantsReports();
    }

    boolean barDecisionsWanted() {
        return listener.wantsBarDecisions();
    }

    /** A bar closed and nothing is to be done. */
    void hold(SymbolState s, long time, EngineParams p) {
        listener.onDecision(new Decision(time, s.symbol, Action.HOLD, describe(s, p.lookback()), s.signals(),
                p.version()));
    }

    /** An order passed the pre-trade check and is about to be sent. */
    void order(SymbolState s, Action action, double price, long time, EngineParams p, TradingState state) {
        listener.onDecision(new Decision(time, s.symbol, action, reason(s, action, price, p, state), s.signals(),
                p.version()));
    }

    /** The pre-trade check refused an order. */
    void rejection(SymbolState s, double signedQty, double price, OrderReject reject, long time, EngineParams p) {
        listener.onRiskRejection(new RiskRejection(time, s.symbol, signedQty, price, reject, p.version()));
    }

    /** A trade was wanted but not made. */
    void skip(SymbolState s, Action wanted, Skip why, long time, EngineParams p, TradingState state) {
        String reason = switch (why) {
            case BLOCKED -> blockText(s, s.block, p, state);
            case MIN_SIZE -> "size " + s.skippedQty + " below the minimum (qty " + s.minQty + ", notional "
                    + s.minNotional + ") at equity " + Math.round(s.skippedEquity);
            case RISK -> "risk check: " + s.reject;
        };
        listener.onDecision(new Decision(time, s.symbol, Action.SKIP, wanted + ": " + reason, s.signals(),
                p.version()));
    }

    private static String reason(SymbolState s, Action action, double price, EngineParams p, TradingState state) {
        return switch (action) {
            case ENTER_LONG, ENTER_SHORT, REVERSE_LONG, REVERSE_SHORT -> "break of the " + p.lookback()
                    + "-bar channel [" + s.channelLow + ", " + s.channelHigh + "] at " + price;
            case STOP_LOSS -> "price " + price + " hit the stop " + p.stopLossPct() + "% from entry " + s.entryPrice;
            case TAKE_PROFIT -> "price " + price + " reached the take-profit " + p.takeProfitPct() + "% from entry "
                    + s.entryPrice;
            case EXIT -> "opposite break at " + price + (s.block == SymbolState.Block.NONE ? ""
                    : "; no reversal: " + blockText(s, s.block, p, state));
            case FLATTEN -> "daily loss limit reached";
            default -> action.name();
        };
    }

    private static String blockText(SymbolState s, SymbolState.Block block, EngineParams p, TradingState state) {
        return switch (block) {
            case STATE -> "trading state " + state;
            case MODE -> ParamField.TRADING_MODE.wireName() + " " + p.risk().tradingMode().wireName();
            case DISABLED -> s.symbol + " is not enabled";
            case HELD -> s.symbol + " is held reduce-only (" + heldBecause(s.holds) + ")";
            case NONE -> "";
        };
    }

    private static String heldBecause(int holds) {
        StringBuilder b = new StringBuilder();
        for (SymbolHold h : SymbolHold.values()) {
            if ((holds & h.bit()) != 0) {
                b.append(b.length() == 0 ? "" : ", ").append(h.name().toLowerCase(java.util.Locale.ROOT));
            }
        }
        return b.toString();
    }

    private static String describe(SymbolState s, int lookback) {
        if (Double.isNaN(s.channelHigh)) {
            return "warming up: " + s.closedBars() + " of " + lookback + " bars";
        }
        if (s.position == 0) {
            return "flat; channel [" + s.channelLow + ", " + s.channelHigh + "]";
        }
        return (s.position > 0 ? "long " : "short ") + Math.abs(s.position) + " from " + s.entryPrice
                + "; channel [" + s.channelLow + ", " + s.channelHigh + "]";
    }
}
