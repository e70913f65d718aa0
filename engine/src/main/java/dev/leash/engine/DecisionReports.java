package dev.leash.engine;

import dev.leash.engine.strategy.EntryRule;
import dev.leash.risk.OrderReject;
import dev.leash.risk.ParamField;
import dev.leash.risk.StrategyBlock;
import dev.leash.risk.TradingState;

import java.util.HashMap;
import java.util.Map;

/**
 * The engine's decision and rejection reports with their coded reasons (the English is {@link DecisionText}'s): the
 * cold path, called only when the listener {@link EngineListener#wantsReports() wants reports} (HOLD decisions:
 * {@link EngineListener#wantsBarDecisions()}).
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
        Reason reason = switch (why) {
            case BLOCKED -> block(s, s.block, p, state, wanted, null);
            case MIN_SIZE -> new Reason(ReasonCode.BELOW_MIN_SIZE, Map.of("qty", s.skippedQty, "min_qty", s.minQty,
                    "min_notional", s.minNotional, "equity", s.skippedEquity), wanted, null, null);
            case RISK -> new Reason(ReasonCode.RISK_REJECTED, Map.of(), wanted, null, s.reject.name());
        };
        listener.onDecision(new Decision(time, s.symbol, Action.SKIP, reason, s.signals(), p.version()));
    }

    private static Reason reason(SymbolState s, Action action, double price, EngineParams p, TradingState state) {
        return switch (action) {
            case ENTER_LONG, ENTER_SHORT, REVERSE_LONG, REVERSE_SHORT -> entry(s, price, p);
            case STOP_LOSS -> s.exitBy >= 0 && p.strategy().exit(s.exitBy).block() == StrategyBlock.TRAILING_STOP
                    ? Reason.of(ReasonCode.TRAILING_STOP_HIT, Map.of("price", price,
                            "pct", p.strategy().exit(s.exitBy).amount(), "best_price", s.market.bestPrice()))
                    : Reason.of(ReasonCode.STOP_HIT,
                    Map.of("price", price, ParamField.STOP_LOSS_PCT.wireName(), p.stopLossPct(),
                            "entry_price", s.entryPrice));
            case TAKE_PROFIT -> Reason.of(ReasonCode.TAKE_PROFIT_HIT,
                    Map.of("price", price, ParamField.TAKE_PROFIT_PCT.wireName(), p.takeProfitPct(),
                            "entry_price", s.entryPrice));
            case EXIT -> s.exitBy >= 0 && p.strategy().exit(s.exitBy).block() == StrategyBlock.TIME_STOP
                    ? Reason.of(ReasonCode.TIME_STOP_HIT, Map.of("price", price,
                            "bars", p.strategy().exit(s.exitBy).amount()))
                    : s.block == SymbolState.Block.NONE
                    ? Reason.of(ReasonCode.OPPOSITE_BREAK, Map.of("price", price))
                    : block(s, s.block, p, state, null, price);
            case FLATTEN -> Reason.of(ReasonCode.DAILY_LOSS_LIMIT, Map.of());
            default -> Reason.of(ReasonCode.ACTION, Map.of());
        };
    }

    /** Why the entry rule wants a position: the channel break, or another rule's levels. */
    private static Reason entry(SymbolState s, double price, EngineParams p) {
        EntryRule rule = p.strategy().entry();
        if (rule instanceof EntryRule.DonchianBreakout) {
            return Reason.of(ReasonCode.CHANNEL_BREAK, Map.of("lookback", (double) p.lookback(),
                    "channel_low", s.channelLow, "channel_high", s.channelHigh, "price", price));
        }
        Map<String, Double> numbers = new HashMap<>();
        numbers.put("price", price);
        if (rule.block() == StrategyBlock.MACD_TREND) {
            numbers.put("histogram", s.market.histogram);
        } else {
            numbers.put("lower", s.market.lower);
            numbers.put("upper", s.market.upper);
        }
        return new Reason(ReasonCode.ENTRY_SIGNAL, numbers, null, null, rule.block().wireName());
    }

    /**
     * What blocked a new position, as a SKIP of {@code wanted}, or (with {@code exitPrice}) as an EXIT that could
     * not reverse.
     */
    private static Reason block(SymbolState s, SymbolState.Block block, EngineParams p, TradingState state,
                                Action wanted, Double exitPrice) {
        ReasonCode code = switch (block) {
            case STATE -> ReasonCode.TRADING_STATE;
            case MODE -> ReasonCode.TRADING_MODE;
            case DISABLED -> ReasonCode.SYMBOL_DISABLED;
            case HELD -> ReasonCode.SYMBOL_HELD;
            case FILTERED -> ReasonCode.FILTERED;
            case VETOED -> ReasonCode.MODEL_VETO;
            case NONE -> ReasonCode.ACTION;
        };
        String subject = switch (block) {
            case STATE -> String.valueOf(state);
            case MODE -> p.risk().tradingMode().wireName();
            case FILTERED -> p.strategy().filter(s.filteredBy).block().wireName();
            case VETOED -> s.bias == null ? null : s.bias.wireName();
            default -> null;
        };
        Map<String, Double> numbers = new HashMap<>();
        if (block == SymbolState.Block.HELD) {
            numbers.put("holds", (double) s.holds);
        }
        if (block == SymbolState.Block.VETOED) {
            numbers.put("until", (double) s.biasUntil);
        }
        if (exitPrice != null) {
            numbers.put("price", exitPrice);
            return new Reason(ReasonCode.OPPOSITE_BREAK, numbers, null, code, subject);
        }
        return new Reason(code, numbers, wanted, null, subject);
    }

    private static Reason describe(SymbolState s, int lookback) {
        if (Double.isNaN(s.channelHigh)) {
            return Reason.of(ReasonCode.WARMING_UP, Map.of("bars", (double) s.closedBars(), "lookback",
                    (double) lookback));
        }
        if (s.position == 0) {
            return Reason.of(ReasonCode.FLAT, Map.of("channel_low", s.channelLow, "channel_high", s.channelHigh));
        }
        return Reason.of(ReasonCode.IN_POSITION, Map.of("position", s.position, "entry_price", s.entryPrice,
                "channel_low", s.channelLow, "channel_high", s.channelHigh));
    }
}
