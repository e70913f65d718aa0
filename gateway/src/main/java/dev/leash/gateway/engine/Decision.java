package dev.leash.gateway.engine;

/** One journaled decision of the inner loop, at bar close or on the tick that triggered an order. */
public record Decision(long time, String symbol, Action action, String reason, Signals signals,
                       long paramsVersion) {
}
