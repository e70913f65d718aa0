package dev.leash.risk;

/**
 * The check every order passes before it is sent.
 *
 * <p>Checks, in order: order sanity, trading state (and the parameters' trading mode), symbol enabled, price band
 * against the account's {@linkplain Exposure#referencePrice reference price} (never the triggering trade), per-order
 * notional, daily loss limit, resulting position against the effective exposure
 * {@code max_position_pct x size_multiplier} of equity, never more than the ceiling of {@code max_position_pct},
 * gross leverage, and the per-symbol order rate. Orders that only shrink a
 * position without flipping it (exits, stop-losses) skip the exposure, loss and rate checks. Every limit is clamped to the {@link Limits} here again, so the check holds
 * even for parameters outside the ceilings.
 *
 * <p>Allocation-free. Not thread-safe: owned by the inner loop's single thread. Time is an argument.
 */
public final class PreTradeCheck {

    private final Limits limits;
    private final long[][] recentOrders;
    private final int[] next;

    public PreTradeCheck(Limits limits, int symbolCount) {
        this.limits = limits;
        this.recentOrders = new long[symbolCount][limits.maxOrdersPerWindow()];
        this.next = new int[symbolCount];
        for (long[] ring : recentOrders) {
            java.util.Arrays.fill(ring, Long.MIN_VALUE);
        }
    }

    /**
     * Checks an order of signed quantity {@code signedQty} (positive buys) at {@code price} for symbol index
     * {@code symbol}; when it passes, records it against the rate limit at {@code nowMillis}.
     */
    public OrderReject check(int symbol, double signedQty, double price, TradingState state, RiskParams params,
                             Exposure account, long nowMillis) {
        if (symbol < 0 || symbol >= recentOrders.length || symbol >= params.symbolCount()
                || !(Math.abs(signedQty) > 0) || !Double.isFinite(signedQty) || !(price > 0)
                || !Double.isFinite(price)) {
            return OrderReject.INVALID_ORDER;
        }
        if (state == TradingState.HALTED) {
            return OrderReject.HALTED;
        }
        double position = account.position(symbol);
        double resulting = position + signedQty;
        boolean reducing = Math.abs(resulting) < Math.abs(position)
                && Math.signum(resulting) * Math.signum(position) >= 0;
        if (!reducing && (state == TradingState.REDUCE_ONLY || params.tradingMode() != TradingMode.ACTIVE)) {
            return OrderReject.REDUCE_ONLY;
        }
        if (!reducing && !params.enabled(symbol)) {
            return OrderReject.SYMBOL_DISABLED;
        }
        double reference = account.referencePrice(symbol);
        if (!(reference > 0) || Math.abs(price - reference) > reference * limits.priceBandPct() / 100.0) {
            return OrderReject.PRICE_BAND;
        }
        double notional = Math.abs(signedQty) * price;
        if (notional > limits.maxOrderNotional()) {
            return OrderReject.NOTIONAL_LIMIT;
        }
        if (reducing) {
            return OrderReject.NONE; // exits are never held back by exposure or rate limits
        }
        OrderReject exposure = checkExposure(symbol, resulting, price, params, account);
        if (exposure != OrderReject.NONE) {
            return exposure;
        }
        return recordRate(symbol, nowMillis);
    }

    /** True when the loss since the start of the day has reached the (clamped) daily loss limit. */
    public boolean dailyLossBreached(RiskParams params, Exposure account) {
        double start = account.startOfDayEquity();
        return start - account.equity() >= dailyLossAllowance(params, start); // NaN allowance: never breached
    }

    /**
     * The loss from {@code startOfDayEquity} that reaches the (clamped) daily loss limit, in equity units; NaN, which
     * no loss reaches, unless the start is positive. A caller that keeps it while start and params stay the same
     * decides exactly as {@link #dailyLossBreached} with one subtraction and one compare.
     */
    public double dailyLossAllowance(RiskParams params, double startOfDayEquity) {
        if (!(startOfDayEquity > 0)) {
            return Double.NaN;
        }
        double limitPct = limits.dailyLossLimitPct().clamp(params.dailyLossLimitPct());
        return startOfDayEquity * limitPct / 100.0;
    }

    private OrderReject checkExposure(int symbol, double resulting, double price, RiskParams params,
                                      Exposure account) {
        double equity = account.equity();
        if (!(equity > 0) || dailyLossBreached(params, account)) {
            return OrderReject.DAILY_LOSS_LIMIT;
        }
        double pct = limits.maxPositionPct().clamp(params.maxPositionPct());
        double multiplier = limits.sizeMultiplier().clamp(params.sizeMultiplier(symbol));
        // Effective exposure: the multiplier scales the limit both ways, never past the ceiling.
        double effectivePct = Math.min(pct * multiplier, limits.maxPositionPct().ceiling());
        double resultingNotional = Math.abs(resulting) * price;
        if (!(resultingNotional <= equity * effectivePct / 100.0 * (1 + 1e-9))) { // NaN fails closed
            return OrderReject.POSITION_LIMIT;
        }
        double gross = resultingNotional;
        for (int i = 0; i < account.symbolCount(); i++) {
            double other = account.position(i);
            // A flat symbol adds nothing even before its first price; an open one with an unknown price fails closed.
            if (i != symbol && other != 0) {
                gross += Math.abs(other) * account.lastPrice(i);
            }
        }
        double leverage = limits.maxLeverage().clamp(params.maxLeverage());
        if (!(gross <= equity * leverage)) { // NaN fails closed
            return OrderReject.LEVERAGE_LIMIT;
        }
        return OrderReject.NONE;
    }

    private OrderReject recordRate(int symbol, long nowMillis) {
        long[] ring = recentOrders[symbol];
        int slot = next[symbol];
        // The slot about to be overwritten holds the oldest of the last N orders.
        if (ring[slot] != Long.MIN_VALUE && nowMillis - ring[slot] < limits.orderRateWindowMillis()) {
            return OrderReject.RATE_LIMIT;
        }
        ring[slot] = nowMillis;
        next[symbol] = (slot + 1) % ring.length;
        return OrderReject.NONE;
    }
}
