package dev.leash.backtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Test;

/** A backtest's order and fill path allocates nothing per order beyond the result's own primitive columns. */
class BacktestAllocationTest {

    private static final int SHORT = 6_000;
    private static final int LONG = 12_000;

    @Test
    void moreBarsWithOrdersCostOnlyTheEquityCurveAndTheFillColumns() {
        Backtester backtester = Backtester.create(Fixtures.instruments(), 100_000, 400);
        Bars shortBars = Fixtures.syntheticBars(7, SHORT);
        Bars longBars = Fixtures.syntheticBars(7, LONG);
        for (int i = 0; i < 10; i++) { // warm up: the JIT settles
            backtester.run(Fixtures.defaultParams(), longBars);
        }
        com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long id = Thread.currentThread().getId();

        long before = threads.getThreadAllocatedBytes(id);
        BacktestResult shortRun = backtester.run(Fixtures.defaultParams(), shortBars);
        long shortBytes = threads.getThreadAllocatedBytes(id) - before;
        before = threads.getThreadAllocatedBytes(id);
        BacktestResult longRun = backtester.run(Fixtures.defaultParams(), longBars);
        long longBytes = threads.getThreadAllocatedBytes(id) - before;

        int extraBars = LONG - SHORT;
        int extraFills = longRun.fills().size() - shortRun.fills().size();
        assertThat(extraFills).as("fills in the extra bars").isGreaterThan(100);
        // per extra bar the equity curve, 8 B; per chunk of fills the columns, 52 B a fill; per extra fill 64 B for
        // the trade ledger's P&L array (grown by doubling, copied for the metrics); no object per order (before the
        // primitive path: about 1.2 KB per fill)
        long budget = 8L * extraBars + 52L * (chunks(longRun.fills().size()) - chunks(shortRun.fills().size()))
                * FillColumns.CHUNK + 64L * extraFills + 16_384;
        assertThat(longBytes - shortBytes)
                .as("bytes for %d more bars with %d more fills", extraBars, extraFills)
                .isLessThan(budget);
    }

    /** The chunks of columns that hold {@code fills}. */
    private static long chunks(int fills) {
        return (fills + FillColumns.CHUNK - 1) / FillColumns.CHUNK;
    }
}
