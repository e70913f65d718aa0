package dev.leash.engine;

import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** For every price path: a veto never lets an entry through on its side before it ends, and never holds an exit. */
class SymbolBiasProperties {

    private static final long DAY = 1_704_067_200_000L;
    private static final long BAR = SymbolSpec.BAR_MILLIS;
    private static final int BTC = 0;
    private static final List<SymbolSpec> INSTRUMENTS = List.of(new SymbolSpec("BTCUSDT", 0.5, 0.5, 5.0));
    private static final Limits LIMITS = Limits.hard(Set.of("BTCUSDT"));

    @Property(tries = 300)
    void noEntryOnAVetoedSideBeforeItEndsAndEveryBreakAgainstAPositionStillExits(
            @ForAll SymbolBias bias, @ForAll @IntRange(min = -1, max = 1) int startSide,
            @ForAll @IntRange(min = 1, max = 40) int untilBars,
            @ForAll @Size(min = 1, max = 60) List<@DoubleRange(min = 90, max = 110) Double> prices) {
        RecordingPort port = new RecordingPort();
        Engine e = new Engine(INSTRUMENTS, LIMITS, params(), port, new RecordingListener(false), () -> 100_000);
        for (int bar = 0; bar < 5; bar++) {
            e.onBarClose(BTC, at(bar) + BAR, 101, 99, 100, 10.0); // a [99, 101] channel throughout
        }
        e.onClock(at(5));
        e.setPosition(BTC, 2.0 * startSide, 100.0);
        long until = at(5 + untilBars);
        e.setBias(BTC, bias, until);

        for (int i = 0; i < prices.size(); i++) {
            double price = prices.get(i);
            long t = at(6 + i) + 1_000;
            double before = e.position(BTC);
            boolean against = before > 0 ? price < 99 || price <= e.entryPrice(BTC) * 0.95
                    : before < 0 && (price > 101 || price >= e.entryPrice(BTC) * 1.05);
            int sent = port.intents().size();
            e.onTick(BTC, price, price, t);

            if (against) {
                assertThat(port.intents()).as("a break against the position at %s exits", price)
                        .hasSize(sent + 1);
            }
            for (OrderIntent o : port.intents().subList(sent, port.intents().size())) {
                int opens = switch (o.action()) {
                    case ENTER_LONG, REVERSE_LONG -> +1;
                    case ENTER_SHORT, REVERSE_SHORT -> -1;
                    default -> 0;
                };
                if (t < until && opens != 0) {
                    assertThat(bias.blocks(opens)).as("%s at %s under %s", o.action(), price, bias).isFalse();
                }
                if (opens == 0) {
                    assertThat(Math.signum(o.signedQty())).isEqualTo(-Math.signum(before));
                }
                e.onFill(BTC, o.signedQty(), price);
                e.onOrderDone(BTC, o.clientOrderId());
            }
        }
    }

    private static Params params() {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put("BTCUSDT", new SymbolParams(true, 1.0));
        return new Params(1, 2.0, 5.0, null, 5, 3.0, 3.0, TradingMode.ACTIVE, symbols, "test", "", Instant.EPOCH);
    }

    private static long at(int bar) {
        return DAY + bar * BAR;
    }
}
