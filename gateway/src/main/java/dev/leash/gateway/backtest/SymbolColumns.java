package dev.leash.gateway.backtest;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One symbol's bars as a file is read: primitive columns in chunks, so growing never copies what was read and
 * the slack is at most one chunk per column. Chunks start small and double up to {@link #MAX_CHUNK} elements.
 *
 * <p>Taking a column out ({@link #takeTimes()}, {@link #takeValues(int)}) copies it into one exact array and drops
 * its chunks, so a caller that takes columns one at a time never holds much more than the data read.
 */
final class SymbolColumns {

    static final int OPEN = 0;
    static final int HIGH = 1;
    static final int LOW = 2;
    static final int CLOSE = 3;
    static final int VOLUME = 4;
    private static final int VALUES = 5;
    private static final int FIRST_CHUNK = 1 << 10;
    private static final int MAX_CHUNK = 1 << 20;

    private final String symbol;
    private final char[] chars;
    private final List<long[]> timeChunks = new ArrayList<>();
    private final List<List<double[]>> valueChunks = new ArrayList<>(VALUES);
    private long[] time;
    private double[] open;
    private double[] high;
    private double[] low;
    private double[] close;
    private double[] volume;
    private int used;
    private int size;
    private long lastTime;
    private int lastLine;

    SymbolColumns(String symbol) {
        this.symbol = symbol;
        this.chars = symbol.toCharArray();
        for (int c = 0; c < VALUES; c++) {
            valueChunks.add(new ArrayList<>());
        }
    }

    String symbol() {
        return symbol;
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
        return lastTime;
    }

    /** The line the last bar came from. */
    int lastLine() {
        return lastLine;
    }

    void add(long openTime, double o, double h, double l, double c, double v, int line) {
        if (time == null || used == time.length) {
            newChunk();
        }
        time[used] = openTime;
        open[used] = o;
        high[used] = h;
        low[used] = l;
        close[used] = c;
        volume[used] = v;
        used++;
        size++;
        lastTime = openTime;
        lastLine = line;
    }

    private void newChunk() {
        int n = time == null ? FIRST_CHUNK : Math.min(MAX_CHUNK, time.length * 2);
        time = new long[n];
        open = new double[n];
        high = new double[n];
        low = new double[n];
        close = new double[n];
        volume = new double[n];
        timeChunks.add(time);
        valueChunks.get(OPEN).add(open);
        valueChunks.get(HIGH).add(high);
        valueChunks.get(LOW).add(low);
        valueChunks.get(CLOSE).add(close);
        valueChunks.get(VOLUME).add(volume);
        used = 0;
    }

    /** The first bar whose open time differs from {@code times[k]}, or -1; the sizes must be equal. */
    int firstTimeNotIn(long[] times) {
        int at = 0;
        for (long[] chunk : timeChunks) {
            int n = Math.min(chunk.length, size - at);
            int k = Arrays.mismatch(chunk, 0, n, times, at, at + n);
            if (k >= 0) {
                return at + k;
            }
            at += n;
        }
        return -1;
    }

    /** Open time of bar {@code k}. */
    long timeAt(int k) {
        int rest = k;
        for (long[] chunk : timeChunks) {
            if (rest < chunk.length) {
                return chunk[rest];
            }
            rest -= chunk.length;
        }
        throw new IndexOutOfBoundsException(k);
    }

    /** The open times as one exact array; the chunks are dropped. */
    long[] takeTimes() {
        long[] out = new long[size];
        int at = 0;
        for (long[] chunk : timeChunks) {
            int n = Math.min(chunk.length, size - at);
            System.arraycopy(chunk, 0, out, at, n);
            at += n;
        }
        timeChunks.clear();
        time = null;
        return out;
    }

    /** Column {@code column} ({@link #OPEN} .. {@link #VOLUME}) as one exact array; its chunks are dropped. */
    double[] takeValues(int column) {
        double[] out = new double[size];
        int at = 0;
        List<double[]> chunks = valueChunks.get(column);
        for (double[] chunk : chunks) {
            int n = Math.min(chunk.length, size - at);
            System.arraycopy(chunk, 0, out, at, n);
            at += n;
        }
        chunks.clear();
        switch (column) {
            case OPEN -> open = null;
            case HIGH -> high = null;
            case LOW -> low = null;
            case CLOSE -> close = null;
            default -> volume = null;
        }
        return out;
    }
}
