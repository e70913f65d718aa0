package dev.leash.gateway.loop;

import dev.leash.venue.Account;

import java.util.Arrays;
import java.util.function.DoubleSupplier;

/**
 * A live venue's equity for the engine's sizing and daily loss check: the last account the venue reported (read at
 * start, at every bar and at every middle-loop pass), marked to market at every tick since, so a losing open
 * position counts at once. NaN until the first report (orders are then refused by the pre-trade check).
 *
 * <p>Threading: {@link #mark} and {@link #update} run on the inner loop's thread (the middle loop hands its reads
 * over through {@link InnerLoop#refreshAccount}); {@link #getAsDouble} may be read from any thread.
 */
public final class AccountCache implements DoubleSupplier {

    private volatile double reported = Double.NaN;
    private volatile double drift;
    private double[] lastPrice = new double[0];

    public AccountCache() {
    }

    /** A fresh report from the venue: its equity already holds the unrealized P&L, so the marks start again. */
    void update(Account account) {
        if (account != null && Double.isFinite(account.equity())) {
            reported = account.equity();
            drift = 0;
        }
    }

    /**
     * A trade price of symbol {@code sym} while the position is {@code position} (signed, base units): the equity
     * moves by the position times the price change since the last tick of that symbol.
     */
    void mark(int sym, double position, double price) {
        if (sym >= lastPrice.length) {
            int from = lastPrice.length;
            lastPrice = Arrays.copyOf(lastPrice, sym + 1);
            Arrays.fill(lastPrice, from, sym + 1, Double.NaN);
        }
        double before = lastPrice[sym];
        if (price > 0 && Double.isFinite(price)) {
            if (position != 0 && before > 0) {
                drift += position * (price - before);
            }
            lastPrice[sym] = price;
        }
    }

    @Override
    public double getAsDouble() {
        return reported + drift;
    }
}
