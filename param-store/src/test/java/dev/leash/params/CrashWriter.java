package dev.leash.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.risk.Params;

import java.io.PrintStream;
import java.nio.file.Path;

/**
 * The child process of {@link CrashSafetyTest}: opens the store in {@code args[0]} and writes until it is killed,
 * alternating a proposal the policy accepts and one it rejects. Prints {@code ACK <version>} after every accepted
 * write has returned, and exits non-zero if the store ever answers otherwise than expected.
 */
public final class CrashWriter {

    private static final JsonNode REJECTED = ParamsJson.MAPPER.createObjectNode().put("max_position_pct", 99);

    private CrashWriter() {
    }

    public static void main(String[] args) throws Exception {
        PrintStream out = System.out;
        try (ParamStore store = ParamStore.open(Path.of(args[0]), Fixtures.POLICY, Fixtures.BASELINE, Fixtures.T0)) {
            out.println("OPEN " + store.current().version());
            out.flush();
            while (true) {
                Params cur = store.current();
                WriteResult ok = store.propose(cur.version(), toggle(cur), "crash-writer", "toggle", false,
                        Fixtures.T0.plusSeconds(cur.version()));
                if (!ok.accepted()) {
                    throw new IllegalStateException("expected acceptance: " + ok.violations());
                }
                out.println("ACK " + ok.current().version());
                out.flush();
                WriteResult bad = store.propose(null, REJECTED, "crash-writer", "too big", false,
                        Fixtures.T0.plusSeconds(cur.version()));
                if (bad.accepted()) {
                    throw new IllegalStateException("expected rejection of " + REJECTED);
                }
            }
        }
    }

    /** Lookback 20 <-> 25 and take-profit on <-> off: never a risk increase, always within the steps. */
    private static JsonNode toggle(Params cur) {
        ObjectNode changes = ParamsJson.MAPPER.createObjectNode();
        if (cur.breakoutLookback() == 20) {
            changes.put("breakout_lookback", 25).putNull("take_profit_pct");
        } else {
            changes.put("breakout_lookback", 20).put("take_profit_pct", 4.0);
        }
        return changes;
    }
}
