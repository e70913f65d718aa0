package dev.leash.venue.sim;

import dev.leash.venue.Fill;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderType;
import dev.leash.venue.Side;
import dev.leash.venue.VenueException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A paper account change whose save fails is not made: the account in memory stays what the store holds. */
@Timeout(30)
class PaperAccountSaveTest {

    private static final long START = 1_704_067_200_000L + 3_600_000L;

    private final FlakyStore store = new FlakyStore();

    @Test
    void anOrderWhoseSaveFailsLeavesTheAccountAsSavedAndCanBePlacedAgainOnceTheStoreIsBack() throws Exception {
        SimulatedVenue venue = open();
        venue.place(market("lsh-BTCUSDT-1-1", 0.1));
        venue.advanceTo(venue.now() + TickPath.STEP_MILLIS); // a market order fills at the next tick-path point
        Snapshot before = Snapshot.of(venue);

        store.failing = true;
        assertThatThrownBy(() -> venue.place(market("lsh-BTCUSDT-1-2", 0.2)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("store down");

        assertThat(Snapshot.of(venue)).isEqualTo(before);
        assertThat(venue.order("BTCUSDT", "lsh-BTCUSDT-1-2")).as("the order never happened").isNull();
        assertThat(open().positions()).as("what the store holds").isEqualTo(before.positions);

        store.failing = false;
        assertThat(venue.place(market("lsh-BTCUSDT-1-2", 0.2)).duplicate()).isFalse();
        venue.advanceTo(venue.now() + TickPath.STEP_MILLIS);
        assertThat(venue.positions().get(0).qty()).isEqualTo(0.3, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(open().positions()).isEqualTo(venue.positions());
    }

    @Test
    void aCancelWhoseSaveFailsLeavesTheOrderOpen() throws Exception {
        SimulatedVenue venue = open();
        venue.place(new OrderRequest("lsh-ETHUSDT-1-1", "ETHUSDT", Side.BUY, OrderType.LIMIT, 1.0, 1_000.0, false));
        Snapshot before = Snapshot.of(venue);

        store.failing = true;
        assertThatThrownBy(() -> venue.cancel("ETHUSDT", "lsh-ETHUSDT-1-1")).isInstanceOf(IllegalStateException.class);

        assertThat(Snapshot.of(venue)).isEqualTo(before);
        assertThat(venue.openOrders()).hasSize(1);
    }

    private SimulatedVenue open() throws VenueException {
        return SimulatedVenue.open(11, SyntheticMarket.DEFAULT_SPECS, 10_000.0, START, store);
    }

    private static OrderRequest market(String id, double qty) {
        return new OrderRequest(id, "BTCUSDT", Side.BUY, OrderType.MARKET, qty, 0.0, false);
    }

    /** Everything the venue tells about the account. */
    private record Snapshot(Object account, List<?> positions, List<?> orders, List<Fill> fills, double equity) {
        static Snapshot of(SimulatedVenue v) {
            return new Snapshot(v.account(), v.positions(), v.openOrders(), v.fills(0, Long.MAX_VALUE), v.equity());
        }
    }

    /** A store in memory that throws while {@code failing}, as a journal that went away does. */
    private static final class FlakyStore implements StateStore {
        boolean failing;
        private String state;

        @Override
        public String load() {
            return state;
        }

        @Override
        public void save(String s) {
            if (failing) {
                throw new IllegalStateException("store down");
            }
            state = s;
        }
    }
}
