package dev.leash.engine;

import dev.leash.risk.TradingState;

/** The trading state moved. */
public record StateChange(long time, TradingState from, TradingState to, String reason) {
}
