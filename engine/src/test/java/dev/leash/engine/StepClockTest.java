package dev.leash.engine;

import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.risk.TradingState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine finds the bar and the UTC day of each step without dividing on every one; these pin the edges: the
 * last millisecond of a bar or day still belongs to it, the first belongs to the next.
 */
class StepClockTest {

    /** 2024-01-01T00:00Z, a UTC day start. */
    private static final long DAY = 1_704_067_200_000L;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long BAR = SymbolSpec.BAR_MILLIS;
    private static final int BTC = 0;
    private static final List<SymbolSpec> INSTRUMENTS = List.of(new SymbolSpec("BTCUSDT", 0.001, 0.001, 5.0));
    private static final Limits LIMITS = Limits.hard(Set.of("BTCUSDT"));

    private final RecordingPort port = new RecordingPort();
    private double equity = 100_000;

    @Test
    void anOrderAtTheFirstMillisecondOfABarIsNumberedInThatBar() {
        Engine e = engineWithChannel(DAY);
        long lastOfBar = DAY + 6 * BAR - 1;
        e.onClock(lastOfBar);
        e.onTick(BTC, 100.5, lastOfBar); // inside the channel: nothing
        e.onClock(lastOfBar + 1);
        e.onTick(BTC, 102.0, lastOfBar + 1); // a breakout in bar 6

        assertThat(port.last().clientOrderId()).isEqualTo(OrderIntent.clientOrderId("BTCUSDT",
                (DAY + 6 * BAR) / BAR, 1));
        e.onOrderDone(BTC, port.last().clientOrderId());
        e.onFill(BTC, port.last().signedQty(), 102.0);

        e.onClock(lastOfBar + 2);
        e.onTick(BTC, 99.5, lastOfBar + 2); // stop-loss (2 %) in the same bar: its second order
        assertThat(port.last().clientOrderId()).isEqualTo(OrderIntent.clientOrderId("BTCUSDT",
                (DAY + 6 * BAR) / BAR, 2));
    }

    @Test
    void theDayTurnsAtItsFirstMillisecondAndNotBefore() {
        Engine e = engineWithChannel(DAY);
        long lastOfDay = DAY + DAY_MILLIS - 1;
        e.onClock(lastOfDay - BAR);
        equity = 96_500; // 3.5 % down on the day's start of 100,000: halted
        e.onClock(lastOfDay);
        assertThat(e.state()).isEqualTo(TradingState.HALTED);
        assertThat(e.startOfDayEquity()).isEqualTo(100_000);

        e.onClock(lastOfDay + 1);

        assertThat(e.state()).isEqualTo(TradingState.ACTIVE);
        assertThat(e.startOfDayEquity()).isEqualTo(96_500);
    }

    @Test
    void aClockThatJumpsBackADayStartsThatDayAgain() {
        Engine e = engineWithChannel(DAY + DAY_MILLIS);
        e.onClock(DAY + DAY_MILLIS + BAR);
        equity = 99_000;
        e.onClock(DAY + 5 * BAR); // a replay from the day before

        assertThat(e.startOfDayEquity()).isEqualTo(99_000);
    }

    /** An engine at {@code start} with five closed bars making a 99-101 channel. */
    private Engine engineWithChannel(long start) {
        Engine e = new Engine(INSTRUMENTS, LIMITS, params(), port, EngineListener.NONE, () -> equity);
        e.onClock(start);
        for (int bar = 0; bar < 5; bar++) {
            e.onBarClose(BTC, start + (bar + 1) * BAR, 101, 99, 100, 10.0);
        }
        return e;
    }

    private static Params params() {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put("BTCUSDT", new SymbolParams(true, 1.0));
        return new Params(1, 2.0, 2.0, null, 5, 3.0, 3.0, TradingMode.ACTIVE, symbols, "test", "", Instant.EPOCH);
    }
}
