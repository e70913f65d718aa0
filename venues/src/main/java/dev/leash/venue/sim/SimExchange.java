package dev.leash.venue.sim;

import dev.leash.venue.Account;
import dev.leash.venue.Fill;
import dev.leash.venue.Instrument;
import dev.leash.venue.Order;
import dev.leash.venue.OrderRequest;
import dev.leash.venue.OrderStatus;
import dev.leash.venue.OrderType;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import dev.leash.venue.Side;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A deterministic paper exchange: one USDT account, positions with average entry, market orders filled at the next
 * price after they were sent or their reference, whichever is worse, plus slippage, limit orders resting until the
 * price crosses, maker and taker fees, funding.
 *
 * <p>Shared by the simulated venue, the paper venue and backtests, so all three account identically. Prices come
 * in through {@link #onPrice}; the exchange never reads a clock. Not thread-safe.
 */
public final class SimExchange {

    /** Fees and slippage; rates are fractions (0.00055 = 0.055 %). */
    public record Costs(double takerFee, double makerFee, double slippageBps, double impactBpsPer100k) {
        public static final Costs DEFAULT = new Costs(0.00055, 0.0002, 1.0, 0.5);
    }

    /** Client order ids remembered for duplicate detection. */
    private static final int REMEMBERED_ORDERS = 10_000;

    private final Instrument[] instruments;
    private final Map<String, Integer> index = new java.util.HashMap<>();
    private final Costs costs;
    private final double[] position;
    private final double[] entry;
    private final double[] lastPrice;
    private final LinkedHashMap<String, Order> orders = new LinkedHashMap<>();
    /** Open limit orders, the only ones a price can fill: onPrice touches nothing else. */
    private final LinkedHashMap<String, Order> resting = new LinkedHashMap<>();
    /** Market orders sent and not filled yet, with the last price when each was sent: the next price fills them. */
    private final LinkedHashMap<String, Pending> pending = new LinkedHashMap<>();
    /** True once an order of {@link #place} was kept in {@link #resting} or {@link #pending}; before, both are empty. */
    private boolean keptOrders;
    private final List<Fill> fills = new ArrayList<>();
    /** Market orders of the primitive path ({@link #placeMarket}) waiting for their next price, oldest first. */
    private final PendingColumns waiting = new PendingColumns();
    private double wallet;
    private long fillSeq;
    /** {@link #equity()} as last computed, valid until a price, fill, funding or restore changes it. */
    private double equity;
    private boolean equityValid;

    public SimExchange(List<Instrument> instruments, double initialBalance, Costs costs) {
        this.instruments = instruments.toArray(new Instrument[0]);
        for (int i = 0; i < this.instruments.length; i++) {
            index.put(this.instruments[i].symbol(), i);
        }
        this.costs = costs;
        this.position = new double[this.instruments.length];
        this.entry = new double[this.instruments.length];
        this.lastPrice = new double[this.instruments.length];
        java.util.Arrays.fill(lastPrice, Double.NaN);
        this.wallet = initialBalance;
    }

    public int indexOf(String symbol) {
        Integer i = index.get(symbol);
        return i == null ? -1 : i;
    }

    public List<Instrument> instruments() {
        return List.of(instruments);
    }

    /** A market order waiting for the next price: {@code sentAt} is the last price when it was sent. */
    private record Pending(Order order, int sym, double sentAt) {
    }

    /**
     * A new trade price: pending market orders of the symbol fill at it (see {@link #place}), then resting limit
     * orders that it crosses fill as maker. Returns the fills.
     */
    public List<Fill> onPrice(int sym, double price, long now) {
        lastPrice[sym] = price;
        equityValid = false;
        List<Fill> out = pending.isEmpty() ? List.of() : fillPending(sym, price, now);
        if (resting.isEmpty()) {
            return out;
        }
        for (Order o : new ArrayList<>(resting.values())) {
            if (index.get(o.symbol()) != sym) {
                continue;
            }
            boolean crosses = o.side() == Side.BUY ? price <= o.price() : price >= o.price();
            if (crosses) {
                double qty = o.qty() - o.filledQty();
                if (out.isEmpty()) {
                    out = new ArrayList<>();
                }
                out.add(execute(o, sym, qty, o.price(), costs.makerFee(), true, now));
            }
        }
        return out;
    }

    /**
     * Places an order. A market order is accepted open (NEW) and fills at the next price of its symbol that
     * {@link #onPrice} brings (a repeat of the price it was sent at counts only once {@link TickPath#STEP_MILLIS}
     * have passed, as the simulated venue repeats a tick-path point's price on every step until the next point):
     * at that price, or for a reduce-only order at that price or its reference price (the level that triggered it),
     * whichever is worse; plus slippage, never better by rounding to the tick. A marketable limit order fills at
     * once at the last price.
     */
    public PlaceResult place(OrderRequest req, long now) {
        Order known = orders.get(req.clientOrderId());
        if (known != null) {
            return new PlaceResult(known, List.of(), true, null);
        }
        int sym = indexOf(req.symbol());
        if (sym < 0) {
            return reject(req, now, "unknown symbol " + req.symbol());
        }
        Instrument in = instruments[sym];
        double qty = in.roundQtyDown(req.qty());
        if (qty < in.minQty()) {
            return reject(req, now, "quantity " + req.qty() + " below the minimum " + in.minQty());
        }
        double last = lastPrice[sym];
        if (!(last > 0)) {
            return reject(req, now, "no price yet for " + req.symbol());
        }
        int dir = req.side().sign();
        if (req.reduceOnly() && !(position[sym] * dir < 0 && qty <= Math.abs(position[sym]) + 1e-12)) {
            return reject(req, now, "reduce-only order would not reduce the position");
        }
        double refPrice = req.type() == OrderType.LIMIT ? in.roundPrice(req.price()) : Double.NaN;
        Order order = new Order(req.clientOrderId(), "sim-" + req.clientOrderId(), req.symbol(),
                req.side(), req.type(), qty, refPrice, 0, OrderStatus.NEW, req.reduceOnly(), now);
        double notional = qty * last;
        if (!req.reduceOnly() && notional * costs.takerFee() > availableBalance()) {
            return reject(req, now, "insufficient balance");
        }
        if (req.type() == OrderType.MARKET) {
            double reference = req.price() > 0 && Double.isFinite(req.price()) ? req.price() : Double.NaN;
            order = new Order(req.clientOrderId(), "sim-" + req.clientOrderId(), req.symbol(), req.side(),
                    req.type(), qty, reference, 0, OrderStatus.NEW, req.reduceOnly(), now);
            remember(order);
            keptOrders = true;
            pending.put(order.clientOrderId(), new Pending(order, sym, last));
            return new PlaceResult(order, List.of(), false, null);
        }
        remember(order);
        boolean marketable = req.side() == Side.BUY ? refPrice >= last : refPrice <= last;
        if (!marketable) {
            keptOrders = true;
            resting.put(order.clientOrderId(), order);
            return new PlaceResult(order, List.of(), false, null);
        }
        double fillPrice = takerPrice(in, dir, last, notional);
        // slippage never takes a limit order past its limit
        fillPrice = dir > 0 ? Math.min(fillPrice, refPrice) : Math.max(fillPrice, refPrice);
        Fill f = execute(order, sym, qty, fillPrice, costs.takerFee(), false, now);
        return new PlaceResult(orders.get(req.clientOrderId()), List.of(f), false, null);
    }

    /** {@code base} plus slippage for {@code notional}, rounded to the tick and never better than {@code base}. */
    private double takerPrice(Instrument in, int dir, double base, double notional) {
        double slip = (costs.slippageBps() + costs.impactBpsPer100k() * notional / 100_000.0) / 10_000.0;
        double fillPrice = in.roundPrice(base * (1 + dir * slip));
        if (dir * (fillPrice - base) < 0) { // the nearest tick was better than the price: one tick worse
            fillPrice = in.roundPrice(fillPrice + dir * in.tickSize());
        }
        return fillPrice;
    }

    /**
     * Fills the pending market orders of {@code sym} that {@code price} is the next price for: an order that opens or
     * adds at that price, a reduce-only order at that price or its reference, whichever is worse; plus slippage. A
     * reduce-only order that would no longer reduce is cancelled.
     */
    private List<Fill> fillPending(int sym, double price, long now) {
        List<Fill> out = List.of();
        for (Pending p : new ArrayList<>(pending.values())) {
            Order o = p.order();
            if (p.sym() != sym || (price == p.sentAt() && now - o.createdAt() < TickPath.STEP_MILLIS)) {
                continue;
            }
            pending.remove(o.clientOrderId());
            int dir = o.side().sign();
            if (o.reduceOnly() && !(position[sym] * dir < 0 && o.qty() <= Math.abs(position[sym]) + 1e-12)) {
                cancel(o.clientOrderId());
                continue;
            }
            // an entry fills at the next price; an exit never better than the level that sent it (a take-profit)
            double base = o.reduceOnly() ? worse(dir, price, o.price()) : price;
            double fillPrice = takerPrice(instruments[sym], dir, base, o.qty() * price);
            if (out.isEmpty()) {
                out = new ArrayList<>();
            }
            out.add(execute(o, sym, o.qty(), fillPrice, costs.takerFee(), false, now));
        }
        return out;
    }

    /**
     * The worse for the taker of the last price and a market order's reference, the level that triggered it (a
     * take-profit level, the tick the engine decided at): no order fills better than the level that sent it.
     */
    private static double worse(int dir, double last, double reference) {
        if (!(reference > 0) || !Double.isFinite(reference)) {
            return last;
        }
        return dir > 0 ? Math.max(last, reference) : Math.min(last, reference);
    }

    private PlaceResult reject(OrderRequest req, long now, String reason) {
        Order o = new Order(req.clientOrderId(), "", req.symbol(), req.side(), req.type(), req.qty(), req.price(), 0,
                OrderStatus.REJECTED, req.reduceOnly(), now);
        return new PlaceResult(o, List.of(), false, reason);
    }

    private Fill execute(Order o, int sym, double qty, double price, double feeRate, boolean maker, long now) {
        int dir = o.side().sign();
        double realized = book(sym, dir, qty, price);
        double fee = qty * price * feeRate;
        wallet += realized - fee;
        equityValid = false;
        fillSeq++;
        Fill f = new Fill("simfill-" + fillSeq, o.clientOrderId(), o.venueOrderId(), o.symbol(), o.side(), qty, price,
                fee, realized, now, maker);
        fills.add(f);
        double filled = o.filledQty() + qty;
        Order updated = new Order(o.clientOrderId(), o.venueOrderId(), o.symbol(), o.side(), o.type(),
                o.qty(), o.price(), filled, filled >= o.qty() - 1e-12 ? OrderStatus.FILLED
                : OrderStatus.PARTIALLY_FILLED, o.reduceOnly(), o.createdAt());
        orders.put(o.clientOrderId(), updated);
        if (updated.status().open() && resting.containsKey(o.clientOrderId())) {
            keptOrders = true;
            resting.put(o.clientOrderId(), updated);
        } else {
            resting.remove(o.clientOrderId());
        }
        return f;
    }

    /** Moves {@code sym}'s position and average entry by a fill; returns its realized P&L (fee excluded). */
    private double book(int sym, int dir, double qty, double price) {
        double before = position[sym];
        double realized = 0;
        if (before != 0 && Math.signum(before) != dir) {
            double closed = Math.min(Math.abs(before), qty);
            realized = closed * (price - entry[sym]) * Math.signum(before);
        }
        double after = before + dir * qty;
        if (Math.abs(after) < instruments[sym].lotStep() * 1e-6) {
            after = 0;
        }
        if (after == 0) {
            entry[sym] = 0;
        } else if (before == 0 || Math.signum(before) != Math.signum(after)) {
            entry[sym] = price;
        } else if (Math.abs(after) > Math.abs(before)) {
            entry[sym] = (entry[sym] * Math.abs(before) + price * qty) / Math.abs(after);
        }
        position[sym] = after;
        return realized;
    }

    private void remember(Order o) {
        orders.put(o.clientOrderId(), o);
        if (orders.size() > REMEMBERED_ORDERS) {
            Iterator<Map.Entry<String, Order>> it = orders.entrySet().iterator();
            while (orders.size() > REMEMBERED_ORDERS && it.hasNext()) {
                if (!it.next().getValue().status().open()) {
                    it.remove();
                }
            }
        }
    }

    /** Takes the fills of the primitive market-order path, as primitives. */
    public interface MarketFills {

        /**
         * A market order placed with {@link #placeMarket} filled whole: {@code dir} +1 bought, -1 sold; {@code fee}
         * positive when paid; {@code fillSeq} the number {@link Fill#fillId()} would carry ({@code "simfill-" + n}).
         */
        void filled(int sym, long key, int dir, double qty, double price, double fee, double realizedPnl, long time,
                    long fillSeq);
    }

    /** Takes the market orders of the primitive path that {@link #cancelWaiting} cancelled, as primitives. */
    public interface CancelledOrders {

        /** One order as it was when sent: unfilled, {@code reference} NaN when it had none. */
        void cancelled(int sym, long key, int dir, double qty, double reference, boolean reduceOnly, long createdAt);
    }

    /**
     * The backtest's allocation-free market order: the same checks, price and accounting as a market
     * {@link #place} of {@code |signedQty|} with reference price {@code reference}, but named by the caller's
     * {@code key} instead of a client order id. Its fill comes from {@link #onPrice(int, double, long, MarketFills)}
     * as primitives and is not kept here ({@link #fills}, {@link #snapshot} and {@link #order} do not see it): the
     * caller keeps it. Keys are the caller's to keep unique; nothing is remembered for duplicate detection.
     *
     * @return false when rejected (unknown symbol, below the minimum quantity, no price yet, a reduce-only order
     *         that would not reduce, insufficient balance), and then nothing changed
     */
    public boolean placeMarket(int sym, long key, double signedQty, double reference, boolean reduceOnly, long now) {
        double requested = Math.abs(signedQty);
        if (!(requested > 0) || !Double.isFinite(requested)) {
            throw new IllegalArgumentException("qty must be positive: " + requested);
        }
        if (sym < 0 || sym >= instruments.length) {
            return false;
        }
        Instrument in = instruments[sym];
        double qty = in.roundQtyDown(requested);
        if (qty < in.minQty()) {
            return false;
        }
        double last = lastPrice[sym];
        if (!(last > 0)) {
            return false;
        }
        int dir = signedQty >= 0 ? 1 : -1;
        if (reduceOnly && !(position[sym] * dir < 0 && qty <= Math.abs(position[sym]) + 1e-12)) {
            return false;
        }
        double notional = qty * last;
        if (!reduceOnly && notional * costs.takerFee() > availableBalance()) {
            return false;
        }
        double ref = reference > 0 && Double.isFinite(reference) ? reference : Double.NaN;
        waiting.add(sym, key, dir, qty, ref, reduceOnly, last, now);
        return true;
    }

    /**
     * A new trade price for an exchange used through {@link #placeMarket} only: the market orders of the symbol
     * waiting for it fill exactly as {@link #onPrice(int, double, long)} fills pending market orders, in the order
     * they were sent, and go to {@code out}; a reduce-only order that would no longer reduce is cancelled silently.
     *
     * @throws IllegalStateException when orders placed with {@link #place} are open (the two paths do not mix)
     */
    public void onPrice(int sym, double price, long now, MarketFills out) {
        if (keptOrders && (!pending.isEmpty() || !resting.isEmpty())) {
            throw new IllegalStateException("orders of place() are open: use onPrice(sym, price, now)");
        }
        lastPrice[sym] = price;
        if (position[sym] != 0) { // a flat symbol's price is no part of the equity: the cached figure stays exact
            equityValid = false;
        }
        if (waiting.size != 0) { // most prices meet no waiting order: nothing more to do
            fillWaiting(sym, price, now, out);
        }
    }

    /** The waiting market orders {@code price} is the next price for fill, as {@link #onPrice} describes. */
    private void fillWaiting(int sym, double price, long now, MarketFills out) {
        PendingColumns w = waiting;
        int kept = 0;
        for (int i = 0; i < w.size; i++) {
            if (w.sym[i] != sym || (price == w.sentAt[i] && now - w.createdAt[i] < TickPath.STEP_MILLIS)) {
                w.move(i, kept++);
                continue;
            }
            int dir = w.dir[i];
            double qty = w.qty[i];
            if (w.reduceOnly[i] && !(position[sym] * dir < 0 && qty <= Math.abs(position[sym]) + 1e-12)) {
                continue;
            }
            double base = w.reduceOnly[i] ? worse(dir, price, w.reference[i]) : price;
            double fillPrice = takerPrice(instruments[sym], dir, base, qty * price);
            double realized = book(sym, dir, qty, fillPrice);
            double fee = qty * fillPrice * costs.takerFee();
            wallet += realized - fee;
            equityValid = false;
            fillSeq++;
            out.filled(sym, w.key[i], dir, qty, fillPrice, fee, realized, now, fillSeq);
        }
        w.size = kept;
    }

    /** Cancels every market order of the primitive path still waiting (a backtest's end), oldest first. */
    public void cancelWaiting(CancelledOrders out) {
        PendingColumns w = waiting;
        for (int i = 0; i < w.size; i++) {
            out.cancelled(w.sym[i], w.key[i], w.dir[i], w.qty[i], w.reference[i], w.reduceOnly[i], w.createdAt[i]);
        }
        w.size = 0;
    }

    /** The waiting market orders of the primitive path as columns, grown by doubling. */
    private static final class PendingColumns {
        int size;
        int[] sym = new int[8];
        long[] key = new long[8];
        int[] dir = new int[8];
        double[] qty = new double[8];
        double[] reference = new double[8];
        boolean[] reduceOnly = new boolean[8];
        double[] sentAt = new double[8];
        long[] createdAt = new long[8];

        void add(int s, long k, int d, double q, double ref, boolean reduce, double last, long now) {
            if (size == sym.length) {
                int n = size * 2;
                sym = java.util.Arrays.copyOf(sym, n);
                key = java.util.Arrays.copyOf(key, n);
                dir = java.util.Arrays.copyOf(dir, n);
                qty = java.util.Arrays.copyOf(qty, n);
                reference = java.util.Arrays.copyOf(reference, n);
                reduceOnly = java.util.Arrays.copyOf(reduceOnly, n);
                sentAt = java.util.Arrays.copyOf(sentAt, n);
                createdAt = java.util.Arrays.copyOf(createdAt, n);
            }
            sym[size] = s;
            key[size] = k;
            dir[size] = d;
            qty[size] = q;
            reference[size] = ref;
            reduceOnly[size] = reduce;
            sentAt[size] = last;
            createdAt[size] = now;
            size++;
        }

        void move(int from, int to) {
            if (from != to) {
                sym[to] = sym[from];
                key[to] = key[from];
                dir[to] = dir[from];
                qty[to] = qty[from];
                reference[to] = reference[from];
                reduceOnly[to] = reduceOnly[from];
                sentAt[to] = sentAt[from];
                createdAt[to] = createdAt[from];
            }
        }
    }

    /** Cancels an open order; false when it is unknown or already final. */
    public boolean cancel(String clientOrderId) {
        Order o = orders.get(clientOrderId);
        if (o == null || !o.status().open()) {
            return false;
        }
        orders.put(clientOrderId, new Order(o.clientOrderId(), o.venueOrderId(), o.symbol(), o.side(), o.type(),
                o.qty(), o.price(), o.filledQty(), OrderStatus.CANCELLED, o.reduceOnly(), o.createdAt()));
        resting.remove(clientOrderId);
        pending.remove(clientOrderId);
        return true;
    }

    /** Cancels every market order still waiting for its next price (a backtest's end); returns them as they were. */
    public List<Order> cancelPending() {
        List<Order> out = new ArrayList<>();
        for (Pending p : new ArrayList<>(pending.values())) {
            out.add(orders.get(p.order().clientOrderId()));
            cancel(p.order().clientOrderId());
        }
        return out;
    }

    /** Charges funding on a symbol's position at the last price: longs pay a positive rate, shorts receive it. */
    public double applyFunding(int sym, double rate) {
        double payment = position[sym] * lastPrice[sym] * rate;
        if (position[sym] != 0 && lastPrice[sym] > 0) {
            wallet -= payment;
            equityValid = false;
            return payment;
        }
        return 0;
    }

    /** Wallet plus unrealized P&L; computed once per change of price, fill or funding (the engine asks per step). */
    public double equity() {
        if (!equityValid) {
            equity = wallet + unrealizedPnl();
            equityValid = true;
        }
        return equity;
    }

    public double walletBalance() {
        return wallet;
    }

    public double unrealizedPnl() {
        double u = 0;
        for (int i = 0; i < position.length; i++) {
            if (position[i] != 0) {
                u += position[i] * (lastPrice[i] - entry[i]);
            }
        }
        return u;
    }

    /** Equity less the initial margin of open positions at 3x, the highest leverage Leash allows. */
    public double availableBalance() {
        double margin = 0;
        for (int i = 0; i < position.length; i++) {
            margin += Math.abs(position[i]) * (lastPrice[i] > 0 ? lastPrice[i] : entry[i]) / 3.0;
        }
        return Math.max(0, equity() - margin);
    }

    public Account account() {
        return new Account(equity(), wallet, availableBalance(), unrealizedPnl());
    }

    public double position(int sym) {
        return position[sym];
    }

    public double lastPrice(int sym) {
        return lastPrice[sym];
    }

    public List<Position> positions() {
        List<Position> out = new ArrayList<>();
        for (int i = 0; i < position.length; i++) {
            if (position[i] != 0) {
                out.add(new Position(instruments[i].symbol(), position[i], entry[i], lastPrice[i],
                        position[i] * (lastPrice[i] - entry[i])));
            }
        }
        return out;
    }

    public List<Order> openOrders() {
        List<Order> out = new ArrayList<>();
        for (Order o : orders.values()) {
            if (o.status().open()) {
                out.add(o);
            }
        }
        return out;
    }

    public Order order(String clientOrderId) {
        return orders.get(clientOrderId);
    }

    /** Fills with time in {@code [from, to)}, oldest first. */
    public List<Fill> fills(long from, long to) {
        List<Fill> out = new ArrayList<>();
        for (Fill f : fills) {
            if (f.time() >= from && f.time() < to) {
                out.add(f);
            }
        }
        return out;
    }

    /** The whole account state, for persistence. */
    public SimState snapshot(long time) {
        List<SimState.Holding> holdings = new ArrayList<>();
        for (int i = 0; i < position.length; i++) {
            holdings.add(new SimState.Holding(instruments[i].symbol(), position[i], entry[i], lastPrice[i]));
        }
        int keep = Math.max(0, fills.size() - 1000);
        return new SimState(time, wallet, fillSeq, holdings, new ArrayList<>(orders.values()),
                new ArrayList<>(fills.subList(keep, fills.size())));
    }

    /** Restores what {@link #snapshot} saved; symbols no longer traded are ignored. */
    public void restore(SimState s) {
        equityValid = false;
        wallet = s.walletBalance();
        fillSeq = s.fillSeq();
        for (SimState.Holding h : s.holdings()) {
            int i = indexOf(h.symbol());
            if (i >= 0) {
                position[i] = h.qty();
                entry[i] = h.entryPrice();
                lastPrice[i] = h.lastPrice();
            }
        }
        orders.clear();
        resting.clear();
        pending.clear();
        for (Order o : s.orders()) {
            orders.put(o.clientOrderId(), o);
            if (o.type() == OrderType.LIMIT && o.status().open()) {
                keptOrders = true;
                resting.put(o.clientOrderId(), o);
            }
            int sym = indexOf(o.symbol());
            if (o.type() == OrderType.MARKET && o.status().open() && sym >= 0) {
                keptOrders = true;
                pending.put(o.clientOrderId(), new Pending(o, sym, lastPrice[sym]));
            }
        }
        fills.clear();
        fills.addAll(s.fills());
    }

    /** The account at one moment, for {@link #rollback}: its snapshot and how many fills it had. */
    public record Savepoint(SimState state, int fillCount) {
    }

    /** The account now, to {@link #rollback} to when a change made after it cannot be saved. */
    public Savepoint savepoint() {
        return new Savepoint(snapshot(0), fills.size());
    }

    /** Undoes every change made since {@code p}: the account is again exactly what it was then. */
    public void rollback(Savepoint p) {
        List<Fill> older = new ArrayList<>(fills.subList(0, p.fillCount() - p.state().fills().size()));
        restore(p.state());
        fills.addAll(0, older);
    }
}
