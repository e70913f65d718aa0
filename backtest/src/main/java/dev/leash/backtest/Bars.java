package dev.leash.backtest;

import dev.leash.venue.Candle;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Closed 5-minute bars of one or more symbols on one time axis, held in primitive arrays: bar {@code k} of every
 * symbol opens at {@link #openTime(int) openTime(k)}. Open times strictly increase and lie on 5-minute
 * boundaries; gaps between them are allowed.
 *
 * <p>Immutable by contract: the arrays given to {@link #ofArrays} are not copied and must not change afterwards.
 */
public final class Bars {

    private final List<String> symbols;
    private final long[] openTime;
    private final double[][] open;
    private final double[][] high;
    private final double[][] low;
    private final double[][] close;
    private final double[][] volume;
    /** Bars per symbol: the arrays may be longer (columns read from a file keep their spare capacity). */
    private final int size;

    private Bars(List<String> symbols, long[] openTime, double[][] open, double[][] high, double[][] low,
                 double[][] close, double[][] volume) {
        this(symbols, openTime.length, openTime, open, high, low, close, volume);
    }

    private Bars(List<String> symbols, int size, long[] openTime, double[][] open, double[][] high,
                 double[][] low, double[][] close, double[][] volume) {
        this.size = size;
        this.symbols = List.copyOf(symbols);
        this.openTime = openTime;
        this.open = open;
        this.high = high;
        this.low = low;
        this.close = close;
        this.volume = volume;
        checkTimes();
    }

    /**
     * Bars of several symbols, in alphabetical order of symbol whatever the map's order (so a run never depends
     * on hash order); every list must have the same open times.
     *
     * @throws IllegalArgumentException naming the first symbol and bar that do not line up
     */
    public static Bars of(Map<String, List<Candle>> bySymbol) {
        if (bySymbol.isEmpty()) {
            throw new IllegalArgumentException("no symbols");
        }
        List<String> names = new ArrayList<>(new java.util.TreeSet<>(bySymbol.keySet()));
        List<Candle> first = bySymbol.get(names.get(0));
        int n = first.size();
        int s = names.size();
        long[] times = new long[n];
        double[][] o = new double[s][n];
        double[][] h = new double[s][n];
        double[][] l = new double[s][n];
        double[][] c = new double[s][n];
        double[][] v = new double[s][n];
        for (int k = 0; k < n; k++) {
            times[k] = first.get(k).openTime();
        }
        for (int i = 0; i < s; i++) {
            String name = names.get(i);
            List<Candle> list = bySymbol.get(name);
            if (list.size() != n) {
                throw new IllegalArgumentException(name + " has " + list.size() + " bars but " + names.get(0)
                        + " has " + n + "; every symbol needs the same bars");
            }
            for (int k = 0; k < n; k++) {
                Candle bar = list.get(k);
                if (bar.openTime() != times[k]) {
                    throw new IllegalArgumentException(name + " bar " + k + " opens at " + bar.openTime() + " but "
                            + names.get(0) + " bar " + k + " opens at " + times[k]);
                }
                o[i][k] = bar.open();
                h[i][k] = bar.high();
                l[i][k] = bar.low();
                c[i][k] = bar.close();
                v[i][k] = bar.volume();
            }
        }
        return new Bars(names, times, o, h, l, c, v);
    }

    /**
     * Bars from the columns a file was read into, in alphabetical order of symbol like {@link #of(Map)}, with its
     * checks and messages; takes each column out in turn, so the columns are left empty. The columns' spare
     * capacity stays at the end of the arrays, unused, rather than costing a copy.
     */
    static Bars ofColumns(List<SymbolColumns> columns) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("no symbols");
        }
        List<SymbolColumns> sorted = new ArrayList<>(columns);
        sorted.sort(java.util.Comparator.comparing(SymbolColumns::symbol));
        SymbolColumns first = sorted.get(0);
        int n = first.size();
        long[] times = first.takeTimes();
        for (SymbolColumns other : sorted.subList(1, sorted.size())) {
            if (other.size() != n) {
                throw new IllegalArgumentException(other.symbol() + " has " + other.size() + " bars but "
                        + first.symbol() + " has " + n + "; every symbol needs the same bars");
            }
            int k = other.firstTimeNotIn(times);
            if (k >= 0) {
                throw new IllegalArgumentException(other.symbol() + " bar " + k + " opens at " + other.timeAt(k)
                        + " but " + first.symbol() + " bar " + k + " opens at " + times[k]);
            }
            other.takeTimes();
        }
        int s = sorted.size();
        double[][] o = new double[s][];
        double[][] h = new double[s][];
        double[][] l = new double[s][];
        double[][] c = new double[s][];
        double[][] v = new double[s][];
        List<String> names = new ArrayList<>(s);
        for (int i = 0; i < s; i++) {
            SymbolColumns col = sorted.get(i);
            names.add(col.symbol());
            o[i] = col.takeValues(SymbolColumns.OPEN);
            h[i] = col.takeValues(SymbolColumns.HIGH);
            l[i] = col.takeValues(SymbolColumns.LOW);
            c[i] = col.takeValues(SymbolColumns.CLOSE);
            v[i] = col.takeValues(SymbolColumns.VOLUME);
        }
        return new Bars(names, n, times, o, h, l, c, v);
    }

    /** Bars of one symbol. */
    public static Bars of(String symbol, List<Candle> candles) {
        return of(Map.of(symbol, candles));
    }

    /** One symbol's bars over primitive arrays, without copying them (benchmarks, large generated series). */
    public static Bars ofArrays(String symbol, long[] openTime, double[] open, double[] high, double[] low,
                                double[] close, double[] volume) {
        int n = openTime.length;
        if (open.length != n || high.length != n || low.length != n || close.length != n || volume.length != n) {
            throw new IllegalArgumentException("arrays of different lengths");
        }
        return new Bars(List.of(Objects.requireNonNull(symbol)), openTime, new double[][] {open},
                new double[][] {high}, new double[][] {low}, new double[][] {close}, new double[][] {volume});
    }

    private void checkTimes() {
        for (int k = 0; k < size; k++) {
            if (Math.floorMod(openTime[k], Candle.INTERVAL_MILLIS) != 0) {
                throw new IllegalArgumentException("bar " + k + " opens at " + openTime[k]
                        + ", not on a 5-minute boundary");
            }
            if (k > 0 && openTime[k] <= openTime[k - 1]) {
                throw new IllegalArgumentException("bar " + k + " opens at " + openTime[k]
                        + ", not after bar " + (k - 1) + " at " + openTime[k - 1]);
            }
        }
    }

    public List<String> symbols() {
        return symbols;
    }

    public int symbolCount() {
        return symbols.size();
    }

    /** Bars per symbol. */
    public int size() {
        return size;
    }

    public long openTime(int k) {
        return openTime[k];
    }

    public double open(int sym, int k) {
        return open[sym][k];
    }

    public double high(int sym, int k) {
        return high[sym][k];
    }

    public double low(int sym, int k) {
        return low[sym][k];
    }

    public double close(int sym, int k) {
        return close[sym][k];
    }

    public double volume(int sym, int k) {
        return volume[sym][k];
    }

    /** Bar {@code k} of symbol {@code sym} as a record (allocates). */
    public Candle candle(int sym, int k) {
        return new Candle(symbols.get(sym), openTime[k], open[sym][k], high[sym][k], low[sym][k], close[sym][k],
                volume[sym][k]);
    }

    /** One symbol's bars as records (allocates). */
    public List<Candle> candles(int sym) {
        List<Candle> out = new ArrayList<>(size);
        for (int k = 0; k < size; k++) {
            out.add(candle(sym, k));
        }
        return out;
    }

    /** The last {@code n} bars (or all when fewer), sharing nothing mutable with this. */
    public Bars last(int n) {
        return range(Math.max(0, size - n), size);
    }

    /** Bars {@code from} (inclusive) to {@code to} (exclusive), sharing nothing mutable with this. */
    public Bars range(int from, int to) {
        if (from < 0 || to > size || from > to) {
            throw new IllegalArgumentException("bars " + from + ".." + to + " outside 0.." + size);
        }
        int s = symbols.size();
        double[][] o = new double[s][];
        double[][] h = new double[s][];
        double[][] l = new double[s][];
        double[][] c = new double[s][];
        double[][] v = new double[s][];
        for (int i = 0; i < s; i++) {
            o[i] = java.util.Arrays.copyOfRange(open[i], from, to);
            h[i] = java.util.Arrays.copyOfRange(high[i], from, to);
            l[i] = java.util.Arrays.copyOfRange(low[i], from, to);
            c[i] = java.util.Arrays.copyOfRange(close[i], from, to);
            v[i] = java.util.Arrays.copyOfRange(volume[i], from, to);
        }
        return new Bars(symbols, java.util.Arrays.copyOfRange(openTime, from, to), o, h, l, c, v);
    }
}
