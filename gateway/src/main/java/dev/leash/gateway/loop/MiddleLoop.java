package dev.leash.gateway.loop;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.common.AtomicFiles;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.journal.Journal;
import dev.leash.venue.Position;
import dev.leash.venue.Venue;
import dev.leash.venue.VenueException;
import dev.leash.params.LoadResult;
import dev.leash.params.ParamStore;
import dev.leash.params.ParamsJson;
import dev.leash.params.WriteResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The middle loop: every minute (and on demand) it reloads the parameters through the {@link ParamStore} and
 * hands a new version to the {@link InnerLoop}, cancels stale orders, reconciles positions, open orders and recent
 * fills with the venue (the venue is the truth; see {@link OrderReconciler}), writes
 * the heartbeat file, and runs the scheduled reset to the baseline. A bad or missing parameter file leaves
 * last-known-good in force and is reported. Runs on its own thread; never blocks the inner loop.
 */
public final class MiddleLoop implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(MiddleLoop.class);

    private final ParamStore store;
    private final InnerLoop inner;
    private final Venue venue;
    private final Pacer pacer;
    private final Clock wall;
    private final GatewayConfig config;
    private final TradeRecorder recorder;
    private final Path heartbeat;
    private final OrderReconciler orders;
    private final StaleOrders staleOrders;
    private final Journal journal;

    private volatile Health health = new Health(0, List.of(), 0, 0, null);
    /** The due time of the last scheduled reset that ran (or was skipped as first start); persisted. */
    private volatile Instant lastResetDue;
    private long passes;
    private volatile long failedPasses;
    private volatile long lastCompletedWallMillis;
    private List<String> lastProblems = List.of();
    private final AliveLine alive = new AliveLine();
    private double lastEquity = Double.NaN;

    public MiddleLoop(ParamStore store, InnerLoop inner, Venue venue, Pacer pacer, Clock wall, GatewayConfig config,
                      TradeRecorder recorder, Journal journal) {
        this.store = store;
        this.inner = inner;
        this.venue = venue;
        this.pacer = pacer;
        this.wall = wall;
        this.config = config;
        this.recorder = recorder;
        this.heartbeat = config.dataDir().resolve("heartbeat.json");
        this.orders = new OrderReconciler(venue, journal, recorder);
        this.staleOrders = new StaleOrders(venue, recorder, config.loops().staleOrderAge(),
                config.loops().cancelManualOrders());
        this.journal = journal;
        this.lastResetDue = savedResetDue(wall.instant());
    }

    /** Key of the last scheduled reset's due time in the journal's key/value state. */
    static final String LAST_RESET_KEY = "scheduled_reset_last_due";

    /**
     * The due time of the last scheduled reset that ran, as persisted; on the very first start the most recent due
     * time (nothing to catch up on), persisted at once. A reset due while the gateway was stopped then runs at the
     * first pass.
     */
    private Instant savedResetDue(Instant now) {
        java.util.Optional<String> saved = journal.getState(LAST_RESET_KEY);
        if (saved.isPresent()) {
            try {
                return Instant.parse(saved.get());
            } catch (java.time.format.DateTimeParseException e) {
                LOG.warn("unreadable {} in the journal; a missed scheduled reset runs at the first pass",
                        LAST_RESET_KEY);
                return Instant.EPOCH;
            }
        }
        Instant due = lastScheduledReset(now);
        journal.putState(LAST_RESET_KEY, due.toString());
        return due;
    }

    /** The schedule, the rule, the last reset that ran and the next due time; null when the reset is off. */
    public record ScheduledResetInfo(String schedule, Instant lastRun, Instant nextDue) {
    }

    /** A worked-out answer of {@link #scheduledReset}, the same for every {@code now} in {@code [from, until)}. */
    private record ResetAnswer(Instant from, Instant until, Instant lastResetDue, ScheduledResetInfo info) {
    }

    private volatile ResetAnswer resetAnswer;

    /**
     * What {@code GET /api/params} shows of the scheduled reset at {@code now}: worked out once per schedule period
     * (a read asks on every request), anew when the last reset that ran changes or while one is due and not yet run.
     */
    public ScheduledResetInfo scheduledReset(Instant now) {
        Instant ran = lastResetDue;
        if (!config.baselineReset().enabled()) {
            return new ScheduledResetInfo("off", ran, null);
        }
        ResetAnswer a = resetAnswer;
        if (a != null && a.lastResetDue() == ran && !now.isBefore(a.from()) && now.isBefore(a.until())) {
            return a.info();
        }
        GatewayConfig.BaselineReset cfg = config.baselineReset();
        Instant last = lastScheduledReset(now);
        Instant following = last.atZone(ZoneOffset.UTC).plus("weekly".equals(cfg.schedule())
                ? java.time.Period.ofWeeks(1) : java.time.Period.ofDays(1)).toInstant();
        boolean due = last.isAfter(ran);
        String schedule = "weekly".equals(cfg.schedule())
                ? String.format("weekly, %s %02d:00 UTC", cfg.day().name().toLowerCase(java.util.Locale.ROOT),
                cfg.hourUtc())
                : String.format("daily, %02d:00 UTC", cfg.hourUtc());
        ScheduledResetInfo info = new ScheduledResetInfo(schedule, ran, due ? now : following);
        if (!due) { // a due reset reads "now" until the pass runs it: not kept
            resetAnswer = new ResetAnswer(last, following, ran, info);
        }
        return info;
    }

    /** What the last pass found. */
    public record Health(long lastRunWallMillis, List<String> paramProblems, int staleCancelled,
                         int reconciliationDifferences, String lastError) {
    }

    public Health health() {
        return health;
    }

    /**
     * One pass. Never throws: every failure, an {@link Error} such as {@link OutOfMemoryError} included, is counted
     * and reported by its kind (never its message or stack trace, which may quote a file or a reply), and the
     * next pass runs on schedule. Only an {@link InternalError} or {@link UnknownError} (the JVM itself is broken)
     * propagates, after it is counted; the watchdog then reports the stalled loop.
     */
    @Override
    public synchronized void run() {
        Instant now = wall.instant();
        try {
            pass(now);
            lastCompletedWallMillis = wall.millis();
        } catch (Throwable t) {
            failed(now, t);
            if (t instanceof InternalError || t instanceof UnknownError) {
                throw (Error) t;
            }
        }
    }

    private void pass(Instant now) throws IOException {
        String error = null;
        int cancelled = 0;
        int differences = 0;
        List<String> problems = reloadParams(now);
        Health h = health; // publish the reload's verdict at once, not after the venue calls below
        health = new Health(h.lastRunWallMillis(), problems, h.staleCancelled(), h.reconciliationDifferences(),
                h.lastError());
        try {
            maybeResetToBaseline(now);
            dev.leash.venue.Account account = venue.account();
            lastEquity = account.equity();
            inner.refreshAccount(account); // equity at most one pass old, whatever the bar
            cancelled = cancelStaleOrders();
            differences = reconcile() + orders.reconcile(pacer.now(), store.current().version());
        } catch (VenueException e) {
            error = "venue: " + e.getMessage();
            recorder.event(pacer.now(), "fault", error);
        }
        passes++;
        health = new Health(now.toEpochMilli(), problems, cancelled, differences, error);
        writeHeartbeat(now);
        logAlive();
    }

    /** The "alive" line, once per 5-minute window of the wall clock. */
    private void logAlive() {
        EngineSnapshot snap = inner.snapshot();
        int open = 0;
        if (snap != null) {
            for (EngineSnapshot.SymbolView v : snap.symbols()) {
                open += v.position() != 0 ? 1 : 0;
            }
        }
        alive.due(wall.millis(), lastEquity, open, TradingStateName.of(snap, store.current().tradingMode()),
                store.current().version()).ifPresent(LOG::info);
    }

    private void failed(Instant now, Throwable t) {
        failedPasses++;
        String error = "middle loop pass failed: " + t.getClass().getSimpleName();
        StackTraceElement[] where = t.getStackTrace();
        LOG.error("{} (pass {} failed, {} so far){}", error, passes + 1, failedPasses,
                where.length == 0 ? "" : " at " + where[0]);
        Health h = health;
        health = new Health(now.toEpochMilli(), h.paramProblems(), 0, 0, error);
        try {
            recorder.event(pacer.now(), "fault", error);
        } catch (RuntimeException e) {
            LOG.error("cannot journal the failed middle loop pass: {}", e.getClass().getSimpleName());
        }
        try {
            writeHeartbeat(now);
        } catch (RuntimeException e) {
            LOG.error("cannot write the heartbeat after a failed pass: {}", e.getClass().getSimpleName());
        }
    }

    /** Passes that failed with an unexpected exception or error since start. */
    public long failedPasses() {
        return failedPasses;
    }

    /** Wall time of the end of the last pass that completed (a venue error counts as completed), 0 before any. */
    public long lastCompletedWallMillis() {
        return lastCompletedWallMillis;
    }

    private List<String> reloadParams(Instant now) {
        LoadResult r = store.reload(now);
        if (r.changed()) {
            recorder.event(pacer.now(), "params", "accepted " + ParamStore.PARAMS_FILE + " version "
                    + r.params().version() + " from disk");
            inner.swapParams(r.params());
        }
        if (!r.problems().equals(lastProblems)) {
            for (String p : r.problems()) {
                LOG.warn("{}", p);
                recorder.event(pacer.now(), "params", p);
            }
            lastProblems = r.problems();
        }
        return r.problems();
    }

    /**
     * The scheduled reset, once per due time, including one missed while the gateway was stopped: every field to the
     * less risky of its value and the baseline ({@link ParamStore#lowerTowardBaseline}). The due time is persisted
     * once the reset is durable, so a crash in between runs it again, never twice.
     */
    private void maybeResetToBaseline(Instant now) throws IOException {
        if (!config.baselineReset().enabled()) {
            return;
        }
        Instant due = lastScheduledReset(now);
        if (due.isAfter(lastResetDue)) {
            String late = now.isAfter(due.plus(config.loops().middle().multipliedBy(2)))
                    ? " (due " + due + ", missed while the gateway was stopped)" : "";
            java.util.Optional<WriteResult> r = store.lowerTowardBaseline("scheduler", "scheduled "
                    + config.baselineReset().schedule() + " reset: each field to the less risky of its value and the"
                    + " operator's baseline" + late, now);
            recorder.event(pacer.now(), "params", r.isEmpty()
                    ? "scheduled reset" + late + ": nothing is riskier than the baseline; params unchanged"
                    : r.get().accepted() ? "scheduled reset" + late + " lowered " + fields(r.get()) + " as version "
                    + r.get().current().version()
                    : "scheduled reset rejected: " + r.get().violations());
            if (r.isPresent() && r.get().accepted()) {
                inner.swapParams(r.get().current());
            }
            journal.putState(LAST_RESET_KEY, due.toString());
            lastResetDue = due;
        }
    }

    private static List<String> fields(WriteResult r) {
        List<String> out = new ArrayList<>();
        r.diff().forEach(d -> out.add(d.field()));
        return out;
    }

    /** The most recent scheduled reset time at or before {@code now}. */
    Instant lastScheduledReset(Instant now) {
        GatewayConfig.BaselineReset cfg = config.baselineReset();
        ZonedDateTime t = now.atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.HOURS).withHour(cfg.hourUtc());
        if ("weekly".equals(cfg.schedule())) {
            DayOfWeek day = cfg.day();
            t = t.with(TemporalAdjusters.previousOrSame(day));
            if (t.toInstant().isAfter(now)) {
                t = t.minusWeeks(1);
            }
        } else if (t.toInstant().isAfter(now)) {
            t = t.minusDays(1);
        }
        return t.toInstant();
    }

    private int cancelStaleOrders() throws VenueException {
        return staleOrders.cancel(pacer.now());
    }

    /** The venue's positions are the truth: differences are journaled and the engine is brought in line. */
    private int reconcile() throws VenueException {
        EngineSnapshot snap = inner.snapshot();
        if (snap == null) {
            return 0;
        }
        Map<String, Position> atVenue = new TreeMap<>();
        for (Position p : venue.positions()) {
            atVenue.put(p.symbol(), p);
        }
        List<String> diffs = new ArrayList<>();
        for (EngineSnapshot.SymbolView v : snap.symbols()) {
            if (v.pendingOrder() != null) {
                continue; // an order in flight explains a difference; look again next pass
            }
            Position p = atVenue.get(v.symbol());
            double venueQty = p == null ? 0 : p.qty();
            if (Math.abs(venueQty - v.position()) > 1e-9 * Math.max(1, Math.abs(venueQty))) {
                diffs.add(v.symbol() + ": engine " + v.position() + ", venue " + venueQty);
                double entry = p == null ? Double.NaN : p.entryPrice();
                String symbol = v.symbol();
                inner.post(e -> e.setPosition(e.indexOf(symbol), venueQty, entry));
            }
        }
        for (String d : diffs) {
            recorder.event(pacer.now(), "reconcile", "position differs, venue wins: " + d);
        }
        if (!diffs.isEmpty() || passes % 5 == 0) {
            recorder.positions(pacer.now(), new ArrayList<>(atVenue.values()));
        }
        return diffs.size();
    }

    private void writeHeartbeat(Instant now) {
        EngineSnapshot snap = inner.snapshot();
        ObjectNode o = ParamsJson.MAPPER.createObjectNode();
        o.put("wall_time", now.toString());
        o.put("trading_time", Instant.ofEpochMilli(pacer.now()).toString());
        o.put("venue", venue.name());
        o.put("params_version", store.current().version());
        o.put("trading_state", TradingStateName.of(snap, store.current().tradingMode())); // as /api/health says
        if (snap != null) {
            o.put("inner_loop_steps", snap.steps());
            o.put("inner_loop_errors", snap.errors());
            o.put("inner_loop_last_step", Instant.ofEpochMilli(snap.wallTime()).toString());
        }
        o.put("param_problems", health.paramProblems().size());
        try {
            AtomicFiles.write(heartbeat, (ParamsJson.compact(o) + "\n").getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            LOG.warn("cannot write the heartbeat file {}: {}", heartbeat, e.getMessage());
        }
    }
}
