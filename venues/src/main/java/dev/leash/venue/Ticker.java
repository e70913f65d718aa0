package dev.leash.venue;

/** Latest prices of a symbol at {@code time} (epoch ms). */
public record Ticker(String symbol, long time, double lastPrice, double markPrice, double bid, double ask,
                     double volume24h) {
}
