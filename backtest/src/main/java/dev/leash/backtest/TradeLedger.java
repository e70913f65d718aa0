package dev.leash.backtest;

import java.util.Arrays;

/**
 * Cuts fills into round trips: a trade opens when a symbol leaves flat and closes when it returns to flat or
 * flips side (a reversal closes one trade and opens the next). A trade's P&L is its realized P&L less its fees;
 * the fee of a reversing fill is split by quantity between the trade it closes and the one it opens. Funding is
 * not part of a trade. A trade still open at the end is not counted. The REST API's performance counts live trades
 * with it too, so win rate and profit factor mean the same in backtests and live.
 */
public final class TradeLedger {

    /** Positions closer to zero than this are flat (quantities are whole lots of at least 1e-8). */
    private static final double FLAT = 1e-9;

    private final double[] position;
    private final double[] openPnl;
    private double[] pnl = new double[64];
    private int count;

    public TradeLedger(int symbols) {
        this.position = new double[symbols];
        this.openPnl = new double[symbols];
    }

    /** Starts {@code sym} from a position opened before the first fill this ledger sees (its fees unseen). */
    public void startFrom(int sym, double position) {
        this.position[sym] = Math.abs(position) < FLAT ? 0.0 : position;
    }

    /** One fill of {@code qty > 0} on side {@code dir} (+1 buy, -1 sell), with its fee and realized P&L. */
    public void onFill(int sym, int dir, double qty, double fee, double realized) {
        double before = position[sym];
        double closing = before * dir < 0 ? Math.min(Math.abs(before), qty) : 0.0;
        double closingFee = qty > 0 ? fee * closing / qty : 0.0;
        double after = before + dir * qty;
        if (Math.abs(after) < FLAT) {
            after = 0.0;
        }
        openPnl[sym] += realized - closingFee;
        boolean closed = before != 0 && (after == 0 || Math.signum(after) != Math.signum(before));
        if (closed) {
            record(openPnl[sym]);
            openPnl[sym] = 0.0;
        }
        openPnl[sym] -= fee - closingFee;
        position[sym] = after;
    }

    private void record(double tradePnl) {
        if (count == pnl.length) {
            pnl = Arrays.copyOf(pnl, count * 2);
        }
        pnl[count++] = tradePnl;
    }

    public int count() {
        return count;
    }

    /** P&L of the closed trades, oldest first. */
    public double[] pnls() {
        return Arrays.copyOf(pnl, count);
    }
}
