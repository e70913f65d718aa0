package dev.leash.journal;

import dev.leash.engine.Decision;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.RiskRejection;
import dev.leash.engine.StateChange;
import dev.leash.journal.internal.Db;
import dev.leash.journal.internal.DecisionTable;
import dev.leash.journal.internal.EquityTable;
import dev.leash.journal.internal.EventTable;
import dev.leash.journal.internal.ActivationTable;
import dev.leash.journal.internal.FillTable;
import dev.leash.journal.internal.Migrations;
import dev.leash.journal.internal.OrderTable;
import dev.leash.journal.internal.PositionTable;
import dev.leash.journal.internal.RiskRejectionTable;
import dev.leash.journal.internal.ShadowRunTable;
import dev.leash.journal.internal.ShadowTable;
import dev.leash.journal.internal.StrategyStageTable;
import dev.leash.journal.internal.StateTable;
import dev.leash.venue.Fill;
import dev.leash.venue.Position;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The gateway's journal database: orders, fills, decisions, risk rejections, events, the equity curve, position
 * snapshots and the key/value state a restart needs. SQLite by default; PostgreSQL (its driver ships with the
 * journal) or any JDBC URL whose driver is on the class path, through a connection pool, with portable SQL
 * throughout. A server database that goes away fails calls with {@link JournalUnavailableException}, quickly.
 *
 * <p><b>Durability.</b> Every {@code record*}, {@code update*} and {@code put*} method is one transaction,
 * committed before it returns; on SQLite the database runs in WAL mode with {@code synchronous=FULL}, so the
 * commit is on disk when the caller acknowledges anything. A failed write is rolled back and throws
 * {@link JournalException}.
 *
 * <p><b>Threading.</b> Every method may be called from any thread. Writes go through one connection under a lock
 * (in practice only the inner-loop thread writes); reads go through a second connection under another lock, so the
 * REST threads never wait for a write in progress and always see the last committed one. On SQLite, WAL mode
 * lets the reader and the writer work at once, and a busy timeout covers the moments when they cannot. An
 * in-memory SQLite journal uses a single connection for both. {@link #close} waits for the call in progress.
 *
 * <p><b>Ownership.</b> One process writes a journal at a time: ids are assigned by that writer.
 * Times are epoch milliseconds, passed in by the caller; NaN amounts are stored as NULL and read back as NaN.
 */
public final class Journal implements AutoCloseable {

    /** The file name {@link #sqliteUrl} uses. */
    public static final String FILE_NAME = "journal.db";

    private final Db db;
    private final int schemaVersion;
    private final OrderTable orders;
    private final FillTable fills;
    private final ActivationTable activations;
    private final DecisionTable decisions;
    private final RiskRejectionTable riskRejections;
    private final EventTable events;
    private final EquityTable equity;
    private final PositionTable positions;
    private final StateTable state;
    private final ShadowTable shadows;
    private final RecentEquity recentEquity;
    private final ShadowRunTable shadowRuns;
    private final StrategyStageTable strategyStages;

    private Journal(Db db, int schemaVersion) {
        this.db = db;
        this.schemaVersion = schemaVersion;
        this.orders = new OrderTable(db);
        this.fills = new FillTable(db);
        this.activations = new ActivationTable(db);
        this.decisions = new DecisionTable(db);
        this.riskRejections = new RiskRejectionTable(db);
        this.events = new EventTable(db);
        this.equity = new EquityTable(db);
        this.positions = new PositionTable(db);
        this.state = new StateTable(db);
        this.shadows = new ShadowTable(db);
        this.shadowRuns = new ShadowRunTable(db);
        this.strategyStages = new StrategyStageTable(db);
        long newest = equity.newestTime();
        this.recentEquity = new RecentEquity(newest == Long.MIN_VALUE ? List.of()
                : equity.curve(newest - RecentEquity.KEEP_MILLIS, Long.MAX_VALUE, Integer.MAX_VALUE));
    }

    /**
     * Opens the journal at {@code jdbcUrl}, creating it if needed, and applies the schema migrations it lacks.
     *
     * @throws JournalSchemaException when the database's schema is newer than this build or a migration fails
     * @throws JournalException when the database cannot be opened
     */
    public static Journal open(String jdbcUrl) {
        return open(jdbcUrl, JournalOptions.DEFAULTS);
    }

    /**
     * Opens the journal at {@code jdbcUrl} as {@link #open(String)} does; a server database (PostgreSQL) is reached
     * with {@code options}' credentials through a connection pool of its size and timeouts.
     */
    public static Journal open(String jdbcUrl, JournalOptions options) {
        return open(jdbcUrl, options, System::nanoTime);
    }

    static Journal open(String jdbcUrl, JournalOptions options, java.util.function.LongSupplier nanoTime) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        Db db = Db.open(jdbcUrl, Objects.requireNonNull(options, "options"), nanoTime);
        try {
            int version = Migrations.migrate(db, Migrations.known(), System.currentTimeMillis());
            db.afterMigrations();
            return new Journal(db, version);
        } catch (RuntimeException e) {
            try {
                db.close();
            } catch (RuntimeException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** The JDBC URL of the SQLite journal in {@code dataDir}: {@code jdbc:sqlite:<dataDir>/journal.db}. */
    public static String sqliteUrl(Path dataDir) {
        return "jdbc:sqlite:" + dataDir.resolve(FILE_NAME);
    }

    /**
     * Copies the SQLite journal at {@code jdbcUrl} into the new file {@code to}, consistently, while a gateway may be
     * writing it ({@code VACUUM INTO}: one read transaction, so the copy is the journal as of one commit).
     *
     * @throws JournalException when the URL is not a SQLite file (PostgreSQL: use {@code pg_dump}), {@code to}
     *                          exists already, or the copy fails; a failed copy leaves no file behind
     */
    public static void backup(String jdbcUrl, Path to) {
        Objects.requireNonNull(jdbcUrl, "jdbcUrl");
        if (!jdbcUrl.startsWith("jdbc:sqlite:") || jdbcUrl.contains(":memory:") || jdbcUrl.contains("mode=memory")) {
            throw new JournalException("backup copies a SQLite journal file; for PostgreSQL use pg_dump");
        }
        if (java.nio.file.Files.exists(to)) {
            throw new JournalException("backup target " + to + " exists already: choose a new file");
        }
        try (java.sql.Connection c = java.sql.DriverManager.getConnection(jdbcUrl)) {
            try (java.sql.Statement pragma = c.createStatement()) {
                pragma.executeUpdate("PRAGMA busy_timeout = " + Db.BUSY_TIMEOUT_MILLIS);
            }
            try (java.sql.PreparedStatement ps = c.prepareStatement("VACUUM INTO ?")) {
                ps.setString(1, to.toAbsolutePath().toString());
                ps.executeUpdate();
            }
        } catch (java.sql.SQLException e) {
            try {
                java.nio.file.Files.deleteIfExists(to);
            } catch (java.io.IOException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw new JournalException("backup of " + jdbcUrl + " to " + to + " failed: " + e.getMessage(), e);
        }
    }

    /** The schema version in force. */
    public int schemaVersion() {
        return schemaVersion;
    }

    /**
     * Records an order the engine sent, or its acknowledgement or rejection. Idempotent on the client order id:
     * a second call keeps the first call's order details and creation time, updates the update time and (when
     * given) the venue order id and reject reason, and updates the status unless it is already terminal (FILLED,
     * CANCELLED, REJECTED), so a late acknowledgement never reopens an order. Use {@link #updateOrderStatus} to set
     * a status unconditionally.
     *
     * @param venueOrderId null while unknown
     * @param rejectReason null unless rejected
     * @param time when this was recorded; the order's creation time is {@code intent.time()}
     */
    public void recordOrder(OrderIntent intent, String status, String venueOrderId, String rejectReason, long time) {
        orders.record(intent, Objects.requireNonNull(status, "status"), venueOrderId, rejectReason, time);
    }

    /** Sets an order's status and filled quantity; false when the client order id is not journaled. */
    public boolean updateOrderStatus(String clientOrderId, String status, double filledQty, long time) {
        return orders.updateStatus(clientOrderId, Objects.requireNonNull(status, "status"), filledQty, time);
    }

    /** The newest orders first; {@code openOnly} keeps those whose status is not FILLED, CANCELLED or REJECTED. */
    public List<OrderRecord> orders(String symbolOrNull, boolean openOnly, int limit) {
        return orders.list(symbolOrNull, openOnly, limit);
    }

    public Optional<OrderRecord> order(String clientOrderId) {
        return orders.find(clientOrderId);
    }

    /** Records a fill once: true when it is new, false when its fill id was already journaled. */
    public boolean recordFill(Fill fill, long paramsVersion) {
        return fills.record(fill, paramsVersion);
    }

    /** How a journaled fill is attributed: the version that made it and the version credited with its P&L. */
    public Optional<FillAttribution> fillAttribution(String fillId) {
        return fills.attribution(fillId);
    }

    /** The position in {@code symbol} before the journal's first fill at or after {@code time}; 0 when unknown. */
    public double positionBefore(String symbol, long time) {
        return fills.positionBefore(symbol, time);
    }

    /** Fills at or after {@code sinceMillis}, newest first. */
    public List<Fill> fills(String symbolOrNull, long sinceMillis, int limit) {
        return fills.newest(symbolOrNull, sinceMillis, limit);
    }

    /** Fills with {@code from <= time <= to}, oldest first. */
    public List<Fill> fillsBetween(long from, long to) {
        return fills.between(from, to);
    }

    /** Records that a parameter version started to drive the inner loop. */
    public void recordParamsActivation(ParamsActivation activation) {
        activations.record(activation);
    }

    /** Every parameter activation, oldest first. */
    public List<ParamsActivation> paramsActivations() {
        return activations.all();
    }

    /**
     * Fill counts, realized P&L and fees per parameter version, each fill credited to the version that opened the
     * position it belongs to (see {@link FillAttribution}), not the version active when it closed.
     */
    public Map<Long, FillStats> fillStatsByVersion() {
        return activations.fillStatsByVersion();
    }

    /** Records a decision with all its signals; null signals are read back as all NaN. */
    public void recordDecision(Decision decision) {
        decisions.record(decision);
    }

    /** The newest decisions first. */
    public List<Decision> decisions(String symbolOrNull, int limit) {
        return decisions.newest(symbolOrNull, limit);
    }

    /** Decisions at or after {@code time}, oldest first. */
    public List<Decision> decisionsSince(long time) {
        return decisions.since(time);
    }

    public void recordRiskRejection(RiskRejection rejection) {
        riskRejections.record(rejection);
    }

    /** The newest risk rejections first. */
    public List<RiskRejection> riskRejections(int limit) {
        return riskRejections.newest(limit);
    }

    /** Records an event; see {@link JournalEvent} for the usual kinds. */
    public void recordEvent(long time, String kind, String message) {
        events.record(time, Objects.requireNonNull(kind, "kind"), Objects.requireNonNull(message, "message"));
    }

    /** Records a trading-state change as an event of kind {@link JournalEvent#STATE}: "FROM -> TO: reason". */
    public void recordStateChange(StateChange change) {
        recordEvent(change.time(), JournalEvent.STATE, change.from() + " -> " + change.to() + ": " + change.reason());
    }

    /** The newest events first. */
    public List<JournalEvent> events(String kindOrNull, int limit) {
        return events.newest(kindOrNull, limit);
    }

    /** Records a point of the equity curve; recording the same time again replaces it. */
    public void recordEquity(long time, double equity, double walletBalance, double unrealizedPnl) {
        this.equity.record(time, equity, walletBalance, unrealizedPnl);
        recentEquity.record(time, equity);
    }

    /**
     * The equity of the first point of the curve with {@code from <= time <= to}, or NaN when there is none: what
     * {@code equityCurve(from, to, n).get(0)} holds, read from memory without the database. It sees the points this
     * journal recorded and those of the two days before the newest point at opening, so {@code from} must be at most
     * two days before the newest point.
     */
    public double firstEquity(long from, long to) {
        return recentEquity.firstEquity(from, to);
    }

    /**
     * The equity curve with {@code from <= time <= to}, oldest first, thinned evenly to at most {@code maxPoints}
     * points (the first and the last are always kept).
     */
    public List<EquityPoint> equityCurve(long from, long to, int maxPoints) {
        return equity.curve(from, to, maxPoints);
    }

    /** Records the open positions at {@code time}; an empty list records being flat. */
    public void recordPositions(long time, List<Position> positions) {
        this.positions.record(time, List.copyOf(positions));
    }

    /** The latest positions snapshot, if any was recorded. */
    public Optional<PositionSnapshot> latestPositions() {
        return positions.latest();
    }

    /** Stores {@code value} under {@code key}, durably, replacing any earlier value. */
    public void putState(String key, String value) {
        state.put(Objects.requireNonNull(key, "key"), Objects.requireNonNull(value, "value"));
    }

    /**
     * Stores {@code value} under {@code key} and records the {@code fills} that changed it, in one transaction: a
     * crash leaves both or neither. Each fill is credited to the parameter version of its journaled order; a fill
     * whose order is not journaled is left for its recorder. Returns the fills this call journaled first.
     */
    public List<Fill> putStateWithFills(String key, String value, List<Fill> fills) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        List<Fill> batch = List.copyOf(fills);
        return db.write("put state " + key + " with " + batch.size() + " fills", c -> {
            List<Fill> fresh = new java.util.ArrayList<>();
            for (Fill f : batch) {
                Long version = FillTable.orderParamsVersion(c, f.clientOrderId());
                if (version != null && this.fills.record(c, f, version)) {
                    fresh.add(f);
                }
            }
            state.put(c, key, value);
            return List.copyOf(fresh);
        });
    }

    public Optional<String> getState(String key) {
        return state.get(key);
    }

    /**
     * Saves the shadow books' checkpoint (opaque text), their records and the market steps they consumed since the
     * last save, and drops the steps before {@code keepStepsFrom}: one transaction.
     */
    public void saveShadowCheckpoint(String checkpoint, List<ShadowBookRecord> books, List<MarketStepRecord> steps,
                                     long keepStepsFrom) {
        shadows.save(Objects.requireNonNull(checkpoint, "checkpoint"), List.copyOf(books), List.copyOf(steps),
                keepStepsFrom);
    }

    /** The last shadow checkpoint saved, if any. */
    public Optional<String> shadowCheckpoint() {
        return shadows.checkpoint();
    }

    /** The shadow books journaled, running and retired, oldest start first. */
    public List<ShadowBookRecord> shadowBooks() {
        return shadows.books(null);
    }

    /** The shadow books retired, with their final figures, oldest start first. */
    public List<ShadowBookRecord> retiredShadowBooks() {
        return shadows.books(false);
    }

    /** The journaled market steps with {@code from <= time <= to}, oldest first. */
    public List<MarketStepRecord> marketSteps(long from, long to) {
        return shadows.steps(from, to);
    }

    /** Records a stage of the strategy pipeline; durable when this returns, an error if that stage is recorded. */
    public void recordStrategyStage(StrategyStageRecord stage) {
        strategyStages.record(Objects.requireNonNull(stage, "stage"));
    }

    /** Every recorded stage of the strategy pipeline, by strategy then time. */
    public List<StrategyStageRecord> strategyStages() {
        return strategyStages.all();
    }

    /** Records the start of a shadow run (see {@link ShadowRun}) and returns its id. */
    public long recordShadowStart(String name, String kind, long paramsVersion, long liveVersion, long since,
                                  double startEquity) {
        return shadowRuns.start(Objects.requireNonNull(name, "name"), Objects.requireNonNull(kind, "kind"),
                paramsVersion, liveVersion, since, startEquity);
    }

    /** Records that a shadow run retired at {@code time}; a run retires once. */
    public void recordShadowRetired(long runId, long time) {
        shadowRuns.retire(runId, time);
    }

    /** Records one fill of a shadow run, with the run's signed position in the symbol after it. */
    public void recordShadowFill(long runId, String shadow, long paramsVersion, Fill fill, double positionAfter) {
        shadowRuns.fill(runId, Objects.requireNonNull(shadow, "shadow"), paramsVersion, fill, positionAfter);
    }

    /** The shadow runs active at some time in {@code [from, to]}, oldest first. */
    public List<ShadowRun> shadowRuns(long from, long to) {
        return shadowRuns.runs(from, to);
    }

    /** A shadow run's fills with {@code from <= time <= to}, in the order they were made. */
    public List<BookFill> shadowFills(long runId, long from, long to) {
        return shadowRuns.fills(runId, from, to);
    }

    /** The live book's attributed fills with {@code from <= time <= to}, in the order the journal learned them. */
    public List<BookFill> liveBookFills(long from, long to) {
        return shadowRuns.liveFills(from, to);
    }

    /**
     * Trims decisions, equity points and position snapshots (the newest is kept) older than the UTC day that contains
     * {@code beforeMillis}, in one transaction, after folding each day into {@code daily_equity} (open, close, low,
     * high) and {@code daily_decisions} (counts per symbol and action). Orders, fills, events, risk rejections,
     * parameter activations and the state are kept.
     */
    public PruneResult prune(long beforeMillis) {
        return new dev.leash.journal.internal.Pruning(db).prune(beforeMillis);
    }

    /** Closes the connections after the call in progress; later calls throw {@link JournalException}. */
    @Override
    public void close() {
        db.close();
    }
}
