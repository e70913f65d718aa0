package dev.leash.gateway.shadow;

/** Accumulates a book's {@link BookFigures} from its equity and closed-trade count at each step. Not thread-safe. */
final class Figures {

    private final long since;
    private final double startEquity;
    private final int startTrades;
    private double equity;
    private double peak;
    private double maxDrawdownPct;
    private int trades;

    /** What a checkpoint keeps of a book's figures: enough to continue them exactly. */
    public record State(long since, double startEquity, int startTrades, double equity, double peak,
                        double maxDrawdownPct, int trades) {

        /** The figures these are. */
        public BookFigures view() {
            return restore(this).view();
        }
    }

    Figures(long since, double startEquity, int tradesSoFar) {
        this.since = since;
        this.startEquity = startEquity;
        this.startTrades = tradesSoFar;
        this.equity = startEquity;
        this.peak = startEquity;
    }

    /** The book's equity and its total closed trades (since its own start) after a step. */
    void mark(double equityNow, int totalTrades) {
        if (!Double.isFinite(equityNow)) {
            return;
        }
        equity = equityNow;
        trades = totalTrades - startTrades;
        if (equityNow > peak) {
            peak = equityNow;
        } else if (peak > 0) {
            maxDrawdownPct = Math.max(maxDrawdownPct, (peak - equityNow) / peak * 100.0);
        }
    }

    State state() {
        return new State(since, startEquity, startTrades, equity, peak, maxDrawdownPct, trades);
    }

    static Figures restore(State s) {
        Figures f = new Figures(s.since(), s.startEquity(), s.startTrades());
        f.equity = s.equity();
        f.peak = s.peak();
        f.maxDrawdownPct = s.maxDrawdownPct();
        f.trades = s.trades();
        return f;
    }

    BookFigures view() {
        double net = equity - startEquity;
        return new BookFigures(since, startEquity, equity, net, startEquity > 0 ? net / startEquity * 100.0 : Double.NaN,
                maxDrawdownPct, trades);
    }
}
