package dev.leash.venue;

/** An open position: signed quantity (positive long), average entry price, mark price, unrealized P&L. */
public record Position(String symbol, double qty, double entryPrice, double markPrice, double unrealizedPnl) {
}
