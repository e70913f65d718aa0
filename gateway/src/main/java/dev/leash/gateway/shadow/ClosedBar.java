package dev.leash.gateway.shadow;

/** One closed 5-minute bar of one symbol, as the live feed handed it to the live engine. */
public record ClosedBar(int sym, long closeTime, double high, double low, double close, double volume) {
}
