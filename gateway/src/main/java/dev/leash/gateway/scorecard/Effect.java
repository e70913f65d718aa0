package dev.leash.gateway.scorecard;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One book against another over the same window: both books' figures, the differences (book minus other), the
 * entries one took and the other did not, and a verdict backed by a {@link Bootstrap} interval on the P&L difference.
 *
 * @param entriesAdded   entries the book took that the other did not (same symbol and direction within one 5-minute bar)
 * @param entriesSkipped entries the other took that the book did not
 * @param ciLow          low end of the 95 % interval of {@code netPnlDiff}
 * @param sufficient     whether the busier book closed at least the minimum of round trips
 * @param verdict        {@link #HELPED}, {@link #HURT}, {@link #NO_CLEAR_DIFFERENCE} or {@link #INSUFFICIENT}
 */
public record Effect(String book, String against, long from, long to, BookWindow bookFigures, BookWindow other,
                     double netPnlDiff, double returnPctDiff, double maxDrawdownPctDiff, int tradesDiff,
                     int entriesAdded, int entriesSkipped, double ciLow, double ciHigh, boolean sufficient,
                     String verdict) {

    public static final String HELPED = "helped";
    public static final String HURT = "hurt";
    public static final String NO_CLEAR_DIFFERENCE = "no clear difference";
    public static final String INSUFFICIENT = "insufficient evidence";

    /** Entries within one bar of each other match. */
    static final long ENTRY_BUCKET_MILLIS = 300_000;

    static Effect of(String book, String against, long from, long to, BookWindow a, BookWindow b, int minTrades) {
        double[] ci = Bootstrap.interval(a.tradePnls(), b.tradePnls());
        boolean enough = Math.max(a.trades(), b.trades()) >= minTrades;
        String verdict = !enough ? INSUFFICIENT : ci[0] > 0 ? HELPED : ci[1] < 0 ? HURT : NO_CLEAR_DIFFERENCE;
        return new Effect(book, against, from, to, a, b, a.netPnl() - b.netPnl(), a.returnPct() - b.returnPct(),
                a.maxDrawdownPct() - b.maxDrawdownPct(), a.trades() - b.trades(), unmatched(a.entries(), b.entries()),
                unmatched(b.entries(), a.entries()), ci[0], ci[1], enough, verdict);
    }

    /** Entries of {@code xs} with no partner in {@code ys}; each partner pairs once. */
    static int unmatched(List<BookWindow.Entry> xs, List<BookWindow.Entry> ys) {
        Map<String, Integer> left = new HashMap<>();
        for (BookWindow.Entry y : ys) {
            left.merge(key(y), 1, Integer::sum);
        }
        int out = 0;
        for (BookWindow.Entry x : xs) {
            Integer n = left.get(key(x));
            if (n == null || n == 0) {
                out++;
            } else {
                left.put(key(x), n - 1);
            }
        }
        return out;
    }

    private static String key(BookWindow.Entry e) {
        return e.symbol() + '/' + e.direction() + '/' + Math.floorDiv(e.time(), ENTRY_BUCKET_MILLIS);
    }

    /** The verdict in a few plain words: "helped: +12.30 USDT (95 % interval +2.10 to +20.00), 24 vs 22 trades". */
    public String plain() {
        if (!sufficient) {
            int n = Math.max(bookFigures.trades(), other.trades());
            return INSUFFICIENT + " (" + n + (n == 1 ? " closed trade" : " closed trades") + " so far)";
        }
        return verdict + ": " + money(netPnlDiff) + " USDT (95 % interval " + money(ciLow) + " to " + money(ciHigh)
                + "), " + bookFigures.trades() + " vs " + other.trades() + " trades";
    }

    static String money(double v) {
        return String.format(Locale.ROOT, "%+.2f", v);
    }
}
