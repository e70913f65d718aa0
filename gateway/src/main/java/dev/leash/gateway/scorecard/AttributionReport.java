package dev.leash.gateway.scorecard;

import java.util.List;

/**
 * The scorecard over one window, worked out from the journal by {@link Attribution}.
 *
 * @param vsBaseline  the live book against the baseline shadow over the window; null when no baseline ran
 * @param changes     the changes made in the window, oldest first
 * @param trackRecord one plain line: how the changes did, and the live book against the baseline
 */
public record AttributionReport(String window, long from, long to, long warmupMillis, int minTrades,
                                Effect vsBaseline, List<ChangeEffect> changes, String trackRecord) {
}
