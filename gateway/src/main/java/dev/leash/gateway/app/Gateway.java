package dev.leash.gateway.app;

import dev.leash.backtest.Specs;
import dev.leash.common.Tokens;
import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.api.ApiServer;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.engine.Action;
import dev.leash.engine.Engine;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.StateCause;
import dev.leash.gateway.alerts.AlertFeed;
import dev.leash.gateway.alerts.AlertTimer;
import dev.leash.gateway.alerts.Alerts;
import dev.leash.gateway.alerts.Channels;
import dev.leash.gateway.events.EventPublisher;
import dev.leash.gateway.events.LiveEvents;
import dev.leash.journal.Journal;
import dev.leash.journal.OrderRecord;
import dev.leash.gateway.loop.InnerLoop;
import dev.leash.gateway.loop.ManualTradingClock;
import dev.leash.gateway.loop.MiddleLoop;
import dev.leash.gateway.loop.MiddleLoopWatchdog;
import dev.leash.gateway.loop.Pacer;
import dev.leash.gateway.loop.QuietListener;
import dev.leash.gateway.loop.VenueWatch;
import dev.leash.gateway.metrics.DecisionCounter;
import dev.leash.gateway.metrics.GatewayMetrics;
import dev.leash.gateway.metrics.OrderLatency;
import dev.leash.gateway.shadow.ShadowBooks;
import dev.leash.gateway.strategies.CandidateShadows;
import dev.leash.gateway.strategies.StrategyPipeline;
import dev.leash.gateway.strategies.VenueBacktests;
import dev.leash.venue.Venue;
import dev.leash.venue.http.VenueHealth;
import dev.leash.params.ParamStore;
import dev.leash.params.WriteResult;
import dev.leash.risk.ParamPolicy;
import dev.leash.risk.Principal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The running gateway: parameter store, trade journal, venue, engine with its inner and middle loops, and the REST
 * API, wired from one {@link GatewayConfig}. {@link #start} brings everything up; {@link #close} stops it in the
 * reverse order, saving the paper account.
 */
public final class Gateway implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Gateway.class);
    /** Closed bars replayed into the engine at start: the largest lookback plus indicator warm-up. */
    public static final int WARMUP_BARS = 260;
    /** How long an operator's resume waits for the inner loop to apply and persist it. */
    private static final long RESUME_TIMEOUT_SECONDS = 10;
    /** Wall time between two checkpoints of the shadow books at closed bars (a fast simulation closes many). */
    private static final long CHECKPOINT_WALL_MILLIS = 5_000;

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
    private final ScheduledExecutorService watchdogExecutor;
    private final MiddleLoopWatchdog watchdog;
    private final Tokens.Token token;
    private final Tokens.Token modelToken;
    private final GatewayPorts ports;
    private final ApiServer api;
    private final ParamPolicy policy;
    private final AtomicReference<VenueHealth> venueHealth;
    private volatile boolean closed;
    private volatile GatewayMetrics metrics;
    private volatile LiveEvents events;
    private volatile ShadowBooks shadows;
    private volatile Thread shadowThread;
    private volatile StrategyPipeline strategies;
    private final Alerts alerts;
    private volatile AlertTimer alertTimer;
    private volatile SymbolBiasDesk biases;
    private volatile Tokens.Token metricsToken;

    private Gateway(GatewayConfig config, Clock wall, ParamStore store, Journal journal, Venue venue, Pacer pacer,
                    InnerLoop inner, MiddleLoop middle, Tokens.Token token, Tokens.Token modelToken,
                    ParamPolicy policy, AtomicReference<VenueHealth> venueHealth, Alerts alerts) {
        this.config = config;
        this.alerts = alerts;
        this.wall = wall;
        this.store = store;
        this.journal = journal;
        this.venue = venue;
        this.pacer = pacer;
        this.inner = inner;
        this.middle = middle;
        this.token = token;
        this.modelToken = modelToken;
        this.policy = policy;
        this.venueHealth = venueHealth;
        this.innerThread = new Thread(inner, "leash-inner-loop");
        this.middleExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leash-middle-loop");
            t.setDaemon(true);
            return t;
        });
        this.watchdogExecutor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leash-middle-watchdog");
            t.setDaemon(true);
            return t;
        });
        this.watchdog = new MiddleLoopWatchdog(middle::lastCompletedWallMillis, config.loops().middle(), wall::millis,
                new StallActions(inner, journal, wall, new AlertFeed(alerts)));
        this.ports = new GatewayPorts(this);
        this.api = new ApiServer(ports.rest());
    }

    /** A stalled middle loop: logged as an error, journaled, and the engine goes reduce-only until it resumes. */
    private record StallActions(InnerLoop inner, Journal journal, Clock wall, AlertFeed alerts)
            implements MiddleLoopWatchdog.Actions {

        @Override
        public void stalled(String reason) {
            LOG.error("{}", reason);
            alerts.middleLoopStalled(wall.millis(), reason);
            report(true, reason);
        }

        @Override
        public void resumed(String reason) {
            LOG.warn("{}", reason);
            report(false, reason);
        }

        private void report(boolean stalled, String reason) {
            inner.post(e -> e.setMiddleLoopStalled(stalled, reason));
            journal.recordEvent(wall.millis(), "fault", reason);
        }
    }

    /** Opens every component and starts the loops and the API. On failure, what was opened is closed again. */
    public static Gateway start(GatewayConfig config, Map<String, String> env, Clock wall) throws Exception {
        return start(config, env, wall, null);
    }

    /**
     * As {@link #start(GatewayConfig, Map, Clock)}; a non-null {@code manual} clock paces the simulated venue instead
     * of the wall clock, so a test decides how far trading goes.
     */
    public static Gateway start(GatewayConfig config, Map<String, String> env, Clock wall,
                                ManualTradingClock manual) throws Exception {
        BindCheck.requireTokenOffLoopback(config.api().host(), env);
        List<AutoCloseable> opened = new ArrayList<>();
        try {
            ParamPolicy policy = new ParamPolicy(config.limits());
            ParamStore store = ParamStore.open(config.dataDir(), policy, config.baseline(), wall.instant());
            opened.add(store);
            for (String problem : store.openReport()) {
                LOG.warn("{}", problem);
            }
            Journal journal = Journal.open(config.effectiveJournalUrl(), config.journalPool().withCredentialsFrom(env));
            opened.add(journal);
            Tokens.Token token = Tokens.load(env.get("LEASH_GATEWAY_TOKEN"), "LEASH_GATEWAY_TOKEN",
                    config.dataDir().resolve("gateway.token"));
            Tokens.Token modelToken = ModelToken.load(env, config.dataDir(), token);
            Tokens.Token metricsToken = MetricsToken.load(env, config.api().metricsTokenFile(), token, modelToken);
            AtomicReference<InnerLoop> loop = new AtomicReference<>();
            LiveEvents live = LiveEvents.startingAt(wall.millis() * 1000); // ids of an earlier run never resume
            Alerts alerts = Alerts.start(Channels.of(config.alerts(), env.get("LEASH_TELEGRAM_BOT_TOKEN")),
                    Alerts.Settings.DEFAULT);
            opened.add(alerts);
            AlertFeed alertFeed = new AlertFeed(alerts);
            SavedFills savedFills = new SavedFills(); // fills journaled with the paper account, counted once
            JournalRecorder recorder = new JournalRecorder(journal, new EventPublisher(live), alertFeed, savedFills);
            AtomicReference<VenueHealth> venueHealth = new AtomicReference<>();
            VenueWatch watch = new VenueWatch(config.loops().venueRecovery(), wall::millis, recorder,
                    (degraded, reason) -> {
                        InnerLoop l = loop.get();
                        if (l != null) {
                            l.post(e -> e.setVenueDegraded(degraded, reason));
                        }
                    });
            VenueHealth.Listener health = h -> {
                venueHealth.set(h);
                alertFeed.venueHealth(h, wall.millis());
                watch.onHealth(h);
            };
            Venues.Opened v = Venues.open(config, env, journal, wall, health, manual, savedFills);
            Venue venue = v.venue();
            opened.add(venue);
            Pacer pacer = v.pacer();
            DecisionCounter decisionCounts = new DecisionCounter(recorder);
            QuietListener listener = new QuietListener(decisionCounts);
            InnerLoop.Outbox outbox = new InnerLoop.Outbox();
            Engine engine = new Engine(Specs.of(venue.instruments()), config.limits(), store.current(), outbox, listener,
                    v.equity());
            InnerLoop inner = new InnerLoop(venue, v.market(), engine, pacer, recorder, listener, v.account(),
                    config.loops().staleTickAfter().toMillis());
            outbox.bind(inner);
            OrderLatency orderLatency = new OrderLatency();
            inner.onOrderRoundTrip(orderLatency);
            loop.set(inner);
            TradingStatusStore.load(journal, pacer.now()).ifPresent(s -> engine.restoreStatus(s, pacer.now()));
            StateCause venueCause = engine.status().cause(StateCause.VENUE);
            if (venueCause != null) {
                watch.holdRestored(venueCause.reason());
            } else if (watch.held()) {
                engine.setVenueDegraded(true, watch.reason()); // degraded before the inner loop existed
            }
            ShadowBooks shadows = shadows(config, venue, journal);
            if (shadows != null) {
                inner.shadowTo(shadows::offer); // before start: the shadows warm up on the live engine's bars
            }
            SymbolVetoes vetoes = SymbolVetoes.load(journal, pacer.now(), engine.symbols());
            vetoes.active(pacer.now()).forEach(s -> engine.setBias(engine.indexOf(s.symbol()), s.bias(), s.until()));
            inner.start(WARMUP_BARS, unresolvedOrders(journal));
            MiddleLoop middle = new MiddleLoop(store, inner, venue, pacer, wall, config, recorder, journal);
            Gateway g = new Gateway(config, wall, store, journal, venue, pacer, inner, middle, token, modelToken,
                    policy, venueHealth, alerts);
            g.biases = new SymbolBiasDesk(g, vetoes);
            g.metricsToken = metricsToken;
            g.metrics = new GatewayMetrics(g.ports, decisionCounts, orderLatency, alerts);
            if (config.alerts().any()) {
                g.alertTimer = ScheduledAlerts.timer(g, alerts).start(java.time.Duration.ofSeconds(10));
            }
            g.events = live;
            if (shadows != null) {
                g.shadows = shadows;
                g.shadowThread = new Thread(shadows, "leash-shadows");
                g.shadowThread.setDaemon(true);
                g.shadowThread.start();
            }
            g.strategies = strategyPipeline(g, shadows);
            g.innerThread.start();
            long period = config.loops().middle().toMillis();
            g.middleExecutor.scheduleWithFixedDelay(middle, 0, period, TimeUnit.MILLISECONDS);
            long check = Math.max(100, Math.min(1_000, period / 4));
            g.watchdogExecutor.scheduleWithFixedDelay(g.watchdog, check, check, TimeUnit.MILLISECONDS);
            g.middleExecutor.scheduleWithFixedDelay(watch::poll, 1, 1, TimeUnit.SECONDS);
            g.middleExecutor.scheduleWithFixedDelay(g::tickStrategies, 1, 1, TimeUnit.SECONDS);
            g.api.start(config.api().host(), config.api().port());
            recorder.event(pacer.now(), "lifecycle", "gateway started on venue " + venue.name()
                    + (config.venue().equals("simulated") ? " at speed " + config.simulated().speed() : "")
                    + ", params version " + store.current().version());
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

    /** The shadow books the configuration asks for, or null; each retirement is journaled with its final figures. */
    private static ShadowBooks shadows(GatewayConfig config, Venue venue, Journal journal)
            throws dev.leash.venue.VenueException {
        GatewayConfig.Shadows c = config.shadows();
        if (!c.enabled()) {
            return null;
        }
        ShadowBooks books = new ShadowBooks(venue.instruments(), config.limits(), config.baseline(),
                new ShadowBooks.Settings(c.max(), c.incumbentHorizon().toMillis(), c.minTrades(),
                        ShadowBooks.Settings.DEFAULT.queueCapacity(), WARMUP_BARS),
                (t, name, version, figures, flags) -> {
                    try {
                        journal.recordEvent(t, "shadow", ShadowBooks.retirementText(name, version, figures, flags));
                    } catch (RuntimeException e) {
                        LOG.warn("could not journal the retirement of shadow {}", name);
                    }
                });
        // the shadows of the last run resume where they were; at most one bar checkpoint per CHECKPOINT_WALL_MILLIS
        books.persistTo(new JournalShadowStore(journal), System::currentTimeMillis, CHECKPOINT_WALL_MILLIS);
        books.journalTo(new ShadowFillJournal(journal));
        return books;
    }

    /**
     * The strategy pipeline: backtests on the venue's history, candidate shadows among the shadow books, promotion as
     * an operator-principal params version (the operator's config delegates it; the limits still apply).
     */
    private static StrategyPipeline strategyPipeline(Gateway g, ShadowBooks shadows) {
        GatewayConfig.Strategies s = g.config.strategies();
        return new StrategyPipeline(s, g.config.limits(), g.journal, g.pacer::now, g.store::current,
                new VenueBacktests(g.venue, g.config.limits(), s.backtestDays(), g.pacer::now),
                CandidateShadows.of(shadows),
                (changes, author, rationale) -> g.propose(null, changes, author, Principal.OPERATOR, rationale,
                        false));
    }

    /** Ends the candidates whose shadow time is over; a failure is logged and tried again at the next tick. */
    private void tickStrategies() {
        try {
            strategies.tick();
        } catch (RuntimeException e) {
            LOG.warn("the strategy pipeline's tick failed; it runs again in a second: {}", e.getMessage());
        }
    }

    /** The strategy promotion pipeline; null before the gateway started. */
    public StrategyPipeline strategies() {
        return strategies;
    }

    /** The shadow books beside the live book, or null when they are off. */
    public ShadowBooks shadows() {
        return shadows;
    }

    private static List<OrderIntent> unresolvedOrders(Journal journal) {
        List<OrderIntent> out = new ArrayList<>();
        for (OrderRecord o : journal.orders(null, true, 1000)) {
            // sent and never answered, or acknowledged and not final (a market order waiting for its next price)
            if (JournalRecorder.SENDING.equals(o.status()) || "NEW".equals(o.status())
                    || "PARTIALLY_FILLED".equals(o.status())) {
                out.add(new OrderIntent(o.createdAt(), o.clientOrderId(), o.symbol(), o.side().sign() * o.qty(),
                        o.price(), o.reduceOnly(), o.action() == null ? Action.SKIP : o.action(), o.paramsVersion()));
            }
        }
        return out;
    }

    /**
     * Proposes a parameter change on behalf of {@code author} as the model (every slow-rise rule applies); an
     * accepted one is durable when this returns and the inner loop trades on it from its next step.
     */
    public WriteResult propose(Long expectedVersion, JsonNode changes, String author, String rationale, boolean dryRun)
            throws IOException {
        return propose(expectedVersion, changes, author, Principal.MODEL, rationale, dryRun);
    }

    /**
     * Proposes a parameter change on behalf of {@code author} speaking for {@code principal}, whose rules apply;
     * durable when this returns.
     */
    public WriteResult propose(Long expectedVersion, JsonNode changes, String author, Principal principal,
                               String rationale, boolean dryRun) throws IOException {
        WriteResult r = store.propose(expectedVersion, changes, author, principal, rationale, dryRun, wall.instant());
        if (r.accepted() && !r.entry().dryRun()) {
            inner.swapParams(r.current());
        }
        return r;
    }

    /**
     * Rolls the parameters back to accepted version {@code version} for the operator (the limits apply, the slow-rise
     * rules do not, as for {@code params rollback}); durable when this returns, traded from the inner loop's next step.
     */
    public WriteResult rollback(long version, String author, String rationale) throws IOException {
        WriteResult r = store.rollback(version, author, Principal.OPERATOR, rationale, wall.instant());
        if (r.accepted() && !r.entry().dryRun()) {
            inner.swapParams(r.current());
        }
        return r;
    }

    /** The side vetoes on symbols: set, cleared and read through it. */
    public SymbolBiasDesk biases() {
        return biases;
    }

    /**
     * An operator lifts today's daily loss halt (the day's loss is measured again from the equity now), journaled
     * with {@code author}; durable when this returns true. Only an operator may: a model's resume returns false and
     * the halt ends with the UTC day.
     */
    public boolean resumeAfterLossHalt(String author, String rationale, boolean operator) throws IOException {
        if (!operator) {
            return false;
        }
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        AtomicInteger claim = new AtomicInteger(); // 0 waiting, 1 taken by the inner loop, 2 given up by the caller
        inner.post(e -> {
            if (!claim.compareAndSet(0, 1)) {
                return; // the caller was told it failed: it must not happen later
            }
            try {
                done.complete(e.resumeAfterLossHalt(author, "operator " + author + " resumed trading"
                        + (rationale.isBlank() ? "" : ": " + rationale)));
            } catch (RuntimeException ex) {
                done.completeExceptionally(ex);
            }
        });
        try {
            try {
                return done.get(RESUME_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException ex) {
                if (claim.compareAndSet(0, 2)) {
                    throw new IOException("the inner loop did not take the resume within " + RESUME_TIMEOUT_SECONDS
                            + " s; nothing changed", ex);
                }
                return done.get(); // the inner loop is applying it right now
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while resuming trading", ex);
        } catch (ExecutionException ex) {
            throw new IOException("the resume could not be saved; trading stays halted", ex);
        }
    }

    /**
     * The operator halts trading: the inner loop flattens every position and opens nothing until the operator
     * resumes, across restarts; journaled with {@code author}, durable when this returns. False when the operator had
     * already halted it.
     */
    public boolean haltByOperator(String author, String rationale) throws IOException {
        return onInnerLoop("halting trading", e -> e.haltByOperator(author, "operator " + author + " halted trading"
                + (rationale.isBlank() ? "" : ": " + rationale)));
    }

    /** The operator lifts its own halt, journaled with {@code author}; false when trading was not so halted. */
    public boolean liftOperatorHalt(String author, String rationale) throws IOException {
        return onInnerLoop("resuming trading", e -> e.liftOperatorHalt(author, "operator " + author
                + " lifted the halt" + (rationale.isBlank() ? "" : ": " + rationale)));
    }

    /** Runs {@code task} on the inner loop and waits for its answer; it never runs after the caller was told no. */
    boolean onInnerLoop(String what, java.util.function.Predicate<Engine> task) throws IOException {
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        AtomicInteger claim = new AtomicInteger(); // 0 waiting, 1 taken by the inner loop, 2 given up by the caller
        inner.post(e -> {
            if (!claim.compareAndSet(0, 1)) {
                return;
            }
            try {
                boolean result = task.test(e);
                if (!inner.journalCaughtUp()) { // the new status waits in memory behind a failing journal
                    throw new dev.leash.journal.JournalException("the journal could not record it yet");
                }
                done.complete(result);
            } catch (RuntimeException ex) {
                done.completeExceptionally(ex);
            }
        });
        try {
            try {
                return done.get(RESUME_TIMEOUT_SECONDS, TimeUnit.SECONDS);
            } catch (TimeoutException ex) {
                if (claim.compareAndSet(0, 2)) {
                    throw new IOException("the inner loop did not take " + what + " within " + RESUME_TIMEOUT_SECONDS
                            + " s; nothing changed", ex);
                }
                return done.get();
            }
        } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while " + what, ex);
        } catch (ExecutionException ex) {
            throw new IOException(what + " could not be saved", ex);
        }
    }

    /** The last breaker or ban report of an HTTP venue, or null when there was none (or the venue is local). */
    public VenueHealth venueHealth() {
        return venueHealth.get();
    }

    /** The live event stream {@code GET /api/events} serves. */
    public LiveEvents events() {
        return events;
    }

    /** The timer of the proposal digest and the daily summary, or null when no alert channel is configured. */
    public AlertTimer alertTimer() {
        return alertTimer;
    }

    /** The Prometheus metrics {@code GET /metrics} serves. */
    public GatewayMetrics metrics() {
        return metrics;
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

    /** Trading time of the inner loop's last step (the pacer's time before the first step). */
    public long tradingTime() {
        var s = inner.snapshot();
        return s == null ? pacer.now() : s.time();
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

    /** The middle loop's watchdog: whether the loop is stalled now. */
    public MiddleLoopWatchdog middleWatchdog() {
        return watchdog;
    }

    /** The operator's token: writes with it speak for {@link Principal#OPERATOR}. */
    public Tokens.Token token() {
        return token;
    }

    /** The model's token, for the MCP server: writes with it speak for {@link Principal#MODEL}. */
    public Tokens.Token modelToken() {
        return modelToken;
    }

    /** The token that reads {@code /metrics} only, or null when none is configured. */
    public Tokens.Token metricsToken() {
        return metricsToken;
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
        if (events != null) {
            events.close(); // event-stream clients end now, so the API stops without waiting for them
        }
        api.stop();
        watchdogExecutor.shutdownNow();
        middleExecutor.shutdownNow();
        inner.stop();
        try {
            innerThread.join(10_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        ShadowBooks s = shadows;
        if (s != null) {
            s.stop();
            try {
                shadowThread.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (!shadowThread.isAlive()) {
                try {
                    s.drain(); // the steps the inner loop made before it stopped
                    s.checkpoint();
                } catch (RuntimeException e) {
                    LOG.warn("could not checkpoint the shadow books at the stop: {}", e.getMessage());
                }
            }
        }
        AlertTimer timer = alertTimer;
        if (timer != null) {
            timer.close();
        }
        alerts.close();
        try {
            journal.recordEvent(pacer.now(), "lifecycle", "gateway stopped");
        } catch (RuntimeException e) {
            LOG.warn("cannot journal the stop: {}", e.getMessage());
        }
        try {
            venue.close(); // the simulated and paper venues save their account here, through the journal
        } catch (RuntimeException e) {
            LOG.warn("could not save the venue's state at the stop ({}): the last saved state and the journaled fills"
                    + " remain", e.getClass().getSimpleName());
        }
        journal.close();
        try {
            store.close();
        } catch (IOException e) {
            LOG.warn("closing the parameter store: {}", e.getMessage());
        }
    }
}
