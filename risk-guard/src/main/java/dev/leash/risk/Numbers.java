package dev.leash.risk;

import java.math.BigDecimal;

/** Fixed-point helpers: parameter values carry at most {@link #DECIMALS} decimal places. */
public final class Numbers {

    /** Decimal places a parameter value may carry; step rules are compared exactly in these units. */
    public static final int DECIMALS = 4;

    private static final double SCALE = 10_000.0;

    private Numbers() {
    }

    /** True when {@code value} is finite and has at most {@link #DECIMALS} decimal places. */
    public static boolean hasAllowedPrecision(double value) {
        if (!Double.isFinite(value) || Math.abs(value) > 1e12) {
            return false;
        }
        double scaled = value * SCALE;
        return Math.abs(scaled - Math.rint(scaled)) < 1e-6;
    }

    /** The value in units of 10^-{@value #DECIMALS}; callers check {@link #hasAllowedPrecision} first. */
    public static long units(double value) {
        return Math.round(value * SCALE);
    }

    /**
     * Effective exposure {@code pct x multiplier} in units of 10^-{@code 2 x DECIMALS} percent: exact for values on
     * the {@link #DECIMALS} grid, so rules on effective exposure compare without rounding.
     */
    public static long effectiveUnits(double pct, double multiplier) {
        return units(pct) * units(multiplier);
    }

    /** Plain decimal text without exponent or trailing zeros, for messages. */
    public static String format(double value) {
        if (!Double.isFinite(value)) {
            return Double.toString(value);
        }
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
