package dev.leash.journal;

import java.util.List;

/**
 * One shadow book as journaled: running ({@code active}) with its figures at the last checkpoint, or retired with
 * its final figures. Amounts in the account currency; NaN where unknown.
 *
 * @param updatedAt trading time of the step the figures are as of
 * @param flags     why the figures are incomplete or cut short, e.g. {@code missed_ticks from ... to ...}
 */
public record ShadowBookRecord(String name, long since, long paramsVersion, boolean active, long updatedAt,
                               double startEquity, double equity, double netPnl, double returnPct,
                               double maxDrawdownPct, long trades, List<String> flags) {

    public ShadowBookRecord {
        flags = List.copyOf(flags);
    }
}
