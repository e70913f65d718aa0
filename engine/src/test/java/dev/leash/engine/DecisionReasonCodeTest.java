package dev.leash.engine;

import dev.leash.risk.Limits;
import dev.leash.risk.OrderReject;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine emits its decisions' reasons as a code plus numbers, and {@link DecisionText} alone turns them into
 * the English the decisions have always shown.
 */
class DecisionReasonCodeTest {

    private static final long DAY = 1_704_067_200_000L;
    private static final long BAR = SymbolSpec.BAR_MILLIS;
    private static final int BTC = 0;
    private static final List<SymbolSpec> INSTRUMENTS = List.of(
            new SymbolSpec("BTCUSDT", 0.5, 0.5, 5.0),
            new SymbolSpec("ETHUSDT", 0.5, 0.5, 5.0));
    private static final Limits LIMITS = Limits.hard(Set.of("BTCUSDT", "ETHUSDT"));

    private final RecordingListener listener = new RecordingListener(false);
    private final RecordingPort port = new RecordingPort();
    private double equity = 100_000;

    @Test
    void aBreakoutCarriesItsCodeAndTheChannelAndPriceAsNumbers() {
        Engine engine = warmedUp(params(TradingMode.ACTIVE, true));

        engine.onTick(BTC, 102.0, at(5, 1));

        Decision d = listener.decisions().get(0);
        assertThat(d.why().code()).isEqualTo(ReasonCode.CHANNEL_BREAK);
        assertThat(d.why().numbers()).isEqualTo(Map.of("lookback", 5.0, "channel_low", 99.0,
                "channel_high", 101.0, "price", 102.0));
        assertThat(d.why().wanted()).isNull();
        assertThat(DecisionText.of(d)).isEqualTo("break of the 5-bar channel [99.0, 101.0] at 102.0");
    }

    @Test
    void aSkipBelowTheMinimumSizeCarriesTheWantedActionTheSizesAndTheEquity() {
        equity = 1_000;
        Engine engine = warmedUp(params(TradingMode.ACTIVE, true));

        engine.onTick(BTC, 102.0, at(5, 1));

        Decision d = listener.decisions().get(0);
        assertThat(d.action()).isEqualTo(Action.SKIP);
        assertThat(d.why().code()).isEqualTo(ReasonCode.BELOW_MIN_SIZE);
        assertThat(d.why().wanted()).isEqualTo(Action.ENTER_LONG);
        assertThat(d.why().numbers()).containsEntry("min_qty", 0.5).containsEntry("min_notional", 5.0)
                .containsEntry("equity", 1_000.0).containsKey("qty");
        assertThat(DecisionText.of(d))
                .isEqualTo("ENTER_LONG: size 0.0 below the minimum (qty 0.5, notional 5.0) at equity 1000");
    }

    @Test
    void aPausedModeSkipNamesTheModeAsItsSubjectNotInASentence() {
        Engine engine = warmedUp(params(TradingMode.PAUSED, true));

        engine.onTick(BTC, 102.0, at(5, 1));

        Decision d = listener.decisions().get(0);
        assertThat(d.why().code()).isEqualTo(ReasonCode.TRADING_MODE);
        assertThat(d.why().subject()).isEqualTo("paused");
        assertThat(d.reason()).isEqualTo("ENTER_LONG: trading_mode paused");
    }

    @Test
    void aDisabledSymbolSkipIsCodedAndRendersAsBefore() {
        Engine engine = warmedUp(params(TradingMode.ACTIVE, false));

        engine.onTick(BTC, 102.0, at(5, 1));

        Decision d = listener.decisions().get(0);
        assertThat(d.why().code()).isEqualTo(ReasonCode.SYMBOL_DISABLED);
        assertThat(d.reason()).isEqualTo("ENTER_LONG: BTCUSDT is not enabled");
    }

    @Test
    void holdsAtBarCloseAreCodedWithTheirBarCountsAndChannel() {
        RecordingListener bars = new RecordingListener(true);
        Engine e = new Engine(INSTRUMENTS, LIMITS, params(TradingMode.ACTIVE, true), port, bars, () -> equity);
        for (int bar = 0; bar < 5; bar++) {
            e.onBarClose(BTC, at(bar, 0) + BAR, 101, 99, 100, 10.0);
        }

        assertThat(bars.decisions()).extracting(d -> d.why().code()).containsExactly(ReasonCode.WARMING_UP,
                ReasonCode.WARMING_UP, ReasonCode.WARMING_UP, ReasonCode.WARMING_UP, ReasonCode.FLAT);
        assertThat(bars.decisions().get(1).why().numbers()).isEqualTo(Map.of("bars", 2.0, "lookback", 5.0));
        assertThat(bars.decisions().get(4).reason()).isEqualTo("flat; channel [99.0, 101.0]");
    }

    @Test
    void rendersHeldBlockedAndRefusedReasonsInTheWordsTheDecisionsAlwaysUsed() {
        int stale = 1 << SymbolHold.STALE_FEED.ordinal();
        int both = stale | 1 << SymbolHold.UNRECONCILED.ordinal();

        assertThat(text(Action.SKIP, new Reason(ReasonCode.SYMBOL_HELD, Map.of("holds", (double) stale),
                Action.ENTER_LONG, null, null))).isEqualTo("ENTER_LONG: BTCUSDT is held reduce-only (stale_feed)");
        assertThat(text(Action.EXIT, new Reason(ReasonCode.OPPOSITE_BREAK, Map.of("price", 98.5, "holds",
                (double) both), null, ReasonCode.SYMBOL_HELD, null)))
                .isEqualTo("opposite break at 98.5; no reversal: BTCUSDT is held reduce-only"
                        + " (stale_feed, unreconciled)");
        assertThat(text(Action.EXIT, new Reason(ReasonCode.OPPOSITE_BREAK, Map.of("price", 98.5), null,
                ReasonCode.TRADING_STATE, "REDUCE_ONLY")))
                .isEqualTo("opposite break at 98.5; no reversal: trading state REDUCE_ONLY");
        assertThat(text(Action.SKIP, new Reason(ReasonCode.RISK_REJECTED, Map.of(), Action.ENTER_SHORT, null,
                OrderReject.LEVERAGE_LIMIT.name()))).isEqualTo("ENTER_SHORT: risk check: LEVERAGE_LIMIT");
        assertThat(text(Action.STOP_LOSS, Reason.of(ReasonCode.STOP_HIT, Map.of("price", 100.0, "stop_loss_pct",
                2.0, "entry_price", 98.0)))).isEqualTo("price 100.0 hit the stop 2.0% from entry 98.0");
        assertThat(text(Action.TAKE_PROFIT, Reason.of(ReasonCode.TAKE_PROFIT_HIT, Map.of("price", 105.5,
                "take_profit_pct", 3.0, "entry_price", 102.0))))
                .isEqualTo("price 105.5 reached the take-profit 3.0% from entry 102.0");
        assertThat(text(Action.FLATTEN, Reason.of(ReasonCode.DAILY_LOSS_LIMIT, Map.of())))
                .isEqualTo("daily loss limit reached");
        assertThat(text(Action.HOLD, Reason.of(ReasonCode.IN_POSITION, Map.of("position", -20.0, "entry_price",
                98.0, "channel_low", 97.0, "channel_high", 101.0))))
                .isEqualTo("short 20.0 from 98.0; channel [97.0, 101.0]");
        assertThat(text(Action.HOLD, Reason.text("journaled before reasons were coded")))
                .isEqualTo("journaled before reasons were coded");
    }

    private static String text(Action action, Reason why) {
        return DecisionText.of(new Decision(0, "BTCUSDT", action, why, null, 1));
    }

    private Engine warmedUp(Params p) {
        Engine e = new Engine(INSTRUMENTS, LIMITS, p, port, listener, () -> equity);
        for (int bar = 0; bar < 5; bar++) {
            for (int sym = 0; sym < INSTRUMENTS.size(); sym++) {
                e.onBarClose(sym, at(bar, 0) + BAR, 101, 99, 100, 10.0);
            }
        }
        e.onClock(at(5, 0));
        return e;
    }

    private static long at(int bar, int seconds) {
        return DAY + bar * BAR + seconds * 1_000L;
    }

    private static Params params(TradingMode mode, boolean btcEnabled) {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put("BTCUSDT", new SymbolParams(btcEnabled, 1.0));
        symbols.put("ETHUSDT", new SymbolParams(true, 1.0));
        return new Params(1, 2.0, 5.0, null, 5, 3.0, 3.0, mode, symbols, "test", "", Instant.EPOCH);
    }
}
