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

    /** Whether {@code b[from..to)}, a whole line without its end, is a plain row; if so its fields are here. */
    boolean parse(byte[] b, int from, int to) {
        return scan(b, from, to, true) >= 0;
    }

    /**
     * Reads a plain row from {@code from} up to its line end ({@code \n} or {@code \r}) within {@code b[..limit)}
     * and returns the index of that line end; -1 when there is none or the row is not plain.
     */
    int parseLine(byte[] b, int from, int limit) {
        return scan(b, from, limit, false);
    }

    /** One pass over the fields; {@code toEndsLine}: {@code to} is the line's end, else a line end must follow. */
    private int scan(byte[] b, int from, int to, boolean toEndsLine) {
        long t = -1;
        int i = from;
        int n = roles.length;
        for (int c = 0; c < n; c++) {
            int role = roles[c];
            if (role == 0) {
                symbolFrom = i;
                while (i < to && b[i] != ',' && b[i] != '\n' && b[i] != '\r') {
                    i++;
                }
                symbolTo = i;
            } else if (role == 1) {
                t = millis(b, i, to);
                if (t < 0) {
                    return -1;
                }
                i = scanned;
            } else {
                double v = decimal(b, i, to);
                if (v < 0) {
                    return -1;
                }
                values[role - 2] = v;
                i = scanned;
            }
            if (c < n - 1) {
                if (i >= to || b[i] != ',') {
                    return -1;
                }
                i++;
            } else if (i == to ? !toEndsLine : toEndsLine || (b[i] != '\n' && b[i] != '\r')) {
                return -1;
            }
        }
        double open = values[0];
        double high = values[1];
        double low = values[2];
        double close = values[3];
        time = t;
        boolean ok = Math.floorMod(t, Candle.INTERVAL_MILLIS) == 0 && low > 0 && high >= low && open >= low
                && open <= high && close >= low && close <= high;
        return ok ? i : -1;
    }

    /** 1 to 18 digits as a long, else -1; {@link #scanned} is where they end. */
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
        return digits < 1 || digits > 18 ? -1 : v;
    }

    /**
     * Digits with at most one point, at most 15 digits in all; else -1. An exact mantissa below 2^53 over an exact
     * power of ten is one correctly rounded division, so the value is the one {@link Double#parseDouble} gives.
     * {@link #scanned} is where it ends.
     */
    private double decimal(byte[] b, int from, int to) {
        long mantissa = 0;
        int point = -1;
        int i = from;
        for (; i < to; i++) {
            int d = b[i] - '0';
            if (d >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
            } else if (d == '.' - '0' && point < 0) {
                point = i;
            } else {
                break;
            }
        }
        scanned = i;
        int digits = i - from - (point < 0 ? 0 : 1);
        if (digits == 0 || digits > 15) {
            return -1;
        }
        int fraction = point < 0 ? 0 : i - point - 1;
        return fraction == 0 ? mantissa : mantissa / POW10[fraction];
    }
}
