package dev.leash.backtest;

import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.venue.Candle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** What a backtest says about itself: the window it traded, when a Sharpe is meaningful, why it made no trade. */
@Timeout(60)
class HonestFiguresTest {

    private static final int WARMUP = Backtester.DEFAULT_WARMUP_BARS;
    private static Bars bars;
    private static Backtester backtester;

    @BeforeAll
    static void bars() {
        bars = Fixtures.syntheticBars(7, WARMUP + 3 * 288);
        backtester = Backtester.create(Fixtures.instruments(), 100_000, WARMUP);
    }

    @Test
    void theWindowIsTheBarsTradedAfterTheWarmUpAndSaysWhenShorterThanAsked() {
        BacktestWindow w = BacktestWindow.of(bars, WARMUP);

        assertThat(w.start()).isEqualTo(bars.openTime(WARMUP));
        assertThat(w.end()).isEqualTo(bars.openTime(bars.size() - 1) + Candle.INTERVAL_MILLIS);
        assertThat(w.barsPerSymbol()).isEqualTo(3 * 288);
        assertThat(w.days()).isEqualTo(3.0);
        assertThat(w.shorterThan(3)).isFalse();
        assertThat(w.shorterThan(90)).isTrue();
        assertThat(w.describe(90)).startsWith("only 3.0 of the 90 days requested were available and used");
        assertThat(w.describe(3)).startsWith("3.0 days used, as requested");
    }

    @Test
    void aSharpeOnLessThanSevenDaysIsUnavailableWithTheReason() {
        BacktestMetrics threeDays = backtester.run(Fixtures.defaultParams(), bars).metrics();
        BacktestMetrics sevenDays = backtester.run(Fixtures.defaultParams(),
                Fixtures.syntheticBars(7, WARMUP + 7 * 288)).metrics();

        assertThat(threeDays.sharpeUnavailableReason()).contains("7 days", "3.0 days");
        assertThat(sevenDays.sharpeUnavailableReason()).isNull();
    }

    @Test
    void zeroTradesSayWhyReduceOnlyDisabledOrNoBreakout() {
        BacktestWindow w = BacktestWindow.of(bars, WARMUP);
        Params reduceOnly = Fixtures.params(20, TradingMode.REDUCE_ONLY);
        TreeMap<String, SymbolParams> off = new TreeMap<>();
        reduceOnly.symbols().keySet().forEach(s -> off.put(s, new SymbolParams(false, 1.0)));
        Params disabled = Fixtures.defaultParams().withSymbols(off);

        BacktestResult traded = backtester.run(Fixtures.defaultParams(), bars);
        assertThat(traded.metrics().trades()).isPositive();
        assertThat(ZeroTrades.reason(traded, w)).isNull();
        assertThat(ZeroTrades.reason(backtester.run(reduceOnly, bars), w)).contains("reduce_only");
        assertThat(ZeroTrades.reason(backtester.run(disabled, bars), w)).contains("disabled");
        Bars flat = Bars.of("BTCUSDT", java.util.stream.IntStream.range(0, WARMUP + 50)
                .mapToObj(k -> new Candle("BTCUSDT", Fixtures.ORIGIN + k * Candle.INTERVAL_MILLIS, 100, 100, 100,
                        100, 1)).toList());
        BacktestResult none = backtester.run(Fixtures.defaultParams(), flat);
        assertThat(ZeroTrades.reason(none, BacktestWindow.of(flat, WARMUP))).startsWith("no breakout of the 20-bar");
    }

    @Test
    void aWalkForwardSplitTradesEachBarOnceWithTheFitWindowFirst() {
        WalkForward split = WalkForward.split(bars, WARMUP);

        BacktestWindow fit = split.fitWindow();
        BacktestWindow test = split.testWindow();
        assertThat(fit.start()).isEqualTo(BacktestWindow.of(bars, WARMUP).start());
        assertThat(test.start()).isEqualTo(fit.end());
        assertThat(test.end()).isEqualTo(BacktestWindow.of(bars, WARMUP).end());
        assertThat(fit.barsPerSymbol()).isEqualTo(2 * 288);
        assertThat(test.barsPerSymbol()).isEqualTo(288);
        assertThat(split.test().candle(0, 0)).isEqualTo(bars.candle(0, 2 * 288));
        assertThat(WalkForward.split(bars.range(0, WARMUP + 1), WARMUP)).isNull();
    }

    @Test
    void aStopCrossedByAGapFillsAtTheGapPriceWorseThanTheStopNeverAtIt() {
        java.util.List<Candle> candles = new java.util.ArrayList<>();
        long t = Fixtures.ORIGIN;
        for (int k = 0; k < WARMUP + 30; k++, t += Candle.INTERVAL_MILLIS) {
            candles.add(new Candle("BTCUSDT", t, 100, 100.1, 99.9, 100, 10));
        }
        candles.add(new Candle("BTCUSDT", t, 100, 102, 100, 101.5, 50)); // breaks out up: a long
        t += Candle.INTERVAL_MILLIS;
        candles.add(new Candle("BTCUSDT", t, 101.5, 101.6, 101.4, 101.5, 10));
        t += Candle.INTERVAL_MILLIS;
        candles.add(new Candle("BTCUSDT", t, 95, 95.5, 94.5, 95, 50)); // gaps far below the stop
        for (int k = 0; k < 5; k++) {
            t += Candle.INTERVAL_MILLIS;
            candles.add(new Candle("BTCUSDT", t, 95, 95.1, 94.9, 95, 10));
        }

        BacktestResult r = backtester.run(Fixtures.defaultParams(), Bars.of("BTCUSDT", candles));

        assertThat(r.fills()).hasSizeGreaterThanOrEqualTo(2);
        dev.leash.venue.Fill entry = r.fills().get(0);
        dev.leash.venue.Fill exit = r.fills().get(1);
        assertThat(entry.side()).isEqualTo(dev.leash.venue.Side.BUY);
        assertThat(exit.side()).isEqualTo(dev.leash.venue.Side.SELL);
        double stop = entry.price() * (1 - Fixtures.defaultParams().stopLossPct() / 100);
        assertThat(exit.price()).as("a price of the gap bar less slippage, not the stop %s", stop)
                .isLessThan(stop).isBetween(94.4, 95.5); // on the 0.1 tick
        assertThat(FillModel.DESCRIPTION).contains("worse than the stop");
    }
}
