package dev.leash.gateway.metrics;

import dev.leash.engine.Decision;
import dev.leash.engine.ReasonCode;
import dev.leash.risk.ParamField;
import dev.leash.risk.StrategyBlock;

import java.util.Locale;

/**
 * A decision's reason as a bounded label: the reason's numbers carry prices and sizes, a metric label must not. Read
 * from its code (a text-only decision: from the text's fixed words); what this does not know counts as
 * {@link #OTHER}, never as a new label.
 */
public enum DecisionReason {
    /** HOLD at a bar close. */
    BAR_CLOSE,
    /** ENTER or REVERSE on a break of the channel. */
    BREAKOUT,
    /** EXIT on the opposite break. */
    OPPOSITE_BREAK,
    STOP_LOSS,
    TAKE_PROFIT,
    /** FLATTEN: the daily loss limit. */
    DAILY_LOSS_LIMIT,
    /** SKIP: the trading state (HALTED, REDUCE_ONLY) refused a new position. */
    TRADING_STATE,
    /** SKIP: the params' trading mode (paused, reduce-only) refused a new position. */
    TRADING_MODE,
    /** SKIP: the symbol is not enabled. */
    SYMBOL_DISABLED,
    /** SKIP: the symbol is held reduce-only (stale feed, unreconciled journal). */
    SYMBOL_HELD,
    /** SKIP: the model vetoed this side of the symbol for a while ({@code set_symbol_bias}). */
    MODEL_VETO,
    /** SKIP: the size came out below the venue's minimum. */
    MIN_SIZE,
    /** SKIP: the pre-trade risk check refused the order. */
    RISK_CHECK,
    /** ENTER or REVERSE on an entry rule other than the breakout. */
    ENTRY_SIGNAL,
    /** STOP_LOSS by the strategy's trailing stop. */
    TRAILING_STOP,
    /** EXIT by the strategy's time stop. */
    TIME_STOP,
    /** SKIP: one of the strategy's filters refused a new position; one label per filter kind. */
    FILTER_RSI_BAND,
    FILTER_VOLUME_RATIO,
    FILTER_FUNDING,
    FILTER_VOLATILITY,
    FILTER_TIME_OF_DAY,
    FILTER_REGIME,
    OTHER;

    /** The filter blocks and their labels, in the same order; bounded by the vocabulary, never by a value. */
    private static final StrategyBlock[] FILTERS = {StrategyBlock.RSI_BAND, StrategyBlock.VOLUME_RATIO,
        StrategyBlock.FUNDING, StrategyBlock.VOLATILITY, StrategyBlock.TIME_OF_DAY, StrategyBlock.REGIME};
    private static final DecisionReason[] FILTER_LABELS = {FILTER_RSI_BAND, FILTER_VOLUME_RATIO, FILTER_FUNDING,
        FILTER_VOLATILITY, FILTER_TIME_OF_DAY, FILTER_REGIME};

    /** How a decision's text names the trading mode, built once: classifying a decision allocates nothing. */
    private static final String MODE_TEXT = ": " + ParamField.TRADING_MODE.wireName() + " ";

    /** The label value: lower case. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The reason of {@code d}: from its code, or for a text-only decision its text; allocates nothing. */
    public static DecisionReason of(Decision d) {
        return switch (d.action()) {
            case HOLD -> BAR_CLOSE;
            case ENTER_LONG, ENTER_SHORT, REVERSE_LONG, REVERSE_SHORT ->
                    d.why().code() == ReasonCode.ENTRY_SIGNAL ? ENTRY_SIGNAL : BREAKOUT;
            case EXIT -> d.why().code() == ReasonCode.TIME_STOP_HIT ? TIME_STOP : OPPOSITE_BREAK;
            case STOP_LOSS -> d.why().code() == ReasonCode.TRAILING_STOP_HIT ? TRAILING_STOP : STOP_LOSS;
            case TAKE_PROFIT -> TAKE_PROFIT;
            case FLATTEN -> DAILY_LOSS_LIMIT;
            case SKIP -> switch (d.why().code()) {
                case TEXT -> skip(d.why().subject());
                case FILTERED -> filter(d.why().subject());
                default -> skip(d.why().code());
            };
        };
    }

    /** The label of the filter named {@code name}; a name outside the vocabulary is {@link #OTHER}. */
    private static DecisionReason filter(String name) {
        for (int i = 0; i < FILTERS.length; i++) {
            if (FILTERS[i].wireName().equals(name)) {
                return FILTER_LABELS[i];
            }
        }
        return OTHER;
    }

    private static DecisionReason skip(ReasonCode code) {
        return switch (code) {
            case RISK_REJECTED -> RISK_CHECK;
            case BELOW_MIN_SIZE -> MIN_SIZE;
            case TRADING_STATE -> TRADING_STATE;
            case TRADING_MODE -> TRADING_MODE;
            case SYMBOL_DISABLED -> SYMBOL_DISABLED;
            case SYMBOL_HELD -> SYMBOL_HELD;
            case MODEL_VETO -> MODEL_VETO;
            default -> OTHER;
        };
    }

    private static DecisionReason skip(String text) {
        String r = text == null ? "" : text;
        if (r.contains(": risk check: ")) {
            return RISK_CHECK;
        }
        if (r.contains(" below the minimum ")) {
            return MIN_SIZE;
        }
        if (r.contains(": trading state ")) {
            return TRADING_STATE;
        }
        if (r.contains(MODE_TEXT)) {
            return TRADING_MODE;
        }
        if (r.endsWith(" is not enabled")) {
            return SYMBOL_DISABLED;
        }
        if (r.contains(" is held reduce-only")) {
            return SYMBOL_HELD;
        }
        return OTHER;
    }
}
