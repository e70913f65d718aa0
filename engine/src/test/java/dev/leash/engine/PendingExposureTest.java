package dev.leash.engine;

import dev.leash.risk.Limits;
import dev.leash.risk.OrderReject;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * An order sent and not filled yet (a market order waits for the venue's next price) counts in the pre-trade check's
 * exposure: another symbol's entry in between cannot take gross exposure past the leverage limit, and the symbol
 * itself sends nothing more until its order ends.
 */
class PendingExposureTest {

    private static final long DAY = 1_704_067_200_000L;
    private static final long BAR = SymbolSpec.BAR_MILLIS;
    private static final int BTC = 0;
    private static final int ETH = 1;
    private static final int SOL = 2;
    private static final List<SymbolSpec> INSTRUMENTS = List.of(
            new SymbolSpec("BTCUSDT", 0.5, 0.5, 5.0),
            new SymbolSpec("ETHUSDT", 0.5, 0.5, 5.0),
            new SymbolSpec("SOLUSDT", 0.5, 0.5, 5.0));

    private final RecordingListener listener = new RecordingListener(false);
    private final RecordingPort port = new RecordingPort();
    private Engine engine;

    @BeforeEach
    void warmUp() {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        INSTRUMENTS.forEach(s -> symbols.put(s.symbol(), new SymbolParams(true, 1.0)));
        // 2 % per position, leverage 1: gross exposure at most the equity
        Params params = new Params(1, 2.0, 5.0, null, 5, 1.0, 3.0, TradingMode.ACTIVE, symbols, "test", "",
                Instant.EPOCH);
        engine = new Engine(INSTRUMENTS, Limits.hard(Set.of("BTCUSDT", "ETHUSDT", "SOLUSDT")), params, port, listener,
                () -> 100_000);
        for (int bar = 0; bar < 5; bar++) {
            for (int sym = 0; sym < INSTRUMENTS.size(); sym++) {
                engine.onBarClose(sym, at(bar, 0) + BAR, 101, 99, 100, 10.0);
            }
        }
        engine.onClock(at(5, 0));
        engine.onTick(SOL, 100.0, at(5, 0));
        engine.setPosition(SOL, 965.0, 100.0); // 96,500 USDT of SOL: room for one 2 % entry, not two
    }

    @Test
    void anEntryWaitingForItsFillCountsSoAnotherSymbolCannotPassTheLeverageLimitMeanwhile() {
        engine.onTick(BTC, 102.0, at(5, 1)); // 19.5 x 102 = 1,989: gross 98,489, sent, not filled yet
        engine.onTick(ETH, 102.0, at(5, 2)); // another 1,989 would make 100,478 with BTC's order counted

        assertThat(port.intents()).extracting(OrderIntent::symbol).containsExactly("BTCUSDT");
        assertThat(engine.pendingOrder(BTC)).isNotNull();
        assertThat(listener.rejections()).extracting(RiskRejection::symbol, RiskRejection::reason)
                .containsExactly(tuple("ETHUSDT", OrderReject.LEVERAGE_LIMIT));
    }

    @Test
    void aSymbolWithAnOrderWaitingSendsNothingMoreUntilItEnds() {
        engine.onTick(BTC, 102.0, at(5, 1));
        engine.onTick(BTC, 90.0, at(5, 2)); // far through the stop of the position not filled yet
        engine.onTick(BTC, 103.0, at(5, 3));

        assertThat(port.intents()).hasSize(1);
        assertThat(engine.position(BTC)).isZero();
    }

    @Test
    void onceFilledTheOrderCountsOnlyAsThePositionItMadeNotTwice() {
        engine.onTick(BTC, 102.0, at(5, 1));
        engine.onFill(BTC, 19.5, 102.0); // filled; its end not reported yet
        engine.setPosition(SOL, 945.0, 100.0); // room for ETH beside BTC's filled position, not for a double count

        engine.onTick(ETH, 102.0, at(5, 2)); // 94,500 + 1,989 + 1,989 = 98,478

        assertThat(port.intents()).extracting(OrderIntent::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(listener.rejections()).isEmpty();
    }

    @Test
    void anOrderThatEndsUnfilledStopsCounting() {
        engine.onTick(BTC, 102.0, at(5, 1));
        engine.onOrderDone(BTC, engine.pendingOrder(BTC)); // cancelled unfilled

        engine.onTick(ETH, 102.0, at(5, 2)); // 96,500 + 1,989

        assertThat(port.intents()).extracting(OrderIntent::symbol).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(listener.rejections()).isEmpty();
    }

    private static long at(int bar, int seconds) {
        return DAY + bar * BAR + seconds * 1_000L;
    }
}
