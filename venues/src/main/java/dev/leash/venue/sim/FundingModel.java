package dev.leash.venue.sim;

/**
 * Funding of the simulated perpetuals, a pure function of the bars so that the simulated venue and a backtest of
 * the same bars charge the same amounts: every 8 hours, at 00:00, 08:00 and 16:00 UTC, a rate of 0.01 % plus a
 * premium that follows the last 8 hours' return (longs pay in rallies), clamped to +-0.075 %.
 */
public final class FundingModel {

    public static final long INTERVAL_MILLIS = 8 * 3_600_000L;
    public static final double BASE_RATE = 0.0001;
    public static final double MAX_RATE = 0.00075;

    private FundingModel() {
    }

    /** The rate charged at a funding time, given the close 8 hours before and the close now. */
    public static double rate(double closeEightHoursAgo, double closeNow) {
        if (!(closeEightHoursAgo > 0) || !(closeNow > 0)) {
            return BASE_RATE;
        }
        double premium = (closeNow / closeEightHoursAgo - 1.0) * 0.01;
        double r = BASE_RATE + premium;
        return Math.max(-MAX_RATE, Math.min(MAX_RATE, Math.rint(r * 1e8) / 1e8));
    }

    /** True when {@code time} is a funding time. */
    public static boolean isFundingTime(long time) {
        return Math.floorMod(time, INTERVAL_MILLIS) == 0;
    }

    /** The first funding time strictly after {@code time}. */
    public static long nextFundingTime(long time) {
        return Math.floorDiv(time, INTERVAL_MILLIS) * INTERVAL_MILLIS + INTERVAL_MILLIS;
    }
}
