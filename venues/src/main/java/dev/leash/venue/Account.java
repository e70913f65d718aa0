package dev.leash.venue;

/** Account in quote currency (USDT): equity includes unrealized P&L; available is what new margin may use. */
public record Account(double equity, double walletBalance, double availableBalance, double unrealizedPnl) {
}
