package dev.leash.gateway.scorecard;

import dev.leash.journal.BookFill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Cuts a book's fills into round trips: a trip opens when a fill takes the symbol's position from flat, and closes
 * when a fill takes it back to flat or reverses it (a reversing fill's fee is split by the quantity it closes).
 * Fills that add to or reduce an open trip add their realized P&L less fee to it.
 */
final class RoundTrips {

    /** Closer to flat than this is flat (the dust of summed lots). */
    private static final double DUST = 1e-9;

    private RoundTrips() {
    }

    /** The book's figures over {@code [from, to]} from its fills (any order of time is sorted stably). */
    static BookWindow window(List<BookFill> fills, long from, long to, double startEquity) {
        List<BookFill> sorted = new ArrayList<>(fills);
        sorted.sort((a, b) -> Long.compare(a.time(), b.time()));
        Map<String, double[]> open = new HashMap<>(); // symbol -> {P&L so far}; absent: no trip of this window
        List<Double> pnls = new ArrayList<>();
        List<BookWindow.Entry> entries = new ArrayList<>();
        for (BookFill f : sorted) {
            if (f.time() < from || f.time() > to) {
                continue;
            }
            double after = f.positionAfter();
            double before = after - f.signedQty();
            double net = nz(f.realizedPnl()) - nz(f.fee());
            boolean wasFlat = Math.abs(before) < DUST;
            boolean isFlat = Math.abs(after) < DUST;
            if (wasFlat) {
                if (!isFlat) {
                    open.put(f.symbol(), new double[] {net});
                    entries.add(new BookWindow.Entry(f.symbol(), (int) Math.signum(after), f.time()));
                }
                continue;
            }
            double[] trip = open.get(f.symbol());
            if (!isFlat && Math.signum(after) == Math.signum(before)) {
                if (trip != null) {
                    trip[0] += net;
                }
                continue;
            }
            double closedShare = isFlat ? 1.0 : Math.abs(before) / Math.abs(f.signedQty());
            if (trip != null) {
                pnls.add(trip[0] + nz(f.realizedPnl()) - nz(f.fee()) * closedShare);
            }
            open.remove(f.symbol());
            if (!isFlat) {
                open.put(f.symbol(), new double[] {-nz(f.fee()) * (1 - closedShare)});
                entries.add(new BookWindow.Entry(f.symbol(), (int) Math.signum(after), f.time()));
            }
        }
        double net = 0;
        double peak = startEquity;
        double maxDd = 0;
        for (double p : pnls) {
            net += p;
            double equity = startEquity + net;
            peak = Math.max(peak, equity);
            if (peak > 0) {
                maxDd = Math.max(maxDd, (peak - equity) / peak * 100.0);
            }
        }
        double ret = startEquity > 0 ? net / startEquity * 100.0 : Double.NaN;
        return new BookWindow(startEquity, net, ret, maxDd, pnls.size(), List.copyOf(pnls), List.copyOf(entries));
    }

    private static double nz(double v) {
        return Double.isFinite(v) ? v : 0;
    }
}
