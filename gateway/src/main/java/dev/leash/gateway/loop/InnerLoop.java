package dev.leash.gateway.loop;

import dev.leash.engine.Engine;
import dev.leash.engine.EngineDriver;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.OrderPort;
import dev.leash.engine.OrderQueue;
import dev.leash.engine.StepHooks;
import dev.leash.engine.SymbolHold;
import dev.leash.engine.Tick;
import dev.leash.engine.TradingStatusView;
import dev.leash.gateway.shadow.MarketStep;
import dev.leash.gateway.shadow.MarketTap;
import dev.leash.venue.Account;
import dev.leash.venue.Candle;
import dev.leash.venue.Fill;
import dev.leash.venue.MarketTime;
import dev.leash.venue.Order;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;
import dev.leash.risk.Params;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;

/**
 * The inner loop's thread: runs the {@link EngineDriver} through trading time, one step per second of trading
 * time, with the {@link Venue} as its feed and order route ({@link VenuePorts}).
 *
 * <p>The step sequence is the driver's, shared with the backtester, which is what makes live and backtest fills
 * identical. This loop adds the live-only work at the driver's hook points: the journal's retry before the clock;
 * order tracking and unreconciled symbols after it; the stale-feed hold before each tick; the order path's health
 * and one equity point per bar after the step.
 *
 * <p>Other threads talk to it only through {@link #swapParams}, {@link #post} and {@link #snapshot}: a new
 * parameter version is installed between two steps, and the loop wakes at once to use it.
 */
public final class InnerLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(InnerLoop.class);
    /** Most steps processed before the loop publishes a snapshot and looks at its inbox again. */
    private static final int MAX_STEPS_PER_WAKE = 600;

    private final Venue venue;
    private final Engine engine;
    private final Pacer pacer;
    private final JournalGuard recorder;
    private final QuietListener quiet;
    private final OrderQueue outbox = new OrderQueue();
    private final OrderTracker tracker;
    private final VenuePorts ports;
    private final MarketTap tap;
    private final EngineDriver driver;
    private final UnreconciledSymbols unreconciled;
    private final FeedMonitor feed;
    private final AccountCache account;
    private final AtomicReference<Params> nextParams = new AtomicReference<>();
    private final ConcurrentLinkedQueue<Consumer<Engine>> inbox = new ConcurrentLinkedQueue<>();
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition wake = lock.newCondition();
    private final List<Consumer<Params>> paramListeners = new java.util.concurrent.CopyOnWriteArrayList<>();

    private volatile boolean running = true;
    private volatile EngineSnapshot snapshot;
    private volatile OrderPathHealth orderPathHealth;
    /** The trading time the steps of one wake are due against. */
    private long target;
    private long steps;
    private long errors;
    private String lastError;
    private long lastEquityBar = Long.MIN_VALUE;
    private boolean journalHeld;

    /**
     * @param quiet the listener wrapper the engine reports through, silenced during warm-up
     */
    public InnerLoop(Venue venue, Engine engine, Pacer pacer, TradeRecorder recorder, QuietListener quiet) {
        this(venue, engine, pacer, recorder, quiet, new AccountCache());
    }

    /**
     * @param account refreshed from the venue at start and every bar; a live venue's engine sizes from it
     */
    public InnerLoop(Venue venue, Engine engine, Pacer pacer, TradeRecorder recorder, QuietListener quiet,
                     AccountCache account) {
        this(venue, engine, pacer, recorder, quiet, account,
                dev.leash.gateway.config.GatewayConfig.Loops.DEFAULT_STALE_TICK_AFTER.toMillis());
    }

    /**
     * @param staleTickAfterMillis trading time without a newer market event after which a symbol is held
     *                             reduce-only until fresh data returns
     */
    public InnerLoop(Venue venue, Engine engine, Pacer pacer, TradeRecorder recorder, QuietListener quiet,
                     AccountCache account, long staleTickAfterMillis) {
        this(venue, MarketTime.NONE, engine, pacer, recorder, quiet, account, staleTickAfterMillis);
    }

    /**
     * @param market the venue's market when this loop drives its time (the simulated venue), else
     *               {@link MarketTime#NONE}
     */
    public InnerLoop(Venue venue, MarketTime market, Engine engine, Pacer pacer, TradeRecorder recorder,
                     QuietListener quiet, AccountCache account, long staleTickAfterMillis) {
        this.venue = venue;
        this.engine = engine;
        this.pacer = pacer;
        this.recorder = new JournalGuard(recorder);
        this.quiet = quiet;
        this.account = account;
        this.tracker = new OrderTracker(venue, engine, this.recorder);
        this.unreconciled = new UnreconciledSymbols(venue, engine, this.recorder, tracker);
        this.feed = new FeedMonitor(engine.symbols(), staleTickAfterMillis);
        this.ports = new VenuePorts(venue, market, pacer, engine.symbols(), feed, this.recorder, tracker, this::fault);
        this.tap = new MarketTap(ports, engine.symbols().size());
        this.driver = new EngineDriver(engine, outbox, tap, tap.route(ports, engine.symbols()), new LiveHooks(), () -> target, 1);
        quiet.guard(this.recorder);
    }

    /** The port the engine must be built with: orders wait in the outbox until the tick that sent them returns. */
    public static final class Outbox implements OrderPort {
        private InnerLoop loop;

        @Override
        public void send(OrderIntent intent) {
            loop.outbox.send(intent);
        }

        public void bind(InnerLoop loop) {
            this.loop = loop;
        }
    }

    /**
     * Prepares trading at the pacer's current time: restores positions from the venue, resolves orders a previous
     * run left in flight, warms the engine up on closed history bars (not journaled), and resumes the open
     * positions' exits where they stood ({@link ExitResume}).
     */
    public void start(int warmupBars, List<OrderIntent> unresolved) throws VenueException {
        long now = pacer.now();
        long step = pacer.stepMillis();
        long firstStep = Math.floorDiv(now, step) * step;
        feed.start(firstStep);
        account.update(venue.account());
        for (var p : venue.positions()) {
            int i = engine.indexOf(p.symbol());
            if (i >= 0) {
                engine.setPosition(i, p.qty(), p.entryPrice());
            }
        }
        for (OrderIntent intent : unresolved) {
            resolve(intent);
        }
        ExitResume exits = exitResume(firstStep);
        quiet.setQuiet(true);
        try {
            ports.start(firstStep, warmupBars, exits.watch(tap.warmup(engine::onBarClose)));
        } finally {
            quiet.setQuiet(false);
        }
        exits.resume(firstStep);
        recorder.paramsActive(engine.params().version(), firstStep, pacer.wallNow());
        publishOrderPath();
        publish();
    }

    /** Where the open positions' exits stood, from the venue's fills; fills it cannot give restart them anew. */
    private ExitResume exitResume(long firstStep) {
        boolean open = false;
        for (int i = 0; i < engine.symbols().size(); i++) {
            open |= engine.position(i) != 0;
        }
        if (!open) {
            return ExitResume.none(engine);
        }
        try {
            return ExitResume.of(engine, venue.fills(firstStep - ExitResume.SEARCH_MILLIS, firstStep + 1), firstStep);
        } catch (VenueException | RuntimeException e) { // an auxiliary read: it never keeps trading from starting
            recorder.event(firstStep, "reconcile", "trailing and time stops of open positions start anew: the"
                    + " venue's fills could not be read: " + (e instanceof VenueException ? e.getMessage()
                    : e.getClass().getSimpleName()));
            return ExitResume.none(engine);
        }
    }

    /**
     * An order a crashed run left in flight (recorded as sending, or acknowledged and not final): ask the venue what
     * became of it. One still open there (a market order waiting for the venue's next price) is cancelled: the
     * engine, which knows of no order in flight after a restart, decides afresh.
     */
    private void resolve(OrderIntent intent) throws VenueException {
        Order o = venue.order(intent.symbol(), intent.clientOrderId());
        if (o == null) {
            recorder.orderFailed(intent, "never reached the venue (resolved at start)");
            return;
        }
        if (o.status().open() && venue.cancel(intent.symbol(), intent.clientOrderId())) {
            o = venue.order(intent.symbol(), intent.clientOrderId()); // what it filled before the cancel stays
        }
        recorder.event(pacer.now(), "reconcile", "order " + intent.clientOrderId() + " left in flight by the last run"
                + " is " + o.status() + " at the venue");
        for (Fill f : venue.fills(intent.time() - 60_000, Long.MAX_VALUE)) {
            if (f.clientOrderId().equals(intent.clientOrderId())) {
                recorder.fill(f, intent.paramsVersion());
            }
        }
        recorder.orderPlaced(intent, new PlaceResult(o, List.of(), true, null)); // after its fills, as when placed
    }

    @Override
    public void run() {
        Thread.currentThread().setName("leash-inner-loop");
        while (running) {
            try {
                drainInbox();
                target = pacer.now();
                int n = 0;
                while (n < MAX_STEPS_PER_WAKE && running && driver.doWork() > 0) {
                    n++;
                    if (nextParams.get() != null || !inbox.isEmpty()) {
                        drainInbox();
                    }
                }
                publish();
                if (n < MAX_STEPS_PER_WAKE) {
                    await(pacer.wallMillisUntil(ports.nextStepTime()));
                }
            } catch (RuntimeException e) {
                errors++;
                lastError = e.toString();
                LOG.error("inner loop step failed; continuing", e);
                // the failed step is skipped: the driver took it from the schedule before running it
                await(pacer.wallMillisUntil(ports.nextStepTime()));
            }
        }
        publish();
    }

    /** Runs one step at trading time {@code t}. Package-private for tests that drive time themselves. */
    void step(long t) {
        driver.step(t);
    }

    /** The live-only work at the driver's hook points, where it ran before the driver existed. */
    /** REDUCE_ONLY while the journal's queued writes are past their bound, lifted once all of them landed. */
    private void holdWhileJournalBehind() {
        boolean over = recorder.overBound();
        if (over != journalHeld) {
            journalHeld = over;
            engine.setReduceOnly(JournalGuard.CAUSE, over, "journal", over
                    ? recorder.health().queued() + " journal writes wait in memory: no new exposure until they land"
                    : "the journal writes kept in memory have landed");
        }
    }

    /**
     * True when no journal write waits in memory: what the inner loop's thread last wrote is durable. Inner-loop
     * thread only (an operator command posted to the loop checks it after it ran).
     */
    public boolean journalCaughtUp() {
        return recorder.health().ok();
    }

    /** The journal guard, for tests that tune its bound. */
    JournalGuard journalGuard() {
        return recorder;
    }

    private final class LiveHooks implements StepHooks {

        @Override
        public void beforeClock(long t) {
            recorder.at(t);
            if (!recorder.health().ok()) {
                recorder.retry();
            }
            holdWhileJournalBehind();
        }

        @Override
        public void afterClock(long t) {
            if (!tracker.isEmpty()) {
                for (String f : tracker.poll(t, driver)) { // fills found later reach the engine through the driver
                    fault(t, f);
                }
            }
            String reconcileFault = unreconciled.step(t);
            if (reconcileFault != null) {
                fault(t, reconcileFault);
            }
        }

        @Override
        public void beforeTick(int sym, long t, boolean fresh, Tick tick) {
            watchFeed(sym, t);
            if (fresh) {
                account.mark(sym, engine.position(sym), tick.price());
            }
        }

        @Override
        public void afterStep(long t) {
            steps++;
            tap.endStep(t, engine, engine.equity()); // what the live engine sizes by: a new shadow starts from it
            publishOrderPath();
            long bar = Math.floorDiv(t, Candle.INTERVAL_MILLIS);
            if (bar != lastEquityBar) {
                lastEquityBar = bar;
                Account a = ports.account(t);
                if (a != null) {
                    account.update(a);
                    recorder.equity(t, a);
                }
            }
        }
    }

    /** Holds the symbol reduce-only while its newest market event is older than the bound; journals each move. */
    private void watchFeed(int i, long t) {
        long age = feed.sample(i, t);
        boolean stale = feed.stale(age);
        if (stale != engine.symbolHeld(i, SymbolHold.STALE_FEED)) {
            engine.holdSymbol(i, SymbolHold.STALE_FEED, stale);
            feed.markStale(i, stale ? t : Long.MIN_VALUE);
            String symbol = engine.symbols().get(i);
            recorder.event(t, "feed", stale
                    ? symbol + " held reduce-only: its newest market data is " + age / 1000 + " s old (bound "
                    + feed.staleAfterMillis() / 1000 + " s)"
                    : symbol + " market data fresh again (" + age + " ms old); it may open positions again");
        }
    }

    private void fault(long t, String message) {
        errors++;
        lastError = message;
        recorder.event(t, "fault", message);
    }

    /** Runs what other threads posted and installs new params. Package-private for tests that drive the loop. */
    void drainInbox() {
        Params p = nextParams.getAndSet(null);
        Consumer<Engine> task;
        while ((task = inbox.poll()) != null) {
            task.accept(engine);
        }
        if (p == null) {
            return;
        }
        engine.swapParams(p);
        long last = ports.nextStepTime() - pacer.stepMillis();
        recorder.paramsActive(p.version(), last, pacer.wallNow());
        recorder.event(last, "params", "inner loop now trades on params version " + p.version());
        if (steps > 0) {
            // Evaluate at once with the new version instead of waiting for the next scheduled step (up to a second
            // of wall time away on a live venue): the same trading time again, fresh prices where the venue has them.
            step(last);
        }
        for (Consumer<Params> l : paramListeners) {
            l.accept(p);
        }
    }

    /**
     * Hands every later order's round trip to the venue to {@code listener} on this loop's thread: the answer, or
     * null when the call failed, and its duration in nanoseconds. It must not block or allocate.
     */
    public void onOrderRoundTrip(java.util.function.ObjLongConsumer<PlaceResult> listener) {
        ports.onOrderRoundTrip(listener);
    }

    /**
     * Offers each step's market events (and the live book's params, equity and positions after it) to
     * {@code shadows}, which must never block; call before {@link #start} so the shadows warm up on the same bars.
     */
    public void shadowTo(java.util.function.Predicate<MarketStep> shadows) {
        tap.sendTo(shadows);
    }

    /** The account as last reported by the venue: what a live venue's engine sizes from. */
    public AccountCache account() {
        return account;
    }

    /** A fresh account read by another thread (the middle loop): the engine sizes from it from the next step. */
    public void refreshAccount(Account a) {
        post(e -> account.update(a));
    }

    /** Installs {@code p} before the next step and wakes the loop. Callable from any thread. */
    public void swapParams(Params p) {
        nextParams.set(p);
        signal();
    }

    /** Runs {@code task} on the loop's thread between two steps. */
    public void post(Consumer<Engine> task) {
        inbox.add(task);
        signal();
    }

    /** Called on the loop's thread after the first step that used a newly installed parameter version. */
    public void onParamsInstalled(Consumer<Params> listener) {
        paramListeners.add(listener);
    }

    public EngineSnapshot snapshot() {
        return snapshot;
    }

    /** The market data's freshness: lag percentiles and the symbols held reduce-only for stale data. */
    public FeedHealth feedHealth() {
        return feed.health();
    }

    /** The order path's health as of the last published step: journal writes and symbols held reduce-only. */
    public OrderPathHealth orderPathHealth() {
        return orderPathHealth;
    }

    /** The engine's trading status with its causes; callable from any thread. */
    public TradingStatusView tradingStatus() {
        return engine.status();
    }

    public void stop() {
        running = false;
        signal();
    }

    private void signal() {
        lock.lock();
        try {
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void await(long millis) {
        if (millis <= 0 || !running || nextParams.get() != null || !inbox.isEmpty()) {
            return;
        }
        lock.lock();
        try {
            wake.await(millis, java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        } finally {
            lock.unlock();
        }
    }

    /** Publishes the order path's health when there is news: nothing is built while all is well. */
    private void publishOrderPath() {
        JournalGuard.Health j = recorder.health();
        OrderPathHealth last = orderPathHealth;
        if (last != null && j.ok() && last.journalOk() && last.failedWrites() == j.failures()
                && !unreconciled.anyHeld() && last.holds().isEmpty()) {
            return;
        }
        orderPathHealth = new OrderPathHealth(j.ok(), j.queued(), j.failures(), j.dropped(), j.firstFailure(),
                j.lastError(), j.failingSince(), unreconciled.holds(), unreconciled.lastResolved(),
                unreconciled.lastResolvedAt());
    }

    private void publish() {
        List<EngineSnapshot.SymbolView> views = new ArrayList<>();
        for (int i = 0; i < engine.symbols().size(); i++) {
            views.add(new EngineSnapshot.SymbolView(engine.symbols().get(i), engine.position(i), engine.entryPrice(i),
                    engine.lastPrice(i), engine.pendingOrder(i), engine.signals(i)));
        }
        snapshot = new EngineSnapshot(ports.nextStepTime() - pacer.stepMillis(), pacer.wallNow(), engine.state(),
                engine.params().version(), engine.startOfDayEquity(), List.copyOf(views), steps, errors, lastError);
    }
}
