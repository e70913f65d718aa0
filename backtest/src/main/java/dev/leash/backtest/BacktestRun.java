package dev.leash.backtest;

import dev.leash.engine.Action;
import dev.leash.engine.BarSink;
import dev.leash.engine.Engine;
import dev.leash.engine.EngineDriver;
import dev.leash.engine.EngineListener;
import dev.leash.engine.FillSink;
import dev.leash.engine.MarketFeed;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.OrderOutcome;
import dev.leash.engine.OrderQueue;
import dev.leash.engine.OrderRoute;
import dev.leash.engine.StepHooks;
import dev.leash.engine.Tick;
import dev.leash.engine.strategy.Strategy;
import dev.leash.venue.sim.FundingModel;
import dev.leash.venue.sim.SimExchange;
import dev.leash.venue.sim.TickPath;
import dev.leash.venue.Candle;
import dev.leash.venue.Instrument;
import dev.leash.venue.Order;
import dev.leash.venue.OrderStatus;
import dev.leash.venue.OrderType;
import dev.leash.venue.Side;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One backtest: the engine, the exchange and the bars, run by the {@link EngineDriver} that live trading uses too.
 * Used once, on one thread.
 *
 * <p>This class is the driver's backtest side: the bars and their tick paths are the {@link MarketFeed}, the
 * {@link SimExchange} is the {@link OrderRoute} and the source of resting-order fills, and the equity curve is
 * drawn at the {@link StepHooks} after each bar. So the sequence is the driver's:
 * <ol>
 * <li>Warm-up: bars {@code 0..warmup-1} as {@code onBarClose} only, bar-major (every symbol's bar 0, then bar 1).
 * <li>For each later bar {@code k} and tick-path point {@code i} in 0..3, one step at {@code t = open(k) + i * 75 s}:
 *   <ol>
 *   <li>{@code exchange.onPrice} for every symbol: the market orders sent at an earlier step fill at this price;
 *   <li>at a funding time, {@code applyFunding} for every symbol at the rate of the closes of bars
 *       {@code k-97} and {@code k-1} ({@code BASE_RATE} before bar 97), as the simulated venue charges it;
 *   <li>{@code onClock(t)}; then the fills of this step's prices go to the engine with {@code onFill} and
 *       {@code onOrderDone}, where the live loop's order tracker delivers a venue's; then the orders
 *       {@code onClock} sent (a daily-loss flatten) are placed;
 *   <li>at {@code i == 0}, bar {@code k-1}'s close for every symbol, unless it was part of the warm-up;
 *   <li>per symbol, {@code onFunding} with the funding model's rate predicted at the last close (the rate the
 *       simulated venue shows: a CSV carries no funding; NaN when the strategy has no funding filter, the rate's only
 *       reader), {@code onTick}, then each order it sent is placed: it
 *       waits, open, for the next point.
 *   </ol>
 * <li>After point 3, one equity point.
 * <li>After the last step, orders still waiting are cancelled and reported in the result.
 * </ol>
 */
final class BacktestRun implements MarketFeed, OrderRoute, StepHooks, SimExchange.MarketFills {

    /** Bars of funding look-back: 8 hours. */
    private static final int FUNDING_LOOKBACK_BARS = (int) (FundingModel.INTERVAL_MILLIS / Candle.INTERVAL_MILLIS);
    private static final int PROGRESS_EVERY = 4096;
    private static final int STEPS_PER_WORK = 4096;

    private final Params params;
    private final double initialBalance;
    private final int warmup;
    private final Bars bars;
    private final BacktestProgress progress;
    private final SimExchange exchange;
    private final Engine engine;
    private final EngineDriver driver;
    private final int symbols;
    /** Every fill, as primitive columns: the result's fills. */
    private final FillColumns fills;
    /** The first of the step running's fills: those from it on go to the engine after {@code onClock}. */
    private int stepFills;
    /** Per symbol, the key of the last order placed: keys only grow, as the engine's client order ids do. */
    private final long[] lastKey;
    private FillSink sink;
    private final TradeLedger ledger;
    private int rejected;
    private double fees;
    private double funding;
    private double realized;
    /** The bar and tick-path point of the next step, and of the step running. */
    private int nextBar;
    private int nextPoint;
    private int bar;
    private int point;
    private double[] equity;
    private CurveStats curveStats;
    /** Each symbol's tick-path price of the step running, computed once in {@link #advanceTo}. */
    private final double[] stepPrice;
    /** Each symbol's funding rate predicted at its last close, percent per interval. */
    private final double[] fundingPct;
    /** True when the strategy has a funding filter, the only reader of the rate the engine is given. */
    private final boolean fundingRead;
    /** The first funding time after the last step that checked; no step before it is one. */
    private long nextFunding = Long.MIN_VALUE;

    BacktestRun(List<Instrument> instruments, Limits limits, Params params, double initialBalance, int warmup,
                Bars bars, EngineListener listener, BacktestProgress progress) {
        this.params = params;
        this.initialBalance = initialBalance;
        this.warmup = Math.min(warmup, bars.size());
        this.bars = bars;
        this.progress = progress;
        this.symbols = bars.symbolCount();
        this.exchange = new SimExchange(instruments, initialBalance, SimExchange.Costs.DEFAULT);
        OrderQueue orders = new OrderQueue();
        this.engine = new Engine(Specs.of(instruments), limits, params, orders, listener, exchange::equity);
        this.driver = new EngineDriver(engine, orders, this, this, this, () -> Long.MAX_VALUE, STEPS_PER_WORK);
        this.ledger = new TradeLedger(symbols);
        this.stepPrice = new double[symbols];
        this.fundingPct = new double[symbols];
        Arrays.fill(fundingPct, Double.NaN);
        this.fundingRead = Strategy.compile(params, limits).needsFunding();
        this.fills = new FillColumns(bars.symbols());
        this.lastKey = new long[symbols];
        Arrays.fill(lastKey, -1);
    }

    BacktestResult execute() {
        int n = bars.size();
        for (int k = 0; k < warmup; k++) {
            for (int s = 0; s < symbols; s++) {
                closeBar(s, k, engine::onBarClose);
            }
        }
        equity = new double[n - warmup];
        curveStats = new CurveStats(initialBalance);
        nextBar = warmup;
        while (driver.doWork() > 0) {
            // every step is due at once: the bars are the clock
        }
        progress.onProgress(n, n);
        List<Order> unfilled = new ArrayList<>();
        exchange.cancelWaiting((s, key, dir, qty, reference, reduceOnly, createdAt) -> {
            String symbol = bars.symbols().get(s);
            String id = OrderIntent.clientOrderId(symbol, FillColumns.bar(key), FillColumns.seq(key));
            unfilled.add(new Order(id, "sim-" + id, symbol, Side.ofSign(dir), OrderType.MARKET, qty, reference, 0,
                    OrderStatus.NEW, reduceOnly, createdAt));
        });
        EquityCurve curve = EquityCurve.wrap(initialBalance, bars, warmup, equity);
        BacktestMetrics metrics = BacktestMetrics.compute(curve, curveStats, ledger.pnls(), fees, funding, realized,
                exchange.unrealizedPnl());
        return new BacktestResult(params, bars.symbols(), warmup, fills, rejected, curve, metrics, unfilled);
    }

    @Override
    public long nextStep(long now) {
        if (nextBar >= bars.size()) {
            return NO_STEP;
        }
        bar = nextBar;
        point = nextPoint;
        if (++nextPoint == TickPath.POINTS) {
            nextPoint = 0;
            nextBar++;
        }
        return bars.openTime(bar) + point * TickPath.STEP_MILLIS;
    }

    @Override
    public void advanceTo(long t, FillSink sink) {
        this.sink = sink;
        stepFills = fills.size();
        for (int s = 0; s < symbols; s++) {
            double p = price(s);
            stepPrice[s] = p;
            exchange.onPrice(s, p, t, this);
        }
        if (t >= nextFunding) { // one compare per step instead of a division: steps only move forward
            if (FundingModel.isFundingTime(t)) {
                chargeFunding(bar);
            }
            nextFunding = FundingModel.nextFundingTime(t);
        }
    }

    /** The fills of this step's prices reach the engine here, as the live loop's order tracker delivers them. */
    @Override
    public void afterClock(long t) {
        if (stepFills != fills.size()) { // most steps fill nothing: nothing more to do
            deliverFills();
        }
    }

    private void deliverFills() {
        for (int f = stepFills; f < fills.size(); f++) { // a market order fills whole: each fill ends its order
            int s = fills.sym(f);
            double qty = fills.signedQty(f);
            sink.filled(s, qty, fills.price(f));
            ledger.onFill(s, qty > 0 ? 1 : -1, Math.abs(qty), fills.fee(f), fills.realized(f));
            fees += fills.fee(f);
            realized += fills.realized(f);
            long key = fills.key(f);
            engine.onOrderDone(s, FillColumns.bar(key), FillColumns.seq(key));
        }
        stepFills = fills.size();
    }

    /** A market order's fill at this step's price: kept, and reported to the engine after {@code onClock}. */
    @Override
    public void filled(int sym, long key, int dir, double qty, double price, double fee, double realizedPnl,
                       long time, long fillSeq) {
        fills.add(sym, key, dir * qty, price, fee, realizedPnl, time, fillSeq);
    }

    @Override
    public void closeBars(int sym, long t, BarSink sink) {
        if (point == 0 && bar - 1 >= warmup) {
            closeBar(sym, bar - 1, sink);
        }
    }

    @Override
    public boolean tick(int sym, long t, Tick tick) {
        tick.set(stepPrice[sym], Double.NaN);
        return true;
    }

    @Override
    public double fundingPct(int sym, long t) {
        return fundingPct[sym];
    }

    /** Never called: the engine's orders reach a backtest as primitives, through the method below. */
    @Override
    public OrderOutcome place(OrderIntent intent, long t, FillSink sink) {
        throw new IllegalStateException("a backtest places the engine's orders from primitives: "
                + intent.clientOrderId());
    }

    /**
     * The engine's market order, placed without an id string: named by its bar and sequence, it waits, open, for the
     * next tick-path point, or is refused.
     */
    @Override
    public OrderOutcome place(long time, String symbol, long bar, int seq, double signedQty, double referencePrice,
                              boolean reduceOnly, Action action, long paramsVersion, long t, FillSink sink) {
        int s = exchange.indexOf(symbol);
        long key = FillColumns.key(bar, seq);
        if (s >= 0) {
            if (key <= lastKey[s]) { // the old path's duplicate: never sent twice by a backtest's engine
                throw new IllegalStateException("order " + OrderIntent.clientOrderId(symbol, bar, seq)
                        + " placed twice");
            }
            lastKey[s] = key;
        }
        if (!exchange.placeMarket(s, key, signedQty, referencePrice, reduceOnly, t)) {
            rejected++;
            return OrderOutcome.REJECTED;
        }
        return OrderOutcome.OPEN;
    }

    @Override
    public void afterStep(long t) {
        if (point == TickPath.POINTS - 1) { // the bar's last point only
            endBar();
        }
    }

    /** The bar's equity point and, every {@link #PROGRESS_EVERY} bars, the progress. */
    private void endBar() {
        double e = exchange.equity();
        equity[bar - warmup] = e;
        curveStats.add(e);
        if ((bar & (PROGRESS_EVERY - 1)) == 0) {
            progress.onProgress(bar + 1L, bars.size());
        }
    }

    /** {@link TickPath#point} of the step running, loading only the prices that point needs. */
    private double price(int s) {
        int k = bar;
        return switch (point) {
            case 0 -> bars.open(s, k);
            case TickPath.POINTS - 1 -> bars.close(s, k);
            default -> TickPath.point(bars.open(s, k), bars.high(s, k), bars.low(s, k), bars.close(s, k), point);
        };
    }

    private void closeBar(int s, int k, BarSink sink) {
        sink.barClosed(s, bars.openTime(k) + Candle.INTERVAL_MILLIS, bars.high(s, k), bars.low(s, k),
                bars.close(s, k), bars.volume(s, k));
        if (fundingRead) { // two divisions a bar that only a funding filter would read
            fundingPct[s] = fundingRate(s, k) * 100.0;
        }
    }

    /** The rate charged at the first funding time after bar {@code k} if the closes stayed where they are. */
    private double fundingRate(int s, int k) {
        int before = k - FUNDING_LOOKBACK_BARS;
        return before < 0 ? FundingModel.BASE_RATE : FundingModel.rate(bars.close(s, before), bars.close(s, k));
    }

    private void chargeFunding(int k) {
        int now = k - 1;
        int before = now - FUNDING_LOOKBACK_BARS;
        for (int s = 0; s < symbols; s++) {
            double rate = before < 0 ? FundingModel.BASE_RATE
                    : FundingModel.rate(bars.close(s, before), bars.close(s, now));
            funding += exchange.applyFunding(s, rate);
        }
    }
}
