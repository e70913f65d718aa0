package dev.leash.gateway.shadow;

import dev.leash.venue.Candle;
import dev.leash.venue.Instrument;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The shadow books beside the live book, off its hot path: the inner loop {@link #offer}s each step's market events
 * to a bounded queue and never waits; this runner's own thread drains it and steps every shadow. A full queue drops
 * the step and flags the shadows' figures with the ticks they missed.
 *
 * <p>The {@code baseline} shadow trades the operator's baseline params from the first step and never changes them.
 * When the live params change (an accepted change, seen in the steps themselves), the replaced version keeps running
 * as an {@code incumbent} shadow for the configured horizon; at most {@code max} shadows run, the oldest incumbent
 * retired first, each retirement reported with its final figures.
 *
 * <p>With a {@link ShadowStore} ({@link #persistTo}) the shadows are checkpointed at every closed bar, change and
 * retirement, and resume from the last checkpoint at the next start; a gap in the steps they saw (a restart, a full
 * queue) flags them {@code missed_ticks from <instant> to <instant>}.
 *
 * <p>Threading: {@link #offer} from the inner loop's thread; {@link #run} (or {@link #drain} in tests) on one shadow
 * thread; {@link #checkpoint} on it or after it ended; {@link #scorecard} from any thread. The scorecard is rebuilt
 * at the first step, at every step that closes a bar, at every change, retirement or missed-steps flag, and at least
 * once per bar interval of trading time: what it shows is never older than one 5-minute bar of trading time.
 */
public final class ShadowBooks implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(ShadowBooks.class);

    /** Changes kept on the scorecard. */
    private static final int MAX_CHANGES = 50;
    /** The flag of a baseline retired at a start because the configured baseline params are no longer its own. */
    static final String BASELINE_CHANGED = "retired: the configured baseline params changed";
    /** Market steps kept for the journal while it cannot take them. */
    private static final int UNSAVED_STEPS = 100_000;

    /**
     * @param max                    most shadows running at once, the baseline included
     * @param incumbentHorizonMillis how long (trading time) an incumbent shadow runs after its change
     * @param minTrades              closed trades before a comparison gets a verdict
     * @param queueCapacity          market steps waiting for the shadow thread before new ones are dropped
     * @param historyBars            closed bars per symbol a new shadow warms up on
     */
    public record Settings(int max, long incumbentHorizonMillis, int minTrades, int queueCapacity, int historyBars) {
        public static final Settings DEFAULT = new Settings(4, 72 * 3_600_000L, 20, 4096, 260);

        public Settings {
            if (max < 1 || incumbentHorizonMillis <= 0 || minTrades < 1 || queueCapacity < 1 || historyBars < 0) {
                throw new IllegalArgumentException("shadow settings out of range: max " + max + ", horizon "
                        + incumbentHorizonMillis + " ms, min trades " + minTrades + ", queue " + queueCapacity);
            }
        }
    }

    /** The journal line of a retirement: the shadow's final figures in plain words. */
    public static String retirementText(String name, long paramsVersion, BookFigures f, List<String> flags) {
        return "shadow " + name + " (params v" + paramsVersion + ") retired, " + String.join(", ", flags)
                + ": since " + java.time.Instant.ofEpochMilli(f.since()) + " net P&L " + Scorecard.money(f.netPnl())
                + " USDT (" + String.format(java.util.Locale.ROOT, "%+.3f %%", f.returnPct()) + "), max drawdown "
                + String.format(java.util.Locale.ROOT, "%.3f %%", f.maxDrawdownPct()) + ", " + f.trades()
                + " closed trades";
    }

    /** Hears a shadow's retirement with its final figures (the gateway journals it). Called on the shadow thread. */
    public interface Retirements {
        void retired(long t, String name, long paramsVersion, BookFigures figures, List<String> flags);
    }

    private final List<Instrument> instruments;
    private final Limits limits;
    private final Params baselineParams;
    private final Settings settings;
    private final Retirements retirements;
    /** Empty polls, {@link #idleParkNanos} apart, before the shadow thread blocks on the queue again: 55.5 ms. */
    static final int IDLE_PARKS = 10;
    private static final long IDLE_PARK_NANOS = 500_000;
    private static final int IDLE_PARK_DOUBLINGS = 4;

    private final ArrayBlockingQueue<MarketStep> queue;
    private final AtomicLong missed = new AtomicLong();
    /** The time of the oldest step dropped and not yet flagged; {@code Long.MAX_VALUE} when none. */
    private final AtomicLong firstDropped = new AtomicLong(Long.MAX_VALUE);
    private final List<ShadowBook> active = new ArrayList<>();
    private final List<Scorecard.Shadow> retired = new ArrayList<>();
    private final List<ChangeRecord> changes = new ArrayList<>();
    /** Starts and ends of candidate shadows asked for by the strategy pipeline, applied at the next step. */
    private final java.util.concurrent.ConcurrentLinkedQueue<CandidateRequest> candidateRequests =
            new java.util.concurrent.ConcurrentLinkedQueue<>();
    /** The live book's figures since each running candidate started, by candidate name. */
    private final java.util.Map<String, Figures> candidateLive = new java.util.HashMap<>();
    private final java.util.Map<String, String> candidateEnded = new java.util.HashMap<>();
    private volatile java.util.Map<String, CandidateView> candidateViews = java.util.Map.of();
    private final BarHistory history;
    private final RunLog runLog = new RunLog();
    private ShadowBook liveParamsBook;
    private volatile boolean running = true;
    private volatile Scorecard scorecard;
    private ShadowBook baseline;
    private Params liveParams;
    private TradeCounter liveTrades;
    private Figures live;
    private double lastLiveEquity;
    private double[] lastPosition;
    private double[] lastEntry;
    private double[] lastPrice;
    /** What the live engine tracked after the last step beyond its positions. */
    private LiveTracking lastTracking;
    private ShadowStore store = ShadowStore.NONE;
    private ShadowsCheckpoint pending;
    private final List<MarketStep> unsaved = new ArrayList<>();
    private long lastStepTime = Long.MIN_VALUE;
    private long stepMillis;
    private boolean dirty;
    /** True when something the scorecard shows changed beyond the figures' marks: rebuild it at this step. */
    private boolean scorecardDue;
    private long scorecardAt = Long.MIN_VALUE;
    private java.util.function.LongSupplier wall = () -> 0L;
    private long minWallMillis;
    private long lastSaveWall;

    public ShadowBooks(List<Instrument> instruments, Limits limits, Params baselineParams, Settings settings,
                       Retirements retirements) {
        this.instruments = List.copyOf(instruments);
        this.limits = limits;
        this.baselineParams = baselineParams;
        this.settings = settings;
        this.retirements = retirements;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.history = new BarHistory(settings.historyBars(), instruments.size());
    }

    /**
     * Keeps a checkpoint in {@code store} at every closed bar, change and retirement, with the market steps consumed
     * since the last one; the shadows of the checkpoint it holds now resume at the first step. Before the first step.
     */
    public void persistTo(ShadowStore store) {
        persistTo(store, () -> 0L, 0);
    }

    /**
     * As {@link #persistTo(ShadowStore)}, but a closed bar saves only when {@code minWallMillis} of {@code wallMillis}
     * passed since the last save (a fast simulation closes bars many times a second; changes, retirements and the
     * stop always save): the journal's writer is shared with the order path.
     */
    public void persistTo(ShadowStore store, java.util.function.LongSupplier wallMillis, long minWallMillis) {
        this.store = store;
        this.wall = wallMillis;
        this.minWallMillis = minWallMillis;
        this.lastSaveWall = wallMillis.getAsLong() - minWallMillis;
        this.pending = store.load().orElse(null);
    }

    /** Saves a checkpoint now (a clean shutdown): on the shadow thread, or after it ended. */
    public void checkpoint() {
        if (live != null) {
            save();
        }
    }

    /** Hands one step to the shadows without waiting; false (and the shadows flagged) when the queue is full. */
    public boolean offer(MarketStep step) {
        if (queue.offer(step)) {
            return true;
        }
        missed.incrementAndGet();
        firstDropped.accumulateAndGet(step.time(), Math::min);
        return false;
    }

    @Override
    public void run() {
        Thread.currentThread().setName("leash-shadows");
        int idle = 0;
        while (running) {
            try {
                // While steps come fast, poll without blocking and park between polls, so the inner loop's offer
                // never has a sleeping thread to wake (a futex call on its thread); the parks double from 0.5 ms
                // to 8 ms, so steps 17 ms apart (speed 60) cost a few wake-ups, not 33; after IDLE_PARKS empty polls
                // (a slow market: about one step a second), block again and let the next offer wake this thread.
                MarketStep step = idle < IDLE_PARKS ? queue.poll() : queue.poll(200, TimeUnit.MILLISECONDS);
                if (step != null) {
                    idle = 0;
                    process(step);
                } else if (idle < IDLE_PARKS) {
                    LockSupport.parkNanos(idleParkNanos(idle++));
                    if (Thread.interrupted()) {
                        throw new InterruptedException();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // a shadow's failure never reaches trading; its figures say they are incomplete
                LOG.error("a shadow step failed; the shadows continue with the next step", e);
                for (ShadowBook b : active) {
                    b.flag("a step failed");
                }
            }
        }
    }

    /** The shadow thread's park after its {@code idle}-th empty poll in a row (from 0): 0.5 ms doubling to 8 ms. */
    static long idleParkNanos(int idle) {
        return IDLE_PARK_NANOS << Math.min(idle, IDLE_PARK_DOUBLINGS);
    }

    /** Ends {@link #run} within its poll interval. */
    public void stop() {
        running = false;
    }

    /** Processes every step queued now on the calling thread; returns how many. For tests that own the thread. */
    public int drain() {
        int n = 0;
        MarketStep step;
        while ((step = queue.poll()) != null) {
            process(step);
            n++;
        }
        return n;
    }

    /** Journals each shadow's run and fills from now on; call before the first step. */
    public void journalTo(ShadowJournal journal) {
        runLog.journalTo(journal);
    }

    /** The scorecard as of the last step processed, or null before the first. */
    public Scorecard scorecard() {
        return scorecard;
    }

    /** Market steps dropped because the queue was full. */
    public long missedSteps() {
        return missed.get();
    }

    /** The name prefix of a candidate strategy's shadow: {@code candidate:<id>}. */
    public static final String CANDIDATE = "candidate:";

    /**
     * Asks for a {@code candidate:<id>} shadow trading {@code params} from the next step; it counts against the max
     * shadows (none is displaced for it: without a free slot it ends at once, "no free shadow slot"), never reaches a
     * horizon and runs until {@link #endCandidate}. Any thread.
     */
    public void startCandidate(String name, Params params) {
        if (!name.startsWith(CANDIDATE)) {
            throw new IllegalArgumentException("a candidate's name starts with " + CANDIDATE + ": " + name);
        }
        candidateRequests.add(new CandidateRequest(name, params, null));
    }

    /** Retires the candidate shadow {@code name} at the next step with {@code why}. Any thread. */
    public void endCandidate(String name, String why) {
        candidateRequests.add(new CandidateRequest(name, null, why));
    }

    /** The candidates asked for, by name, as of the last step processed. Any thread. */
    public java.util.Map<String, CandidateView> candidates() {
        return candidateViews;
    }

    private record CandidateRequest(String name, Params params, String endWhy) {
    }

    /** Applies the pipeline's requests: starts (when a slot is free) and ends candidate shadows. */
    private void applyCandidateRequests(long t) {
        CandidateRequest r;
        while ((r = candidateRequests.poll()) != null) {
            scorecardDue = true; // the pipeline reads a candidate's start or end in the next published views
            ShadowBook running = candidate(r.name());
            if (r.params() == null) {
                if (running != null) {
                    retire(running, t, r.endWhy());
                }
                candidateEnded.putIfAbsent(r.name(), r.endWhy());
            } else if (running == null && !candidateEnded.containsKey(r.name())) {
                if (active.size() >= settings.max()) {
                    candidateEnded.put(r.name(), "no free shadow slot: " + active.size() + " of " + settings.max()
                            + " shadows run");
                } else {
                    start(r.name(), r.params(), t);
                    candidateLive.put(r.name(), new Figures(t, lastLiveEquity, liveTrades.closed()));
                    dirty = true;
                }
            }
        }
    }

    private ShadowBook candidate(String name) {
        for (ShadowBook b : active) {
            if (b.name().equals(name)) {
                return b;
            }
        }
        return null;
    }

    private void publishCandidates(long t) {
        java.util.Map<String, CandidateView> views = new java.util.LinkedHashMap<>();
        for (ShadowBook b : active) {
            if (b.name().startsWith(CANDIDATE)) {
                // a candidate resumed after a restart has the live figures from the restart on
                Figures live = candidateLive.computeIfAbsent(b.name(),
                        n -> new Figures(t, lastLiveEquity, liveTrades.closed()));
                views.put(b.name(), new CandidateView(b.name(), b.figures(), live.view(), null));
            }
        }
        for (Scorecard.Shadow r : retired) {
            if (r.name().startsWith(CANDIDATE) && !views.containsKey(r.name())) {
                Figures live = candidateLive.get(r.name());
                views.put(r.name(), new CandidateView(r.name(), r.figures(), live == null ? null : live.view(),
                        candidateEnded.getOrDefault(r.name(), String.join(", ", r.flags()))));
            }
        }
        candidateEnded.forEach((name, why) -> views.putIfAbsent(name, new CandidateView(name, null, null, why)));
        candidateViews = java.util.Map.copyOf(views);
    }

    /** The oldest shadow a newer one may displace: neither the baseline nor a candidate; null when none. */
    private ShadowBook displaceable() {
        for (ShadowBook b : active) {
            if (b != baseline && !b.name().startsWith(CANDIDATE)) {
                return b;
            }
        }
        return null;
    }

    /** The shadows running now, baseline first. Shadow thread only (tests). */
    public List<ShadowBook> activeBooks() {
        return List.copyOf(active);
    }

    private void process(MarketStep step) {
        if (live == null && pending != null) {
            ShadowsCheckpoint c = pending;
            pending = null;
            if (!resumed(c, step)) {
                begin(step);
            }
        } else if (live == null) {
            begin(step);
        } else if (step.liveParams().version() != liveParams.version()) {
            changed(step);
        }
        long dropped = firstDropped.get();
        if (step.time() > dropped && firstDropped.compareAndSet(dropped, Long.MAX_VALUE)) {
            flagMissed(lastStepTime == Long.MIN_VALUE ? dropped : lastStepTime, step.time());
        }
        applyCandidateRequests(step.time());
        for (ShadowBook b : active) {
            if (b != baseline) {
                b.followVetoes(step.liveTracking());
            }
            b.step(step);
            runLog.stepped(b);
        }
        for (ClosedBar b : step.bars()) {
            remember(b);
        }
        for (int s = 0; s < instruments.size(); s++) {
            liveTrades.position(s, step.livePosition()[s]);
            if (step.fresh()[s]) {
                lastPrice[s] = step.price()[s];
            }
        }
        live.mark(step.liveEquity(), liveTrades.closed());
        for (var e : candidateLive.entrySet()) {
            if (candidate(e.getKey()) != null) {
                e.getValue().mark(step.liveEquity(), liveTrades.closed());
            }
        }
        for (ChangeRecord c : changes) {
            c.mark(step.liveEquity(), liveTrades.closed(), baseline);
        }
        lastLiveEquity = step.liveEquity();
        lastPosition = step.livePosition().clone();
        lastEntry = step.liveEntry().clone();
        lastTracking = step.liveTracking();
        retireExpired(step.time());
        for (ShadowBook b : active) {
            scorecardDue |= b.takeNewFlag();
        }
        if (scorecard == null || scorecardDue || !step.bars().isEmpty()
                || step.time() - scorecardAt >= Candle.INTERVAL_MILLIS) {
            publish(step.time()); // per closed bar, not per step: rebuilding it was most of this thread's work
            publishCandidates(step.time());
        }
        if (lastStepTime != Long.MIN_VALUE && step.time() > lastStepTime) {
            stepMillis = step.time() - lastStepTime;
        }
        lastStepTime = step.time();
        if (store != ShadowStore.NONE) {
            unsaved.add(step);
            if (dirty || !step.bars().isEmpty() && wall.getAsLong() - lastSaveWall >= minWallMillis) {
                save();
            }
        }
    }

    /** Flags every running shadow: it saw no market step between {@code from} and {@code to}. */
    private void flagMissed(long from, long to) {
        scorecardDue = true;
        for (ShadowBook b : active) {
            b.flag(ShadowBook.MISSED_TICKS + " from " + java.time.Instant.ofEpochMilli(from) + " to "
                    + java.time.Instant.ofEpochMilli(to));
        }
    }

    /** Continues from {@code c}, or (false, logged, nothing kept) when it does not fit these symbols. */
    private boolean resumed(ShadowsCheckpoint c, MarketStep step) {
        try {
            if (c.lastPrice().length != instruments.size()) {
                throw new IllegalArgumentException("it was saved for " + c.lastPrice().length + " symbols, not "
                        + instruments.size());
            }
            resume(c, step);
            return true;
        } catch (RuntimeException e) {
            LOG.warn("the shadow books' checkpoint cannot be resumed ({}); they start afresh", e.getMessage());
            active.clear();
            retired.clear();
            changes.clear();
            history.clear();
            baseline = null;
            live = null;
            lastStepTime = Long.MIN_VALUE;
            return false;
        }
    }

    /** Continues from a checkpoint: its books re-warmed on this step's warm-up bars, flagged if steps were missed. */
    private void resume(ShadowsCheckpoint c, MarketStep step) {
        liveParams = c.liveParams();
        liveTrades = new TradeCounter(instruments.size());
        liveTrades.restore(c.liveTradeState(), c.liveClosedTrades());
        live = Figures.restore(c.live());
        lastLiveEquity = c.lastLiveEquity();
        lastPosition = c.lastPosition().clone();
        lastEntry = c.lastEntry().clone();
        lastPrice = c.lastPrice().clone();
        lastTracking = LiveTracking.none(instruments.size()); // not saved: a restart cancels the orders in flight
        for (ClosedBar b : step.warmup()) {
            remember(b);
        }
        retired.addAll(c.retired());
        for (BookCheckpoint bc : c.books()) {
            if (bc.name().equals("baseline") && !bc.params().equals(baselineParams)) {
                List<String> flags = new ArrayList<>(bc.flags());
                flags.add(BASELINE_CHANGED);
                retired.add(new Scorecard.Shadow(bc.name(), bc.params().version(), false, bc.figures().view(),
                        List.copyOf(flags)));
                retirements.retired(step.time(), bc.name(), bc.params().version(), bc.figures().view(),
                        List.copyOf(flags));
                continue; // the operator's baseline is the configured one: a new baseline starts below
            }
            ShadowBook b = ShadowBook.resume(bc, instruments, limits, history.bars(), step.time());
            active.add(b);
            if (b.name().equals("baseline")) {
                baseline = b;
            }
            if (b.name().equals("live-params v" + liveParams.version())) {
                liveParamsBook = b;
            }
            runLog.resumed(b, liveParams.version());
        }
        if (baseline == null) {
            baseline = start("baseline", baselineParams, step.time());
            active.remove(baseline);
            active.add(0, baseline);
        }
        for (ShadowsCheckpoint.ChangeState cs : c.changes()) {
            changes.add(ChangeRecord.restore(cs, active));
        }
        lastStepTime = c.stepTime();
        stepMillis = c.stepMillis();
        if (step.time() - c.stepTime() > Math.max(1, c.stepMillis())) {
            flagMissed(c.stepTime(), step.time());
        }
        dirty = true;
    }

    /** Saves the checkpoint with the steps consumed since the last; a failure is logged and tried again later. */
    private void save() {
        List<BookCheckpoint> books = new ArrayList<>();
        for (ShadowBook b : active) {
            books.add(b.checkpoint(lastStepTime));
        }
        List<ShadowsCheckpoint.ChangeState> cs = new ArrayList<>();
        for (ChangeRecord c : changes) {
            cs.add(c.state());
        }
        ShadowsCheckpoint c = new ShadowsCheckpoint(lastStepTime, stepMillis, liveParams, live.state(),
                liveTrades.positions(), liveTrades.closed(), lastLiveEquity, lastPosition.clone(), lastEntry.clone(),
                lastPrice.clone(), List.copyOf(cs),
                List.copyOf(retired.subList(Math.max(0, retired.size() - MAX_CHANGES), retired.size())),
                List.copyOf(books));
        long keep = lastStepTime - settings.incumbentHorizonMillis()
                - (settings.historyBars() + 1L) * dev.leash.venue.Candle.INTERVAL_MILLIS;
        try {
            store.save(c, List.copyOf(unsaved), keep);
            lastSaveWall = wall.getAsLong();
            unsaved.clear();
            dirty = false;
        } catch (RuntimeException e) {
            LOG.warn("could not checkpoint the shadow books; trying again at the next bar: {}", e.getMessage());
            if (unsaved.size() > UNSAVED_STEPS) {
                unsaved.clear(); // the journal of market steps gets a hole rather than the heap a leak
            }
        }
    }

    private void begin(MarketStep step) {
        liveParams = step.liveParams();
        liveTrades = new TradeCounter(instruments.size());
        lastPrice = new double[instruments.size()];
        java.util.Arrays.fill(lastPrice, Double.NaN);
        for (ClosedBar b : step.warmup()) {
            remember(b);
        }
        for (int s = 0; s < instruments.size(); s++) {
            liveTrades.position(s, step.livePosition()[s]);
        }
        live = new Figures(step.time(), step.liveEquity(), liveTrades.closed());
        lastLiveEquity = step.liveEquity();
        lastPosition = step.livePosition().clone();
        lastEntry = step.liveEntry().clone();
        lastTracking = LiveTracking.none(instruments.size());
        baseline = start("baseline", baselineParams, step.time());
        startLiveParams(step.time());
    }

    private void changed(MarketStep step) {
        Params replaced = liveParams;
        liveParams = step.liveParams();
        ShadowBook incumbent = null;
        if (liveParamsBook != null && active.contains(liveParamsBook)) {
            retire(liveParamsBook, step.time(), "live params changed");
        }
        if (settings.max() > 1) {
            for (ShadowBook old; active.size() >= settings.max() && (old = displaceable()) != null; ) {
                retire(old, step.time(), "retired for a newer change");
            }
            incumbent = start("incumbent v" + replaced.version(), replaced, step.time());
        }
        dirty = true;
        startLiveParams(step.time());
        changes.add(new ChangeRecord(step.time(), replaced.version(), liveParams.version(), incumbent,
                new Figures(step.time(), lastLiveEquity, liveTrades.closed()),
                new Figures(step.time(), baseline.equity(), baseline.closedTrades())));
        if (changes.size() > MAX_CHANGES) {
            changes.remove(0);
        }
        scorecardDue = true;
    }

    /**
     * A {@code live-params} shadow trading the live params from this step, when at least three shadows may run: the
     * live book minus it is the execution effect, it minus the incumbent the strategy effect. Makes room by retiring
     * the oldest incumbent.
     */
    private void startLiveParams(long t) {
        liveParamsBook = null;
        if (settings.max() < 3) {
            return;
        }
        for (ShadowBook old; active.size() >= settings.max() && (old = displaceable()) != null; ) {
            retire(old, t, "retired for a newer change");
        }
        liveParamsBook = start("live-params v" + liveParams.version(), liveParams, t);
    }

    /**
     * A new shadow from the live book's state before this step: its equity, positions, their exits, its orders in
     * flight and entry attempts, warmed on the history.
     */
    private ShadowBook start(String name, Params params, long t) {
        ShadowBook b = new ShadowBook(name, instruments, limits, params, t, lastLiveEquity);
        b.warmUp(history.bars());
        b.holdLivePositions(lastPosition, lastEntry, lastPrice);
        b.holdLiveTracking(lastTracking);
        active.add(b);
        runLog.started(b, liveParams.version());
        return b;
    }

    private void retireExpired(long t) {
        for (ShadowBook b : new ArrayList<>(active)) {
            if (b != baseline && b != liveParamsBook && !b.name().startsWith(CANDIDATE)
                    && t - b.since() >= settings.incumbentHorizonMillis()) {
                retire(b, t, "horizon reached");
            }
        }
    }

    private void retire(ShadowBook b, long t, String why) {
        active.remove(b);
        b.flag(why);
        runLog.retired(b, t);
        BookFigures f = b.figures();
        retired.add(new Scorecard.Shadow(b.name(), b.params().version(), false, f, b.flags()));
        for (ChangeRecord c : changes) {
            if (c.incumbent == b) {
                c.close(b);
            }
        }
        retirements.retired(t, b.name(), b.params().version(), f, b.flags());
        dirty = true;
        scorecardDue = true;
    }

    private void remember(ClosedBar b) {
        history.add(b);
    }

    private void publish(long t) {
        scorecardDue = false;
        scorecardAt = t;
        int min = settings.minTrades();
        List<Scorecard.Shadow> shadows = new ArrayList<>();
        for (ShadowBook b : active) {
            shadows.add(new Scorecard.Shadow(b.name(), b.params().version(), true, b.figures(), b.flags()));
        }
        shadows.addAll(retired.subList(Math.max(0, retired.size() - MAX_CHANGES), retired.size()));
        List<Scorecard.Change> out = new ArrayList<>();
        for (ChangeRecord c : changes) {
            out.add(c.view(min));
        }
        BookFigures liveView = live.view();
        Scorecard.Comparison overall = Scorecard.Comparison.of("baseline", liveView, baseline.figures(), min);
        scorecard = new Scorecard(t, min, missed.get(), liveView, overall, List.copyOf(shadows), List.copyOf(out),
                summary(liveView, baseline.figures(), overall, out.size(), min));
    }

    private static String summary(BookFigures live, BookFigures base, Scorecard.Comparison c, int changes,
                                  int minTrades) {
        String head = changes == 0 ? "No parameter change yet: " : changes + (changes == 1 ? " change" : " changes")
                + " accepted: ";
        String figures = "the live book made " + Scorecard.money(live.netPnl()) + " USDT over " + live.trades()
                + " closed trades, the untouched baseline " + Scorecard.money(base.netPnl()) + " USDT over "
                + base.trades() + "; ";
        String verdict = c.sufficient() ? c.verdict()
                : Scorecard.INSUFFICIENT + " yet (a verdict needs " + minTrades + " closed trades)";
        return head + figures + verdict + ".";
    }

    /** One accepted change: the live book and the baseline since it, and the incumbent shadow it started. */
    private static final class ChangeRecord {
        private final long at;
        private final long from;
        private final long to;
        private final ShadowBook incumbent;
        private final String incumbentName;
        private final long incumbentSince;
        private final Figures live;
        private final Figures baseline;
        private BookFigures finalIncumbent;

        ChangeRecord(long at, long from, long to, ShadowBook incumbent, Figures live, Figures baseline) {
            this(at, from, to, incumbent, live, baseline, incumbent == null ? null : incumbent.name(),
                    incumbent == null ? 0 : incumbent.since());
        }

        private ChangeRecord(long at, long from, long to, ShadowBook incumbent, Figures live, Figures baseline,
                             String incumbentName, long incumbentSince) {
            this.at = at;
            this.from = from;
            this.to = to;
            this.incumbent = incumbent;
            this.incumbentName = incumbentName;
            this.incumbentSince = incumbentSince;
            this.live = live;
            this.baseline = baseline;
        }

        ShadowsCheckpoint.ChangeState state() {
            return new ShadowsCheckpoint.ChangeState(at, from, to, incumbentName, incumbentSince, live.state(),
                    baseline.state(), finalIncumbent);
        }

        /** The change as saved, its incumbent the running book of that name and start (if it still runs). */
        static ChangeRecord restore(ShadowsCheckpoint.ChangeState s, List<ShadowBook> running) {
            ShadowBook incumbent = null;
            for (ShadowBook b : running) {
                if (b.name().equals(s.incumbent()) && b.since() == s.incumbentSince()) {
                    incumbent = b;
                }
            }
            boolean known = incumbent != null || s.finalIncumbent() != null;
            ChangeRecord c = new ChangeRecord(s.at(), s.from(), s.to(), incumbent, Figures.restore(s.live()),
                    Figures.restore(s.baseline()), known ? s.incumbent() : null, s.incumbentSince());
            c.finalIncumbent = s.finalIncumbent();
            return c;
        }

        void mark(double liveEquity, int liveTrades, ShadowBook base) {
            if (finalIncumbent != null) {
                return; // the window ended with the incumbent: the figures are final
            }
            live.mark(liveEquity, liveTrades);
            baseline.mark(base.equity(), base.closedTrades());
        }

        void close(ShadowBook b) {
            finalIncumbent = b.figures();
        }

        Scorecard.Change view(int minTrades) {
            BookFigures l = live.view();
            Scorecard.Comparison strategy = incumbentName == null ? null : Scorecard.Comparison.of(
                    "incumbent v" + from, l, finalIncumbent != null ? finalIncumbent : incumbent.figures(), minTrades);
            return new Scorecard.Change(at, from, to, finalIncumbent == null && incumbentName != null, strategy,
                    Scorecard.Comparison.of("baseline", l, baseline.view(), minTrades));
        }
    }
}
