package dev.leash.journal;

import dev.leash.testsupport.EmbeddedPostgresServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Several gateways in one PostgreSQL database: each its own rows, one running gateway per id, views over all. */
@Timeout(60)
class JournalFleetTest {

    private final EmbeddedPostgresServer.Database db = EmbeddedPostgresServer.shared().createDatabase();

    @Test
    void twoGatewaysOnOneDatabaseEachReadOnlyTheirOwnRowsAndTheViewsShowBoth() throws Exception {
        try (Journal a = open("bybit-1a2b"); Journal b = open("simulated-22")) {
            a.putState("paper_account", "{\"wallet\":1000}");
            b.putState("paper_account", "{\"wallet\":2000}");
            a.recordEvent(1, JournalEvent.FAULT, "a's event");
            b.recordEvent(1, JournalEvent.FAULT, "b's event");
            a.recordOrder(Fixtures.intent("lsh-BTCUSDT-1-0", "BTCUSDT", 1, 1), "NEW", null, null, 1);
            b.recordOrder(Fixtures.intent("lsh-BTCUSDT-1-0", "BTCUSDT", -1, 1), "NEW", null, null, 1);

            assertThat(a.getState("paper_account")).contains("{\"wallet\":1000}");
            assertThat(b.getState("paper_account")).contains("{\"wallet\":2000}");
            assertThat(a.events(null, 10)).extracting(JournalEvent::message).containsExactly("a's event");
            assertThat(b.order("lsh-BTCUSDT-1-0").orElseThrow().side()).isEqualTo(dev.leash.venue.Side.SELL);
            assertThat(rows("SELECT gateway_id || ': ' || message FROM public.leash_fleet_events ORDER BY 1"))
                    .containsExactly("bybit-1a2b: a's event", "simulated-22: b's event");
            assertThat(rows("SELECT gateway_id || ' ' || side FROM public.leash_fleet_orders ORDER BY 1"))
                    .containsExactly("bybit-1a2b BUY", "simulated-22 SELL");
        }
    }

    @Test
    void theFleetViewsShowEveryGatewaysShadowBooksAndDailyAggregates() throws Exception {
        try (Journal a = open("fleet-a"); Journal b = open("fleet-b")) {
            long runA = a.recordShadowStart("baseline", "baseline", 1, 1, 1_000, 1_000);
            b.recordShadowStart("incumbent", "incumbent", 2, 3, 2_000, 2_000);
            a.recordShadowFill(runA, "baseline", 1, Fixtures.fill("sf-1", "BTCUSDT", 1_500), 1);
            a.saveShadowCheckpoint("{}", List.of(new ShadowBookRecord("baseline", 1_000, 1, true, 1_500, 1_000,
                    1_010, 10, 1, 0.5, 1, List.of())), List.of(), 0);
            b.recordEquity(1_000, 2_000, 2_000, 0);
            b.prune(86_400_000L);

            assertThat(rows("SELECT gateway_id || ' ' || name || ' ' || kind FROM public.leash_fleet_shadow_runs"
                    + " ORDER BY 1")).containsExactly("fleet-a baseline baseline", "fleet-b incumbent incumbent");
            assertThat(rows("SELECT gateway_id || ' ' || fill_id FROM public.leash_fleet_shadow_fills"))
                    .containsExactly("fleet-a sf-1");
            assertThat(rows("SELECT gateway_id || ' ' || name FROM public.leash_fleet_shadow_books"))
                    .containsExactly("fleet-a baseline");
            assertThat(rows("SELECT gateway_id || ' ' || points FROM public.leash_fleet_daily_equity"))
                    .containsExactly("fleet-b 1");
            assertThat(rows("SELECT COUNT(*) FROM public.leash_fleet_daily_decisions")).containsExactly("0");
        }
    }

    @Test
    void aGatewayReadsItsOwnRowsOnEveryConnectionOfThePool() {
        try (Journal a = open("reader-first")) {
            assertThat(a.getState("k")).isEmpty(); // the first use of a connection is a read, rolled back
            a.putState("k", "v");
            for (int i = 0; i < 20; i++) {
                assertThat(a.getState("k")).contains("v");
            }
        }
    }

    @Test
    void aSecondGatewayWithTheSameIdIsRefusedAndTheFirstKeepsItsAccount() {
        try (Journal first = open("simulated-11")) {
            first.putState("paper_account", "{\"wallet\":1000}");

            assertThatThrownBy(() -> open("simulated-11")).isInstanceOf(JournalException.class)
                    .hasMessageContaining("gateway id 'simulated-11' is in use by another running gateway");
            assertThat(first.getState("paper_account")).contains("{\"wallet\":1000}");
        }
        try (Journal restarted = open("simulated-11")) {
            assertThat(restarted.getState("paper_account")).as("the same gateway restarted").contains(
                    "{\"wallet\":1000}");
        }
    }

    @Test
    void aGatewayIdThatIsNotASafeNameIsRefused() {
        assertThatThrownBy(() -> JournalOptions.DEFAULTS.withGatewayId("x; DROP TABLE orders"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("gateway id must be");
    }

    private Journal open(String gatewayId) {
        return Journal.open(db.url(), JournalOptions.DEFAULTS.withCredentials(db.user(), db.password())
                .withGatewayId(gatewayId));
    }

    private List<String> rows(String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(db.url(), db.user(), db.password());
             Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
