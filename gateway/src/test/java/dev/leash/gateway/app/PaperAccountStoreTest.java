package dev.leash.gateway.app;

import dev.leash.journal.Journal;
import dev.leash.journal.JournalException;
import dev.leash.venue.Fill;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderType;
import dev.leash.venue.Side;
import dev.leash.venue.sim.SimulatedVenue;
import dev.leash.venue.sim.SyntheticMarket;
import dev.leash.venue.sim.TickPath;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The paper account over a journal that fails: a change is in memory only once it is in the journal. */
@Timeout(30)
class PaperAccountStoreTest {

    private static final long START = 1_704_067_200_000L + 3_600_000L;

    @TempDir
    Path dir;

    @Test
    void anOrderTheJournalCannotSaveLeavesTheAccountInMemoryAsTheJournalHasIt() throws Exception {
        try (Journal journal = Journal.open(Journal.sqliteUrl(dir))) {
            SimulatedVenue venue = SimulatedVenue.open(11, SyntheticMarket.DEFAULT_SPECS, 10_000.0, START,
                    new PaperAccountStore(journal, Venues.SIMULATED_ACCOUNT_KEY, new SavedFills()));
            venue.place(market("lsh-BTCUSDT-1-1"));
            venue.advanceTo(venue.now() + TickPath.STEP_MILLIS); // a market order fills at the next tick-path point
            String saved = journal.getState(Venues.SIMULATED_ACCOUNT_KEY).orElseThrow();
            Object positions = venue.positions();
            Object account = venue.account();

            sql("CREATE TRIGGER no_state BEFORE UPDATE ON kv_state BEGIN SELECT RAISE(ABORT, 'disk is full'); END");
            assertThatThrownBy(() -> venue.place(market("lsh-BTCUSDT-1-2"))).isInstanceOf(JournalException.class)
                    .hasMessageContaining("disk is full");

            assertThat(venue.positions()).isEqualTo(positions);
            assertThat(venue.account()).isEqualTo(account);
            assertThat(venue.fills(0, Long.MAX_VALUE)).extracting(Fill::clientOrderId)
                    .containsExactly("lsh-BTCUSDT-1-1");
            assertThat(journal.getState(Venues.SIMULATED_ACCOUNT_KEY)).contains(saved);

            sql("DROP TRIGGER no_state");
            venue.place(market("lsh-BTCUSDT-1-2"));
            venue.advanceTo(venue.now() + TickPath.STEP_MILLIS);
            assertThat(venue.fills(0, Long.MAX_VALUE)).extracting(Fill::clientOrderId)
                    .containsExactly("lsh-BTCUSDT-1-1", "lsh-BTCUSDT-1-2");
            SimulatedVenue restarted = SimulatedVenue.open(11, SyntheticMarket.DEFAULT_SPECS, 10_000.0, START,
                    new PaperAccountStore(journal, Venues.SIMULATED_ACCOUNT_KEY, new SavedFills()));
            assertThat(restarted.positions()).isEqualTo(venue.positions());
        }
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(Journal.sqliteUrl(dir)); Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private static OrderRequest market(String id) {
        return new OrderRequest(id, "BTCUSDT", Side.BUY, OrderType.MARKET, 0.1, 0.0, false);
    }
}
