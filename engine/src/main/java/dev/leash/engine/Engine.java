package dev.leash.engine;

import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.PreTradeCheck;
import dev.leash.risk.TradingState;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleSupplier;

/**
 * The deterministic inner loop: a breakout strategy on closed 5-minute bars, sizing, stop-loss and take-profit,
 * every order through risk-guard's {@link PreTradeCheck}.
 *
 * <p>Inputs are events and time: {@link #onClock}, {@link #onBarClose}, {@link #onTick}, {@link #onFill},
 * {@link #onOrderDone}, {@link #swapParams}. The engine never reads a clock, never blocks and never does I/O;
 * orders leave through the {@link OrderPort} and reports through the {@link EngineListener}. The same code runs
 * live, on the simulated venue and in backtests.
 *
 * <p>Threading: single-threaded; every method must be called from the one thread that owns the engine.
 */
public final class Engine {

    private final SymbolState[] symbols;
    private final Map<String, Integer> indexBySymbol;
    private final List<String> symbolNames;
    private final Limits limits;
    private final PreTradeCheck check;
    private final DecisionReports reports;
    private final TradingStatus status;
    private final EngineExposure exposure;
    private final OrderPath orders;
    private final DailyLossLimit dailyLoss;

    private EngineParams params;

    private long now;

    public Engine(List<SymbolSpec> instruments, Limits limits, Params initial, OrderPort port,
                  EngineListener listener, DoubleSupplier equity) {
        this.symbols = new SymbolState[instruments.size()];
        List<String> names = new ArrayList<>();
        java.util.HashMap<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < instruments.size(); i++) {
            SymbolSpec in = instruments.get(i);
            symbols[i] = new SymbolState(in.symbol(), i, in.lotStep(), in.minQty(), in.minNotional());
            names.add(in.symbol());
            index.put(in.symbol(), i);
        }
        this.symbolNames = List.copyOf(names);
        this.indexBySymbol = Map.copyOf(index);
        this.limits = limits;
        this.check = new PreTradeCheck(limits, instruments.size());
        this.reports = new DecisionReports(listener);
        this.status = new TradingStatus(listener, equity);
        this.exposure = new EngineExposure(symbols, status, equity);
        this.orders = new OrderPath(limits, check, port, reports, status, exposure, equity);
        this.dailyLoss = new DailyLossLimit(check);
        swapParams(initial);
    }

    /** Index of a symbol, or -1. */
    public int indexOf(String symbol) {
        Integer i = indexBySymbol.get(symbol);
        return i == null ? -1 : i;
    }

    public List<String> symbols() {
        return symbolNames;
    }

    /**
     * Installs a new parameter version between ticks. Values are clamped into the limits whatever the params say;
     * the channel is recomputed at once for a new lookback.
     */
    public void swapParams(Params p) {
        EngineParams next = EngineParams.compile(p, symbolNames, limits);
        boolean lookbackChanged = params == null || next.lookback() != params.lookback();
        this.params = next;
        orders.use(next);
        for (SymbolState s : symbols) {
            if (lookbackChanged) {
                s.computeChannel(next.lookback());
            }
            s.market.channelHigh = s.channelHigh;
            s.market.channelLow = s.channelLow;
            next.strategy().entry().onBar(s.market); // a new entry rule's levels, from the closes already seen
        }
    }

    public Params params() {
        return params.params();
    }

    /** Advances time: day roll-over (new start-of-day equity, a loss halt ends) and the daily loss limit. */
    public void onClock(long nowMillis) {
        this.now = nowMillis;
        status.onClock(nowMillis);
        if (status.flattening()) {
            retryFlatten(nowMillis);
        }
        if (!status.lossHalted()
                && dailyLoss.breached(params.risk(), status.startOfDayEquity(), exposure.equity())) {
            haltForDailyLoss(nowMillis);
        }
    }

    /** A flatten the venue refused, or one still in flight last bar, is tried again once a bar. */
    private void retryFlatten(long nowMillis) {
        long bar = Math.floorDiv(nowMillis, SymbolSpec.BAR_MILLIS);
        if (status.flattenRetryDue(bar)) {
            orders.flattenAll(symbols, bar, nowMillis);
        }
    }

    /** Flattens everything and halts for the rest of the day; apart from onClock so that the common step inlines. */
    private void haltForDailyLoss(long nowMillis) {
        long bar = Math.floorDiv(nowMillis, SymbolSpec.BAR_MILLIS);
        orders.flattenAll(symbols, bar, nowMillis);
        status.haltForLoss(bar, "daily loss limit of " + params.risk().dailyLossLimitPct() + "% reached", nowMillis);
    }

    /**
     * A 5-minute bar closed: update indicators and levels, journal the decision. Primitives, so backtests over arrays
     * allocate no bar.
     */
    public void onBarClose(int sym, long closeTime, double high, double low, double close, double volume) {
        SymbolState s = symbols[sym];
        // signals explain decisions; of the strategies, only those with indicator filters need them
        boolean indicators = reports.wanted() || params.strategy().needsIndicators();
        if (indicators) {
            s.indicators.onBar(high, low, close, volume);
        }
        s.addBar(high, low, params.lookback());
        StrategyBars.onBar(s, close, indicators, params.strategy());
        s.recordPrice(close);
        if (Double.isNaN(s.lastPrice)) {
            s.lastPrice = close;
        }
        if (reports.barDecisionsWanted()) {
            reports.hold(s, closeTime, params);
        }
    }

    /**
     * A trade price from a venue without a mark price (or a backtest): compare against the levels and the stop; may
     * send one order. The price band's reference is then a median of recent trade prices.
     */
    public void onTick(int sym, double price, long nowMillis) {
        orders.onTick(symbols[sym], price, Double.NaN, nowMillis);
    }

    /**
     * A trade price with the venue's mark price, the price band's reference (NaN where the venue has no mark of its
     * own): compare against the levels and the stop; may send one order.
     */
    public void onTick(int sym, double price, double markPrice, long nowMillis) {
        orders.onTick(symbols[sym], price, markPrice, nowMillis);
    }

    /**
     * The venue's funding rate of a symbol, percent per funding interval, positive when longs pay (NaN: unknown), for
     * the strategy's funding filter.
     */
    public void onFunding(int sym, double ratePct) {
        symbols[sym].market.fundingRatePct = ratePct;
    }

    /** A fill of one of our orders (or one found by reconciliation): updates the position and entry price. */
    public void onFill(int sym, double signedQty, double price) {
        SymbolState s = symbols[sym];
        double before = s.position;
        double after = before + signedQty;
        if (Math.abs(after) < s.lotStep * 1e-6) {
            after = 0;
        }
        if (after == 0) {
            s.entryPrice = Double.NaN;
        } else if (before == 0 || Math.signum(before) != Math.signum(after)) {
            s.entryPrice = price;
        } else if (Math.abs(after) > Math.abs(before)) {
            s.entryPrice = (s.entryPrice * Math.abs(before) + price * Math.abs(signedQty)) / Math.abs(after);
        }
        s.position = after;
        if (s.pending) { // what is left of the order in flight; nothing once it is filled or overfilled
            double left = s.pendingQty - signedQty;
            s.pendingQty = left * s.pendingQty > 0 ? left : 0;
        }
    }

    /** The order in flight for a symbol reached a final status (filled, cancelled, rejected). */
    public void onOrderDone(int sym, String clientOrderId) {
        SymbolState s = symbols[sym];
        if (s.pendingIs(clientOrderId)) {
            s.pending = false;
            s.pendingQty = 0;
        }
    }

    /** Same as {@link #onOrderDone(int, String)} for the order named by its bar and sequence; allocation-free. */
    public void onOrderDone(int sym, long bar, int seq) {
        SymbolState s = symbols[sym];
        if (s.pending && s.pendingBar == bar && s.pendingSeq == seq) {
            s.pending = false;
            s.pendingQty = 0;
        }
    }

    /** Sets the position from the venue (start-up and reconciliation). */
    public void setPosition(int sym, double qty, double entryPrice) {
        symbols[sym].position = qty;
        symbols[sym].entryPrice = qty == 0 ? Double.NaN : entryPrice;
    }

    /**
     * After a restart, once the position is set and the bars warmed up: the exits of the open position resume as if
     * tracked since its entry, {@code barsSinceEntry} closed bars ago, {@code bestPrice} the best price seen since
     * (NaN: unknown). Without it the trailing and time stops would start again at the first tick.
     */
    public void resumeExits(int sym, long barsSinceEntry, double bestPrice) {
        SymbolState s = symbols[sym];
        s.market.resume(s.position, s.entryPrice, barsSinceEntry, bestPrice);
    }

    /** The bar (open time / bar interval) of the symbol's last entry attempt or exit; no entry follows in it. */
    public long lastEntryBar(int sym) {
        return symbols[sym].lastEntryBar;
    }

    /** Continues another engine's symbol: no entry in {@code bar}, as {@link #lastEntryBar} said there. */
    public void resumeLastEntryBar(int sym, long bar) {
        symbols[sym].lastEntryBar = bar;
    }

    /** Closed bars since the open position's tracked entry (for its time stop). */
    public long barsSinceEntry(int sym) {
        return symbols[sym].market.barsSinceEntry();
    }

    /** The best price since the open position's tracked entry (for its trailing stop). */
    public double bestPriceSinceEntry(int sym) {
        return symbols[sym].market.bestPrice();
    }

    /**
     * Holds one symbol reduce-only for {@code cause}, or releases that cause: while any cause holds it, the symbol
     * opens and reverses nothing; exits, stops and flattens still go out.
     */
    public void holdSymbol(int sym, SymbolHold cause, boolean held) {
        SymbolState s = symbols[sym];
        s.holds = held ? s.holds | cause.bit() : s.holds & ~cause.bit();
    }

    /** True while {@code cause} holds the symbol reduce-only. */
    public boolean symbolHeld(int sym, SymbolHold cause) {
        return (symbols[sym].holds & cause.bit()) != 0;
    }

    /**
     * Sets the model's veto of a side of one symbol until trading time {@code untilMillis} (exclusive), or clears it
     * with a null {@code bias}: while it lasts the vetoed side opens and reverses into nothing; exits still go out.
     */
    public void setBias(int sym, SymbolBias bias, long untilMillis) {
        symbols[sym].bias = bias;
        symbols[sym].biasUntil = bias == null ? 0 : untilMillis;
    }

    /** The veto on a symbol at trading time {@code nowMillis}, null when there is none or it lapsed. */
    public SymbolBias bias(int sym, long nowMillis) {
        SymbolState s = symbols[sym];
        return s.bias != null && nowMillis < s.biasUntil ? s.bias : null;
    }

    /** Trading time at which the veto set on a symbol lapses (exclusive); meaningless without a veto. */
    public long biasUntil(int sym) {
        return symbols[sym].biasUntil;
    }

    /** The venue is unhealthy (circuit breaker open): no new exposure until it recovers. */
    public void setVenueDegraded(boolean degraded, String reason) {
        status.setVenueDegraded(degraded, reason, now);
    }

    /** No middle-loop pass completed for too long (the watchdog): no new exposure until passes resume. */
    public void setMiddleLoopStalled(boolean stalled, String reason) {
        status.setMiddleLoopStalled(stalled, reason, now);
    }

    /** Sets or lifts a REDUCE_ONLY cause other than the venue's (a stale feed, a stalled loop, ...). */
    public void setReduceOnly(String cause, boolean on, String by, String reason) {
        status.setReduceOnly(cause, on, by, reason, now);
    }

    /**
     * An operator lifts today's daily loss halt; the day's loss is then measured from the equity now. False when
     * trading was not loss-halted.
     */
    public boolean resumeAfterLossHalt(String by, String reason) {
        return status.resumeAfterLossHalt(by, reason, now);
    }

    /** The operator halts trading: every position is flattened and nothing opens until the operator lifts it. */
    public boolean haltByOperator(String by, String reason) {
        long bar = Math.floorDiv(now, SymbolSpec.BAR_MILLIS);
        orders.flattenAll(symbols, bar, now);
        return status.haltByOperator(bar, by, reason, now);
    }

    /** The operator lifts its own halt; false when trading was not halted by the operator. */
    public boolean liftOperatorHalt(String by, String reason) {
        return status.liftOperatorHalt(by, reason, now);
    }

    /** Restores the trading status a previous run persisted, before the first step at trading time {@code now}. */
    public void restoreStatus(TradingStatusView saved, long nowMillis) {
        this.now = nowMillis;
        status.restore(saved, nowMillis);
    }

    public TradingState state() {
        return status.state();
    }

    /** The trading status with its causes; safe to read from any thread. */
    public TradingStatusView status() {
        return status.view();
    }

    public double position(int sym) {
        return symbols[sym].position;
    }

    public double entryPrice(int sym) {
        return symbols[sym].entryPrice;
    }

    public double lastPrice(int sym) {
        return symbols[sym].lastPrice;
    }

    public double startOfDayEquity() {
        return status.startOfDayEquity();
    }

    /** The equity this engine sizes its orders by and checks its daily loss against, now. */
    public double equity() {
        return exposure.equity();
    }

    public String pendingOrder(int sym) {
        return symbols[sym].pendingId();
    }

    /** The signed quantity of the order in flight for a symbol not filled yet; 0 when none. */
    public double pendingQty(int sym) {
        return symbols[sym].pendingQty;
    }

    /** The current signals of a symbol (allocates; not for the hot path). */
    public Signals signals(int sym) {
        return symbols[sym].signals();
    }
}
