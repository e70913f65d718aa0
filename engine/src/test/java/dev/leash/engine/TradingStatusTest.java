package dev.leash.engine;

import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.risk.TradingState;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The trading status across a restart: an engine reports every move of its status, a new engine restores the last
 * one, and risk never comes back up by restarting. Time is driven explicitly; equity is a field the test sets.
 */
class TradingStatusTest {

    /** 2024-01-01T00:00Z, a UTC day start. */
    private static final long DAY = 1_704_067_200_000L;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long BAR = SymbolSpec.BAR_MILLIS;
    private static final int BTC = 0;
    private static final List<SymbolSpec> INSTRUMENTS = List.of(new SymbolSpec("BTCUSDT", 0.5, 0.5, 5.0));
    private static final Limits LIMITS = Limits.hard(Set.of("BTCUSDT"));

    private final StatusListener listener = new StatusListener();
    private final RecordingPort port = new RecordingPort();
    private double equity = 100_000;

    @Test
    void staysHaltedAfterRestartOnTheSameUtcDay() {
        Engine before = started(at(5, 0));
        equity = 96_500; // 3.5 % down: the limit is 3 %
        before.onClock(at(5, 1));
        assertThat(before.state()).isEqualTo(TradingState.HALTED);
        TradingStatusView saved = listener.last();
        port.clear();

        Engine after = restarted(saved, at(40, 0)); // killed and started again three hours later
        after.onClock(at(40, 1));
        after.onTick(BTC, 102.0, at(40, 2)); // a breakout that would enter when active
        after.onClock(at(287, 299));
        after.onTick(BTC, 103.0, at(287, 299));

        assertThat(after.state()).isEqualTo(TradingState.HALTED);
        assertThat(port.intents()).isEmpty();
        assertThat(after.status().cause(StateCause.DAILY_LOSS)).satisfies(c -> {
            assertThat(c.reason()).isEqualTo("daily loss limit of 3.0% reached");
            assertThat(c.since()).isEqualTo(at(5, 1));
            assertThat(c.until()).isEqualTo(DAY + DAY_MILLIS);
        });
    }

    @Test
    void restoredHaltEndsOnTheNextUtcDay() {
        Engine before = started(at(5, 0));
        equity = 96_500;
        before.onClock(at(5, 1));

        Engine after = restarted(listener.last(), at(6, 0));
        long tomorrow = DAY + DAY_MILLIS;
        after.onClock(tomorrow);
        after.onTick(BTC, 102.0, tomorrow + 1_000);

        assertThat(after.state()).isEqualTo(TradingState.ACTIVE);
        assertThat(after.startOfDayEquity()).isEqualTo(96_500);
        assertThat(port.intents()).extracting(OrderIntent::action).containsExactly(Action.ENTER_LONG);
    }

    @Test
    void measuresTheDailyLossFromTheSameStartOfDayEquityAfterARestart() {
        Engine before = started(at(5, 0));
        equity = 98_000; // 2 % down: still trading
        before.onClock(at(5, 1));
        assertThat(before.state()).isEqualTo(TradingState.ACTIVE);

        Engine after = restarted(listener.last(), at(6, 0));
        equity = 96_900; // 3.1 % below the day's start, 1.1 % below the equity at restart
        after.onClock(at(6, 1));

        assertThat(after.startOfDayEquity()).isEqualTo(100_000);
        assertThat(after.state()).isEqualTo(TradingState.HALTED);
    }

    @Test
    void aRestoredHaltWithoutAStartOfDayEquityStillHoldsForTheDay() {
        StateCause halt = new StateCause(StateCause.DAILY_LOSS, TradingState.HALTED, "restart",
                "the saved trading status could not be read", at(5, 0), DAY + DAY_MILLIS);
        TradingStatusView unreadable = new TradingStatusView(TradingState.HALTED, DAY / DAY_MILLIS, Double.NaN,
                List.of(halt), at(5, 0), "restart", halt.reason());

        Engine after = restarted(unreadable, at(6, 0));
        after.onClock(at(6, 1));
        after.onTick(BTC, 102.0, at(6, 2));

        assertThat(after.state()).isEqualTo(TradingState.HALTED);
        assertThat(after.startOfDayEquity()).isEqualTo(100_000);
        assertThat(port.intents()).isEmpty();
    }

    @Test
    void restartOnALaterDayStartsTheDayAfresh() {
        Engine before = started(at(5, 0));
        equity = 96_500;
        before.onClock(at(5, 1));

        long tomorrow = DAY + DAY_MILLIS;
        Engine after = restarted(listener.last(), tomorrow + 10 * BAR);
        after.onClock(tomorrow + 10 * BAR);

        assertThat(after.state()).isEqualTo(TradingState.ACTIVE);
        assertThat(after.startOfDayEquity()).isEqualTo(96_500);
    }

    @Test
    void operatorResumeLiftsTheLossHaltAndMeasuresTheLossFromTheEquityNow() {
        Engine engine = started(at(5, 0));
        equity = 96_500;
        engine.onClock(at(5, 1));
        port.clear();

        boolean resumed = engine.resumeAfterLossHalt("operator (gateway-token)", "checked the losses; resume");
        engine.onClock(at(6, 0));
        engine.onTick(BTC, 102.0, at(6, 1));

        assertThat(resumed).isTrue();
        assertThat(engine.state()).isEqualTo(TradingState.ACTIVE);
        assertThat(engine.startOfDayEquity()).isEqualTo(96_500);
        assertThat(listener.changes).last().isEqualTo(new StateChange(at(5, 1), TradingState.HALTED,
                TradingState.ACTIVE, "checked the losses; resume"));
        assertThat(listener.last().changedBy()).isEqualTo("operator (gateway-token)");
        assertThat(port.intents()).extracting(OrderIntent::action).containsExactly(Action.ENTER_LONG);
    }

    @Test
    void resumeIsRefusedWhenNotLossHalted() {
        Engine engine = started(at(5, 0));
        engine.setVenueDegraded(true, "breaker open");

        assertThat(engine.resumeAfterLossHalt("operator", "resume")).isFalse();
        assertThat(engine.state()).isEqualTo(TradingState.REDUCE_ONLY);
    }

    @Test
    void aResumeThatCannotBePersistedDoesNotTakeEffect() {
        Engine engine = started(at(5, 0));
        equity = 96_500;
        engine.onClock(at(5, 1));
        listener.failWrites = true;

        assertThatThrownBy(() -> engine.resumeAfterLossHalt("operator", "resume"))
                .isInstanceOf(IllegalStateException.class);
        assertThat(engine.state()).isEqualTo(TradingState.HALTED);
    }

    @Test
    void aHaltTakesEffectEvenWhenItCannotBePersisted() {
        Engine engine = started(at(5, 0));
        listener.failWrites = true;
        equity = 96_500;

        assertThatThrownBy(() -> engine.onClock(at(5, 1))).isInstanceOf(IllegalStateException.class);
        assertThat(engine.state()).isEqualTo(TradingState.HALTED);
    }

    @Test
    void venueReduceOnlySurvivesARestartWithWhoAndWhy() {
        Engine before = started(at(5, 0));
        before.setVenueDegraded(true, "venue bybit degraded (breaker OPEN)");

        Engine after = restarted(listener.last(), at(5, 30));
        after.onClock(at(5, 31));
        after.onTick(BTC, 102.0, at(5, 32));

        assertThat(after.state()).isEqualTo(TradingState.REDUCE_ONLY);
        assertThat(after.status().cause(StateCause.VENUE)).satisfies(c -> {
            assertThat(c.by()).isEqualTo("venue");
            assertThat(c.reason()).isEqualTo("venue bybit degraded (breaker OPEN)");
            assertThat(c.since()).isEqualTo(at(5, 0));
        });
        assertThat(port.intents()).isEmpty();
    }

    // ---- helpers ----

    /** An engine with a [99, 101] channel, clocked at {@code t} (the first clock of the day reads the equity). */
    private Engine started(long t) {
        Engine e = fresh();
        e.onClock(t);
        return e;
    }

    /** A new engine, as after a restart, restoring {@code saved}. */
    private Engine restarted(TradingStatusView saved, long t) {
        Engine e = fresh();
        e.restoreStatus(saved, t);
        return e;
    }

    private Engine fresh() {
        Engine e = new Engine(INSTRUMENTS, LIMITS, params(), port, listener, () -> equity);
        for (int bar = 0; bar < 5; bar++) {
            e.onBarClose(BTC, at(bar, 0) + BAR, 101, 99, 100, 10.0);
        }
        return e;
    }

    private static Params params() {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put("BTCUSDT", new SymbolParams(true, 1.0));
        return new Params(1, 2.0, 5.0, null, 5, 3.0, 3.0, TradingMode.ACTIVE, symbols, "test", "", Instant.EPOCH);
    }

    /** Time {@code seconds} into bar {@code bar} of the test day. */
    private static long at(int bar, int seconds) {
        return DAY + bar * BAR + seconds * 1_000L;
    }

    /** Keeps what a journal would persist; can be told to fail like a broken disk. */
    private static final class StatusListener implements EngineListener {
        final List<TradingStatusView> saved = new ArrayList<>();
        final List<StateChange> changes = new ArrayList<>();
        boolean failWrites;

        @Override
        public void onDecision(Decision decision) {
        }

        @Override
        public void onRiskRejection(RiskRejection rejection) {
        }

        @Override
        public void onStateChange(StateChange change) {
            changes.add(change);
        }

        @Override
        public void onTradingStatus(TradingStatusView status) {
            if (failWrites) {
                throw new IllegalStateException("disk full");
            }
            saved.add(status);
        }

        TradingStatusView last() {
            return saved.get(saved.size() - 1);
        }
    }
}
