package dev.leash.engine;

/**
 * One journaled decision of the inner loop, at bar close or on the tick that triggered an order; {@code why} is the
 * coded reason, {@link #reason()} its English.
 */
public record Decision(long time, String symbol, Action action, Reason why, Signals signals, long paramsVersion) {

    /** A decision whose reason is known only as text (journaled before reasons were coded). */
    public Decision(long time, String symbol, Action action, String reason, Signals signals, long paramsVersion) {
        this(time, symbol, action, Reason.text(reason), signals, paramsVersion);
    }

    /** The reason in English, as {@link DecisionText} renders it. */
    public String reason() {
        return DecisionText.of(this);
    }
}
