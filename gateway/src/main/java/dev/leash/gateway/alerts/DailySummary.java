package dev.leash.gateway.alerts;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;

/**
 * One alert when a UTC day of trading time ends: equity, the day's P&L, trades, trading state, parameter version and
 * the day's proposals. The day is the engine's (trading time), the one its daily loss limit counts. Called from one
 * timer thread.
 */
public final class DailySummary {

    /** What the summary reports of a finished day. */
    @FunctionalInterface
    public interface Source {
        /** The figures of the trading-time span {@code [fromMillis, toMillis)}. */
        DayFigures figures(long fromMillis, long toMillis);
    }

    /**
     * A day's figures.
     *
     * @param equity equity now, NaN when unknown
     * @param pnl equity now less the first equity journaled that day, NaN when unknown
     * @param trades fills journaled that day
     */
    public record DayFigures(double equity, double pnl, int trades, String tradingState, long paramsVersion) {
    }

    private final Source source;
    private final ProposalDigest proposals;
    private LocalDate day;

    public DailySummary(Source source, ProposalDigest proposals) {
        this.source = source;
        this.proposals = proposals;
    }

    /** The summary of the day that ended, when {@code tradingMillis} is the first look into a new UTC day. */
    public Optional<Alert> poll(long tradingMillis) {
        LocalDate today = LocalDate.ofInstant(java.time.Instant.ofEpochMilli(tradingMillis), ZoneOffset.UTC);
        LocalDate ended = day;
        if (ended == null || !today.isAfter(ended)) {
            day = today;
            return Optional.empty();
        }
        long from = ended.atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        long to = ended.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().toEpochMilli();
        DayFigures f = source.figures(from, to);
        ProposalDigest.DayCounts p = proposals == null ? new ProposalDigest.DayCounts(0, 0) : proposals.on(ended);
        String text = String.format(Locale.ROOT, "Leash daily summary %s (UTC): equity %s USDT, P&L %s USDT, %d trades,"
                        + " trading %s, params version %d, proposals %d accepted / %d rejected", ended,
                money(f.equity(), false), money(f.pnl(), true), f.trades(), f.tradingState(), f.paramsVersion(),
                p.accepted(), p.rejected());
        day = today; // only now: a source that failed is asked again at the next look
        return Optional.of(new Alert("daily_summary", to, text));
    }

    private static String money(double v, boolean signed) {
        if (!Double.isFinite(v)) {
            return "unknown";
        }
        return String.format(Locale.ROOT, signed ? "%+.2f" : "%.2f", v);
    }
}
