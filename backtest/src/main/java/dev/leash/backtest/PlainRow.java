package dev.leash.backtest;

import dev.leash.venue.Candle;

/**
 * Parses the common candle row from ASCII bytes: known columns, epoch-millisecond time on a 5-minute boundary,
 * unsigned plain decimals of at most 15 digits, no white space or quotes, prices consistent. Anything else is
 * left to the general path of {@link CandleCsvReader}, which reads it or reports it.
 */
final class PlainRow {

    private static final double[] POW10 = new double[16];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    /** Per column of the file, its index in symbol, open_time, open, high, low, close, volume. */
    private final int[] roles;
    /** Open, high, low, close and volume of the row parsed last. */
    final double[] values = new double[5];
    long time;
    int symbolFrom;
    int symbolTo;
    private int scanned;

    PlainRow(int[] roles) {
        this.roles = roles.clone();
    }

    /** Whether {@code b[from..to)} is a plain row; if so its fields are in this object. */
    boolean parse(byte[] b, int from, int to) {
        long t = -1;
        int i = from;
        int n = roles.length;
        for (int c = 0; c < n; c++) {
            int role = roles[c];
            if (role == 0) {
                symbolFrom = i;
                while (i < to && b[i] != ',') {
                    i++;
                }
                symbolTo = i;
            } else if (role == 1) {
                t = millis(b, i, to);
                i = scanned;
            } else {
                double v = decimal(b, i, to);
                if (v < 0) {
                    return false;
                }
                values[role - 2] = v;
                i = scanned;
            }
            if ((i == to) != (c == n - 1)) {
                return false;
            }
            i++;
        }
        double open = values[0];
        double high = values[1];
        double low = values[2];
        double close = values[3];
        time = t;
        return t >= 0 && Math.floorMod(t, Candle.INTERVAL_MILLIS) == 0 && low > 0 && high >= low && open >= low
                && open <= high && close >= low && close <= high;
    }

    /** 1 to 18 digits up to a comma or {@code to} as a long, else -1; {@link #scanned} is where it stopped. */
    private long millis(byte[] b, int from, int to) {
        long v = 0;
        int i = from;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
        }
        scanned = i;
        int digits = i - from;
        return digits < 1 || digits > 18 || (i < to && b[i] != ',') ? -1 : v;
    }

    /**
     * Digits with at most one point, at most 15 digits in all, up to a comma or {@code to}; else -1. An exact
     * mantissa below 2^53 over an exact power of ten is one correctly rounded division, so the value is the one
     * {@link Double#parseDouble} gives. {@link #scanned} is where it stopped.
     */
    private double decimal(byte[] b, int from, int to) {
        long mantissa = 0;
        int digits = 0;
        int fraction = -1;
        int i = from;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
                digits++;
                if (fraction >= 0) {
                    fraction++;
                }
            } else if (b[i] == '.' && fraction < 0) {
                fraction = 0;
            } else if (b[i] == ',') {
                break;
            } else {
                return -1;
            }
        }
        scanned = i;
        if (digits == 0 || digits > 15) {
            return -1;
        }
        return fraction <= 0 ? mantissa : mantissa / POW10[fraction];
    }
}
