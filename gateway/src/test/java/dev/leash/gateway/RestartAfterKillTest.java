package dev.leash.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.journal.Journal;
import dev.leash.journal.OrderRecord;
import dev.leash.venue.Fill;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway process is killed with SIGKILL while it trades and started again on the same data directory: the
 * paper account, the positions and the journal agree, and no order was sent twice.
 */
class RestartAfterKillTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path data;

    @Test
    @Timeout(240)
    void paperAccountPositionsAndJournalSurviveSigkillWithoutDuplicateOrders() throws Exception {
        java.util.Random random = new java.util.Random(20261120);
        Snapshot previous = null;
        for (int kill = 0; kill < 4; kill++) {
            Process p = startGateway();
            int have = previous == null ? 0 : previous.fills.size();
            awaitFills(p, have + 1, Duration.ofSeconds(60));
            p.waitFor(random.nextInt(1_500), TimeUnit.MILLISECONDS); // a random moment mid-run
            p.toHandle().destroyForcibly();
            assertThat(p.waitFor(10, TimeUnit.SECONDS)).isTrue();

            Snapshot afterKill = read();
            assertConsistent(afterKill);
            if (previous != null) {
                assertThat(fillIds(afterKill)).containsAll(fillIds(previous));
            }
            previous = afterKill;
        }

        Process last = startGateway();
        awaitFills(last, previous.fills.size() + 1, Duration.ofSeconds(60));
        last.destroy(); // SIGTERM: the shutdown hook closes cleanly
        assertThat(last.waitFor(20, TimeUnit.SECONDS)).isTrue();
        assertThat(last.exitValue()).isIn(0, 143);

        Snapshot afterRestart = read();
        assertConsistent(afterRestart);
        assertThat(fillIds(afterRestart)).containsAll(fillIds(previous));
        assertThat(afterRestart.fills.size()).isGreaterThan(previous.fills.size());
    }

    private static Set<String> fillIds(Snapshot s) {
        Set<String> ids = new HashSet<>();
        s.fills.forEach(f -> ids.add(f.fillId()));
        return ids;
    }

    /** Journal fills, journal orders and the saved paper account tell one story. */
    private static void assertConsistent(Snapshot s) {
        // No fill journaled twice, and no client order id filled by two different orders.
        Set<String> ids = new HashSet<>();
        for (Fill f : s.fills) {
            assertThat(ids.add(f.fillId())).as("fill %s journaled once", f.fillId()).isTrue();
        }
        Map<String, Double> filledPerOrder = new HashMap<>();
        for (Fill f : s.fills) {
            filledPerOrder.merge(f.clientOrderId(), f.qty(), Double::sum);
        }
        Map<String, OrderRecord> orders = new HashMap<>();
        for (OrderRecord o : s.orders) {
            orders.put(o.clientOrderId(), o);
        }
        for (Map.Entry<String, Double> e : filledPerOrder.entrySet()) {
            OrderRecord o = orders.get(e.getKey());
            assertThat(o).as("order %s journaled", e.getKey()).isNotNull();
            assertThat(e.getValue()).as("filled quantity of %s", e.getKey()).isLessThanOrEqualTo(o.qty() + 1e-9);
        }
        // Positions implied by the journal's fills equal the paper account's positions.
        Map<String, Double> fromFills = new HashMap<>();
        for (Fill f : s.fills) {
            fromFills.merge(f.symbol(), f.side().sign() * f.qty(), Double::sum);
        }
        for (Map.Entry<String, Double> e : s.accountPositions.entrySet()) {
            assertThat(fromFills.getOrDefault(e.getKey(), 0.0)).as("position %s", e.getKey())
                    .isCloseTo(e.getValue(), org.assertj.core.data.Offset.offset(1e-9));
        }
        for (Map.Entry<String, Double> e : fromFills.entrySet()) {
            assertThat(s.accountPositions.getOrDefault(e.getKey(), 0.0)).as("position %s", e.getKey())
                    .isCloseTo(e.getValue(), org.assertj.core.data.Offset.offset(1e-9));
        }
        // Wallet = initial balance + realized P&L - fees - funding; funding is the only other cash flow.
        double realized = 0;
        double fees = 0;
        for (Fill f : s.fills) {
            realized += f.realizedPnl();
            fees += f.fee();
        }
        assertThat(s.wallet).isCloseTo(100_000 + realized - fees, org.assertj.core.data.Offset.offset(
                Math.max(50.0, Math.abs(realized) * 0.5)));
    }

    private record Snapshot(List<Fill> fills, List<OrderRecord> orders, Map<String, Double> accountPositions,
                            double wallet) {
    }

    private Snapshot read() throws IOException {
        try (Journal j = Journal.open(Journal.sqliteUrl(data))) {
            List<Fill> fills = j.fillsBetween(Long.MIN_VALUE, Long.MAX_VALUE);
            List<OrderRecord> orders = j.orders(null, false, 100_000);
            JsonNode saved = JSON.readTree(j.getState("paper_account").orElseThrow());
            Map<String, Double> positions = new HashMap<>();
            for (JsonNode h : saved.get("account").get("holdings")) {
                if (h.get("qty").asDouble() != 0) {
                    positions.put(h.get("symbol").asText(), h.get("qty").asDouble());
                }
            }
            return new Snapshot(fills, orders, positions, saved.get("account").get("walletBalance").asDouble());
        }
    }

    private Process startGateway() throws IOException {
        return GatewayProcess.start(data, 3600, "restart-test-token-0123456789").process();
    }

    private void awaitFills(Process p, int atLeast, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(p.isAlive()).as("gateway process alive").isTrue();
            try (Journal j = Journal.open(Journal.sqliteUrl(data))) {
                if (j.fillsBetween(Long.MIN_VALUE, Long.MAX_VALUE).size() >= atLeast) {
                    return;
                }
            }
            p.waitFor(200, TimeUnit.MILLISECONDS);
        }
        throw new AssertionError("fewer than " + atLeast + " fills within " + timeout);
    }
}
