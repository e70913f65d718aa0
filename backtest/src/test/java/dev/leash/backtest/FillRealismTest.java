package dev.leash.backtest;

import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.EngineListener;
import dev.leash.engine.RiskRejection;
import dev.leash.engine.StateChange;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.venue.Candle;
import dev.leash.venue.Fill;
import dev.leash.venue.Instrument;
import dev.leash.venue.OrderStatus;
import dev.leash.venue.Side;
import dev.leash.venue.sim.TickPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Market orders fill at the next tick-path point after the one that sent them: entries at that price plus slippage,
 * never at the extreme that triggered them; exits at the level that triggered them or worse, never at the extreme.
 */
@Timeout(60)
class FillRealismTest {

    private static final int WARMUP = Backtester.DEFAULT_WARMUP_BARS;
    private static final double TAKE_PROFIT_PCT = 1.0;

    private final Backtester backtester = Backtester.create(Fixtures.instruments(), 100_000, WARMUP);

    @Test
    void aBreakoutLongSentAtTheBarHighFillsAtTheNextPointTheCloseNotAtTheHigh() {
        List<Decision> decisions = new ArrayList<>();
        List<Fill> fills = run(new double[] {100, 102, 100, 101.5}, // open, low, high 102 (the breakout), close
                new double[] {101.5, 101.7, 101.4, 101.6}, decisions);

        Decision entry = decisions.stream().filter(d -> d.action() == Action.ENTER_LONG).findFirst().orElseThrow();
        Fill fill = fills.get(0);
        assertThat(fill.side()).isEqualTo(Side.BUY);
        assertThat(fill.time()).as("the next point of the tick path").isEqualTo(entry.time() + TickPath.STEP_MILLIS);
        // the close 101.5 plus 1 bp and the notional's impact, 101.51, on the 0.1 tick; not the high 102
        assertThat(fill.price()).isEqualTo(101.5);
    }

    @Test
    void aStopSentAtTheLastPointOfTheBarsIsCancelledAndReportedNotFilled() {
        // a coarse 1.0 tick: the entry sent at the last bar's high 102 fills at its close 100.4 one tick worse, 101,
        // which is already 0.59 % under water: the 0.5 % stop goes out at the close, the last point there is
        Backtester coarse = Backtester.create(List.of(new Instrument("BTCUSDT", 1.0, 0.001, 0.001, 5.0)), 100_000,
                WARMUP);
        List<Candle> candles = new ArrayList<>();
        long t = Fixtures.ORIGIN;
        for (int k = 0; k < WARMUP + 30; k++, t += Candle.INTERVAL_MILLIS) {
            candles.add(new Candle("BTCUSDT", t, 100, 100.1, 99.9, 100, 10));
        }
        candles.add(new Candle("BTCUSDT", t, 100, 102, 100, 100.4, 50));
        TreeMap<String, SymbolParams> symbols = new TreeMap<>(Map.of("BTCUSDT", new SymbolParams(true, 1.0)));
        Params params = new Params(1, 2.0, 0.5, null, 20, 2.0, 3.0, TradingMode.ACTIVE, symbols, "test", "fixture",
                Instant.parse("2024-01-01T00:00:00Z"));

        BacktestResult r = coarse.run(params, Bars.of("BTCUSDT", candles));

        assertThat(r.fills()).singleElement().satisfies(f -> {
            assertThat(f.side()).isEqualTo(Side.BUY);
            assertThat(f.price()).isEqualTo(101.0);
        });
        assertThat(r.cancelledAtEnd()).singleElement().satisfies(o -> {
            assertThat(o.side()).isEqualTo(Side.SELL);
            assertThat(o.reduceOnly()).isTrue();
            assertThat(o.status()).as("as it was when sent").isEqualTo(OrderStatus.NEW);
        });
        assertThat(r.metrics().unrealizedPnl()).as("the position stays open, marked at the close").isNegative();
    }

    @Test
    void aLongsTakeProfitHitAtTheBarHighFillsAtTheLevelNotAtTheHigh() {
        List<Fill> fills = run(
                new double[] {100, 102, 100, 101.5}, // breaks out up: a long near 102
                new double[] {101.5, 103.4, 101.4, 103.2}); // the high is far past the 1 % take-profit

        Fill entry = fills.get(0);
        Fill exit = fills.get(1);
        assertThat(entry.side()).isEqualTo(Side.BUY);
        assertThat(exit.side()).isEqualTo(Side.SELL);
        double level = entry.price() * (1 + TAKE_PROFIT_PCT / 100);
        assertThat(exit.price()).as("the take-profit %s less slippage, on the 0.1 tick; not the high 103.4", level)
                .isLessThanOrEqualTo(level).isGreaterThan(level - 0.2);
    }

    @Test
    void aShortsTakeProfitHitAtTheBarLowFillsAtTheLevelNotAtTheLow() {
        List<Fill> fills = run(
                new double[] {100, 100, 98, 98.5}, // breaks out down: a short near 98
                new double[] {98.5, 98.6, 96.7, 96.9}); // the low is far past the 1 % take-profit

        Fill entry = fills.get(0);
        Fill exit = fills.get(1);
        assertThat(entry.side()).isEqualTo(Side.SELL);
        assertThat(exit.side()).isEqualTo(Side.BUY);
        double level = entry.price() * (1 - TAKE_PROFIT_PCT / 100);
        assertThat(exit.price()).as("the take-profit %s plus slippage, on the 0.1 tick; not the low 96.7", level)
                .isGreaterThanOrEqualTo(level).isLessThan(level + 0.2);
    }

    @Test
    void noFillOfASyntheticRunIsBetterThanTheLevelThatTriggeredIt() {
        List<Decision> decisions = new ArrayList<>();
        BacktestResult r = backtester.run(withTakeProfit(), Fixtures.syntheticBars(7, WARMUP + 3 * 288),
                new EngineListener() {
                    @Override
                    public void onDecision(Decision d) {
                        decisions.add(d);
                    }

                    @Override
                    public void onRiskRejection(RiskRejection rejection) {
                    }

                    @Override
                    public void onStateChange(StateChange change) {
                    }
                }, BacktestProgress.NONE);
        Map<String, Fill> fillAt = new HashMap<>();
        // an order fills at the next point of the tick path after the decision that sent it
        r.fills().forEach(f -> fillAt.put(f.symbol() + "@" + (f.time() - TickPath.STEP_MILLIS), f));

        Set<Action> checked = EnumSet.noneOf(Action.class);
        int orders = 0;
        for (Decision d : decisions) {
            Fill f = fillAt.get(d.symbol() + "@" + d.time());
            double level = level(d, f);
            if (f == null || Double.isNaN(level)) {
                continue;
            }
            orders++;
            checked.add(d.action());
            if (f.side() == Side.BUY) {
                assertThat(f.price()).as("%s %s", d.action(), d.reason()).isGreaterThanOrEqualTo(level - 1e-9);
            } else {
                assertThat(f.price()).as("%s %s", d.action(), d.reason()).isLessThanOrEqualTo(level + 1e-9);
            }
        }
        assertThat(orders).isGreaterThan(20);
        assertThat(checked).contains(Action.STOP_LOSS, Action.TAKE_PROFIT);
    }

    @Test
    void theFillModelSaysATakeProfitNeverFillsBetterThanItsLevel() {
        assertThat(FillModel.DESCRIPTION).contains("take-profit", "never better than");
    }

    /**
     * The price whose crossing sent the decision's exit; NaN for a decision that sent none, and for an entry, which
     * fills at the next price whether better or worse than its level.
     */
    private static double level(Decision d, Fill f) {
        if (f == null) {
            return Double.NaN;
        }
        double held = f.side() == Side.BUY ? -1 : 1; // the side of the position an exit closes
        return switch (d.action()) {
            case EXIT -> f.side() == Side.BUY ? d.signals().channelHigh() : d.signals().channelLow();
            case STOP_LOSS -> d.why().number("entry_price") * (1 - held * 1.5 / 100);
            case TAKE_PROFIT -> d.why().number("entry_price") * (1 + held * TAKE_PROFIT_PCT / 100);
            default -> Double.NaN;
        };
    }

    /** Flat bars, a breakout bar, a quiet bar, the take-profit bar, then flat bars; open, high, low, close each. */
    private List<Fill> run(double[] breakout, double[] takeProfit) {
        List<Fill> fills = run(breakout, takeProfit, new ArrayList<>());
        assertThat(fills).hasSizeGreaterThanOrEqualTo(2);
        return fills;
    }

    private List<Fill> run(double[] breakout, double[] takeProfit, List<Decision> decisions) {
        List<Candle> candles = new ArrayList<>();
        long t = Fixtures.ORIGIN;
        for (int k = 0; k < WARMUP + 30; k++, t += Candle.INTERVAL_MILLIS) {
            candles.add(new Candle("BTCUSDT", t, 100, 100.1, 99.9, 100, 10));
        }
        double c = breakout[3];
        for (double[] b : List.of(breakout, new double[] {c, c + 0.1, c - 0.1, c}, takeProfit)) {
            candles.add(new Candle("BTCUSDT", t, b[0], b[1], b[2], b[3], 50));
            t += Candle.INTERVAL_MILLIS;
        }
        double last = takeProfit[3];
        for (int k = 0; k < 5; k++, t += Candle.INTERVAL_MILLIS) {
            candles.add(new Candle("BTCUSDT", t, last, last + 0.1, last - 0.1, last, 10));
        }
        BacktestResult r = backtester.run(withTakeProfit(), Bars.of("BTCUSDT", candles), new EngineListener() {
            @Override
            public void onDecision(Decision d) {
                decisions.add(d);
            }

            @Override
            public void onRiskRejection(RiskRejection rejection) {
            }

            @Override
            public void onStateChange(StateChange change) {
            }
        }, BacktestProgress.NONE);
        return r.fills();
    }

    private static Params withTakeProfit() {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        for (Instrument in : Fixtures.instruments()) {
            symbols.put(in.symbol(), new SymbolParams(true, 1.0));
        }
        return new Params(1, 2.0, 1.5, TAKE_PROFIT_PCT, 20, 2.0, 3.0, TradingMode.ACTIVE, symbols, "test", "fixture",
                Instant.parse("2024-01-01T00:00:00Z"));
    }
}
