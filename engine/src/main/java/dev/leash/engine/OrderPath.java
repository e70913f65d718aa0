package dev.leash.engine;

import dev.leash.engine.DecisionReports.Skip;
import dev.leash.engine.strategy.ExitRule;
import dev.leash.engine.strategy.Strategy;
import dev.leash.risk.Limits;
import dev.leash.risk.OrderReject;
import dev.leash.risk.PreTradeCheck;
import dev.leash.risk.TradingMode;
import dev.leash.risk.TradingState;

import java.util.function.DoubleSupplier;

/**
 * The engine's hot path: a tick against the breakout channel and the stops, sizing from equity, every order through
 * the pre-trade check to the port. It allocates nothing unless the listener wants reports.
 */
final class OrderPath {

    private final Limits limits;
    private final PreTradeCheck check;
    private final OrderPort port;
    private final DecisionReports reports;
    private final TradingStatus status;
    private final EngineExposure exposure;
    private final DoubleSupplier equity;

    /** The version in force, installed by {@link Engine#swapParams} between ticks. */
    private EngineParams params;
    /** The strategy of {@link #params}, one load away from the tick. */
    private Strategy strategy;

    OrderPath(Limits limits, PreTradeCheck check, OrderPort port, DecisionReports reports, TradingStatus status,
              EngineExposure exposure, DoubleSupplier equity) {
        this.limits = limits;
        this.check = check;
        this.port = port;
        this.reports = reports;
        this.status = status;
        this.exposure = exposure;
        this.equity = equity;
    }

    void use(EngineParams p) {
        this.params = p;
        this.strategy = p.strategy();
    }

    /**
     * A trade price, with the venue's mark price (NaN where it has none): compare against the levels and the stop;
     * may send one order.
     */
    void onTick(SymbolState s, double price, double markPrice, long nowMillis) {
        s.lastPrice = price;
        s.markPrice = markPrice;
        s.recordPrice(price);
        long bar = s.barAt(nowMillis);
        if (status.state() == TradingState.HALTED || s.pending) {
            return;
        }
        double pos = s.position;
        Strategy strategy = this.strategy;
        if (pos != 0) {
            if (exitOnStops(s, strategy, price, pos, nowMillis)) {
                return;
            }
            int signal = strategy.entry().signal(s.market, price);
            boolean brokeAgainst = pos > 0 ? signal < 0 : signal > 0;
            if (brokeAgainst) {
                reverseOrExit(s, price, pos, nowMillis);
            }
            return;
        }
        if (s.lastEntryBar == bar) {
            return;
        }
        int signal = strategy.entry().signal(s.market, price);
        if (signal > 0) {
            enter(s, price, +1, Action.ENTER_LONG, 0, nowMillis);
        } else if (signal < 0) {
            enter(s, price, -1, Action.ENTER_SHORT, 0, nowMillis);
        }
    }

    /**
     * Closes every open position with no order in flight: reduce-only FLATTEN orders in {@code bar}. A flatten is a
     * market order that only removes exposure once the halt is decided, so it is checked at the price band's
     * reference (where known), not at the last trade: a gap that the reference has not followed yet must not keep
     * a halted account's positions open. It is sent at the last trade, the price it will meet.
     */
    void flattenAll(SymbolState[] symbols, long bar, long nowMillis) {
        for (SymbolState s : symbols) {
            if (s.position != 0 && !s.pending && s.lastPrice > 0) {
                s.moveToBar(bar);
                double reference = s.referencePrice();
                double price = reference > 0 && Double.isFinite(reference) ? reference : s.lastPrice;
                send(s, price, s.lastPrice, -s.position, true, Action.FLATTEN, nowMillis);
            }
        }
    }

    /** The strategy's exits, in their order: the first that is hit closes the position. */
    private boolean exitOnStops(SymbolState s, Strategy strategy, double price, double pos, long nowMillis) {
        double entry = s.entryPrice;
        int side = pos > 0 ? 1 : -1;
        s.market.track(pos, entry, price);
        int hit = strategy.exitHit(s.market, side, entry, price);
        if (hit < 0) {
            return false;
        }
        ExitRule rule = strategy.exit(hit);
        s.exitBy = hit;
        Action action = switch (rule.block()) {
            case TAKE_PROFIT -> Action.TAKE_PROFIT;
            case TIME_STOP -> Action.EXIT;
            default -> Action.STOP_LOSS;
        };
        exit(s, price, rule.level(side, entry, price), pos, action, nowMillis);
        return true;
    }

    private void reverseOrExit(SymbolState s, double price, double pos, long nowMillis) {
        s.exitBy = -1;
        SymbolState.Block block = entryBlocker(s, pos > 0 ? -1 : +1, nowMillis);
        if (block == SymbolState.Block.NONE && s.lastEntryBar != s.currentBar) {
            enter(s, price, pos > 0 ? -1 : +1, pos > 0 ? Action.REVERSE_SHORT : Action.REVERSE_LONG, pos, nowMillis);
        } else {
            s.block = block;
            exit(s, price, price, pos, Action.EXIT, nowMillis);
        }
    }

    private void enter(SymbolState s, double price, int dir, Action action, double closing, long nowMillis) {
        s.lastEntryBar = s.currentBar;
        SymbolState.Block block = entryBlocker(s, dir, nowMillis);
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
        send(s, price, price, dir * qty - closing, false, action, nowMillis);
    }

    /** {@code steps} lot steps as a clean decimal (0.071, not 0.07100000000000001), without allocating. */
    private static double lots(double steps, double lotStep, double scale) {
        return Math.rint(steps * lotStep * scale) / scale;
    }

    private void exit(SymbolState s, double price, double level, double pos, Action action, long nowMillis) {
        s.lastEntryBar = s.currentBar; // no re-entry in the bar of an exit
        send(s, price, level, -pos, true, action, nowMillis);
    }

    /**
     * Checks an order at {@code price} and sends it with {@code level} as its reference price, the level that
     * triggered it, which the simulated exchange never fills better than.
     */
    private void send(SymbolState s, double price, double level, double signedQty, boolean reduceOnly, Action action,
                      long nowMillis) {
        TradingState checkState = action == Action.FLATTEN ? TradingState.REDUCE_ONLY : status.state();
        if (s.holds != 0 && checkState == TradingState.ACTIVE) {
            checkState = TradingState.REDUCE_ONLY; // this symbol alone is held: exits only
        }
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
        s.pendingQty = signedQty;
        if (reports.wanted()) {
            reports.order(s, action, price, nowMillis, params, status.state());
        }
        port.send(nowMillis, s.symbol, s.currentBar, s.ordersThisBar, signedQty, level, reduceOnly, action,
                params.version());
    }

    private void skip(SymbolState s, Action wanted, Skip why, long nowMillis) {
        if (reports.wanted()) {
            reports.skip(s, wanted, why, nowMillis, params, status.state());
        }
    }

    /** Why a new position in direction {@code dir} may not be opened now: as below, or the model's veto. */
    private SymbolState.Block entryBlocker(SymbolState s, int dir, long nowMillis) {
        SymbolState.Block block = baseBlocker(s, dir, nowMillis);
        if (block == SymbolState.Block.NONE && s.bias != null) {
            if (nowMillis >= s.biasUntil) {
                s.bias = null; // lapsed by the engine's clock
            } else if (s.bias.blocks(dir)) {
                return SymbolState.Block.VETOED;
            }
        }
        return block;
    }

    /** Why a new position of {@code side} may not be opened now, the model's veto aside. */
    private SymbolState.Block baseBlocker(SymbolState s, int side, long nowMillis) {
        if (status.state() != TradingState.ACTIVE) {
            return SymbolState.Block.STATE;
        }
        if (s.holds != 0) {
            return SymbolState.Block.HELD;
        }
        if (params.risk().tradingMode() != TradingMode.ACTIVE) {
            return SymbolState.Block.MODE;
        }
        if (!params.risk().enabled(s.index)) {
            return SymbolState.Block.DISABLED;
        }
        int refusing = params.strategy().refusingFilter(s.market, side, nowMillis);
        if (refusing >= 0) {
            s.filteredBy = refusing;
            return SymbolState.Block.FILTERED;
        }
        return SymbolState.Block.NONE;
    }
}
