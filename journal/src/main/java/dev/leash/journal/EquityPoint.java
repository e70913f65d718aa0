package dev.leash.journal;

/** One point of the equity curve, in quote currency; NaN where the value was not known. */
public record EquityPoint(long time, double equity, double walletBalance, double unrealizedPnl) {
}
