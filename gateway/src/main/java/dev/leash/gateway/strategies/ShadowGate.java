package dev.leash.gateway.strategies;

import dev.leash.gateway.shadow.BookFigures;

import java.util.Locale;

/**
 * The shadow gate at the end of a candidate's shadow time: promoted only with at least the minimum closed trades, a
 * max drawdown no worse than the live book's over the same steps, and a risk-adjusted return (return % over max
 * drawdown %, the drawdown floored at {@value #DRAWDOWN_FLOOR_PCT} %) no worse than the live book's.
 */
public final class ShadowGate {

    /** The smallest drawdown a risk-adjusted return divides by, so a flat book does not divide by zero. */
    public static final double DRAWDOWN_FLOOR_PCT = 0.1;

    /** A verdict: promote or not, and why in plain words. */
    public record Verdict(boolean promote, String reason) {
    }

    private ShadowGate() {
    }

    /** Return % over max drawdown % (floored). */
    public static double riskAdjusted(BookFigures f) {
        return f.returnPct() / Math.max(DRAWDOWN_FLOOR_PCT, f.maxDrawdownPct());
    }

    /** The verdict on {@code candidate} against {@code live} over the same steps. */
    public static Verdict judge(BookFigures candidate, BookFigures live, int minTrades) {
        if (candidate.trades() < minTrades) {
            return new Verdict(false, "not enough evidence: " + candidate.trades() + " closed trades in the shadow, "
                    + minTrades + " needed");
        }
        if (!(candidate.maxDrawdownPct() <= live.maxDrawdownPct())) {
            return new Verdict(false, String.format(Locale.ROOT, "shadow max drawdown %.3f %% is worse than the live"
                    + " book's %.3f %%", candidate.maxDrawdownPct(), live.maxDrawdownPct()));
        }
        double c = riskAdjusted(candidate);
        double l = riskAdjusted(live);
        if (!(c >= l)) {
            return new Verdict(false, String.format(Locale.ROOT, "shadow risk-adjusted return %.3f is below the live"
                    + " book's %.3f", c, l));
        }
        return new Verdict(true, String.format(Locale.ROOT, "no worse than the live book: max drawdown %.3f %% vs"
                        + " %.3f %%, risk-adjusted return %.3f vs %.3f over %d closed trades",
                candidate.maxDrawdownPct(), live.maxDrawdownPct(), c, l, candidate.trades()));
    }
}
