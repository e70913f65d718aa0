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

/** The operator's halt: flatten and stop until the operator lifts it, whatever the day or a restart. */
class OperatorHaltTest {

    /** 2024-01-01T00:00Z, a UTC day start. */
    private static final long DAY = 1_704_067_200_000L;
    private static final long DAY_MILLIS = 86_400_000L;
    private static final long BAR = SymbolSpec.BAR_MILLIS;
    private static final int BTC = 0;
    private static final List<SymbolSpec> INSTRUMENTS = List.of(new SymbolSpec("BTCUSDT", 0.5, 0.5, 5.0));
    private static final Limits LIMITS = Limits.hard(Set.of("BTCUSDT"));
    private static final String OPERATOR = "operator (gateway-token)";

    private final List<TradingStatusView> saved = new ArrayList<>();
    private final RecordingPort port = new RecordingPort();

    @Test
    void flattensEveryPositionAndOpensNothingWhileHalted() {
        Engine engine = started(at(5, 0));
        engine.setPosition(BTC, 2.0, 100.0);
        engine.onTick(BTC, 100.5, at(5, 1));
        port.clear();

        boolean halted = engine.haltByOperator(OPERATOR, "venue acting up; flat now");
        engine.onTick(BTC, 102.0, at(5, 2)); // a breakout that would enter when active

        assertThat(halted).isTrue();
        assertThat(engine.state()).isEqualTo(TradingState.HALTED);
        assertThat(port.intents()).singleElement().satisfies(i -> {
            assertThat(i.action()).isEqualTo(Action.FLATTEN);
            assertThat(i.signedQty()).isEqualTo(-2.0);
            assertThat(i.reduceOnly()).isTrue();
        });
        assertThat(engine.status().cause(StateCause.OPERATOR)).satisfies(c -> {
            assertThat(c.by()).isEqualTo(OPERATOR);
            assertThat(c.reason()).isEqualTo("venue acting up; flat now");
            assertThat(c.until()).isEqualTo(StateCause.NO_END);
        });
    }

    @Test
    void staysHaltedAcrossARestartAndTheNextUtcDay() {
        Engine before = started(at(5, 0));
        before.haltByOperator(OPERATOR, "stop");

        Engine after = restarted(saved.get(saved.size() - 1), at(6, 0));
        long tomorrow = DAY + DAY_MILLIS;
        after.onClock(tomorrow);
        after.onTick(BTC, 102.0, tomorrow + 1_000);

        assertThat(after.state()).isEqualTo(TradingState.HALTED);
        assertThat(after.status().cause(StateCause.OPERATOR).by()).isEqualTo(OPERATOR);
        assertThat(port.intents()).isEmpty();
    }

    @Test
    void onlyTheOperatorsLiftResumesTrading() {
        Engine engine = started(at(5, 0));
        engine.haltByOperator(OPERATOR, "stop");
        port.clear();

        assertThat(engine.resumeAfterLossHalt(OPERATOR, "not a loss halt")).isFalse();
        assertThat(engine.state()).isEqualTo(TradingState.HALTED);
        boolean lifted = engine.liftOperatorHalt(OPERATOR, "checked; go");
        engine.onClock(at(6, 0));
        engine.onTick(BTC, 102.0, at(6, 1));

        assertThat(lifted).isTrue();
        assertThat(engine.state()).isEqualTo(TradingState.ACTIVE);
        assertThat(port.intents()).extracting(OrderIntent::action).containsExactly(Action.ENTER_LONG);
        assertThat(engine.liftOperatorHalt(OPERATOR, "again")).isFalse();
    }

    @Test
    void aSecondHaltChangesNothing() {
        Engine engine = started(at(5, 0));
        engine.haltByOperator(OPERATOR, "first");
        int moves = saved.size();

        assertThat(engine.haltByOperator("someone else", "second")).isFalse();
        assertThat(saved).hasSize(moves);
        assertThat(engine.status().cause(StateCause.OPERATOR).reason()).isEqualTo("first");
    }

    private Engine started(long t) {
        Engine e = fresh();
        e.onClock(t);
        return e;
    }

    private Engine restarted(TradingStatusView view, long t) {
        Engine e = fresh();
        e.restoreStatus(view, t);
        return e;
    }

    /** An engine with a [99, 101] channel. */
    private Engine fresh() {
        EngineListener listener = new EngineListener() {
            @Override
            public void onDecision(Decision decision) {
            }

            @Override
            public void onRiskRejection(RiskRejection rejection) {
            }

            @Override
            public void onStateChange(StateChange change) {
            }

            @Override
            public void onTradingStatus(TradingStatusView status) {
                saved.add(status);
            }
        };
        Engine e = new Engine(INSTRUMENTS, LIMITS, params(), port, listener, () -> 100_000);
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

    private static long at(int bar, int seconds) {
        return DAY + bar * BAR + seconds * 1_000L;
    }
}
