package dev.leash.gateway.app;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.api.ApiServer;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.gateway.engine.Action;
import dev.leash.gateway.engine.Engine;
import dev.leash.gateway.engine.OrderIntent;
import dev.leash.gateway.journal.Journal;
import dev.leash.gateway.journal.OrderRecord;
import dev.leash.gateway.loop.InnerLoop;
import dev.leash.gateway.loop.MiddleLoop;
import dev.leash.gateway.loop.Pacer;
import dev.leash.gateway.loop.QuietListener;
import dev.leash.gateway.sim.SimulatedVenue;
import dev.leash.gateway.sim.StateStore;
import dev.leash.gateway.sim.SyntheticMarket;
import dev.leash.gateway.venue.Candle;
import dev.leash.gateway.venue.Venue;
import dev.leash.params.ParamStore;
import dev.leash.params.WriteResult;
import dev.leash.risk.ParamPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The running gateway: parameter store, trade journal, venue, engine with its inner and middle loops, and the REST
 * API, wired from one {@link GatewayConfig}. {@link #start} brings everything up; {@link #close} stops it in the
 * reverse order, saving the paper account.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** Closed bars replayed into the engine at start: the largest lookback plus indicator warm-up. */
    public static final int WARMUP_BARS = 260;
    static final String PAPER_ACCOUNT_KEY = "paper_account";

    private final GatewayConfig config;
    private final Clock wall;
    private final ParamStore store;
    private final Journal journal;
    private final Venue venue;
    private final Pacer pacer;
    private final InnerLoop inner;
    private final MiddleLoop middle;
    private final Thread innerThread;
    private final ScheduledExecutorService middleExecutor;
    private final Tokens.Token token;
    private final ApiServer api;
    private final ParamPolicy policy;
    private volatile boolean closed;

    private Gateway(GatewayConfig config, Clock wall, ParamStore store, Journal journal, Venue venue, Pacer pacer,
                    InnerLoop inner, MiddleLoop middle, Tokens.Token token, ParamPolicy policy) {
        this.config = config;
        this.wall = wall;
        this.store = store;
        this.journal = journal;
        this.venue = venue;
        this.pacer = pacer;
        this.inner = inner;
        this.middle = middle;
        this.token = token;
        this.policy = policy;
        this.innerThread = new Thread(inner, "leash-inner-loop");
        this.middleExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leash-middle-loop");
            t.setDaemon(true);
            return t;
        });
        this.api = new ApiServer(this);
    }

    /** Opens every component and starts the loops and the API. On failure, what was opened is closed again. */
    public static Gateway start(GatewayConfig config, Map<String, String> env, Clock wall) throws Exception {
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            ParamPolicy policy = new ParamPolicy(config.limits());
            ParamStore store = ParamStore.open(config.dataDir(), policy, config.baseline(), wall.instant());
            opened.add(store);
            for (String problem : store.openReport()) {
                LOG.warn("{}", problem);
            }
            Journal journal = Journal.open(config.effectiveJournalUrl());
            opened.add(journal);
            Tokens.Token token = Tokens.load(env.get("LEASH_GATEWAY_TOKEN"), "LEASH_GATEWAY_TOKEN",
                    config.dataDir().resolve("gateway.token"));
            StateStore paper = new StateStore() {
                @Override
                public String load() {
                    return journal.getState(PAPER_ACCOUNT_KEY).orElse(null);
                }

                @Override
                public void save(String state) {
                    journal.putState(PAPER_ACCOUNT_KEY, state);
                }
            };
            long startAt = Math.floorDiv(wall.millis(), Candle.INTERVAL_MILLIS) * Candle.INTERVAL_MILLIS;
            SimulatedVenue sim = SimulatedVenue.open(config.simulated().seed(), specs(config.symbols()),
                    config.simulated().initialBalance(), startAt, paper);
            opened.add(sim);
            Pacer pacer = Pacer.simulated(wall::millis, sim.now(), config.simulated().speed(),
                    config.loops().tick().toMillis());
            JournalRecorder recorder = new JournalRecorder(journal);
            QuietListener listener = new QuietListener(recorder);
            InnerLoop.Outbox outbox = new InnerLoop.Outbox();
            Engine engine = new Engine(sim.instruments(), config.limits(), store.current(), outbox, listener,
                    sim::equity);
            InnerLoop inner = new InnerLoop(sim, engine, pacer, recorder, listener);
            outbox.bind(inner);
            inner.start(WARMUP_BARS, unresolvedOrders(journal));
            MiddleLoop middle = new MiddleLoop(store, inner, sim, pacer, wall, config, recorder);
            Gateway g = new Gateway(config, wall, store, journal, sim, pacer, inner, middle, token, policy);
            g.innerThread.start();
            long period = config.loops().middle().toMillis();
            g.middleExecutor.scheduleWithFixedDelay(middle, 0, period, TimeUnit.MILLISECONDS);
            g.api.start(config.api().host(), config.api().port());
            recorder.event(pacer.now(), "lifecycle", "gateway started on venue " + sim.name() + " at speed "
                    + config.simulated().speed() + ", params version " + store.current().version());
            return g;
        } catch (Exception e) {
            for (int i = opened.size() - 1; i >= 0; i--) {
                try {
                    opened.get(i).close();
                } catch (Exception suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** The synthetic market's specs for the configured symbols (unknown symbols get generic specs). */
    static List<SyntheticMarket.Spec> specs(List<String> symbols) {
        List<SyntheticMarket.Spec> out = new ArrayList<>();
        int n = 0;
        for (String s : symbols) {
            SyntheticMarket.Spec spec = SyntheticMarket.DEFAULT_SPECS.stream()
                    .filter(x -> x.instrument().symbol().equals(s)).findFirst().orElse(null);
            if (spec == null) {
                spec = new SyntheticMarket.Spec(new dev.leash.gateway.venue.Instrument(s, 0.001, 1.0, 1.0, 5.0),
                        10.0 + 5 * n, 0.004, 100_000.0);
            }
            out.add(spec);
            n++;
        }
        return out;
    }

    private static List<OrderIntent> unresolvedOrders(Journal journal) {
        List<OrderIntent> out = new ArrayList<>();
        for (OrderRecord o : journal.orders(null, true, 1000)) {
            if (JournalRecorder.SENDING.equals(o.status())) {
                out.add(new OrderIntent(o.createdAt(), o.clientOrderId(), o.symbol(), o.side().sign() * o.qty(),
                        o.price(), o.reduceOnly(), o.action() == null ? Action.SKIP : o.action(), o.paramsVersion()));
            }
        }
        return out;
    }

    /**
     * Proposes a parameter change on behalf of {@code author}; an accepted one is durable when this returns and
     * the inner loop trades on it from its next step.
     */
    public WriteResult propose(Long expectedVersion, JsonNode changes, String author, String rationale, boolean dryRun)
            throws IOException {
        WriteResult r = store.propose(expectedVersion, changes, author, rationale, dryRun, wall.instant());
        if (r.accepted() && !r.entry().dryRun()) {
            inner.swapParams(r.current());
        }
        return r;
    }

    public GatewayConfig config() {
        return config;
    }

    public Clock wall() {
        return wall;
    }

    public ParamStore store() {
        return store;
    }

    public ParamPolicy policy() {
        return policy;
    }

    public Journal journal() {
        return journal;
    }

    public Venue venue() {
        return venue;
    }

    public Pacer pacer() {
        return pacer;
    }

    public InnerLoop inner() {
        return inner;
    }

    public MiddleLoop middle() {
        return middle;
    }

    public Tokens.Token token() {
        return token;
    }

    /** The port the API listens on. */
    public int port() {
        return api.port();
    }

    public String baseUrl() {
        String host = config.api().host().contains(":") ? "[" + config.api().host() + "]" : config.api().host();
        return "http://" + host + ":" + port();
    }

    /** Stops the API, the loops, then saves the paper account and closes the journal and the store. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        api.stop();
        middleExecutor.shutdownNow();
        inner.stop();
        try {
            innerThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            journal.recordEvent(pacer.now(), "lifecycle", "gateway stopped");
        } catch (RuntimeException e) {
            LOG.warn("cannot journal the stop: {}", e.getMessage());
        }
        venue.close();
        journal.close();
        try {
            store.close();
        } catch (IOException e) {
            LOG.warn("closing the parameter store: {}", e.getMessage());
        }
    }
}
