package dev.leash.backtest;

import dev.leash.venue.Candle;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Candles in CSV: a header line, then one bar per line.
 *
 * <pre>
 * symbol,open_time,open,high,low,close,volume
 * BTCUSDT,1704067200000,42000.5,42100,41950.1,42080,12.5
 * </pre>
 *
 * <p>Columns may come in any order; {@code symbol} may be left out when the caller names the symbol.
 * {@code open_time} is epoch milliseconds or ISO-8601 ({@code 2024-01-01T00:00:00Z}, an offset, or no zone for
 * UTC) on a 5-minute boundary. Prices must be positive with {@code low <= open, close <= high}; volume must not be
 * negative. Each symbol's rows must be in strictly increasing time; rows of several symbols may interleave. Gaps
 * (missing bars) are allowed and reported. Blank lines are skipped. Any other problem is a
 * {@link CandleCsvException} naming the file, line and column.
 */
public final class CandleCsv {

    /** The header {@link #write} produces. */
    public static final String HEADER = "symbol,open_time,open,high,low,close,volume";

    /** Missing bars of a symbol between two consecutive rows. */
    public record Gap(String symbol, long afterOpenTime, long nextOpenTime, long missingBars) {
    }

    /** The candles read, per symbol in file order, and the gaps found. */
    public record Loaded(Map<String, List<Candle>> candles, List<Gap> gaps) {

        public Loaded {
            candles = Map.copyOf(candles);
            gaps = List.copyOf(gaps);
        }

        /** The candles as {@link Bars}; every symbol must have the same open times. */
        public Bars bars() {
            return Bars.of(candles);
        }

        public int count() {
            int n = 0;
            for (List<Candle> list : candles.values()) {
                n += list.size();
            }
            return n;
        }
    }

    private CandleCsv() {
    }

    /** The bars read as primitive columns, and the gaps found. */
    public record LoadedBars(Bars bars, List<Gap> gaps) {

        public LoadedBars {
            Objects.requireNonNull(bars, "bars");
            gaps = List.copyOf(gaps);
        }

        /** Bars of all symbols together. */
        public long count() {
            return (long) bars.size() * bars.symbolCount();
        }
    }

    /**
     * Reads a file.
     *
     * @param symbol the symbol of every row when the file has no {@code symbol} column, else null
     * @throws CandleCsvException naming line and column of the first bad row
     */
    public static Loaded read(Path file, String symbol) throws IOException {
        return loaded(CandleCsvReader.read(file, symbol));
    }

    /** Reads rows from {@code in}; {@code source} names it in error messages. */
    public static Loaded read(Reader in, String source, String symbol) throws IOException {
        return loaded(CandleCsvReader.read(in, source, symbol));
    }

    private static Loaded loaded(CandleCsvReader.Result r) {
        Map<String, List<Candle>> candles = new LinkedHashMap<>();
        for (SymbolColumns c : r.symbols()) {
            int n = c.size();
            long[] t = c.takeTimes();
            double[] o = c.takeValues(SymbolColumns.OPEN);
            double[] h = c.takeValues(SymbolColumns.HIGH);
            double[] l = c.takeValues(SymbolColumns.LOW);
            double[] cl = c.takeValues(SymbolColumns.CLOSE);
            double[] v = c.takeValues(SymbolColumns.VOLUME);
            List<Candle> list = new ArrayList<>(n);
            for (int k = 0; k < n; k++) {
                list.add(new Candle(c.symbol(), t[k], o[k], h[k], l[k], cl[k], v[k]));
            }
            candles.put(c.symbol(), List.copyOf(list));
        }
        return new Loaded(candles, r.gaps());
    }

    /**
     * Reads a file straight into {@link Bars}, streaming: memory is the bars' primitive columns and a few chunks
     * more, with nothing kept per row.
     *
     * @param symbol the symbol of every row when the file has no {@code symbol} column, else null
     * @throws CandleCsvException naming line and column of the first bad row
     * @throws IllegalArgumentException when the symbols do not have the same open times
     */
    public static LoadedBars readBars(Path file, String symbol) throws IOException {
        CandleCsvReader.Result r = CandleCsvReader.read(file, symbol);
        return new LoadedBars(Bars.ofColumns(r.symbols()), r.gaps());
    }

    /** Reads rows from {@code in} straight into {@link Bars}; {@code source} names it in error messages. */
    public static LoadedBars readBars(Reader in, String source, String symbol) throws IOException {
        CandleCsvReader.Result r = CandleCsvReader.read(in, source, symbol);
        return new LoadedBars(Bars.ofColumns(r.symbols()), r.gaps());
    }

    /** Writes candles with a symbol column, through a temporary file and a rename. */
    public static void write(Path file, List<Candle> candles) throws IOException {
        AtomicFiles.write(file, out -> write(out, candles));
    }

    /** Writes every symbol's bars, symbol by symbol, through a temporary file and a rename. */
    public static void write(Path file, Bars bars) throws IOException {
        AtomicFiles.write(file, out -> {
            out.write(HEADER);
            out.write('\n');
            for (int s = 0; s < bars.symbolCount(); s++) {
                for (int k = 0; k < bars.size(); k++) {
                    writeRow(out, bars.symbols().get(s), bars.openTime(k), bars.open(s, k), bars.high(s, k),
                            bars.low(s, k), bars.close(s, k), bars.volume(s, k));
                }
            }
        });
    }

    /** Writes the header and the candles in the given order. */
    public static void write(Writer out, List<Candle> candles) throws IOException {
        out.write(HEADER);
        out.write('\n');
        for (Candle c : candles) {
            writeRow(out, c.symbol(), c.openTime(), c.open(), c.high(), c.low(), c.close(), c.volume());
        }
    }

    private static void writeRow(Writer out, String symbol, long openTime, double open, double high, double low,
                                 double close, double volume) throws IOException {
        out.write(symbol);
        out.write(',');
        out.write(Long.toString(openTime));
        for (double v : new double[] {open, high, low, close, volume}) {
            out.write(',');
            out.write(plain(v));
        }
        out.write('\n');
    }

    /** The shortest decimal that reads back as the same double, without an exponent. */
    static String plain(double v) {
        return BigDecimal.valueOf(v).toPlainString();
    }
}
