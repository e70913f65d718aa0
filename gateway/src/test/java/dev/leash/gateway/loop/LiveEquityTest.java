package dev.leash.gateway.loop;

import dev.leash.backtest.Specs;
import dev.leash.gateway.app.JournalRecorder;
import dev.leash.engine.Engine;
import dev.leash.journal.Journal;
import dev.leash.venue.Account;
import dev.leash.venue.Candle;
import dev.leash.venue.Fill;
import dev.leash.venue.FundingRate;
import dev.leash.venue.Instrument;
import dev.leash.venue.Order;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderStatus;
import dev.leash.venue.OrderType;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import dev.leash.venue.Ticker;
import dev.leash.venue.Venue;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.risk.TradingState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A live venue's equity in the inner loop: marked to market at every tick, so an open position losing past the
 * daily limit halts trading within a step, not at the next account read; and a fresh account read handed over by
 * the middle loop counts from the next step. Steps are driven by the test; the venue is a small fake whose account
 * is marked at its own price, as a real venue's is.
 */
@Timeout(30)
class LiveEquityTest {

    /** 10 s into a 5-minute bar, so the steps below stay inside one bar. */
    private static final long T0 = 1_704_070_210_000L;

    private final FakeVenue venue = new FakeVenue();
    private final AccountCache account = new AccountCache();
    private Journal journal;
    private Engine engine;
    private InnerLoop loop;

    @BeforeEach
    void startWithAnOpenLong() throws Exception {
        journal = Journal.open("jdbc:sqlite::memory:");
        JournalRecorder recorder = new JournalRecorder(journal);
        QuietListener quiet = new QuietListener(recorder);
        InnerLoop.Outbox outbox = new InnerLoop.Outbox();
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put("BTCUSDT", new SymbolParams(true, 1.0));
        Params params = new Params(1, 1.0, 10.0, null, 20, 3.0, 3.0, TradingMode.ACTIVE, symbols, "test", "",
                Instant.EPOCH);
        engine = new Engine(Specs.of(venue.instruments()), Limits.hard(Set.of("BTCUSDT")), params, outbox, quiet, account);
        loop = new InnerLoop(venue, engine, Pacer.live(() -> T0, 1000), recorder, quiet, account);
        outbox.bind(loop);
        loop.start(0, List.of());
        loop.step(T0); // the day starts at 100,000 with 1 BTC long at 100,000
    }

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void anOpenPositionLosingPastTheDailyLimitHaltsWithinAStep() {
        assertThat(engine.startOfDayEquity()).isEqualTo(100_000);

        venue.price = 96_000; // -4 % on the whole account: the limit is 3 %
        loop.step(T0 + 1_000);
        loop.step(T0 + 2_000);

        assertThat(account.getAsDouble()).isCloseTo(96_000, within(1e-6));
        assertThat(engine.state()).isEqualTo(TradingState.HALTED);
        assertThat(venue.placed).extracting(OrderRequest::reduceOnly, OrderRequest::qty)
                .containsExactly(org.assertj.core.api.Assertions.tuple(true, 1.0));
    }

    @Test
    void aGainingPositionRaisesTheMarkedEquityToo() {
        venue.price = 101_000;
        loop.step(T0 + 1_000);

        assertThat(account.getAsDouble()).isCloseTo(101_000, within(1e-6));
        assertThat(engine.state()).isEqualTo(TradingState.ACTIVE);
    }

    @Test
    void anAccountReadByTheMiddleLoopCountsFromTheNextStep() {
        venue.wallet = 98_000; // fees and funding the venue charged: no price move shows them
        loop.refreshAccount(venue.account());
        loop.drainInbox(); // what the loop's thread does before its next step

        assertThat(account.getAsDouble()).isEqualTo(98_000);
    }

    /** One symbol, one open long, fills nothing; its account is marked at its own price. */
    private static final class FakeVenue implements Venue {
        double price = 100_000;
        double wallet = 100_000;
        final double qty = 1.0;
        final double entry = 100_000;
        final List<OrderRequest> placed = new ArrayList<>();

        @Override
        public String name() {
            return "fake";
        }

        @Override
        public List<String> symbols() {
            return List.of("BTCUSDT");
        }

        @Override
        public List<Instrument> instruments() {
            return List.of(new Instrument("BTCUSDT", 0.001, 0.001, 0.1, 5.0));
        }

        @Override
        public List<Candle> candles(String symbol, long fromMillis, long toMillis) {
            return List.of();
        }

        @Override
        public Ticker ticker(String symbol) {
            return new Ticker(symbol, T0, price, price, price, price, 0);
        }

        @Override
        public FundingRate funding(String symbol) {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<FundingRate> fundingHistory(String symbol, long fromMillis, long toMillis) {
            return List.of();
        }

        @Override
        public Account account() {
            double upl = qty * (price - entry);
            return new Account(wallet + upl, wallet, wallet, upl);
        }

        @Override
        public List<Position> positions() {
            return List.of(new Position("BTCUSDT", qty, entry, price, qty * (price - entry)));
        }

        @Override
        public List<Order> openOrders() {
            return List.of();
        }

        @Override
        public List<Fill> fills(long fromMillis, long toMillis) {
            return List.of();
        }

        @Override
        public PlaceResult place(OrderRequest r) {
            placed.add(r);
            return new PlaceResult(new Order(r.clientOrderId(), "v-" + placed.size(), r.symbol(), r.side(),
                    OrderType.MARKET, r.qty(), Double.NaN, 0, OrderStatus.REJECTED, r.reduceOnly(), T0), List.of(),
                    false, "test venue fills nothing");
        }

        @Override
        public boolean cancel(String symbol, String clientOrderId) {
            return false;
        }

        @Override
        public Order order(String symbol, String clientOrderId) {
            return null;
        }

        @Override
        public void close() {
        }
    }
}
