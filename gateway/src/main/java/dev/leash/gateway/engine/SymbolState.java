package dev.leash.gateway.engine;

import dev.leash.risk.Ceilings;
import dev.leash.risk.OrderReject;

/** Mutable per-symbol state of the engine; touched only by the engine's thread. */
final class SymbolState {

    /** Highs and lows of the most recent closed bars, enough for the largest lookback allowed. */
    private static final int CAPACITY = (int) Ceilings.BREAKOUT_LOOKBACK.ceiling();

    final String symbol;
    final int index;
    final double lotStep;
    final double minQty;
    final double minNotional;
    /** 10^(decimal places of the lot step): quantities are rounded to it to drop binary noise. */
    final double lotScale;
    final Indicators indicators = new Indicators();

    private final double[] highs = new double[CAPACITY];
    private final double[] lows = new double[CAPACITY];
    private long closedBars;

    double channelHigh = Double.NaN;
    double channelLow = Double.NaN;
    double lastPrice = Double.NaN;
    double position;
    double entryPrice = Double.NaN;
    /** Bar index (openTime / interval) of the bar in progress. */
    long currentBar = Long.MIN_VALUE;
    /** Bar index in which the last entry was attempted: at most one entry attempt per bar. */
    long lastEntryBar = Long.MIN_VALUE;
    /** Orders sent in the current bar, for deterministic client order ids. */
    int ordersThisBar;
    /** True while an order is in flight; it is named by {@link #pendingBar} and {@link #pendingSeq}. */
    boolean pending;
    long pendingBar;
    int pendingSeq;
    /** Context of the last decision, read only when its reason text is wanted (no text on the hot path). */
    Block block = Block.NONE;
    OrderReject reject = OrderReject.NONE;
    double skippedQty;
    double skippedEquity;

    /** Why a new position may not be opened. */
    enum Block { NONE, STATE, MODE, DISABLED }

    /** Client order id of the order in flight, or null. */
    String pendingId() {
        return pending ? dev.leash.gateway.engine.OrderIntent.clientOrderId(symbol, pendingBar, pendingSeq) : null;
    }

    SymbolState(String symbol, int index, double lotStep, double minQty, double minNotional) {
        this.symbol = symbol;
        this.index = index;
        this.lotStep = lotStep;
        this.minQty = minQty;
        this.minNotional = minNotional;
        double scale = 1;
        while (scale < 1e12 && Math.abs(lotStep * scale - Math.rint(lotStep * scale)) > 1e-9 * lotStep * scale) {
            scale *= 10;
        }
        this.lotScale = scale;
    }

    void addBar(double high, double low) {
        int slot = (int) (closedBars % CAPACITY);
        highs[slot] = high;
        lows[slot] = low;
        closedBars++;
    }

    /** Recomputes the channel over the last {@code lookback} closed bars; NaN until that many were seen. */
    void computeChannel(int lookback) {
        if (closedBars < lookback) {
            channelHigh = Double.NaN;
            channelLow = Double.NaN;
            return;
        }
        double hi = Double.NEGATIVE_INFINITY;
        double lo = Double.POSITIVE_INFINITY;
        // Walk the ring with an int index: one long remainder per call instead of one per bar of the window.
        int slot = (int) ((closedBars - lookback) % CAPACITY);
        for (int n = 0; n < lookback; n++) {
            hi = Math.max(hi, highs[slot]);
            lo = Math.min(lo, lows[slot]);
            if (++slot == CAPACITY) {
                slot = 0;
            }
        }
        channelHigh = hi;
        channelLow = lo;
    }

    long closedBars() {
        return closedBars;
    }

    Signals signals() {
        Indicators x = indicators;
        return new Signals(lastPrice, channelHigh, channelLow, x.rsi, x.macdHistogram, x.bollingerPctB,
                x.volumeRatio, x.atrValue, x.realizedVolatility);
    }
}
