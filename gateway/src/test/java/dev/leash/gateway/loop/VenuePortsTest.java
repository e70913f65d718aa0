package dev.leash.gateway.loop;

import dev.leash.backtest.Specs;
import dev.leash.engine.Action;
import dev.leash.engine.Engine;
import dev.leash.engine.EngineListener;
import dev.leash.engine.FillSink;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.OrderOutcome;
import dev.leash.engine.OrderQueue;
import dev.leash.engine.Tick;
import dev.leash.venue.sim.SimulatedVenue;
import dev.leash.venue.sim.StateStore;
import dev.leash.venue.sim.SyntheticMarket;
import dev.leash.venue.sim.TickPath;
import dev.leash.venue.Account;
import dev.leash.venue.Fill;
import dev.leash.venue.FundingRate;
import dev.leash.venue.MarketTime;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import dev.leash.venue.Ticker;
import dev.leash.venue.VenueException;
import dev.leash.venue.http.HttpVenueException;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live venue as the engine driver's feed and order route: every way a venue call can fail becomes a value (an
 * {@link OrderOutcome}, a missing tick) and a fault, never an exception through the driver.
 */
@Timeout(30)
class VenuePortsTest {

    private static final long START = 1_767_225_600_000L;

    private final List<String> faults = new ArrayList<>();
    private final List<String> journal = new ArrayList<>();
    private final List<String> handedOver = new ArrayList<>();
    private VenueException placeFails;
    private VenueException tickerFails;
    private VenueException fundingFails;
    private int fundingReads;
    private SimulatedVenue sim;
    private OrderTracker tracker;
    private VenuePorts ports;

    @BeforeEach
    void open() throws Exception {
        sim = SimulatedVenue.open(7, SyntheticMarket.DEFAULT_SPECS, 100_000, START, StateStore.inMemory());
        LinkedHashSet<String> symbols = new LinkedHashSet<>(sim.symbols());
        Engine engine = new Engine(Specs.of(sim.instruments()), Limits.hard(symbols), params(), new OrderQueue(),
                EngineListener.NONE, sim::equity);
        Disturbed venue = new Disturbed(sim);
        JournalGuard guard = new JournalGuard(new Recorder());
        tracker = new OrderTracker(venue, engine, guard);
        ports = new VenuePorts(venue, MarketTime.NONE, Pacer.simulated(() -> 0L, START, 1.0, 1_000),
                engine.symbols(), new FeedMonitor(engine.symbols(), 60_000), guard, tracker,
                (t, message) -> faults.add(message));
    }

    @Test
    void aMarketOrderWaitingForTheVenuesNextPriceIsOpenTrackedAndHandedOverOnceFilled() {
        assertThat(ports.place(buy("lsh-BTCUSDT-1-1"), START, sink())).isEqualTo(OrderOutcome.OPEN);
        assertThat(tracker.tracks("BTCUSDT")).isTrue();
        assertThat(handedOver).isEmpty();

        sim.advanceTo(START + TickPath.STEP_MILLIS); // the next tick-path point fills it
        tracker.poll(START + TickPath.STEP_MILLIS, sink());

        assertThat(handedOver).hasSize(2);
        assertThat(handedOver.get(0)).startsWith("BTCUSDT 0.01 @");
        assertThat(handedOver.get(1)).isEqualTo("done lsh-BTCUSDT-1-1");
        assertThat(tracker.isEmpty()).isTrue();
        assertThat(faults).isEmpty();
    }

    @Test
    void aTimeoutIsAnUnknownOutcomeThatIsTrackedNeverFailed() {
        placeFails = new HttpVenueException(HttpVenueException.Kind.TRANSPORT, "read timed out");

        assertThat(ports.place(buy("lsh-BTCUSDT-1-1"), START, sink())).isEqualTo(OrderOutcome.UNKNOWN);

        assertThat(tracker.tracks("BTCUSDT")).isTrue();
        assertThat(journal).noneMatch(s -> s.startsWith("failed"));
        assertThat(faults).containsExactly("place lsh-BTCUSDT-1-1: read timed out");
    }

    @Test
    void aRefusalIsAFailedOrderWithTheVenuesReasonJournaled() {
        placeFails = new HttpVenueException(HttpVenueException.Kind.REFUSED, "insufficient margin");

        assertThat(ports.place(buy("lsh-BTCUSDT-1-1"), START, sink())).isEqualTo(OrderOutcome.FAILED);

        assertThat(tracker.isEmpty()).isTrue();
        assertThat(journal).contains("failed lsh-BTCUSDT-1-1: insufficient margin");
        assertThat(faults).containsExactly("place lsh-BTCUSDT-1-1: insufficient margin");
    }

    @Test
    void anyOtherVenueFailureIsAnUnknownOutcome() {
        placeFails = new VenueException("connection lost");

        assertThat(ports.place(buy("lsh-BTCUSDT-1-1"), START, sink())).isEqualTo(OrderOutcome.UNKNOWN);

        assertThat(tracker.tracks("BTCUSDT")).isTrue();
    }

    @Test
    void aTickerTheVenueCannotGiveIsNoTickAndAFault() {
        tickerFails = new VenueException("ticker unavailable");
        Tick tick = new Tick();

        assertThat(ports.tick(0, START, tick)).isFalse();

        assertThat(tick.price()).isNaN();
        assertThat(faults).containsExactly("ticker BTCUSDT: ticker unavailable");
    }

    @Test
    void aTickerWhoseMarkIsItsLastTradeGivesNoIndependentMark() {
        Tick tick = new Tick();

        assertThat(ports.tick(0, START, tick)).isTrue();

        assertThat(tick.price()).isPositive();
        assertThat(tick.mark()).isNaN(); // the simulated venue reports its last trade as the mark
    }

    @Test
    void theVenuesFundingRateReachesTheEngineInPercentFromTheFirstStep() throws Exception {
        ports.start(START, 10, (sym, closeTime, high, low, close, volume) -> { });

        assertThat(ports.fundingPct(0, START)).isEqualTo(sim.funding("BTCUSDT").rate() * 100.0);
        assertThat(faults).isEmpty();
    }

    @Test
    void theFundingRateIsReadAgainWhenABarClosesNotAtEveryStep() throws Exception {
        ports.start(START, 10, (sym, closeTime, high, low, close, volume) -> { });
        int atStart = fundingReads;

        ports.closeBars(0, START + 1_000, (sym, closeTime, high, low, close, volume) -> { });
        assertThat(fundingReads).isEqualTo(atStart);

        sim.advanceTo(START + 300_000);
        ports.closeBars(0, START + 300_000, (sym, closeTime, high, low, close, volume) -> { });
        assertThat(fundingReads).isEqualTo(atStart + 1);
        assertThat(ports.fundingPct(0, START + 300_000)).isEqualTo(sim.funding("BTCUSDT").rate() * 100.0);
    }

    @Test
    void aFundingRateTheVenueCannotGiveIsUnknownAndAFault() throws Exception {
        fundingFails = new VenueException("funding unavailable");

        ports.start(START, 10, (sym, closeTime, high, low, close, volume) -> { });

        assertThat(ports.fundingPct(0, START)).isNaN();
        assertThat(faults).contains("funding BTCUSDT: funding unavailable");
    }

    private static OrderIntent buy(String id) {
        return new OrderIntent(START, id, "BTCUSDT", 0.01, 0, false, Action.ENTER_LONG, 1);
    }

    private FillSink sink() {
        return new FillSink() {
            @Override
            public void filled(int sym, double signedQty, double price) {
                handedOver.add(sim.symbols().get(sym) + " " + signedQty + " @" + price);
            }

            @Override
            public void orderDone(int sym, String clientOrderId) {
                handedOver.add("done " + clientOrderId);
            }
        };
    }

    private static Params params() {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        for (SyntheticMarket.Spec s : SyntheticMarket.DEFAULT_SPECS) {
            symbols.put(s.instrument().symbol(), new SymbolParams(true, 1.0));
        }
        return new Params(1, 2.0, 1.5, 4.0, 20, 2.0, 3.0, TradingMode.ACTIVE, symbols, "test", "", Instant.EPOCH);
    }

    private final class Disturbed extends ForwardingVenue {
        Disturbed(SimulatedVenue sim) {
            super(sim);
        }

        @Override
        public PlaceResult place(OrderRequest request) throws VenueException {
            if (placeFails != null) {
                throw placeFails;
            }
            return super.place(request);
        }

        @Override
        public Ticker ticker(String symbol) throws VenueException {
            if (tickerFails != null) {
                throw tickerFails;
            }
            return super.ticker(symbol);
        }

        @Override
        public FundingRate funding(String symbol) throws VenueException {
            fundingReads++;
            if (fundingFails != null) {
                throw fundingFails;
            }
            return super.funding(symbol);
        }
    }

    private final class Recorder implements TradeRecorder {
        @Override
        public void orderSending(OrderIntent intent) {
            journal.add("sending " + intent.clientOrderId());
        }

        @Override
        public void orderPlaced(OrderIntent intent, PlaceResult result) {
            journal.add("placed " + intent.clientOrderId());
        }

        @Override
        public void orderFailed(OrderIntent intent, String error) {
            journal.add("failed " + intent.clientOrderId() + ": " + error);
        }

        @Override
        public boolean fill(Fill fill, long paramsVersion) {
            journal.add("fill " + fill.fillId());
            return true;
        }

        @Override
        public void equity(long time, Account account) {
        }

        @Override
        public void positions(long time, List<Position> positions) {
        }

        @Override
        public void event(long time, String kind, String message) {
        }

        @Override
        public void paramsActive(long version, long tradingTime, long wallTime) {
        }
    }
}
