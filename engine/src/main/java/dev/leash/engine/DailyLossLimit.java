package dev.leash.engine;

import dev.leash.risk.PreTradeCheck;
import dev.leash.risk.RiskParams;

/**
 * The daily loss check of every step: decides exactly as {@link PreTradeCheck#dailyLossBreached}, with the
 * allowance in equity units computed again only when the start-of-day equity or the risk params change.
 */
final class DailyLossLimit {

    private final PreTradeCheck check;
    private RiskParams risk;
    private long startBits;
    private double allowance = Double.NaN;

    DailyLossLimit(PreTradeCheck check) {
        this.check = check;
    }

    /** True when the loss from {@code start} to {@code equity} reached the limit of {@code params}. */
    boolean breached(RiskParams params, double start, double equity) {
        if (params != risk || Double.doubleToRawLongBits(start) != startBits) {
            recompute(params, start);
        }
        return start - equity >= allowance; // NaN allowance (no positive start): never breached
    }

    private void recompute(RiskParams params, double start) {
        risk = params;
        startBits = Double.doubleToRawLongBits(start);
        allowance = check.dailyLossAllowance(params, start);
    }
}
