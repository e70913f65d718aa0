package dev.leash.gateway.venue;

import java.math.BigDecimal;
import java.math.RoundingMode;

/** Removes binary noise from a value that is a whole number of steps (0.30000000000000004 -> 0.3). */
final class Steps {

    private Steps() {
    }

    static double clean(double value, double step) {
        int scale = Math.max(0, BigDecimal.valueOf(step).stripTrailingZeros().scale());
        return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_EVEN).doubleValue();
    }
}
