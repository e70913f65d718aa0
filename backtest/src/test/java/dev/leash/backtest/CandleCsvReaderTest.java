package dev.leash.backtest;

import dev.leash.venue.Candle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(60)
class CandleCsvReaderTest {

    private static final long T0 = Fixtures.ORIGIN;
    private static final String[] SPACES = {" ", "\t", "\u2003", "  ", "\u00A0"};
    private static final String[] NUMBERS = {"100", "100.5", "0100.50", "1e2", "1.005E+2", "+100", ".5", "5.",
        "100.25000000000000000001", "123456789012345678901234", "1e400", "1e-400", "-0", "0", "NaN", "1,5", "",
        "1e", "1.2.3", "0x10", "12345678.123456789", "9007199254740993", "99.99", "1d", "-3", "\"101\""};
    private static final String[] TIMES = {"2024-01-01T00:00:00Z", "2024-01-01T00:05:00+00:00",
        "2024-01-01 00:10:00", "2024-01-01T01:00:00+01:00", "1704067200", "-300000", "0", "+1704067200000",
        "1704067200001", "yesterday", "1234567890123456789", "\"1704067200000\""};

    /** Whether the file being generated has white space and quotes around some fields. */
    private static boolean fancy;

    @TempDir
    Path dir;

    @Test
    void agreesWithTheRegexParserOnGeneratedFilesThroughBothPaths() throws IOException {
        SplittableRandom random = new SplittableRandom(18);
        int failures = 0;
        for (int i = 0; i < 3_000; i++) {
            String csv = generate(random);
            String symbol = symbol(i);
            String expected = outcome(() -> RegexCandleCsvParser.read(new StringReader(csv), "f.csv", symbol));
            assertThat(outcome(() -> CandleCsv.read(new StringReader(csv), "f.csv", symbol)))
                    .as("case %d from a Reader:%n%s", i, csv).isEqualTo(expected);
            Path file = dir.resolve("f.csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            assertThat(outcome(() -> CandleCsv.read(file, symbol)).replace(file.toString(), "f.csv"))
                    .as("case %d from a file:%n%s", i, csv).isEqualTo(expected);
            failures += expected.startsWith("error") ? 1 : 0;
        }
        assertThat(failures).as("both good and bad files were generated").isBetween(300, 2_700);
    }

    @Test
    void readsEveryGeneratedFileInTwoPartsAsTheRegexParserReadsItWhereverTheSplitFalls() throws IOException {
        SplittableRandom random = new SplittableRandom(33);
        int secondPartUsed = 0;
        for (int i = 0; i < 1_500; i++) {
            String csv = generate(random);
            String symbol = symbol(i);
            String expected = outcome(() -> describe(RegexCandleCsvParser.read(new StringReader(csv), "f.csv",
                    symbol)));
            Path file = dir.resolve("split.csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            long splitNear = random.nextLong(Math.max(1, Files.size(file)));
            int[] secondPart = new int[1];
            String actual = outcome(() -> {
                CandleCsvReader.Result r = CandleCsvReader.read(file, symbol, splitNear);
                secondPart[0] = r.secondPartRows();
                return describe(r);
            });
            assertThat(actual.replace(file.toString(), "f.csv")).as("case %d split near byte %d:%n%s", i,
                    splitNear, csv).isEqualTo(expected);
            secondPartUsed += secondPart[0] > 0 ? 1 : 0;
        }
        assertThat(secondPartUsed).as("files whose second part the second thread read").isGreaterThan(60);
    }

    @Test
    void namesTheLineOfABadRowInTheSecondPart() throws IOException {
        Path file = dir.resolve("bad-second-half.csv");
        StringBuilder sb = new StringBuilder(CandleCsv.HEADER).append('\n');
        for (int k = 0; k < 2_000; k++) {
            sb.append("BTCUSDT,").append(T0 + k * Candle.INTERVAL_MILLIS).append(",100.5,101,99.75,100,3.25\n");
        }
        sb.append("BTCUSDT,").append(T0 + 2_000 * Candle.INTERVAL_MILLIS).append(",100.5,101,99.75,1e,3.25\n");
        Files.writeString(file, sb, StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> CandleCsvReader.read(file, null, Files.size(file) / 2))
                .isInstanceOf(CandleCsvException.class)
                .hasMessageContaining("line 2002")
                .hasMessageContaining("'1e' is not a number");
    }

    @Test
    void readsExponentsAndRejectsNegativesAndGarbageInTheSecondPartNamingTheLine() throws IOException {
        String[][] cases = {
            {"1.0e2", "ok 100.0"}, {"100.", "ok 100.0"}, {"0100.000", "ok 100.0"}, {"+100", "ok 100.0"},
            {"100.25000000000000000001", "ok 100.25"}, {"-3", "close must be positive: -3"},
            {"1e", "'1e' is not a number"}, {"0x10", "'0x10' is not a number"}, {"1.2.3", "'1.2.3' is not a number"},
            {"1d", "'1d' is not a number"}, {"", "'' is not a number"}, {"NaN", "'NaN' is not a number"}};
        for (String[] c : cases) {
            StringBuilder sb = rows(2_000, -1, "\n");
            sb.append("BTCUSDT,").append(T0 + 2_000 * Candle.INTERVAL_MILLIS).append(",100,1000,0.5,").append(c[0])
                    .append(",3\n");
            Path file = dir.resolve("numbers.csv");
            Files.writeString(file, sb, StandardCharsets.US_ASCII);

            String outcome = outcome(() -> {
                CandleCsvReader.Result r = CandleCsvReader.read(file, null, Files.size(file) / 3);
                assertThat(r.secondPartRows()).as("the second thread read rows").isPositive();
                return r.symbols().get(0).takeValues(SymbolColumns.CLOSE)[2_000];
            });

            assertThat(outcome).as(c[0]).isEqualTo(c[1].startsWith("ok ") ? c[1]
                    : "error CandleCsvException: " + file + " line 2002, column 6 (close): " + c[1]);
        }
    }

    @Test
    void readsOnWhereTheSecondThreadsShareOfTheColumnsRanOut() throws IOException {
        StringBuilder sb = new StringBuilder(CandleCsv.HEADER).append('\n');
        int split = 0;
        for (int k = 0; k < 7_000; k++) {
            String price = k < 2_000 ? "42000.1234567890" : "1.5";
            split = k == 2_000 ? sb.length() : split;
            sb.append("BTCUSDT,").append(T0 + k * Candle.INTERVAL_MILLIS).append(',').append(price).append(',')
                    .append(price).append(',').append(price).append(',').append(price).append(",1\n");
        }
        Path file = dir.resolve("short-tail.csv");
        Files.writeString(file, sb, StandardCharsets.US_ASCII);

        CandleCsvReader.Result r = CandleCsvReader.read(file, null, split);

        assertThat(r.secondPartRows()).as("the second thread read some rows, not all").isBetween(1, 4_999);
        assertThat(describe(r)).isEqualTo(describe(CandleCsvReader.read(file, null, -1)));
    }

    @Test
    void stopsTheSecondThreadAndReadsOnAloneWhenItsOwnShareOfTheColumnsRunsOut() throws IOException {
        StringBuilder sb = new StringBuilder(CandleCsv.HEADER).append('\n');
        int split = 0;
        for (int k = 0; k < 7_000; k++) {
            String price = k < 5_000 ? "1.5" : "42000.1234567890";
            split = k == 5_000 ? sb.length() : split;
            sb.append("BTCUSDT,").append(T0 + k * Candle.INTERVAL_MILLIS).append(',').append(price).append(',')
                    .append(price).append(',').append(price).append(',').append(price).append(",1\n");
        }
        Path file = dir.resolve("short-head.csv");
        Files.writeString(file, sb, StandardCharsets.US_ASCII);

        CandleCsvReader.Result r = CandleCsvReader.read(file, null, split);

        assertThat(r.secondPartRows()).as("the second thread's rows were dropped").isZero();
        assertThat(describe(r)).isEqualTo(describe(CandleCsvReader.read(file, null, -1)));
    }

    @Test
    void reportsTheGapWhereTheSecondPartStarts() throws IOException {
        StringBuilder sb = rows(4_000, 2_000, "\r\n");
        Path file = dir.resolve("gap.csv");
        Files.writeString(file, sb, StandardCharsets.US_ASCII);
        long next = T0 + 2_002 * Candle.INTERVAL_MILLIS;

        CandleCsvReader.Result r = CandleCsvReader.read(file, null, sb.indexOf("BTCUSDT," + next));

        assertThat(r.secondPartRows()).isEqualTo(2_000);
        assertThat(r.symbols().get(0).size()).isEqualTo(4_000);
        assertThat(r.gaps()).containsExactly(new CandleCsv.Gap("BTCUSDT", next - 3 * Candle.INTERVAL_MILLIS, next, 2));
    }

    @Test
    void namesTheLineOfTheSecondPartsLastRowWhenTheNextGoesBackInTime() throws IOException {
        StringBuilder sb = rows(4_000, -1, "\n");
        sb.append("BTCUSDT,").append(T0 + 3_999 * Candle.INTERVAL_MILLIS).append(",100.5,101,99.75,100,3.25\n");
        Path file = dir.resolve("back.csv");
        Files.writeString(file, sb, StandardCharsets.US_ASCII);

        assertThatThrownBy(() -> CandleCsvReader.read(file, null, Files.size(file) / 2))
                .isInstanceOf(CandleCsvException.class)
                .hasMessageContaining("line 4002")
                .hasMessageContaining("(line 4001)");
    }

    /** The header and {@code n} good rows, with two bars missing before row {@code gapAt} (-1: none). */
    private static StringBuilder rows(int n, int gapAt, String eol) {
        StringBuilder sb = new StringBuilder(CandleCsv.HEADER).append(eol);
        long t = T0;
        for (int k = 0; k < n; k++) {
            t += k == 0 ? 0 : Candle.INTERVAL_MILLIS * (k == gapAt ? 3 : 1);
            sb.append("BTCUSDT,").append(t).append(",100.5,101,99.75,100,3.25").append(eol);
        }
        return sb;
    }

    @Test
    void readsIntoTheSameBarsAsTheCandlesWouldMake() throws IOException {
        SplittableRandom random = new SplittableRandom(5);
        for (int i = 0; i < 500; i++) {
            String csv = generate(random);
            String symbol = symbol(i);
            String viaCandles = outcome(() -> describe(RegexCandleCsvParser.read(new StringReader(csv), "f.csv",
                    symbol).bars()));
            Path file = dir.resolve("g.csv");
            Files.writeString(file, csv, StandardCharsets.UTF_8);
            String direct = outcome(() -> describe(CandleCsv.readBars(file, symbol).bars()));
            assertThat(direct.replace(file.toString(), "f.csv")).as("case %d:%n%s", i, csv).isEqualTo(viaCandles);
        }
    }

    @Test
    void readsALargeFileAllocatingLittleMoreThanItsColumns() throws IOException {
        int rows = 200_000;
        Path file = dir.resolve("large.csv");
        StringBuilder sb = new StringBuilder(CandleCsv.HEADER).append('\n');
        for (int k = 0; k < rows; k++) {
            long cents = 4_200_000 + (k % 977) * 13;
            sb.append("BTCUSDT,").append(T0 + k * Candle.INTERVAL_MILLIS).append(',').append(cents / 100.0)
                    .append(',').append((cents + 50) / 100.0).append(',').append((cents - 50) / 100.0).append(',')
                    .append((cents + 7) / 100.0).append(',').append(k % 500 + 0.125).append('\n');
        }
        Files.writeString(file, sb, StandardCharsets.US_ASCII);
        CandleCsv.readBars(file, null);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        CandleCsv.LoadedBars loaded = CandleCsv.readBars(file, null);

        long perRow = (threads.getCurrentThreadAllocatedBytes() - before) / rows;
        assertThat(loaded.count()).isEqualTo(rows);
        assertThat(loaded.bars().close(0, rows - 1)).isEqualTo((4_200_000 + ((rows - 1) % 977) * 13 + 7) / 100.0);
        assertThat(perRow).as("bytes allocated per row: the 48 of the columns and their spare capacity")
                .isLessThan(64);
    }

    @Test
    void sizesTheColumnsOnceForAFileWhoseLinesGetShorter() throws IOException {
        int rows = 200_000;
        Path file = dir.resolve("falling.csv");
        StringBuilder sb = new StringBuilder(CandleCsv.HEADER).append('\n');
        for (int k = 0; k < rows; k++) {
            String price = k < rows / 4 ? "42000.12345" : "1.5";
            sb.append("BTCUSDT,").append(T0 + k * Candle.INTERVAL_MILLIS).append(',').append(price).append(',')
                    .append(price).append(',').append(price).append(',').append(price).append(",1\n");
        }
        Files.writeString(file, sb, StandardCharsets.US_ASCII);
        var threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long before = threads.getCurrentThreadAllocatedBytes();

        CandleCsvReader.Result r = CandleCsvReader.read(file, null, -1);

        long perRow = (threads.getCurrentThreadAllocatedBytes() - before) / rows;
        SymbolColumns columns = r.symbols().get(0);
        assertThat(columns.size()).isEqualTo(rows);
        assertThat(columns.capacity()).as("capacity").isBetween(rows, rows + rows / 10);
        assertThat(perRow).as("bytes allocated per row: no column was copied to grow").isLessThan(56);
    }

    @Test
    void reportsBytesThatAreNotUtf8WithTheirLine() throws IOException {
        Path file = dir.resolve("latin1.csv");
        byte[] head = (CandleCsv.HEADER + "\nBTCUSDT," + T0 + ",1,1,1,1,1\nBTCUSDT,").getBytes(StandardCharsets.US_ASCII);
        byte[] bytes = new byte[head.length + 2];
        System.arraycopy(head, 0, bytes, 0, head.length);
        bytes[head.length] = (byte) 0xE9;
        bytes[head.length + 1] = '\n';
        Files.write(file, bytes);

        assertThatThrownBy(() -> CandleCsv.readBars(file, null))
                .isInstanceOf(CandleCsvException.class)
                .hasMessage(file + " line 3: not UTF-8 text");
    }

    @Test
    void readBarsRejectsSymbolsWithDifferentBarsAsBarsOfDoes() {
        String csv = CandleCsv.HEADER + "\nETHUSDT," + T0 + ",1,1,1,1,1\nBTCUSDT," + T0 + ",1,1,1,1,1\n"
                + "BTCUSDT," + (T0 + 300_000) + ",1,1,1,1,1\n";

        assertThatThrownBy(() -> CandleCsv.readBars(new StringReader(csv), "two.csv", null))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ETHUSDT has 1 bars but BTCUSDT has 2; every symbol needs the same bars");
    }

    /** A symbol for the file when {@code i} says so (files without a symbol column need one). */
    private static String symbol(int i) {
        return i % 3 == 0 ? "ETHUSDT" : i % 11 == 1 ? "bad symbol" : null;
    }

    private static String describe(CandleCsv.Loaded loaded) {
        return describe(loaded.bars()) + " gaps " + loaded.gaps();
    }

    private static String describe(CandleCsvReader.Result r) {
        return describe(Bars.ofColumns(r.symbols())) + " gaps " + r.gaps();
    }

    private static String describe(Bars bars) {
        StringBuilder sb = new StringBuilder(bars.symbols().toString());
        for (int s = 0; s < bars.symbolCount(); s++) {
            sb.append(bars.candles(s));
        }
        return sb.toString();
    }

    private interface Read {
        Object get() throws Exception;
    }

    private static String outcome(Read read) {
        try {
            Object result = read.get();
            if (result instanceof CandleCsv.Loaded loaded) {
                return "ok " + new java.util.TreeMap<>(loaded.candles()) + " gaps " + loaded.gaps();
            }
            return "ok " + result;
        } catch (Exception e) {
            return "error " + e.getClass().getSimpleName() + ": " + e.getMessage();
        }
    }

    /** A small candle file, usually valid, with random formatting and the odd mistake. */
    private static String generate(SplittableRandom r) {
        fancy = r.nextInt(3) == 0;
        List<String> columns = new ArrayList<>(List.of("symbol", "open_time", "open", "high", "low", "close",
                "volume"));
        if (r.nextInt(4) == 0) {
            columns.remove(0);
        }
        if (r.nextInt(3) == 0) {
            java.util.Collections.shuffle(columns, new java.util.Random(r.nextLong()));
        }
        StringBuilder sb = new StringBuilder(r.nextInt(10) == 0 ? "\uFEFF" : "");
        String eol = switch (r.nextInt(6)) {
            case 0 -> "\r\n";
            case 1 -> "\r";
            default -> "\n";
        };
        List<String> header = new ArrayList<>();
        for (String c : columns) {
            header.add(decorate(r, r.nextInt(8) == 0 ? c.toUpperCase(java.util.Locale.ROOT) : c));
        }
        if (r.nextInt(30) == 0) {
            header.add(r.nextBoolean() ? "turnover" : "open");
        }
        if (r.nextInt(40) == 0) {
            header.remove(r.nextInt(header.size()));
        }
        sb.append(String.join(",", header)).append(eol);
        String[] symbols = {"BTCUSDT", "ETHUSDT", r.nextInt(20) == 0 ? "btc" : "SOL-PERP"};
        int symbolCount = 1 + r.nextInt(3);
        int rows = r.nextInt(25);
        boolean sequential = r.nextBoolean();
        long[] time = new long[symbolCount];
        double[] price = new double[symbolCount];
        for (int s = 0; s < symbolCount; s++) {
            time[s] = T0 + r.nextInt(5) * Candle.INTERVAL_MILLIS;
            price[s] = 10 + r.nextInt(50_000) / 100.0;
        }
        boolean mistakes = r.nextInt(4) == 0;
        for (int k = 0; k < rows * symbolCount; k++) {
            int s = sequential ? k / Math.max(1, rows) % symbolCount : k % symbolCount;
            double open = price[s];
            double close = Math.max(0.01, Math.rint((open + (r.nextDouble() - 0.5) * open * 0.01) * 100) / 100);
            double high = Math.max(open, close) + r.nextInt(100) / 100.0;
            double low = Math.max(0.01, Math.min(open, close) - r.nextInt(100) / 100.0);
            price[s] = close;
            long t = time[s];
            String[] value = {symbols[s], Long.toString(t), CandleCsv.plain(open), CandleCsv.plain(high),
                CandleCsv.plain(low), CandleCsv.plain(close), CandleCsv.plain(r.nextInt(100_000) / 1000.0)};
            time[s] += Candle.INTERVAL_MILLIS * (r.nextInt(12) == 0 ? 1 + r.nextInt(4) : 1);
            if (mistakes && r.nextInt(6) == 0) {
                int f = r.nextInt(3) == 0 ? 1 : r.nextInt(7);
                value[f] = f == 1 ? TIMES[r.nextInt(TIMES.length)] : NUMBERS[r.nextInt(NUMBERS.length)];
            }
            if (mistakes && r.nextInt(6) == 0) {
                switch (r.nextInt(6)) {
                    case 0 -> value[1] = Long.toString(t + 1 + r.nextInt(299_999));
                    case 1 -> value[1] = Long.toString(t / 1000);
                    case 2 -> value[1] = java.time.Instant.ofEpochMilli(t).toString();
                    case 3 -> value[2] = CandleCsv.plain(high + 0.5);
                    case 4 -> value[5] = CandleCsv.plain(low / 2);
                    default -> {
                        value[3] = CandleCsv.plain(low);
                        value[4] = CandleCsv.plain(high + 0.01);
                    }
                }
            }
            if (mistakes && r.nextInt(40) == 0) {
                time[s] -= Candle.INTERVAL_MILLIS * r.nextInt(3);
            }
            List<String> fields = new ArrayList<>();
            for (String c : columns) {
                fields.add(decorate(r, value[List.of("symbol", "open_time", "open", "high", "low", "close",
                        "volume").indexOf(c)]));
            }
            if (mistakes && r.nextInt(50) == 0) {
                fields.remove(fields.size() - 1);
            }
            sb.append(String.join(",", fields)).append(eol);
            if (r.nextInt(30) == 0) {
                sb.append(r.nextBoolean() ? "" : " \t").append(eol);
            }
        }
        if (r.nextInt(5) == 0 && sb.length() > 0) {
            sb.setLength(sb.length() - eol.length());
        }
        return sb.toString();
    }

    private static String decorate(SplittableRandom r, String field) {
        if (!fancy) {
            return field;
        }
        return switch (r.nextInt(20)) {
            case 0 -> SPACES[r.nextInt(SPACES.length)] + field;
            case 1 -> field + SPACES[r.nextInt(SPACES.length)];
            case 2 -> "\"" + field + "\"";
            case 3 -> " \" " + field + " \"\t";
            default -> field;
        };
    }
}
