package dev.leash.venue;

import dev.leash.venue.sim.SimulatedVenue;
import dev.leash.venue.sim.StateStore;
import dev.leash.venue.sim.SyntheticMarket;
import dev.leash.venue.sim.TickPath;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The venue contract against the simulated venue with an in-memory account store. */
class SimulatedVenueContractTest extends VenueContract {

    private static final long START = 1_704_070_000_000L;

    private SimulatedVenue sim;

    @Override
    protected Venue open() throws Exception {
        sim = SimulatedVenue.open(7, SyntheticMarket.DEFAULT_SPECS, 10_000, START, StateStore.inMemory());
        return sim;
    }

    @Override
    protected String symbol() {
        return "BTCUSDT";
    }

    @Override
    protected long now() {
        return sim.now();
    }

    @Override
    protected String clientOrderId() {
        return "lsh-BTCUSDT-42";
    }

    @Override
    protected void nextMarketTick() {
        sim.advanceTo(sim.now() + TickPath.STEP_MILLIS);
    }

    @Test
    void savesThePaperAccountAfterEveryFillSoARestartResumesIt() throws Exception {
        StateStore store = StateStore.inMemory();
        SimulatedVenue first = SimulatedVenue.open(7, SyntheticMarket.DEFAULT_SPECS, 10_000, START, store);
        first.place(new OrderRequest(clientOrderId(), symbol(), Side.BUY, OrderType.MARKET, 0.01, Double.NaN, false));
        first.advanceTo(first.now() + TickPath.STEP_MILLIS);

        SimulatedVenue again = SimulatedVenue.open(7, SyntheticMarket.DEFAULT_SPECS, 10_000, START, store);

        assertThat(again.positions()).singleElement().extracting(Position::qty).isEqualTo(0.01);
        assertThat(again.account().walletBalance()).isEqualTo(first.account().walletBalance());
        assertThat(again.now()).isEqualTo(first.now());
    }
}
