package dev.leash.engine;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

class PendingIdMatchTest {

    private static SymbolState pending(String symbol, long bar, int seq) {
        SymbolState s = new SymbolState(symbol, 0, 0.001, 0.001, 5);
        s.pending = true;
        s.pendingBar = bar;
        s.pendingSeq = seq;
        return s;
    }

    @Test
    void matchesExactlyTheIdsThatEqualTheBuiltPendingId() {
        SplittableRandom random = new SplittableRandom(18);
        long[] bars = {0, 1, 9, 10, 5_680_224, Long.MAX_VALUE, -1, Long.MIN_VALUE};
        for (int round = 0; round < 2_000; round++) {
            long bar = round < bars.length ? bars[round] : random.nextLong(0, 10_000_000);
            int seq = random.nextInt(0, 12);
            String symbol = random.nextBoolean() ? "BTCUSDT" : "ETH-USD";
            SymbolState s = pending(symbol, bar, seq);
            String id = s.pendingId();
            for (String candidate : nearIds(id, symbol, bar, seq)) {
                assertThat(s.pendingIs(candidate)).as("%s against %s", candidate, id).isEqualTo(candidate.equals(id));
            }
        }
    }

    @Test
    void nothingMatchesWhenNoOrderIsInFlight() {
        SymbolState s = pending("BTCUSDT", 7, 1);
        String id = s.pendingId();
        s.pending = false;

        assertThat(s.pendingIs(id)).isFalse();
    }

    private static List<String> nearIds(String id, String symbol, long bar, int seq) {
        String p = OrderIntent.CLIENT_ORDER_ID_PREFIX;
        List<String> out = new ArrayList<>(List.of(id, id + "0", id + "-", id.substring(0, id.length() - 1), "",
                p, p + symbol, p + symbol + "-", p + symbol + "-" + bar, p + symbol + "-" + bar + "-",
                p + symbol + "-0" + bar + "-" + seq, p + symbol + "-" + bar + "-0" + seq,
                p + symbol + "-" + (bar + 1) + "-" + seq, p + symbol + "-" + bar + "-" + (seq + 1),
                p + symbol + "X-" + bar + "-" + seq, "lsh-" + symbol.toLowerCase() + "-" + bar + "-" + seq,
                p + symbol + "-" + bar + "+" + seq, p + symbol + "-+" + bar + "-" + seq,
                p + symbol + "--" + bar + "-" + seq, "x" + id));
        out.add(OrderIntent.clientOrderId(symbol, bar, seq));
        return out;
    }
}
