package dev.leash.gateway.loop;

import dev.leash.engine.OrderIntent;
import dev.leash.journal.JournalOwnershipLostException;
import dev.leash.venue.Account;
import dev.leash.venue.Fill;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * The inner loop's recorder: journal writes that fail never break the order path. A failed write is kept in memory,
 * in order, and retried before any later write (so the journal never sees them out of order); until it lands, the
 * symbol it belongs to counts as {@linkplain #clear(String) not clear}. A fill whose write failed is still handed to
 * the engine once (remembered here by fill id), so the engine always knows the venue's position and its stop.
 *
 * <p>Inner-loop thread only, except {@link #health()}.
 */
final class JournalGuard implements TradeRecorder {

    private static final Logger LOG = LoggerFactory.getLogger(JournalGuard.class);
    /** Queued writes beyond which the oldest events and equity points are dropped; order and fill writes never. */
    static final int MAX_QUEUED = 10_000;
    /**
     * Queued writes at which the inner loop puts trading in REDUCE_ONLY (cause {@value #CAUSE}) until every queued
     * write has landed: a journal that stays away does not let exposure grow on records kept only in memory.
     */
    static final int REDUCE_ONLY_AT = 1_000;
    /** The REDUCE_ONLY cause of a journal whose queued writes reached the bound. */
    static final String CAUSE = "journal";
    /** Fill ids the engine counted, remembered so a fill polled again while the journal is down counts once. */
    static final int COUNTED_FILLS = 10_000;

    private final TradeRecorder journal;
    private final ArrayDeque<Write> queue = new ArrayDeque<>();
    private final Set<String> countedFills = java.util.Collections.newSetFromMap(
            new java.util.LinkedHashMap<String, Boolean>(64, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, Boolean> eldest) {
                    return size() > COUNTED_FILLS;
                }
            });
    private int reduceOnlyAt = REDUCE_ONLY_AT;
    private boolean overBound;
    /** Another running gateway took this gateway's id: trading stays REDUCE_ONLY until the gateway is restarted. */
    private boolean ownershipLost;
    private long now;
    private long failingSince = Long.MIN_VALUE;
    private String firstFailure;
    private String lastError;
    private long failures;
    private long dropped;
    private volatile Health health = new Health(true, 0, 0, 0, null, null, Long.MIN_VALUE);

    /** A write not yet in the journal; {@code symbol} null when it belongs to none. */
    private record Write(String symbol, String what, boolean orderPath, Runnable action) {
    }

    /** What the journal guard knows, for health: {@code failingSince} is trading time, or MIN_VALUE. */
    record Health(boolean ok, int queued, long failures, long dropped, String firstFailure, String lastError,
                  long failingSince) {
    }

    JournalGuard(TradeRecorder journal) {
        this.journal = journal;
    }

    /** Sets the bound of {@link #REDUCE_ONLY_AT} (tests use a small one). */
    void reduceOnlyAt(int bound) {
        this.reduceOnlyAt = bound;
    }

    /**
     * True from the moment the queued writes reach the bound until none is left: while true, trading stays
     * REDUCE_ONLY; true for good once the journal said another running gateway took this gateway's id.
     */
    boolean overBound() {
        if (ownershipLost || queue.size() >= reduceOnlyAt) {
            overBound = true;
        } else if (queue.isEmpty()) {
            overBound = false;
        }
        return overBound;
    }

    /** The trading time failures are stamped with. */
    void at(long tradingTime) {
        this.now = tradingTime;
    }

    /**
     * Writes now, or after the writes still queued; true when it reached the journal, false when it is queued.
     * {@code orderPath} writes (orders, fills) are never dropped.
     */
    boolean write(String symbol, String what, boolean orderPath, Runnable action) {
        if (!queue.isEmpty() && !retry()) {
            failures++; // deferred behind the writes still failing
            enqueue(new Write(symbol, what, orderPath, action));
            return false;
        }
        try {
            action.run();
            return true;
        } catch (RuntimeException e) {
            failed(what, e);
            enqueue(new Write(symbol, what, orderPath, action));
            return false;
        }
    }

    /** Retries the queued writes in order, stopping at the first that fails again; true when none is left. */
    boolean retry() {
        while (!queue.isEmpty()) {
            Write w = queue.peekFirst();
            try {
                w.action().run();
            } catch (RuntimeException e) {
                ownershipLost |= e instanceof JournalOwnershipLostException;
                lastError = message(e);
                publish();
                return false;
            }
            queue.pollFirst();
        }
        if (failingSince != Long.MIN_VALUE) {
            LOG.warn("journal writes succeed again; the writes kept in memory since {} caught up", firstFailure);
            failingSince = Long.MIN_VALUE;
            firstFailure = null;
        }
        publish();
        return true;
    }

    /** True when no write of {@code symbol} is waiting for the journal. */
    boolean clear(String symbol) {
        for (Write w : queue) {
            if (symbol.equals(w.symbol())) {
                return false;
            }
        }
        return true;
    }

    /** The first queued write of {@code symbol}, or null: what went wrong, for health and the event. */
    String firstQueued(String symbol) {
        for (Write w : queue) {
            if (symbol.equals(w.symbol())) {
                return w.what();
            }
        }
        return null;
    }

    Health health() {
        return health;
    }

    /**
     * Records the order as being sent; false when the journal could not (the record is queued): the caller then
     * sends only orders that reduce risk.
     */
    boolean sending(OrderIntent intent) {
        return write(intent.symbol(), "order " + intent.clientOrderId() + " (sending)", true,
                () -> journal.orderSending(intent));
    }

    @Override
    public void orderSending(OrderIntent intent) {
        sending(intent);
    }

    @Override
    public void orderPlaced(OrderIntent intent, PlaceResult result) {
        write(intent.symbol(), "order " + intent.clientOrderId() + " (" + result.order().status() + ")", true,
                () -> journal.orderPlaced(intent, result));
    }

    @Override
    public void orderFailed(OrderIntent intent, String error) {
        write(intent.symbol(), "order " + intent.clientOrderId() + " (failed)", true,
                () -> journal.orderFailed(intent, error));
    }

    /**
     * Records a fill; true when the engine is to count it: the journal saw it first now, or, while the journal
     * cannot say, the engine has not counted it yet (the last {@value #COUNTED_FILLS} counted fills are remembered).
     */
    @Override
    public boolean fill(Fill fill, long paramsVersion) {
        boolean[] fresh = new boolean[1];
        if (write(fill.symbol(), "fill " + fill.fillId() + " of " + fill.clientOrderId(), true,
                () -> fresh[0] = journal.fill(fill, paramsVersion))) {
            return countedFills.add(fill.fillId()) && fresh[0];
        }
        return countedFills.add(fill.fillId());
    }

    @Override
    public void equity(long time, Account account) {
        write(null, "equity", false, () -> journal.equity(time, account));
    }

    @Override
    public void positions(long time, List<Position> positions) {
        write(null, "positions", false, () -> journal.positions(time, positions));
    }

    @Override
    public void event(long time, String kind, String message) {
        write(null, kind + " event", false, () -> journal.event(time, kind, message));
    }

    @Override
    public void paramsActive(long version, long tradingTime, long wallTime) {
        write(null, "params activation", true, () -> journal.paramsActive(version, tradingTime, wallTime));
    }

    private void failed(String what, RuntimeException e) {
        failures++;
        ownershipLost |= e instanceof JournalOwnershipLostException;
        lastError = message(e);
        if (failingSince == Long.MIN_VALUE) {
            failingSince = now;
            firstFailure = what;
            LOG.error("journal write failed ({}): {}; kept in memory and retried every step", what, lastError);
        }
    }

    private void enqueue(Write w) {
        queue.addLast(w);
        if (queue.size() > MAX_QUEUED) {
            for (Iterator<Write> it = queue.iterator(); it.hasNext(); ) {
                if (!it.next().orderPath()) {
                    it.remove();
                    dropped++;
                    break;
                }
            }
        }
        publish();
    }

    private void publish() {
        health = new Health(queue.isEmpty(), queue.size(), failures, dropped, firstFailure, lastError, failingSince);
    }

    /** The exception's own message, never a stack trace. */
    private static String message(RuntimeException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
