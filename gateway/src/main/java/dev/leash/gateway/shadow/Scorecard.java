package dev.leash.gateway.shadow;

import java.util.List;

/**
 * "Is the AI helping?": the live book against its shadow books, as of trading time {@code asOf}. Immutable.
 *
 * @param minTrades   closed trades the busier book of a comparison needs before it gets a verdict
 * @param missedSteps market steps the shadows never saw because their queue was full (their figures are flagged)
 * @param live        the live book since the shadows started
 * @param vsBaseline  the live book against the baseline since the start
 * @param summary     one plain sentence for a trader
 */
public record Scorecard(long asOf, int minTrades, long missedSteps, BookFigures live, Comparison vsBaseline,
                        List<Shadow> shadows, List<Change> changes, String summary) {

    /** The verdict below the minimum of closed trades. */
    public static final String INSUFFICIENT = "insufficient evidence";

    /** One shadow book: its params version, whether it still runs, its figures since it started, its flags. */
    public record Shadow(String name, long paramsVersion, boolean active, BookFigures figures, List<String> flags) {

        /** True when the figures are incomplete or were cut short (missed ticks, a failed step, a retirement). */
        public boolean flagged() {
            return !flags.isEmpty();
        }
    }

    /**
     * One accepted parameter change and its effect since it was made.
     *
     * @param strategyEffect live minus the incumbent shadow (the version the change replaced); null when no
     *                       incumbent shadow ran for it
     * @param vsBaseline     live minus the baseline shadow over the same window
     * @param open           false once the incumbent shadow retired: the figures are final
     */
    public record Change(long at, long fromVersion, long toVersion, boolean open, Comparison strategyEffect,
                         Comparison vsBaseline) {
    }

    /**
     * The live book against another book over one window: both books' figures, the differences (live minus other)
     * and the verdict; below the minimum of trades the verdict is {@link #INSUFFICIENT} and {@link #sufficient} false.
     */
    public record Comparison(String against, BookFigures live, BookFigures other, double netPnlDiff,
                             double returnPctDiff, boolean sufficient, String verdict) {

        static Comparison of(String against, BookFigures live, BookFigures other, int minTrades) {
            double diff = live.netPnl() - other.netPnl();
            double ret = live.returnPct() - other.returnPct();
            int trades = Math.max(live.trades(), other.trades());
            boolean enough = trades >= minTrades;
            String verdict;
            if (!enough) {
                verdict = INSUFFICIENT;
            } else if (Math.abs(diff) < 0.005) {
                verdict = "no difference";
            } else {
                verdict = (diff > 0 ? "helped: " : "hurt: ") + money(diff) + " vs the " + against;
            }
            return new Comparison(against, live, other, diff, ret, enough, verdict);
        }
    }

    static String money(double v) {
        return String.format(java.util.Locale.ROOT, "%+.2f", v);
    }
}
