package dev.leash.gateway.metrics;

import dev.leash.engine.Decision;
import dev.leash.engine.ReasonCode;
import dev.leash.risk.ParamField;

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
    OTHER;

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
            case ENTER_LONG, ENTER_SHORT, REVERSE_LONG, REVERSE_SHORT -> BREAKOUT;
            case EXIT -> OPPOSITE_BREAK;
            case STOP_LOSS -> STOP_LOSS;
            case TAKE_PROFIT -> TAKE_PROFIT;
            case FLATTEN -> DAILY_LOSS_LIMIT;
            case SKIP -> d.why().code() == ReasonCode.TEXT ? skip(d.why().subject()) : skip(d.why().code());
        };
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
