package dev.leash.backtest;

import java.util.Arrays;

/**
 * One symbol's bars as a file is read, in growable primitive columns. Given the right capacity up front (the
 * reader estimates it from line lengths sampled along the file) the columns never grow and are handed to
 * {@link Bars} as they are, so a large single-symbol file costs its columns and nothing more.
 */
final class SymbolColumns {

    static final int OPEN = 0;
    static final int HIGH = 1;
    static final int LOW = 2;
    static final int CLOSE = 3;
    static final int VOLUME = 4;
    private static final int MIN_CAPACITY = 1 << 10;

    private final String symbol;
    private final char[] chars;
    private long[] time;
    private final double[][] values = new double[5][];
    private int size;
    private int lastLine;
    /** Slots {@link #add} may fill before {@link #onLimit} or growth: less than the capacity while a tail is lent. */
    private int limit;
    private Runnable onLimit;

    SymbolColumns(String symbol, int capacity) {
        this.symbol = symbol;
        this.chars = symbol.toCharArray();
        allocate(Math.max(MIN_CAPACITY, capacity));
    }

    private void allocate(int capacity) {
        time = time == null ? new long[capacity] : Arrays.copyOf(time, capacity);
        for (int c = 0; c < values.length; c++) {
            values[c] = values[c] == null ? new double[capacity] : Arrays.copyOf(values[c], capacity);
        }
        limit = capacity;
        onLimit = null;
    }

    String symbol() {
        return symbol;
    }

    /** Whether the ASCII bytes {@code b[from..to)} spell this symbol. */
    boolean is(byte[] b, int from, int to) {
        if (to - from != chars.length) {
            return false;
        }
        for (int i = 0; i < chars.length; i++) {
            if (b[from + i] != chars[i]) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code buf[from..to)} spells this symbol. */
    boolean is(char[] buf, int from, int to) {
        return Arrays.equals(chars, 0, chars.length, buf, from, to);
    }

    int size() {
        return size;
    }

    /** The open time of the last bar added; meaningless while empty. */
    long lastTime() {
        return time[size - 1];
    }

    /** The line the last bar came from. */
    int lastLine() {
        return lastLine;
    }

    void add(long openTime, double o, double h, double l, double c, double v, int line) {
        if (size == limit) {
            full();
        }
        time[size] = openTime;
        values[OPEN][size] = o;
        values[HIGH][size] = h;
        values[LOW][size] = l;
        values[CLOSE][size] = c;
        values[VOLUME][size] = v;
        size++;
        lastLine = line;
    }

    private void full() {
        Runnable lent = onLimit;
        onLimit = null;
        limit = time.length;
        if (lent != null) {
            lent.run();
        }
        if (size == time.length) {
            allocate((int) Math.min(Integer.MAX_VALUE - 8, size + (size >> 1) + 1L));
        }
    }

    /**
     * Lends the slots from {@code from} on to another writer: {@link #add} runs {@code takeBack} (which must stop
     * that writer) before it would fill slot {@code from}.
     */
    void lendTail(int from, Runnable takeBack) {
        limit = from;
        onLimit = takeBack;
    }

    /** Capacity: the length of every column. */
    int capacity() {
        return time.length;
    }

    /** The open-time array itself, for a writer of a lent tail. */
    long[] times() {
        return time;
    }

    /** The value arrays themselves ({@link #OPEN} .. {@link #VOLUME}), for a writer of a lent tail. */
    double[][] columns() {
        return values;
    }

    /**
     * Takes back the lent tail with the {@code count} bars written at slot {@code first}, moving them to follow
     * the bars added here; {@code line} is the line of the last of them.
     */
    void appendTail(int first, int count, int line) {
        System.arraycopy(time, first, time, size, count);
        for (double[] column : values) {
            System.arraycopy(column, first, column, size, count);
        }
        size += count;
        limit = time.length;
        onLimit = null;
        if (count > 0) {
            lastLine = line;
        }
    }

    /** Cuts the capacity to the size, when another symbol shows the file was not all this one's. */
    void trim() {
        if (time.length > size) {
            allocate(Math.max(MIN_CAPACITY, size));
        }
    }

    /** The first bar whose open time differs from {@code times[k]}, or -1; the sizes must be equal. */
    int firstTimeNotIn(long[] times) {
        return Arrays.mismatch(time, 0, size, times, 0, size);
    }

    /** Open time of bar {@code k}. */
    long timeAt(int k) {
        return time[k];
    }

    /** The open times, at least {@link #size()} long; the columns let go of them. */
    long[] takeTimes() {
        long[] out = time;
        time = null;
        return out;
    }

    /** Column {@code column} ({@link #OPEN} .. {@link #VOLUME}), at least {@link #size()} long; let go of. */
    double[] takeValues(int column) {
        double[] v = values[column];
        values[column] = null;
        return v;
    }
}
