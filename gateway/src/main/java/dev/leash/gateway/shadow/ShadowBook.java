package dev.leash.gateway.shadow;

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
import dev.leash.engine.SymbolSpec;
import dev.leash.engine.Tick;
import dev.leash.venue.sim.FundingModel;
import dev.leash.venue.sim.SimExchange;
import dev.leash.venue.sim.SimState;
import dev.leash.venue.Candle;
import dev.leash.venue.Fill;
import dev.leash.venue.Instrument;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderType;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import dev.leash.venue.Side;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A shadow book: a full {@link Engine} with its own params, run by the same {@link EngineDriver} as the live book
 * on the live book's market events, its orders filled by a {@link SimExchange} at the live prices (fees, slippage,
 * funding as a backtest charges them). It never reaches a venue. Used on one thread.
 *
 * <p>Per {@link MarketStep} the driver's sequence is the backtest's: prices and funding, the clock, the fills of
 * this step's prices (market orders wait open for the next price), the bars closed in the step, then each symbol's
 * tick and its orders; so a shadow fed the steps of a backtest fills exactly as it.
 */
public final class ShadowBook implements MarketFeed, OrderRoute {

    /** Closes kept for the funding rate: the last close and the one 8 hours (96 bars) before it. */
    private static final int FUNDING_CLOSES = (int) (FundingModel.INTERVAL_MILLIS / Candle.INTERVAL_MILLIS) + 1;

    private final String name;
    private final Params params;
    private final long since;
    private final SimExchange exchange;
    private final Engine engine;
    private final EngineDriver driver;
    private final int symbols;
    private final double[][] closes;
    private final int[] closeCount;
    private final TradeCounter trades;
    private final List<Fill> fills = new ArrayList<>();
    /** Fills of the step running: delivered to the engine after {@code onClock}, as a backtest delivers them. */
    private final List<Fill> stepFills = new ArrayList<>();
    private FillSink sink;
    private Figures figures;
    private final List<String> flags = new ArrayList<>();
    private boolean newFlag;
    private double funding;
    private double startUnrealized;
    private Map<String, Double> startPositions = Map.of();
    private MarketStep current;
    private BookCheckpoint.BookStart start;

    /**
     * A book that starts at {@code since} with {@code equity}, flat.
     *
     * @param instruments the live book's instruments, in its symbol order
     */
    public ShadowBook(String name, List<Instrument> instruments, Limits limits, Params params, long since,
                      double equity) {
        this.name = name;
        this.params = params;
        this.since = since;
        this.symbols = instruments.size();
        this.exchange = new SimExchange(instruments, equity, SimExchange.Costs.DEFAULT);
        OrderQueue orders = new OrderQueue();
        this.engine = new Engine(specs(instruments), limits, params, orders, EngineListener.NONE,
                exchange::equity);
        this.driver = new EngineDriver(engine, orders, this, this, new StepHooks() {
            @Override
            public void afterClock(long t) {
                deliverStepFills();
            }
        }, () -> Long.MIN_VALUE, 1);
        this.closes = new double[symbols][FUNDING_CLOSES];
        this.closeCount = new int[symbols];
        this.trades = new TradeCounter(symbols);
        this.figures = new Figures(since, equity, 0);
        this.start = new BookCheckpoint.BookStart(equity, new double[symbols], new double[symbols],
                new double[symbols]);
    }

    /**
     * A book continued from {@code c}: its account, figures, counts and flags as saved, its engine re-warmed on
     * {@code history} (the bar channels are not saved) and given the saved positions and trading status. A market
     * order saved waiting for its next price is cancelled: the resumed engine knows of no order in flight, and
     * decides afresh at the next tick.
     */
    public static ShadowBook resume(BookCheckpoint c, List<Instrument> instruments, Limits limits,
                                    List<ClosedBar> history, long now) {
        ShadowBook b = new ShadowBook(c.name(), instruments, limits, c.params(), c.since(), c.start().equity());
        b.warmUp(history);
        b.exchange.restore(c.account());
        b.exchange.cancelPending();
        for (SimState.Holding h : c.account().holdings()) {
            int s = b.engine.indexOf(h.symbol());
            if (s >= 0) {
                b.engine.setPosition(s, h.qty(), h.entryPrice());
            }
        }
        b.engine.restoreStatus(c.status(), now);
        b.start = c.start();
        b.funding = c.funding();
        b.startUnrealized = c.startUnrealized();
        b.startPositions = Map.copyOf(c.startPositions());
        b.figures = Figures.restore(c.figures());
        b.trades.restore(c.tradeState(), c.closedTrades());
        b.flags.addAll(c.flags());
        return b;
    }

    /** This book's state after the step at {@code stepTime}, for a restart. */
    public BookCheckpoint checkpoint(long stepTime) {
        SimState all = exchange.snapshot(stepTime);
        SimState account = new SimState(stepTime, all.walletBalance(), all.fillSeq(), all.holdings(),
                all.orders().stream().filter(o -> o.status().open()).toList(), List.of());
        return new BookCheckpoint(name, params, since, stepTime, account, funding, startUnrealized, startPositions,
                start, figures.state(), trades.positions(), trades.closed(), List.copyOf(flags), engine.status());
    }

    /** What this book started from: the inputs of its constructor and {@link #holdLivePositions}. */
    public BookCheckpoint.BookStart start() {
        return start;
    }

    private static List<SymbolSpec> specs(List<Instrument> instruments) {
        return instruments.stream()
                .map(i -> new SymbolSpec(i.symbol(), i.lotStep(), i.minQty(), i.minNotional()))
                .toList();
    }

    /** Warms the engine up on closed bars (no orders) and remembers their closes for the funding rate. */
    public void warmUp(List<ClosedBar> bars) {
        for (ClosedBar b : bars) {
            remember(b);
            engine.onBarClose(b.sym(), b.closeTime(), b.high(), b.low(), b.close(), b.volume());
        }
    }

    /**
     * Starts from the live book's positions at their entry prices, marked at {@code price} (NaN: at the entry), the
     * wallet set so that the equity stays what this book started with.
     */
    public void holdLivePositions(double[] position, double[] entry, double[] price) {
        start = new BookCheckpoint.BookStart(start.equity(), position.clone(), entry.clone(), price.clone());
        List<SimState.Holding> holdings = new ArrayList<>();
        double unrealized = 0;
        for (int s = 0; s < symbols; s++) {
            double mark = price[s] > 0 ? price[s] : entry[s];
            holdings.add(new SimState.Holding(engine.symbols().get(s), position[s], entry[s], mark));
            if (position[s] != 0) {
                engine.setPosition(s, position[s], entry[s]);
                unrealized += position[s] * (mark - entry[s]);
            }
            trades.position(s, position[s]);
        }
        startUnrealized = unrealized;
        Map<String, Double> held = new HashMap<>();
        for (int s = 0; s < symbols; s++) {
            if (position[s] != 0) {
                held.put(engine.symbols().get(s), position[s]);
            }
        }
        startPositions = Map.copyOf(held);
        exchange.restore(new SimState(since, exchange.equity() - unrealized, 0, holdings, List.of(), List.of()));
    }

    /**
     * Takes over what the live engine tracked (after {@link #holdLivePositions}): the held positions' exits as
     * tracked since their entry, the bars of its last entry attempts, and its orders in flight as its own, placed
     * when the live book sent them at the prices they were sent at, so they fill at the next price as the live ones.
     */
    public void holdLiveTracking(LiveTracking live) {
        for (int s = 0; s < symbols; s++) {
            if (engine.position(s) != 0) {
                engine.resumeExits(s, live.barsSinceEntry()[s], live.bestPrice()[s]);
            }
            engine.resumeLastEntryBar(s, live.lastEntryBar()[s]);
        }
        for (OrderIntent o : live.pending()) {
            if (o != null) {
                exchange.place(new OrderRequest(o.clientOrderId(), o.symbol(), Side.ofSign(o.signedQty()),
                        OrderType.MARKET, Math.abs(o.signedQty()), o.referencePrice(), o.reduceOnly()), o.time());
            }
        }
    }

    /**
     * Holds the live book's side vetoes of this step: the sides it may not open are the live book's, until they
     * lapse (every shadow but the baseline, which stands for the book without the model's hand).
     */
    public void followVetoes(LiveTracking live) {
        for (int s = 0; s < symbols; s++) {
            engine.setBias(s, live.veto()[s], live.vetoUntil()[s]);
        }
    }

    /** Runs the engine through one step of the live book's market events. */
    public void step(MarketStep step) {
        current = step;
        driver.step(step.time());
        figures.mark(exchange.equity(), trades.closed());
    }

    @Override
    public long nextStep(long now) {
        return NO_STEP; // stepped by step(), never by its own clock
    }

    @Override
    public void advanceTo(long t, FillSink sink) {
        this.sink = sink;
        for (ClosedBar b : current.bars()) {
            remember(b);
        }
        for (int s = 0; s < symbols; s++) {
            if (!current.fresh()[s]) {
                continue;
            }
            stepFills.addAll(exchange.onPrice(s, current.price()[s], t));
        }
        if (FundingModel.isFundingTime(t)) {
            for (int s = 0; s < symbols; s++) {
                funding += exchange.applyFunding(s, fundingRate(s));
            }
        }
    }

    private void deliverStepFills() {
        if (stepFills.isEmpty()) {
            return;
        }
        for (Fill fill : stepFills) {
            int s = exchange.indexOf(fill.symbol());
            report(s, fill, sink);
            if (!exchange.order(fill.clientOrderId()).status().open()) {
                sink.orderDone(s, fill.clientOrderId());
            }
        }
        stepFills.clear();
    }

    @Override
    public void closeBars(int sym, long t, BarSink sink) {
        for (ClosedBar b : current.bars()) {
            if (b.sym() == sym) {
                sink.barClosed(sym, b.closeTime(), b.high(), b.low(), b.close(), b.volume());
            }
        }
    }

    /** The live book's funding rate of this step: a shadow's funding filter sees what the live one saw. */
    @Override
    public double fundingPct(int sym, long t) {
        return current.funding()[sym];
    }

    @Override
    public boolean tick(int sym, long t, Tick tick) {
        if (!current.fresh()[sym]) {
            return false;
        }
        tick.set(current.price()[sym], current.mark()[sym]);
        return true;
    }

    @Override
    public OrderOutcome place(OrderIntent intent, long t, FillSink sink) {
        int s = engine.indexOf(intent.symbol());
        double qty = intent.signedQty();
        PlaceResult r = exchange.place(new OrderRequest(intent.clientOrderId(), intent.symbol(),
                Side.ofSign(qty), OrderType.MARKET, Math.abs(qty), intent.referencePrice(),
                intent.reduceOnly()), t);
        for (Fill f : r.fills()) {
            report(s, f, sink);
        }
        if (r.rejected()) {
            return OrderOutcome.REJECTED;
        }
        return r.order().status().open() ? OrderOutcome.OPEN : OrderOutcome.DONE;
    }

    private void report(int s, Fill f, FillSink sink) {
        sink.filled(s, f.side().sign() * f.qty(), f.price());
        fills.add(f);
        trades.position(s, exchange.position(s));
    }

    /** The rate the simulated venue and a backtest charge: from the last close and the close 8 hours before it. */
    private double fundingRate(int s) {
        int n = closeCount[s];
        if (n < FUNDING_CLOSES) {
            return FundingModel.BASE_RATE;
        }
        double now = closes[s][(n - 1) % FUNDING_CLOSES];
        double before = closes[s][(n - FUNDING_CLOSES) % FUNDING_CLOSES];
        return FundingModel.rate(before, now);
    }

    private void remember(ClosedBar b) {
        closes[b.sym()][closeCount[b.sym()] % FUNDING_CLOSES] = b.close();
        closeCount[b.sym()]++;
    }

    /** The flag of market steps a book missed, followed by {@code from <instant> to <instant>}. */
    public static final String MISSED_TICKS = "missed_ticks";
    /** Flags kept per book: later ones are dropped (the first say the figures are incomplete). */
    private static final int MAX_FLAGS = 16;

    /** Marks the book's figures as incomplete, e.g. for market steps it missed. */
    void flag(String flag) {
        if (!flags.contains(flag) && (flags.size() < MAX_FLAGS || !flag.startsWith(MISSED_TICKS))) {
            flags.add(flag);
            newFlag = true;
        }
    }

    /** True once after a flag was added (the scorecard shows flags at once); clears it. */
    boolean takeNewFlag() {
        boolean was = newFlag;
        newFlag = false;
        return was;
    }

    public String name() {
        return name;
    }

    public Params params() {
        return engine.params();
    }

    /** The params this book was started with; the engine never receives another version. */
    public Params startParams() {
        return params;
    }

    public long since() {
        return since;
    }

    /** Every fill since the book started or last resumed from a checkpoint, oldest first. */
    public List<Fill> fills() {
        return List.copyOf(fills);
    }

    public double equity() {
        return exchange.equity();
    }

    /** Open positions, marked at the last price. */
    public List<Position> positions() {
        return exchange.positions();
    }

    /** The unrealized P&L of the live positions this book started with, part of its starting equity. */
    public double startUnrealized() {
        return startUnrealized;
    }

    /** The live positions this book started with, by symbol (none when it started flat). */
    public Map<String, Double> startPositions() {
        return startPositions;
    }

    /** Funding paid (negative: received). */
    public double funding() {
        return funding;
    }

    public int closedTrades() {
        return trades.closed();
    }

    public BookFigures figures() {
        return figures.view();
    }

    public List<String> flags() {
        return List.copyOf(flags);
    }

    /** How many fills this book has made. */
    public int fillCount() {
        return fills.size();
    }

    /** The fills from the {@code from}-th on, oldest first. */
    public List<Fill> fillsFrom(int from) {
        return List.copyOf(fills.subList(from, fills.size()));
    }
}
