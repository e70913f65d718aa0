package dev.leash.backtest;

import dev.leash.venue.Candle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@Timeout(30)
class CandleCsvTest {

    private static final String HEADER = "symbol,open_time,open,high,low,close,volume\n";
    private static final long T0 = Fixtures.ORIGIN;

    @TempDir
    Path dir;

    @Test
    void writtenBarsReadBackIdentically() throws IOException {
        Bars bars = Fixtures.syntheticBars(7, 300);
        Path file = dir.resolve("bars.csv");
        CandleCsv.write(file, bars);

        CandleCsv.Loaded loaded = CandleCsv.read(file, null);

        assertThat(loaded.count()).isEqualTo(900);
        assertThat(loaded.gaps()).isEmpty();
        for (int s = 0; s < bars.symbolCount(); s++) {
            assertThat(loaded.candles().get(bars.symbols().get(s))).isEqualTo(bars.candles(s));
        }
        assertThat(loaded.bars().symbols()).isEqualTo(bars.symbols());
        try (var files = Files.list(dir)) {
            assertThat(files).containsExactly(file);
        }
    }

    @Test
    void readsIsoTimesAndAFileWithoutSymbolColumn() throws IOException {
        String csv = "open_time,open,high,low,close,volume\n"
                + "2024-01-01T00:00:00Z,100,101,99,100.5,10\n"
                + "2024-01-01T00:05:00+00:00,100.5,102,100,101,12\n"
                + "2024-01-01 00:10:00,101,101.5,100.2,100.8,0\n";

        CandleCsv.Loaded loaded = CandleCsv.read(new StringReader(csv), "eth.csv", "ETHUSDT");

        assertThat(loaded.candles().get("ETHUSDT")).extracting(Candle::openTime)
                .containsExactly(T0, T0 + 300_000, T0 + 600_000);
        assertThat(loaded.candles().get("ETHUSDT").get(0))
                .isEqualTo(new Candle("ETHUSDT", T0, 100, 101, 99, 100.5, 10));
    }

    @Test
    void reportsGapsButKeepsTheBars() throws IOException {
        String csv = HEADER + row(T0) + row(T0 + 300_000) + row(T0 + 1_500_000);

        CandleCsv.Loaded loaded = CandleCsv.read(new StringReader(csv), "gappy.csv", null);

        assertThat(loaded.count()).isEqualTo(3);
        assertThat(loaded.gaps()).containsExactly(new CandleCsv.Gap("BTCUSDT", T0 + 300_000, T0 + 1_500_000, 3));
    }

    @Test
    void rejectsTimeGoingBackwardsNamingLineAndColumn() {
        String csv = HEADER + row(T0) + row(T0 + 300_000) + row(T0 + 300_000);

        assertThatThrownBy(() -> CandleCsv.read(new StringReader(csv), "btc.csv", null))
                .isInstanceOf(CandleCsvException.class)
                .hasMessageStartingWith("btc.csv line 4, column 2 (open_time): ")
                .hasMessageContaining("not after the previous BTCUSDT bar")
                .hasMessageContaining("(line 3)");
    }

    @Test
    void rejectsHighBelowLow() {
        String csv = HEADER + "BTCUSDT," + T0 + ",100,99,101,100,1\n";

        assertThatThrownBy(() -> CandleCsv.read(new StringReader(csv), "btc.csv", null))
                .hasMessage("btc.csv line 2, column 4 (high): high 99 is below low 101");
    }

    @Test
    void rejectsNonPositivePricesAndJunkNumbers() {
        assertThatThrownBy(() -> read(HEADER + "BTCUSDT," + T0 + ",100,101,0,100,1\n"))
                .hasMessage("x.csv line 2, column 5 (low): low must be positive: 0");
        assertThatThrownBy(() -> read(HEADER + "BTCUSDT," + T0 + ",100,101,99,NaN,1\n"))
                .hasMessage("x.csv line 2, column 6 (close): 'NaN' is not a number");
        assertThatThrownBy(() -> read(HEADER + row(T0) + "\nBTCUSDT," + (T0 + 300_000) + ",100,101,99,100\n"))
                .hasMessage("x.csv line 4: 6 fields where the header has 7");
    }

    @Test
    void rejectsTimesOffTheFiveMinuteGridAndHintsAtSeconds() {
        assertThatThrownBy(() -> read(HEADER + "BTCUSDT,1704067200,100,101,99,100,1\n"))
                .hasMessageContaining("line 2, column 2 (open_time)")
                .hasMessageContaining("epoch milliseconds, not seconds");
        assertThatThrownBy(() -> read(HEADER + "BTCUSDT,yesterday,100,101,99,100,1\n"))
                .hasMessageContaining("neither epoch milliseconds nor an ISO-8601 time");
    }

    @Test
    void requiresAHeader() {
        assertThatThrownBy(() -> read("BTCUSDT," + T0 + ",100,101,99,100,1\n"))
                .isInstanceOf(CandleCsvException.class)
                .hasMessageStartingWith("x.csv line 1, column 1: unknown column 'BTCUSDT'");
        assertThatThrownBy(() -> read("open_time,open,high,low,close,volume\n" + T0 + ",1,1,1,1,1\n"))
                .hasMessage("x.csv line 1: no symbol column and no symbol given for the file");
        assertThatThrownBy(() -> read(HEADER))
                .hasMessage("x.csv line 1: no candles after the header");
    }

    @Test
    void errorsCarryTheirPosition() {
        assertThatThrownBy(() -> read(HEADER + row(T0) + "BTCUSDT," + (T0 + 300_000) + ",100,101,99,102,1\n"))
                .isInstanceOfSatisfying(CandleCsvException.class, e -> {
                    assertThat(e.source()).isEqualTo("x.csv");
                    assertThat(e.line()).isEqualTo(3);
                    assertThat(e.column()).isEqualTo(6);
                });
    }

    private static CandleCsv.Loaded read(String csv) throws IOException {
        return CandleCsv.read(new StringReader(csv), "x.csv", null);
    }

    private static String row(long openTime) {
        return "BTCUSDT," + openTime + ",100,101,99,100.5,3.25\n";
    }
}
