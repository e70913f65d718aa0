package dev.leash.venue.sim;

import dev.leash.venue.Candle;

/**
 * The deterministic price path inside a 5-minute bar, shared by the simulated venue and backtests so that both
 * see the same ticks: open for the first quarter, then the extreme nearer the open's side (low first on an up
 * bar, high first on a down bar), then the other extreme, then the close.
 */
public final class TickPath {

    /** Points of the path per bar. */
    public static final int POINTS = 4;
    /** Time between two points, milliseconds. */
    public static final long STEP_MILLIS = Candle.INTERVAL_MILLIS / POINTS;

    private TickPath() {
    }

    /** Price of the bar at {@code offsetMillis} in {@code [0, 300000)} after its open. */
    public static double priceAt(Candle bar, long offsetMillis) {
        return point(bar, (int) Math.min(POINTS - 1, Math.max(0, offsetMillis / STEP_MILLIS)));
    }

    /** The {@code i}-th point, 0..3. */
    public static double point(Candle bar, int i) {
        boolean up = bar.close() >= bar.open();
        return switch (i) {
            case 0 -> bar.open();
            case 1 -> up ? bar.low() : bar.high();
            case 2 -> up ? bar.high() : bar.low();
            default -> bar.close();
        };
    }

    /** Same as {@link #point} over primitives, for the allocation-free backtest path. */
    public static double point(double open, double high, double low, double close, int i) {
        boolean up = close >= open;
        return switch (i) {
            case 0 -> open;
            case 1 -> up ? low : high;
            case 2 -> up ? high : low;
            default -> close;
        };
    }
}
