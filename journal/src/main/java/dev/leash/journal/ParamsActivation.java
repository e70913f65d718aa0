package dev.leash.journal;

/** A parameter version started to drive the inner loop at {@code tradingTime} ({@code wallTime} on the wall). */
public record ParamsActivation(long version, long tradingTime, long wallTime) {
}
