package dev.leash.engine;

import dev.leash.risk.TradingState;

import java.util.List;

/**
 * The engine's trading status as a value: the state, every cause in force, the UTC day and its start-of-day equity
 * (what the daily loss is measured from), and the last change (when, by whom, why). What a restart restores.
 *
 * @param day UTC day number (epoch ms / 86,400,000) the start-of-day equity belongs to; {@code Long.MIN_VALUE}
 *            before the first clock
 */
public record TradingStatusView(TradingState state, long day, double startOfDayEquity, List<StateCause> causes,
                                long changedAt, String changedBy, String changeReason) {

    public TradingStatusView {
        causes = List.copyOf(causes);
        changedBy = changedBy == null ? "" : changedBy;
        changeReason = changeReason == null ? "" : changeReason;
    }

    /** The status of an engine that never ran: ACTIVE, no day yet. */
    public static final TradingStatusView INITIAL = new TradingStatusView(TradingState.ACTIVE, Long.MIN_VALUE,
            Double.NaN, List.of(), 0, "", "");

    /** The cause named {@code name}, or null. */
    public StateCause cause(String name) {
        for (StateCause c : causes) {
            if (c.cause().equals(name)) {
                return c;
            }
        }
        return null;
    }
}
