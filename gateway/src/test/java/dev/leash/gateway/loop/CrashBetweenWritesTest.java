package dev.leash.gateway.loop;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.leash.backtest.Specs;
import dev.leash.engine.Engine;
import dev.leash.engine.OrderIntent;
import dev.leash.gateway.app.JournalRecorder;
import dev.leash.gateway.app.PaperAccountStore;
import dev.leash.gateway.app.SavedFills;
import dev.leash.gateway.events.EventPublisher;
import dev.leash.gateway.alerts.AlertFeed;
import dev.leash.journal.Journal;
import dev.leash.journal.OrderRecord;
import dev.leash.risk.Limits;
import dev.leash.venue.Account;
import dev.leash.venue.Fill;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import dev.leash.venue.sim.SimulatedVenue;
import dev.leash.venue.sim.StateStore;
import dev.leash.venue.sim.SyntheticMarket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static dev.leash.gateway.loop.SimulatedLoopFixtures.params;
import static dev.leash.gateway.loop.SimulatedLoopFixtures.symbols;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The in-process equivalent of a SIGKILL at every durable write of the first order's round trip, on the simulated
 * venue whose paper account lives in the journal: whatever write the process dies before, the positions implied by
 * the journaled fills equal the saved paper account's.
 */
@Timeout(120)
class CrashBetweenWritesTest {

    private static final long START = 1_767_225_600_000L;
    private static final String KEY = "paper_account";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void journaledFillsAndTheSavedPaperAccountAgreeWhateverWriteTheProcessDiesBefore() throws Exception {
        List<String> writes;
        try (Run dry = new Run(dir.resolve("dry"), -1)) {
            dry.stepUntil(() -> dry.kill.seen.contains("fill")
                    && dry.kill.seen.size() > dry.kill.seen.indexOf("fill") + 1); // and the write after it
            writes = dry.kill.seen;
            for (Position p : dry.sim.positions()) { // a fill journaled with the account still reaches the engine once
                assertThat(dry.engine.position(dry.engine.indexOf(p.symbol()))).as("engine position of %s", p.symbol())
                        .isEqualTo(p.qty());
            }
            assertThat(dry.sim.positions()).isNotEmpty();
        }
        int first = indexOf(writes, "sending");
        int fill = indexOf(writes, "fill");
        assertThat(first).as("the first order's writes %s", writes).isGreaterThanOrEqualTo(0).isLessThan(fill);
        assertThat(writes.subList(first, fill)).as("the paper account is saved while the order is placed")
                .contains("account");

        for (int k = first; k <= fill + 1; k++) {
            try (Run run = new Run(dir.resolve("kill-" + k), k)) {
                run.stepUntil(() -> run.kill.dead);
                assertThat(run.kill.seen.get(k)).as("the same deterministic run").isEqualTo(writes.get(k));
                assertAgree(dir.resolve("kill-" + k), "killed before write " + k + " (" + writes.get(k) + ")");
            }
        }
    }

    @Test
    void aRestartJournalsEveryFillALiveVenueMadeWhateverWriteTheProcessDiedBefore() throws Exception {
        List<String> writes;
        SimulatedVenue dryExchange = SimulatedVenue.open(7, SyntheticMarket.DEFAULT_SPECS, 100_000, START,
                StateStore.inMemory());
        try (Run dry = new Run(dir.resolve("live-dry"), -1, dryExchange, START, List.of())) {
            dry.stepUntil(() -> dry.kill.seen.contains("fill")
                    && dry.kill.seen.size() > dry.kill.seen.indexOf("fill") + 1);
            writes = dry.kill.seen;
        }
        int first = indexOf(writes, "sending");
        int fill = indexOf(writes, "fill");

        for (int k = first; k <= fill + 1; k++) {
            Path data = dir.resolve("live-kill-" + k);
            SimulatedVenue exchange = SimulatedVenue.open(7, SyntheticMarket.DEFAULT_SPECS, 100_000, START,
                    StateStore.inMemory());
            long diedAt;
            try (Run run = new Run(data, k, exchange, START, List.of())) {
                run.stepUntil(() -> run.kill.dead);
                diedAt = run.t;
            }
            List<OrderIntent> unresolved = new ArrayList<>();
            try (Journal j = Journal.open(Journal.sqliteUrl(data))) { // what Gateway.start resolves
                for (OrderRecord o : j.orders(null, true, 1000)) {
                    if (List.of("SENDING", "NEW", "PARTIALLY_FILLED").contains(o.status())) {
                        unresolved.add(new OrderIntent(o.createdAt(), o.clientOrderId(), o.symbol(),
                                o.side().sign() * o.qty(), o.price(), o.reduceOnly(), o.action(), o.paramsVersion()));
                    }
                }
            }
            try (Run restarted = new Run(data, -1, exchange, diedAt, unresolved)) {
                Map<String, Double> fromFills = new HashMap<>();
                for (Fill f : restarted.journal.fillsBetween(Long.MIN_VALUE, Long.MAX_VALUE)) {
                    fromFills.merge(f.symbol(), f.side().sign() * f.qty(), Double::sum);
                }
                for (Position p : exchange.positions()) {
                    assertThat(fromFills.getOrDefault(p.symbol(), 0.0))
                            .as("killed before write %d (%s), restarted: position of %s", k, writes.get(k), p.symbol())
                            .isCloseTo(p.qty(), within(1e-9));
                }
            }
        }
    }

    private static int indexOf(List<String> writes, String what) {
        return writes.indexOf(what);
    }

    /** What a restart would read: the journal's fills and the saved paper account, from disk. */
    private static void assertAgree(Path data, String when) throws Exception {
        try (Journal j = Journal.open(Journal.sqliteUrl(data))) {
            Map<String, Double> fromFills = new HashMap<>();
            for (Fill f : j.fillsBetween(Long.MIN_VALUE, Long.MAX_VALUE)) {
                fromFills.merge(f.symbol(), f.side().sign() * f.qty(), Double::sum);
            }
            Map<String, Double> account = new HashMap<>();
            String saved = j.getState(KEY).orElse(null); // none saved yet: a restart opens a fresh, flat account
            if (saved != null) {
                for (JsonNode h : JSON.readTree(saved).get("account").get("holdings")) {
                    account.put(h.get("symbol").asText(), h.get("qty").asDouble());
                }
            }
            Set<String> symbols = new LinkedHashSet<>(fromFills.keySet());
            symbols.addAll(account.keySet());
            for (String s : symbols) {
                assertThat(fromFills.getOrDefault(s, 0.0)).as("%s: position of %s from the journal's fills", when, s)
                        .isCloseTo(account.getOrDefault(s, 0.0), within(1e-9));
            }
        }
    }

    /** Thrown at the write the process dies before: nothing after it runs, as after a SIGKILL. */
    private static final class Killed extends Error {
        private static final long serialVersionUID = 1L;

        Killed() {
            super("killed", null, false, false);
        }
    }

    /** Counts the durable writes of the account and the order path, and dies before write number {@code at}. */
    private static final class KillSwitch {
        final int at;
        final List<String> seen = new ArrayList<>();
        boolean dead;

        KillSwitch(int at) {
            this.at = at;
        }

        void write(String what) {
            if (seen.size() == at) {
                seen.add(what);
                dead = true;
                throw new Killed();
            }
            seen.add(what);
        }
    }

    /** A gateway's trading half on one data directory: journal, paper account, engine and inner loop. */
    private static final class Run implements AutoCloseable {
        final KillSwitch kill;
        final Journal journal;
        final SimulatedVenue sim;
        final Engine engine;
        final InnerLoop loop;
        long t;

        Run(Path data, int killAt) throws Exception {
            this(data, killAt, null, START, List.of());
        }

        /**
         * @param exchange a venue whose account outlives this process (as a live exchange's does), or null for the
         *                 paper account saved in the journal
         */
        Run(Path data, int killAt, SimulatedVenue exchange, long start, List<OrderIntent> unresolved)
                throws Exception {
            Files.createDirectories(data);
            kill = new KillSwitch(killAt);
            t = start;
            journal = Journal.open(Journal.sqliteUrl(data));
            SavedFills saved = new SavedFills();
            StateStore store = killable(new PaperAccountStore(journal, KEY, saved));
            sim = exchange != null ? exchange
                    : SimulatedVenue.open(7, SyntheticMarket.DEFAULT_SPECS, 100_000, START, store);
            JournalRecorder recorder = new JournalRecorder(journal, EventPublisher.NONE, AlertFeed.NONE, saved);
            QuietListener quiet = new QuietListener(recorder);
            InnerLoop.Outbox outbox = new InnerLoop.Outbox();
            engine = new Engine(Specs.of(sim.instruments()), Limits.hard(symbols()),
                params(0.5, 20, "crash"), outbox, quiet,
                    sim::equity);
            loop = new InnerLoop(sim, engine, Pacer.simulated(() -> 0L, start, 1.0, 1_000), killable(recorder),
                    quiet);
            outbox.bind(loop);
            loop.start(260, unresolved);
        }

        void stepUntil(java.util.function.BooleanSupplier done) {
            long deadline = t + 3 * 86_400_000L;
            while (!done.getAsBoolean()) {
                assertThat(t).as("nothing happened within 3 simulated days").isLessThan(deadline);
                t += 1_000;
                try {
                    sim.advanceTo(t);
                    loop.step(t);
                } catch (Killed e) {
                    return;
                }
            }
        }

        private StateStore killable(StateStore store) {
            return new StateStore() {
                @Override
                public String load() {
                    return store.load();
                }

                @Override
                public void save(String state) {
                    kill.write("account");
                    store.save(state);
                }

                @Override
                public void save(String state, List<Fill> fills) {
                    kill.write("account");
                    store.save(state, fills);
                }
            };
        }

        private TradeRecorder killable(TradeRecorder r) {
            return new TradeRecorder() {
                @Override
                public void orderSending(OrderIntent intent) {
                    kill.write("sending");
                    r.orderSending(intent);
                }

                @Override
                public void orderPlaced(OrderIntent intent, PlaceResult result) {
                    kill.write("placed");
                    r.orderPlaced(intent, result);
                }

                @Override
                public void orderFailed(OrderIntent intent, String error) {
                    kill.write("failed");
                    r.orderFailed(intent, error);
                }

                @Override
                public boolean fill(Fill fill, long paramsVersion) {
                    kill.write("fill");
                    return r.fill(fill, paramsVersion);
                }

                @Override
                public void equity(long time, Account account) {
                    kill.write("equity");
                    r.equity(time, account);
                }

                @Override
                public void positions(long time, List<Position> positions) {
                    kill.write("positions");
                    r.positions(time, positions);
                }

                @Override
                public void event(long time, String kind, String message) {
                    kill.write("event");
                    r.event(time, kind, message);
                }

                @Override
                public void paramsActive(long version, long tradingTime, long wallTime) {
                    kill.write("params");
                    r.paramsActive(version, tradingTime, wallTime);
                }
            };
        }

        @Override
        public void close() {
            journal.close();
        }
    }
}
