package dev.leash.engine;

import dev.leash.engine.strategy.MarketState;
import dev.leash.risk.Ceilings;
import dev.leash.risk.OrderReject;

/** Mutable per-symbol state of the engine; touched only by the engine's thread. */
final class SymbolState {

    /** Highs and lows of the most recent closed bars, enough for the largest lookback allowed. */
    private static final int CAPACITY = (int) Ceilings.BREAKOUT_LOOKBACK.ceiling();
    /** Distinct recent trade prices whose median is the price band's reference where the venue has no mark. */
    static final int REFERENCE_PRICES = 5;
    private static final int RECENT_RING = 8;
    private static final int RECENT_MASK = RECENT_RING - 1;

    final String symbol;
    final int index;
    final double lotStep;
    final double minQty;
    final double minNotional;
    /** 10^(decimal places of the lot step): quantities are rounded to it to drop binary noise. */
    final double lotScale;
    final Indicators indicators = new Indicators();
    /** What the strategy blocks read and write for this symbol. */
    final MarketState market = new MarketState();

    private final double[] highs = new double[CAPACITY];
    private final double[] lows = new double[CAPACITY];
    private long closedBars;

    double channelHigh = Double.NaN;
    double channelLow = Double.NaN;
    double lastPrice = Double.NaN;
    /** The venue's mark price with the last tick; NaN where the venue has none. */
    double markPrice = Double.NaN;
    /** The last prices recorded, a ring of a power of two at least {@link #REFERENCE_PRICES}: no division per tick. */
    private final double[] recentPrices = new double[RECENT_RING];
    private final double[] sorted = new double[REFERENCE_PRICES];
    /** Prices recorded so far; the newest is at {@code (recorded - 1) & RECENT_MASK}. */
    private long recorded;
    /** The newest price recorded, NaN before the first: a repeat is found without indexing the ring. */
    private double lastRecorded = Double.NaN;
    double position;
    double entryPrice = Double.NaN;
    /** Bar index (openTime / interval) of the bar in progress. */
    long currentBar = Long.MIN_VALUE;
    /** Times {@code [barFrom, barUntil)} inside {@link #currentBar}, as the last tick found it; empty when unknown. */
    private long barFrom = Long.MAX_VALUE;
    private long barUntil = Long.MIN_VALUE;
    /** Bar index in which the last entry was attempted: at most one entry attempt per bar. */
    long lastEntryBar = Long.MIN_VALUE;
    /** Orders sent in the current bar, for deterministic client order ids. */
    int ordersThisBar;
    /** True while an order is in flight; it is named by {@link #pendingBar} and {@link #pendingSeq}. */
    boolean pending;
    long pendingBar;
    int pendingSeq;
    /** The signed quantity of the order in flight not filled yet; 0 when none. */
    double pendingQty;
    /** {@link SymbolHold} bits: while any is set the symbol opens nothing new. */
    int holds;
    /** The model's veto of a side, null when none; it lapses at {@link #biasUntil} (trading time, exclusive). */
    SymbolBias bias;
    long biasUntil;
    /** Context of the last decision, read only when its reason text is wanted (no text on the hot path). */
    Block block = Block.NONE;
    OrderReject reject = OrderReject.NONE;
    double skippedQty;
    double skippedEquity;
    /** The strategy's filter that refused the last entry, and its exit that closed the last position; -1: none. */
    int filteredBy = -1;
    int exitBy = -1;

    /** Why a new position may not be opened. */
    enum Block { NONE, STATE, MODE, DISABLED, HELD, FILTERED, VETOED }

    /**
     * Moves {@link #currentBar} to the bar of {@code nowMillis} and returns it; a tick inside the bar already current
     * costs two compares instead of a division.
     */
    long barAt(long nowMillis) {
        if (nowMillis >= barFrom && nowMillis < barUntil) {
            return currentBar;
        }
        long bar = Math.floorDiv(nowMillis, SymbolSpec.BAR_MILLIS);
        moveToBar(bar);
        long from = nowMillis - Math.floorMod(nowMillis, SymbolSpec.BAR_MILLIS);
        if (from <= nowMillis && nowMillis - from < SymbolSpec.BAR_MILLIS) { // no overflow at the ends of time
            barFrom = from;
            barUntil = from + SymbolSpec.BAR_MILLIS;
        }
        return bar;
    }

    /** Makes {@code bar} the current bar; its order count restarts when it is a new one. */
    void moveToBar(long bar) {
        if (bar != currentBar) {
            currentBar = bar;
            ordersThisBar = 0;
        }
        barFrom = Long.MAX_VALUE;
        barUntil = Long.MIN_VALUE;
    }

    /** Client order id of the order in flight, or null. */
    String pendingId() {
        return pending ? dev.leash.engine.OrderIntent.clientOrderId(symbol, pendingBar, pendingSeq) : null;
    }

    /**
     * True when an order is in flight and {@code clientOrderId} is its id: the same answer as
     * {@code clientOrderId.equals(pendingId())}, without building the id (no allocation on the order path).
     */
    boolean pendingIs(String clientOrderId) {
        if (!pending) {
            return false;
        }
        String prefix = OrderIntent.CLIENT_ORDER_ID_PREFIX;
        if (!clientOrderId.startsWith(prefix) || !clientOrderId.startsWith(symbol, prefix.length())) {
            return false;
        }
        int at = dash(clientOrderId, prefix.length() + symbol.length());
        at = dash(clientOrderId, number(clientOrderId, at, pendingBar));
        return number(clientOrderId, at, pendingSeq) == clientOrderId.length();
    }

    /** The index after the '-' at {@code at}, or -1 when there is none. */
    private static int dash(String id, int at) {
        return at >= 0 && at < id.length() && id.charAt(at) == '-' ? at + 1 : -1;
    }

    /** The index after {@code Long.toString(n)} written at {@code at}, or -1 when it is not written there. */
    private static int number(String id, int at, long n) {
        if (at < 0) {
            return -1;
        }
        if (n < 0) {
            if (at >= id.length() || id.charAt(at) != '-') {
                return -1;
            }
            at++;
        }
        int digits = 1;
        for (long rest = n / 10; rest != 0; rest /= 10) {
            digits++;
        }
        if (at + digits > id.length()) {
            return -1;
        }
        long rest = n;
        for (int i = at + digits - 1; i >= at; i--) {
            if (id.charAt(i) != (char) ('0' + Math.abs(rest % 10))) {
                return -1;
            }
            rest /= 10;
        }
        return at + digits;
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

    /** Deques of bar indices whose highs decrease / lows increase: the window's extremes at their fronts. */
    private final long[] maxDeque = new long[CAPACITY + 1];
    private final long[] minDeque = new long[CAPACITY + 1];
    /** The high / low of the bar at the same deque slot: compared without finding its ring slot again. */
    private final double[] maxValue = new double[CAPACITY + 1];
    private final double[] minValue = new double[CAPACITY + 1];
    private int maxHead;
    private int maxSize;
    private int minHead;
    private int minSize;

    /** Adds a closed bar and moves the channel to the last {@code lookback} bars; O(1) amortized, no allocation. */
    void addBar(double high, double low, int lookback) {
        int slot = (int) (closedBars % CAPACITY);
        highs[slot] = high;
        lows[slot] = low;
        push(closedBars, high, low);
        closedBars++;
        expire(lookback);
        readChannel(lookback);
    }

    /** Recomputes the channel for a new lookback: the deques are rebuilt from the last {@code lookback} bars. */
    void computeChannel(int lookback) {
        maxSize = 0;
        minSize = 0;
        for (long i = Math.max(0, closedBars - lookback); i < closedBars; i++) {
            push(i, highs[(int) (i % CAPACITY)], lows[(int) (i % CAPACITY)]);
        }
        readChannel(lookback);
    }

    private void push(long bar, double high, double low) {
        // A bar dominated by a newer one can never again be the extreme of a window ending at the newest bar.
        while (maxSize > 0 && maxValue[wrap(maxHead + maxSize - 1, maxDeque.length)] <= high) {
            maxSize--;
        }
        int maxAt = wrap(maxHead + maxSize++, maxDeque.length);
        maxDeque[maxAt] = bar;
        maxValue[maxAt] = high;
        while (minSize > 0 && minValue[wrap(minHead + minSize - 1, minDeque.length)] >= low) {
            minSize--;
        }
        int minAt = wrap(minHead + minSize++, minDeque.length);
        minDeque[minAt] = bar;
        minValue[minAt] = low;
    }

    /** {@code i % n} for {@code 0 <= i < 2n}, as the deque indices always are: no division per bar. */
    private static int wrap(int i, int n) {
        return i >= n ? i - n : i;
    }

    private void expire(int lookback) {
        long first = closedBars - lookback;
        while (maxSize > 0 && maxDeque[maxHead] < first) {
            maxHead = wrap(maxHead + 1, maxDeque.length);
            maxSize--;
        }
        while (minSize > 0 && minDeque[minHead] < first) {
            minHead = wrap(minHead + 1, minDeque.length);
            minSize--;
        }
    }

    private void readChannel(int lookback) {
        if (closedBars < lookback) {
            channelHigh = Double.NaN;
            channelLow = Double.NaN;
            return;
        }
        channelHigh = maxValue[maxHead];
        channelLow = minValue[minHead];
    }

    /**
     * Remembers a trade price for the reference median; a repeat of the previous price is not a new observation (a
     * venue polled faster than it trades, a live loop stepping faster than a backtest's tick path).
     */
    void recordPrice(double price) {
        // a repeat first: equal to the last one recorded, it is positive and finite too
        if (price == lastRecorded || !(price > 0 && price < Double.POSITIVE_INFINITY)) {
            return;
        }
        lastRecorded = price;
        recentPrices[(int) recorded & RECENT_MASK] = price;
        recorded++;
    }

    /**
     * The price band's reference: the venue's mark price where it has one, else the median of the last
     * {@link #REFERENCE_PRICES} distinct trade prices (one bad print cannot move it); NaN when neither is known.
     * Allocation-free.
     */
    double referencePrice() {
        if (markPrice > 0 && Double.isFinite(markPrice)) {
            return markPrice;
        }
        int recentCount = (int) Math.min(recorded, REFERENCE_PRICES);
        if (recentCount == 0) {
            return Double.NaN;
        }
        for (int i = 0; i < recentCount; i++) { // insertion sort of at most five prices, the newest
            double v = recentPrices[(int) (recorded - 1 - i) & RECENT_MASK];
            int j = i - 1;
            while (j >= 0 && sorted[j] > v) {
                sorted[j + 1] = sorted[j];
                j--;
            }
            sorted[j + 1] = v;
        }
        return recentCount % 2 == 1 ? sorted[recentCount / 2]
                : (sorted[recentCount / 2 - 1] + sorted[recentCount / 2]) / 2;
    }

    long closedBars() {
        return closedBars;
    }

    Signals signals() {
        Indicators x = indicators;
        return new Signals(lastPrice, channelHigh, channelLow, x.rsi, x.macdHistogram, x.bollingerPctB,
                x.volumeRatio, x.atrValue, x.realizedVolatility, market.regime);
    }
}
