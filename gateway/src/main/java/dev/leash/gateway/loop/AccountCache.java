package dev.leash.gateway.loop;

import dev.leash.gateway.venue.Account;

import java.util.function.DoubleSupplier;

/**
 * The last account a live venue reported, for the engine's sizing and loss checks: refreshed by the inner loop at
 * start and at every bar, so sizing never waits on the network. NaN until the first report (orders are then
 * refused by the pre-trade check).
 */
public final class AccountCache implements DoubleSupplier {

    private volatile double equity = Double.NaN;

    public AccountCache() {
    }

    void update(Account account) {
        if (account != null && Double.isFinite(account.equity())) {
            equity = account.equity();
        }
    }

    @Override
    public double getAsDouble() {
        return equity;
    }
}
