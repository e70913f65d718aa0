package dev.leash.gateway.engine;

import dev.leash.gateway.engine.DecisionReports.Skip;
import dev.leash.gateway.venue.Candle;
import dev.leash.gateway.venue.Instrument;
import dev.leash.risk.Limits;
import dev.leash.risk.OrderReject;
import dev.leash.risk.Params;
import dev.leash.risk.PreTradeCheck;
import dev.leash.risk.TradingMode;
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
    private final OrderPort port;
    private final DecisionReports reports;
    private final TradingStatus status;
    private final DoubleSupplier equity;
    private final EngineExposure exposure;

    private EngineParams params;

    private long now;

    public Engine(List<Instrument> instruments, Limits limits, Params initial, OrderPort port,
                  EngineListener listener, DoubleSupplier equity) {
        this.symbols = new SymbolState[instruments.size()];
        List<String> names = new ArrayList<>();
        java.util.HashMap<String, Integer> index = new java.util.HashMap<>();
        for (int i = 0; i < instruments.size(); i++) {
            Instrument in = instruments.get(i);
            symbols[i] = new SymbolState(in.symbol(), i, in.lotStep(), in.minQty(), in.minNotional());
            names.add(in.symbol());
            index.put(in.symbol(), i);
        }
        this.symbolNames = List.copyOf(names);
        this.indexBySymbol = Map.copyOf(index);
        this.limits = limits;
        this.check = new PreTradeCheck(limits, instruments.size());
        this.port = port;
        this.reports = new DecisionReports(listener);
        this.status = new TradingStatus(listener, equity);
        this.exposure = new EngineExposure(symbols, status, equity);
        this.equity = equity;
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
        if (lookbackChanged) {
            for (SymbolState s : symbols) {
                s.computeChannel(next.lookback());
            }
        }
    }

    public Params params() {
        return params.params();
    }

    /** Advances time: day roll-over (new start-of-day equity, a loss halt ends) and the daily loss limit. */
    public void onClock(long nowMillis) {
        this.now = nowMillis;
        status.onClock(nowMillis);
        long bar = Math.floorDiv(nowMillis, Candle.INTERVAL_MILLIS);
        if (status.flattenRetryDue(bar)) {
            flattenAll(bar); // a flatten the venue refused, or one still in flight last bar, is tried again
        }
        if (!status.lossHalted() && check.dailyLossBreached(params.risk(), exposure)) {
            flattenAll(bar);
            status.haltForLoss(bar, "daily loss limit of " + params.risk().dailyLossLimitPct() + "% reached",
                    nowMillis);
        }
    }

    /** A 5-minute bar closed: update indicators and levels, journal the decision. */
    public void onBarClose(int sym, Candle bar) {
        onBarClose(sym, bar.closeTime(), bar.high(), bar.low(), bar.close(), bar.volume());
    }

    /** Same as {@link #onBarClose(int, Candle)} from primitives, so backtests over arrays allocate no bar. */
    public void onBarClose(int sym, long closeTime, double high, double low, double close, double volume) {
        SymbolState s = symbols[sym];
        if (reports.wanted()) {
            s.indicators.onBar(high, low, close, volume); // signals only explain decisions; the strategy needs none
        }
        s.addBar(high, low, params.lookback());
        if (Double.isNaN(s.lastPrice)) {
            s.lastPrice = close;
        }
        if (reports.barDecisionsWanted()) {
            reports.hold(s, closeTime, params);
        }
    }

    /** A trade price: compare against the levels and the stop; may send one order. */
    public void onTick(int sym, double price, long nowMillis) {
        SymbolState s = symbols[sym];
        s.lastPrice = price;
        long bar = Math.floorDiv(nowMillis, Candle.INTERVAL_MILLIS);
        if (bar != s.currentBar) {
            s.currentBar = bar;
            s.ordersThisBar = 0;
        }
        if (status.state() == TradingState.HALTED || s.pending) {
            return;
        }
        double pos = s.position;
        if (pos != 0) {
            if (exitOnStops(s, price, pos, nowMillis)) {
                return;
            }
            boolean brokeAgainst = pos > 0 ? price < s.channelLow : price > s.channelHigh;
            if (brokeAgainst) {
                reverseOrExit(s, price, pos, nowMillis);
            }
            return;
        }
        if (s.lastEntryBar == bar) {
            return;
        }
        if (price > s.channelHigh) {
            enter(s, price, +1, Action.ENTER_LONG, 0, nowMillis);
        } else if (price < s.channelLow) {
            enter(s, price, -1, Action.ENTER_SHORT, 0, nowMillis);
        }
    }

    private boolean exitOnStops(SymbolState s, double price, double pos, long nowMillis) {
        double entry = s.entryPrice;
        double dir = Math.signum(pos);
        double adverse = dir * (entry - price) / entry * 100.0;
        if (adverse >= params.stopLossPct()) {
            exit(s, price, pos, Action.STOP_LOSS, nowMillis);
            return true;
        }
        if (!Double.isNaN(params.takeProfitPct()) && -adverse >= params.takeProfitPct()) {
            exit(s, price, pos, Action.TAKE_PROFIT, nowMillis);
            return true;
        }
        return false;
    }

    private void reverseOrExit(SymbolState s, double price, double pos, long nowMillis) {
        SymbolState.Block block = entryBlocker(s);
        if (block == SymbolState.Block.NONE && s.lastEntryBar != s.currentBar) {
            enter(s, price, pos > 0 ? -1 : +1, pos > 0 ? Action.REVERSE_SHORT : Action.REVERSE_LONG, pos, nowMillis);
        } else {
            s.block = block;
            exit(s, price, pos, Action.EXIT, nowMillis);
        }
    }

    private void enter(SymbolState s, double price, int dir, Action action, double closing, long nowMillis) {
        s.lastEntryBar = s.currentBar;
        SymbolState.Block block = entryBlocker(s);
        if (block != SymbolState.Block.NONE) {
            s.block = block;
            skip(s, action, Skip.BLOCKED, nowMillis);
            return;
        }
        double eq = equity.getAsDouble();
        // A multiplier above 1 may not take the position past the ceiling the pre-trade check enforces.
        double pct = Math.min(params.risk().maxPositionPct() * params.risk().sizeMultiplier(s.index),
                limits.maxPositionPct().ceiling());
        double budget = pct / 100.0 * eq;
        double qty = lots(Math.floor(budget / price / s.lotStep + 1e-9), s.lotStep, s.lotScale);
        if (qty < s.minQty || qty * price < s.minNotional) {
            s.skippedQty = qty;
            s.skippedEquity = eq;
            skip(s, action, Skip.MIN_SIZE, nowMillis);
            return;
        }
        s.block = SymbolState.Block.NONE;
        send(s, price, dir * qty - closing, false, action, nowMillis);
    }

    /** {@code steps} lot steps as a clean decimal (0.071, not 0.07100000000000001), without allocating. */
    private static double lots(double steps, double lotStep, double scale) {
        return Math.rint(steps * lotStep * scale) / scale;
    }

    private void exit(SymbolState s, double price, double pos, Action action, long nowMillis) {
        s.lastEntryBar = s.currentBar; // no re-entry in the bar of an exit
        send(s, price, -pos, true, action, nowMillis);
    }

    private void send(SymbolState s, double price, double signedQty, boolean reduceOnly, Action action,
                      long nowMillis) {
        TradingState checkState = action == Action.FLATTEN ? TradingState.REDUCE_ONLY : status.state();
        OrderReject reject = check.check(s.index, signedQty, price, checkState, params.risk(), exposure, nowMillis);
        if (reject != OrderReject.NONE) {
            if (reports.wanted()) {
                reports.rejection(s, signedQty, price, reject, nowMillis, params);
            }
            s.reject = reject;
            skip(s, action, Skip.RISK, nowMillis);
            return;
        }
        s.ordersThisBar++;
        s.pending = true;
        s.pendingBar = s.currentBar;
        s.pendingSeq = s.ordersThisBar;
        if (reports.wanted()) {
            reports.order(s, action, price, nowMillis, params, status.state());
        }
        port.send(nowMillis, s.symbol, s.currentBar, s.ordersThisBar, signedQty, price, reduceOnly, action,
                params.version());
    }

    private void skip(SymbolState s, Action wanted, Skip why, long nowMillis) {
        if (reports.wanted()) {
            reports.skip(s, wanted, why, nowMillis, params, status.state());
        }
    }

    /** Why a new position may not be opened now. */
    private SymbolState.Block entryBlocker(SymbolState s) {
        if (status.state() != TradingState.ACTIVE) {
            return SymbolState.Block.STATE;
        }
        if (params.risk().tradingMode() != TradingMode.ACTIVE) {
            return SymbolState.Block.MODE;
        }
        if (!params.risk().enabled(s.index)) {
            return SymbolState.Block.DISABLED;
        }
        return SymbolState.Block.NONE;
    }

    private void flattenAll(long bar) {
        for (SymbolState s : symbols) {
            if (s.position != 0 && !s.pending && s.lastPrice > 0) {
                if (s.currentBar != bar) {
                    s.currentBar = bar;
                    s.ordersThisBar = 0;
                }
                send(s, s.lastPrice, -s.position, true, Action.FLATTEN, now);
            }
        }
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
    }

    /** The order in flight for a symbol reached a final status (filled, cancelled, rejected). */
    public void onOrderDone(int sym, String clientOrderId) {
        SymbolState s = symbols[sym];
        if (s.pending && clientOrderId.equals(s.pendingId())) {
            s.pending = false;
        }
    }

    /** Same as {@link #onOrderDone(int, String)} for the order named by its bar and sequence; allocation-free. */
    public void onOrderDone(int sym, long bar, int seq) {
        SymbolState s = symbols[sym];
        if (s.pending && s.pendingBar == bar && s.pendingSeq == seq) {
            s.pending = false;
        }
    }

    /** Sets the position from the venue (start-up and reconciliation). */
    public void setPosition(int sym, double qty, double entryPrice) {
        symbols[sym].position = qty;
        symbols[sym].entryPrice = qty == 0 ? Double.NaN : entryPrice;
    }

    /** The venue is unhealthy (circuit breaker open): no new exposure until it recovers. */
    public void setVenueDegraded(boolean degraded, String reason) {
        status.setVenueDegraded(degraded, reason, now);
    }

    public TradingState state() {
        return status.state();
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

    public String pendingOrder(int sym) {
        return symbols[sym].pendingId();
    }

    /** The current signals of a symbol (allocates; not for the hot path). */
    public Signals signals(int sym) {
        return symbols[sym].signals();
    }
}
