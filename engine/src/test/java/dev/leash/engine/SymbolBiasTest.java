package dev.leash.engine;

import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** The model's side veto on a symbol: it removes entries on the vetoed side until it expires, never an exit. */
class SymbolBiasTest {

    /** 2024-01-01T00:00Z, a UTC day start. */
    private static final long DAY = 1_704_067_200_000L;
    private static final long BAR = SymbolSpec.BAR_MILLIS;
    private static final int BTC = 0;
    private static final List<SymbolSpec> INSTRUMENTS = List.of(new SymbolSpec("BTCUSDT", 0.5, 0.5, 5.0));
    private static final Limits LIMITS = Limits.hard(Set.of("BTCUSDT"));

    private final RecordingPort port = new RecordingPort();
    private final RecordingListener listener = new RecordingListener(false);

    @Test
    void longOnlySkipsAShortEntryWithTheVetoInItsDecisionAndStillEntersLong() {
        Engine e = fresh();
        e.setBias(BTC, SymbolBias.LONG_ONLY, at(8, 0));

        e.onTick(BTC, 98.0, at(5, 1)); // a break down: a short entry
        e.onTick(BTC, 102.0, at(6, 1)); // a break up in the next bar: a long entry

        assertThat(port.intents()).extracting(OrderIntent::action).containsExactly(Action.ENTER_LONG);
        Decision skip = listener.decisions().get(0);
        assertThat(skip.action()).isEqualTo(Action.SKIP);
        assertThat(skip.why().code()).isEqualTo(ReasonCode.MODEL_VETO);
        assertThat(skip.reason()).isEqualTo("ENTER_SHORT: vetoed by the model until 2024-01-01T00:40:00Z: long_only");
    }

    @Test
    void shortOnlySkipsALongEntry() {
        Engine e = fresh();
        e.setBias(BTC, SymbolBias.SHORT_ONLY, at(8, 0));

        e.onTick(BTC, 102.0, at(5, 1));
        e.onTick(BTC, 98.0, at(6, 1));

        assertThat(port.intents()).extracting(OrderIntent::action).containsExactly(Action.ENTER_SHORT);
    }

    @Test
    void flatBlocksEveryEntryButTheStopStillGoesOut() {
        Engine e = fresh();
        e.setPosition(BTC, 2.0, 100.0);
        e.setBias(BTC, SymbolBias.FLAT, at(8, 0));

        e.onTick(BTC, 94.0, 94.0, at(5, 1)); // 6% against a 5% stop, the mark with it

        assertThat(port.intents()).singleElement().satisfies(i -> {
            assertThat(i.action()).isEqualTo(Action.STOP_LOSS);
            assertThat(i.signedQty()).isEqualTo(-2.0);
        });
        e.onFill(BTC, -2.0, 94.0);
        e.onOrderDone(BTC, port.last().clientOrderId());
        port.clear();
        e.onTick(BTC, 102.0, at(6, 1));
        e.onTick(BTC, 97.0, at(7, 1));
        assertThat(port.intents()).isEmpty();
    }

    @Test
    void longOnlyTurnsAReversalIntoShortIntoAnExit() {
        Engine e = fresh();
        e.setPosition(BTC, 2.0, 100.0);
        e.setBias(BTC, SymbolBias.LONG_ONLY, at(8, 0));

        e.onTick(BTC, 98.5, at(5, 1)); // below the channel, within the stop: an opposite break

        assertThat(port.intents()).singleElement().satisfies(i -> {
            assertThat(i.action()).isEqualTo(Action.EXIT);
            assertThat(i.signedQty()).isEqualTo(-2.0);
            assertThat(i.reduceOnly()).isTrue();
        });
        assertThat(listener.decisions().get(0).reason())
                .isEqualTo("opposite break at 98.5; no reversal: vetoed by the model until 2024-01-01T00:40:00Z:"
                        + " long_only");
    }

    @Test
    void theVetoEndsAtItsUntilByTheEnginesClock() {
        Engine e = fresh();
        e.setBias(BTC, SymbolBias.FLAT, at(6, 0));

        e.onTick(BTC, 102.0, at(5, 59));
        e.onTick(BTC, 102.0, at(6, 0));

        assertThat(port.intents()).extracting(OrderIntent::action).containsExactly(Action.ENTER_LONG);
        assertThat(e.bias(BTC, at(6, 0))).isNull();
    }

    @Test
    void clearingTheBiasAllowsEntriesAgain() {
        Engine e = fresh();
        e.setBias(BTC, SymbolBias.FLAT, at(20, 0));
        e.onTick(BTC, 102.0, at(5, 1));

        e.setBias(BTC, null, 0);
        e.onTick(BTC, 102.0, at(6, 1));

        assertThat(port.intents()).extracting(OrderIntent::action).containsExactly(Action.ENTER_LONG);
    }

    @Test
    void everyBiasBlocksOnlyTheSidesItNames() {
        assertThat(SymbolBias.LONG_ONLY.blocks(+1)).isFalse();
        assertThat(SymbolBias.LONG_ONLY.blocks(-1)).isTrue();
        assertThat(SymbolBias.SHORT_ONLY.blocks(+1)).isTrue();
        assertThat(SymbolBias.SHORT_ONLY.blocks(-1)).isFalse();
        assertThat(SymbolBias.FLAT.blocks(+1)).isTrue();
        assertThat(SymbolBias.FLAT.blocks(-1)).isTrue();
        assertThat(SymbolBias.fromWire("short_only")).isEqualTo(SymbolBias.SHORT_ONLY);
        assertThat(SymbolBias.fromWire("SHORT")).isNull();
    }

    /** An engine with a [99, 101] channel. */
    private Engine fresh() {
        Engine e = new Engine(INSTRUMENTS, LIMITS, params(), port, listener, () -> 100_000);
        for (int bar = 0; bar < 5; bar++) {
            e.onBarClose(BTC, at(bar, 0) + BAR, 101, 99, 100, 10.0);
        }
        e.onClock(at(5, 0));
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
