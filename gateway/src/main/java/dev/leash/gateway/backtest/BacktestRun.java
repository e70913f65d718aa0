package dev.leash.gateway.backtest;

import dev.leash.gateway.engine.Engine;
import dev.leash.gateway.engine.EngineListener;
import dev.leash.gateway.engine.OrderIntent;
import dev.leash.gateway.engine.OrderPort;
import dev.leash.gateway.sim.FundingModel;
import dev.leash.gateway.sim.SimExchange;
import dev.leash.gateway.sim.TickPath;
import dev.leash.gateway.venue.Candle;
import dev.leash.gateway.venue.Fill;
import dev.leash.gateway.venue.Instrument;
import dev.leash.gateway.venue.OrderRequest;
import dev.leash.gateway.venue.OrderType;
import dev.leash.gateway.venue.PlaceResult;
import dev.leash.gateway.venue.Side;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;

import java.util.ArrayList;
import java.util.List;

/**
 * One backtest: the engine, the exchange and the event loop. Used once, on one thread.
 *
 * <p>The sequence, which the live runner on the simulated venue follows too:
 * <ol>
 * <li>Warm-up: bars {@code 0..warmup-1} as {@code onBarClose} only, bar-major (every symbol's bar 0, then bar 1).
 * <li>For each later bar {@code k} and tick-path point {@code i} in 0..3, at {@code t = open(k) + i * 75 s}:
 *   <ol>
 *   <li>{@code exchange.onPrice} for every symbol (resting-order fills go to the engine);
 *   <li>at a funding time, {@code applyFunding} for every symbol at the rate of the closes of bars
 *       {@code k-97} and {@code k-1} ({@code BASE_RATE} before bar 97), as the simulated venue charges it;
 *   <li>{@code onClock(t)}; orders it sent (a daily-loss flatten) are placed at once;
 *   <li>at {@code i == 0}, bar {@code k-1}'s close for every symbol, unless it was part of the warm-up;
 *   <li>per symbol, {@code onTick}, then each order it sent is placed, its fills reported with {@code onFill}
 *       and its end with {@code onOrderDone}, never re-entrantly.
 *   </ol>
 * <li>After point 3, one equity point.
 * </ol>
 */
final class BacktestRun implements OrderPort {

    /** Bars of funding look-back: 8 hours. */
    private static final int FUNDING_LOOKBACK_BARS = (int) (FundingModel.INTERVAL_MILLIS / Candle.INTERVAL_MILLIS);
    private static final int PROGRESS_EVERY = 4096;

    private final Params params;
    private final double initialBalance;
    private final int warmup;
    private final Bars bars;
    private final BacktestProgress progress;
    private final SimExchange exchange;
    private final Engine engine;
    private final int symbols;
    private final List<OrderIntent> queue = new ArrayList<>(4);
    private final List<Fill> fills = new ArrayList<>();
    private final TradeLedger ledger;
    private int rejected;
    private double fees;
    private double funding;
    private double realized;

    BacktestRun(List<Instrument> instruments, Limits limits, Params params, double initialBalance, int warmup,
                Bars bars, EngineListener listener, BacktestProgress progress) {
        this.params = params;
        this.initialBalance = initialBalance;
        this.warmup = Math.min(warmup, bars.size());
        this.bars = bars;
        this.progress = progress;
        this.symbols = bars.symbolCount();
        this.exchange = new SimExchange(instruments, initialBalance, SimExchange.Costs.DEFAULT);
        this.engine = new Engine(Specs.of(instruments), limits, params, this, listener, exchange::equity);
        this.ledger = new TradeLedger(symbols);
    }

    @Override
    public void send(OrderIntent intent) {
        queue.add(intent);
    }

    BacktestResult execute() {
        int n = bars.size();
        for (int k = 0; k < warmup; k++) {
            for (int s = 0; s < symbols; s++) {
                closeBar(s, k);
            }
        }
        double[] equity = new double[n - warmup];
        long[] time = new long[n - warmup];
        for (int k = warmup; k < n; k++) {
            for (int i = 0; i < TickPath.POINTS; i++) {
                step(k, i);
            }
            equity[k - warmup] = exchange.equity();
            time[k - warmup] = bars.openTime(k) + Candle.INTERVAL_MILLIS;
            if ((k & (PROGRESS_EVERY - 1)) == 0) {
                progress.onProgress(k + 1L, n);
            }
        }
        progress.onProgress(n, n);
        EquityCurve curve = EquityCurve.wrap(initialBalance, time, equity);
        BacktestMetrics metrics = BacktestMetrics.compute(curve, ledger.pnls(), fees, funding, realized,
                exchange.unrealizedPnl());
        return new BacktestResult(params, bars.symbols(), warmup, fills, rejected, curve, metrics);
    }

    private void step(int k, int i) {
        long t = bars.openTime(k) + i * TickPath.STEP_MILLIS;
        for (int s = 0; s < symbols; s++) {
            double price = TickPath.point(bars.open(s, k), bars.high(s, k), bars.low(s, k), bars.close(s, k), i);
            List<Fill> resting = exchange.onPrice(s, price, t);
            for (int f = 0; f < resting.size(); f++) {
                Fill fill = resting.get(f);
                report(s, fill);
                if (!exchange.order(fill.clientOrderId()).status().open()) {
                    engine.onOrderDone(s, fill.clientOrderId());
                }
            }
        }
        if (FundingModel.isFundingTime(t)) {
            chargeFunding(k);
        }
        engine.onClock(t);
        placeQueued(t);
        if (i == 0 && k - 1 >= warmup) {
            for (int s = 0; s < symbols; s++) {
                closeBar(s, k - 1);
            }
        }
        for (int s = 0; s < symbols; s++) {
            double price = TickPath.point(bars.open(s, k), bars.high(s, k), bars.low(s, k), bars.close(s, k), i);
            engine.onTick(s, price, t);
            placeQueued(t);
        }
    }

    private void closeBar(int s, int k) {
        engine.onBarClose(s, bars.openTime(k) + Candle.INTERVAL_MILLIS, bars.high(s, k), bars.low(s, k),
                bars.close(s, k), bars.volume(s, k));
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

    private void placeQueued(long t) {
        if (queue.isEmpty()) {
            return;
        }
        for (int q = 0; q < queue.size(); q++) {
            OrderIntent intent = queue.get(q);
            int s = engine.indexOf(intent.symbol());
            double qty = intent.signedQty();
            PlaceResult r = exchange.place(new OrderRequest(intent.clientOrderId(), intent.symbol(),
                    Side.ofSign(qty), OrderType.MARKET, Math.abs(qty), intent.referencePrice(),
                    intent.reduceOnly()), t);
            if (r.rejected()) {
                rejected++;
            }
            for (Fill f : r.fills()) {
                report(s, f);
            }
            engine.onOrderDone(s, intent.clientOrderId());
        }
        queue.clear();
    }

    private void report(int s, Fill f) {
        int dir = f.side().sign();
        engine.onFill(s, dir * f.qty(), f.price());
        fills.add(f);
        ledger.onFill(s, dir, f.qty(), f.fee(), f.realizedPnl());
        fees += f.fee();
        realized += f.realizedPnl();
    }
}
