package dev.leash.engine;

import dev.leash.risk.ParamField;
import dev.leash.risk.Regime;

import java.util.Locale;

/**
 * The one place a decision's or a rejection's reason becomes English, for the REST views (and so the MCP tools that
 * read them), the journal's text column and reports. The engine itself only emits codes and numbers.
 */
public final class DecisionText {

    private DecisionText() {
    }

    /** The reason of {@code d} in English, e.g. {@code break of the 20-bar channel [99.0, 101.0] at 102.0}. */
    public static String of(Decision d) {
        Reason r = d.why();
        if (r.code() == ReasonCode.TEXT) {
            return r.subject();
        }
        String text = switch (r.code()) {
            case TRADING_STATE, TRADING_MODE, SYMBOL_DISABLED, SYMBOL_HELD, FILTERED, MODEL_VETO ->
                    block(r.code(), r, d.symbol());
            case OPPOSITE_BREAK -> "opposite break at " + r.number("price") + (r.blockedBy() == null ? ""
                    : "; no reversal: " + block(r.blockedBy(), r, d.symbol()));
            default -> reason(r, d.action());
        };
        text = r.wanted() == null ? text : r.wanted() + ": " + text;
        return d.signals() == null || d.signals().regime() == Regime.UNKNOWN ? text
                : text + " [regime " + d.signals().regime().wireName() + "]";
    }

    private static String reason(Reason r, Action action) {
        return switch (r.code()) {
            case WARMING_UP -> "warming up: " + (long) r.number("bars") + " of " + (long) r.number("lookback")
                    + " bars";
            case FLAT -> "flat; channel [" + r.number("channel_low") + ", " + r.number("channel_high") + "]";
            case IN_POSITION -> {
                double position = r.number("position");
                yield (position > 0 ? "long " : "short ") + Math.abs(position) + " from " + r.number("entry_price")
                        + "; channel [" + r.number("channel_low") + ", " + r.number("channel_high") + "]";
            }
            case CHANNEL_BREAK -> "break of the " + (long) r.number("lookback") + "-bar channel ["
                    + r.number("channel_low") + ", " + r.number("channel_high") + "] at " + r.number("price");
            case STOP_HIT -> "price " + r.number("price") + " hit the stop "
                    + r.number(ParamField.STOP_LOSS_PCT.wireName()) + "% from entry " + r.number("entry_price");
            case TAKE_PROFIT_HIT -> "price " + r.number("price") + " reached the take-profit "
                    + r.number(ParamField.TAKE_PROFIT_PCT.wireName()) + "% from entry " + r.number("entry_price");
            case ENTRY_SIGNAL -> r.subject() + (r.numbers().containsKey("histogram")
                    ? " histogram crossed 0 (" + r.number("histogram") + ")"
                    : " bands [" + r.number("lower") + ", " + r.number("upper") + "]") + " at " + r.number("price");
            case TRAILING_STOP_HIT -> "price " + r.number("price") + " hit the trailing stop " + r.number("pct")
                    + "% from the best price " + r.number("best_price");
            case TIME_STOP_HIT -> "time stop after " + (long) r.number("bars") + " bars at " + r.number("price");
            case DAILY_LOSS_LIMIT -> "daily loss limit reached";
            case BELOW_MIN_SIZE -> "size " + r.number("qty") + " below the minimum (qty " + r.number("min_qty")
                    + ", notional " + r.number("min_notional") + ") at equity " + Math.round(r.number("equity"));
            case RISK_REJECTED -> "risk check: " + r.subject(); // the OrderReject's name, e.g. LEVERAGE_LIMIT
            default -> r.wanted() != null ? "" : action.name();
        };
    }

    private static String block(ReasonCode code, Reason r, String symbol) {
        return switch (code) {
            case TRADING_STATE -> "trading state " + r.subject();
            case TRADING_MODE -> ParamField.TRADING_MODE.wireName() + " " + r.subject();
            case SYMBOL_DISABLED -> symbol + " is not enabled";
            case SYMBOL_HELD -> symbol + " is held reduce-only (" + heldBecause((int) r.number("holds")) + ")";
            case FILTERED -> "refused by the strategy's " + r.subject() + " filter";
            case MODEL_VETO -> "vetoed by the model until " + java.time.Instant.ofEpochMilli((long) r.number("until"))
                    + ": " + r.subject();
            default -> "";
        };
    }

    private static String heldBecause(int holds) {
        StringBuilder b = new StringBuilder();
        for (SymbolHold h : SymbolHold.values()) {
            if ((holds & h.bit()) != 0) {
                b.append(b.length() == 0 ? "" : ", ").append(h.name().toLowerCase(Locale.ROOT));
            }
        }
        return b.toString();
    }
}
