package dev.leash.venue;

/** A closed 5-minute bar; {@code openTime} in epoch milliseconds, volume in base units. */
public record Candle(String symbol, long openTime, double open, double high, double low, double close,
                     double volume) {

    /** Bar length of the strategy, milliseconds. */
    public static final long INTERVAL_MILLIS = 300_000L;

    public long closeTime() {
        return openTime + INTERVAL_MILLIS;
    }
}
