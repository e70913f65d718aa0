package dev.leash.engine;

import dev.leash.risk.TradingState;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The engine's trading state and the causes that restrict it (a daily loss halt until the next UTC day, reduce-only
 * while the venue is degraded or the middle loop stalled, ...), with the day's start equity. Each move is reported to the listener: the
 * status first, then a {@link StateChange} when the state itself moved.
 *
 * <p>Durability: a move that lowers risk takes effect before it is persisted (a failed write never keeps risk up);
 * a move that raises risk is persisted first and takes effect only if that succeeded.
 */
final class TradingStatus {

    static final long DAY_MILLIS = 86_400_000L;
    /** Who sets the causes the engine decides itself. */
    static final String ENGINE = "engine";

    private final EngineListener listener;
    private final DoubleSupplier equity;

    private Map<String, StateCause> causes = Map.of();
    /** {@code causes} holds DAILY_LOSS, OPERATOR: read on every step, so kept apart from the map's look-ups. */
    private boolean lossHalted;
    private boolean operatorHalted;
    private TradingState state = TradingState.ACTIVE;
    /** Bar index of the last flatten attempt: while halted, positions left open are retried once per bar. */
    private long lastFlattenBar = Long.MIN_VALUE;
    private long day = Long.MIN_VALUE;
    /** Times {@code [dayFrom, dayUntil)} inside {@link #day}: no division per step within the day; empty unknown. */
    private long dayFrom = Long.MAX_VALUE;
    private long dayUntil = Long.MIN_VALUE;
    private double startOfDayEquity = Double.NaN;
    private volatile TradingStatusView view = TradingStatusView.INITIAL;

    TradingStatus(EngineListener listener, DoubleSupplier equity) {
        this.listener = listener;
        this.equity = equity;
    }

    TradingState state() {
        return state;
    }

    boolean lossHalted() {
        return lossHalted;
    }

    double startOfDayEquity() {
        return startOfDayEquity;
    }

    /** The status as a value; safe to read from any thread. */
    TradingStatusView view() {
        return view;
    }

    /** Day roll-over: on the first time of a new UTC day, start-of-day equity is read again and a loss halt ends. */
    void onClock(long nowMillis) {
        if (nowMillis < dayFrom || nowMillis >= dayUntil) { // else still the same UTC day: small enough to inline
            findDay(nowMillis);
        }
    }

    private void findDay(long nowMillis) {
        long today = Math.floorDiv(nowMillis, DAY_MILLIS);
        if (today != day) {
            Map<String, StateCause> next = new LinkedHashMap<>(causes);
            boolean ended = next.remove(StateCause.DAILY_LOSS) != null;
            move(next, today, equity.getAsDouble(), ENGINE, ended ? "new trading day" : "start of UTC day", nowMillis);
        }
        if (today == day) {
            long from = nowMillis - Math.floorMod(nowMillis, DAY_MILLIS);
            if (from <= nowMillis && nowMillis - from < DAY_MILLIS) { // no overflow at the ends of time
                dayFrom = from;
                dayUntil = from + DAY_MILLIS;
            }
        }
    }

    /** True while a loss or operator halt is to flatten what is still open. */
    boolean flattening() {
        return lossHalted || operatorHalted;
    }

    /** True once per bar while loss-halted or halted by the operator: positions still open are flattened again. */
    boolean flattenRetryDue(long bar) {
        if (bar != lastFlattenBar && (lossHalted || operatorHalted)) { // cheap test first
            lastFlattenBar = bar;
            return true;
        }
        return false;
    }

    /** The daily loss limit was reached and the positions flattened in {@code bar}: halted for the rest of the day. */
    void haltForLoss(long bar, String reason, long nowMillis) {
        lastFlattenBar = bar;
        long nextDay = (Math.floorDiv(nowMillis, DAY_MILLIS) + 1) * DAY_MILLIS;
        Map<String, StateCause> next = new LinkedHashMap<>(causes);
        next.put(StateCause.DAILY_LOSS, new StateCause(StateCause.DAILY_LOSS, TradingState.HALTED, ENGINE, reason,
                nowMillis, nextDay));
        move(next, day, startOfDayEquity, ENGINE, reason, nowMillis);
    }

    /**
     * The operator halts trading, the positions flattened in {@code bar}: HALTED until the operator lifts it. False
     * (and nothing changes) when the operator had already halted it.
     */
    boolean haltByOperator(long bar, String by, String reason, long nowMillis) {
        if (causes.containsKey(StateCause.OPERATOR)) {
            return false;
        }
        lastFlattenBar = bar;
        Map<String, StateCause> next = new LinkedHashMap<>(causes);
        next.put(StateCause.OPERATOR, new StateCause(StateCause.OPERATOR, TradingState.HALTED, by, reason, nowMillis,
                StateCause.NO_END));
        move(next, day, startOfDayEquity, by, reason, nowMillis);
        return true;
    }

    /** The operator lifts its own halt; false (and nothing changes) when there was none. */
    boolean liftOperatorHalt(String by, String reason, long nowMillis) {
        if (!causes.containsKey(StateCause.OPERATOR)) {
            return false;
        }
        Map<String, StateCause> next = new LinkedHashMap<>(causes);
        next.remove(StateCause.OPERATOR);
        move(next, day, startOfDayEquity, by, reason, nowMillis);
        return true;
    }

    void setVenueDegraded(boolean degraded, String reason, long nowMillis) {
        setReduceOnly(StateCause.VENUE, degraded, "venue", reason, nowMillis);
    }

    /** No middle-loop pass completed for too long: reduce-only until one does. */
    void setMiddleLoopStalled(boolean stalled, String reason, long nowMillis) {
        setReduceOnly(StateCause.MIDDLE_LOOP, stalled, "watchdog", reason, nowMillis);
    }

    /** Sets or lifts the REDUCE_ONLY cause {@code cause}; nothing happens when it is already so. */
    void setReduceOnly(String cause, boolean on, String by, String reason, long nowMillis) {
        if (on == causes.containsKey(cause)) {
            return;
        }
        Map<String, StateCause> next = new LinkedHashMap<>(causes);
        if (on) {
            next.put(cause, new StateCause(cause, TradingState.REDUCE_ONLY, by, reason, nowMillis, StateCause.NO_END));
        } else {
            next.remove(cause);
        }
        move(next, day, startOfDayEquity, by, reason, nowMillis);
    }

    /**
     * An operator lifts the daily loss halt: the day's loss is measured again from the equity now. False (and
     * nothing changes) when trading was not loss-halted.
     */
    boolean resumeAfterLossHalt(String by, String reason, long nowMillis) {
        if (!lossHalted()) {
            return false;
        }
        Map<String, StateCause> next = new LinkedHashMap<>(causes);
        next.remove(StateCause.DAILY_LOSS);
        double now = equity.getAsDouble();
        move(next, day, Double.isFinite(now) ? now : startOfDayEquity, by, reason, nowMillis);
        return true;
    }

    /**
     * Restores what a previous run persisted, at trading time {@code nowMillis}: on the same UTC day the start-of-day
     * equity (the equity now if none was saved) and a loss halt; a venue cause whatever the day (it lifts once the
     * venue has been healthy a while). Other causes are left to be detected again.
     */
    void restore(TradingStatusView saved, long nowMillis) {
        long today = Math.floorDiv(nowMillis, DAY_MILLIS);
        boolean sameDay = saved.day() == today;
        Map<String, StateCause> next = new LinkedHashMap<>();
        StringBuilder why = new StringBuilder("restored at start");
        for (StateCause c : saved.causes()) {
            boolean keep = StateCause.DAILY_LOSS.equals(c.cause()) ? sameDay && c.until() > nowMillis
                    : StateCause.VENUE.equals(c.cause()) || StateCause.OPERATOR.equals(c.cause());
            if (keep) {
                next.put(c.cause(), c);
                why.append(next.size() == 1 ? ": " : "; ").append(c.reason());
            }
        }
        double startEquity = !sameDay ? Double.NaN
                : Double.isFinite(saved.startOfDayEquity()) ? saved.startOfDayEquity() : equity.getAsDouble();
        move(next, sameDay ? today : Long.MIN_VALUE, startEquity, "restart", why.toString(), nowMillis);
    }

    private void move(Map<String, StateCause> nextCauses, long nextDay, double nextStartEquity, String by,
                      String reason, long nowMillis) {
        TradingState next = TradingState.ACTIVE;
        for (StateCause c : nextCauses.values()) {
            if (c.state().ordinal() > next.ordinal()) {
                next = c.state();
            }
        }
        TradingState was = state;
        TradingStatusView before = view;
        boolean moved = next != was || !nextCauses.equals(causes);
        TradingStatusView v = new TradingStatusView(next, nextDay, nextStartEquity, nextCauses.values().stream()
                .toList(), moved ? nowMillis : before.changedAt(), moved ? by : before.changedBy(),
                moved ? reason : before.changeReason());
        boolean raises = next.ordinal() < was.ordinal();
        if (raises) {
            listener.onTradingStatus(v); // durable before it counts
        }
        causes = nextCauses;
        lossHalted = nextCauses.containsKey(StateCause.DAILY_LOSS);
        operatorHalted = nextCauses.containsKey(StateCause.OPERATOR);
        state = next;
        if (nextDay != day) {
            dayFrom = Long.MAX_VALUE;
            dayUntil = Long.MIN_VALUE;
        }
        day = nextDay;
        startOfDayEquity = nextStartEquity;
        view = v;
        if (!raises) {
            listener.onTradingStatus(v);
        }
        if (next != was) {
            listener.onStateChange(new StateChange(nowMillis, was, next, reason));
        }
    }
}
