package dev.leash.venue;

/** Removes binary noise from a value that is a whole number of steps (0.30000000000000004 -> 0.3). */
final class Steps {

    private static final double[] POW10 = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12};

    private Steps() {
    }

    /** {@code value} rounded to the decimal places of {@code step}; allocation-free. */
    static double clean(double value, double step) {
        int scale = decimals(step);
        double p = POW10[scale];
        return Math.rint(value * p) / p;
    }

    /** Decimal places of a step such as 0.001 (3) or 0.5 (1); at most 12. */
    static int decimals(double step) {
        for (int d = 0; d < POW10.length - 1; d++) {
            double scaled = step * POW10[d];
            if (Math.abs(scaled - Math.rint(scaled)) < 1e-9 * Math.max(1.0, scaled)) {
                return d;
            }
        }
        return POW10.length - 1;
    }
}
