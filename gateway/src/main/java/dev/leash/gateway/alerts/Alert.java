package dev.leash.gateway.alerts;

/**
 * An operator alert.
 *
 * @param kind what happened: {@code halted}, {@code reduce_only_entered}, {@code reduce_only_left},
 *             {@code middle_loop_stalled}, {@code breaker_open},
 *             {@code proposals_digest}, {@code daily_summary}
 * @param time trading time, epoch milliseconds
 * @param text one human-readable line
 */
public record Alert(String kind, long time, String text) {
}
