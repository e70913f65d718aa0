package dev.leash.examples;

import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The scripted outer loop's judgement, as pure functions of what two consecutive cycles saw. Nothing here calls
 * the gateway; {@link ScriptedOuterLoop} sends what these return and re-reads the params after each accepted one.
 */
public final class Rules {

    /** The per-update limit on raising {@code max_position_pct} (risk-guard's {@code MAX_POSITION_PCT_STEP}). */
    public static final double INCREASE_STEP = 0.5;

    private final double decreaseStep;
    private final int losingStreak;
    private final int probeEvery;

    public Rules(double decreaseStep, int losingStreak, int probeEvery) {
        this.decreaseStep = decreaseStep;
        this.losingStreak = losingStreak;
        this.probeEvery = probeEvery;
    }

    static Rules of(Options o) {
        return new Rules(o.decreaseStep(), o.losingStreak(), o.probeEvery());
    }

    /**
     * Volatility up -> {@code max_position_pct} down by the step (never below what is allowed now); volatility down
     * -> up by at most {@link #INCREASE_STEP}, only when {@code may_change_now} allows an increase. Nothing on the
     * first cycle (no previous volatility) or when the gateway is down.
     */
    public Optional<Proposal> volatility(double previousVolatility, Observation now) {
        double vol = now.meanVolatility();
        if ("down".equals(now.health()) || !Double.isFinite(previousVolatility) || !Double.isFinite(vol)
                || vol == previousVolatility) {
            return Optional.empty();
        }
        double cur = now.maxPositionPct();
        double change = (vol / previousVolatility - 1) * 100;
        if (vol > previousVolatility) {
            double target = round2(Math.max(now.maxPositionMin(), cur - decreaseStep));
            if (!(target < cur)) {
                return Optional.empty();
            }
            return Optional.of(new Proposal(Proposal.Kind.VOLATILITY_UP, maxPosition(target), String.format(Locale.ROOT,
                    "Mean realized volatility of the enabled symbols rose from %.1f%% to %.1f%% (%+.1f%%) since the "
                            + "previous review. Cutting max_position_pct from %.2f to %.2f keeps the risk taken per "
                            + "position roughly level; expect smaller fills until volatility settles.",
                    previousVolatility, vol, change, cur, target)));
        }
        if (!now.increaseAllowedNow()) {
            return Optional.empty();
        }
        double target = round2(Math.min(now.maxPositionMax(), cur + INCREASE_STEP));
        if (!(target > cur)) {
            return Optional.empty();
        }
        return Optional.of(new Proposal(Proposal.Kind.VOLATILITY_DOWN, maxPosition(target), String.format(Locale.ROOT,
                "Mean realized volatility of the enabled symbols fell from %.1f%% to %.1f%% (%+.1f%%) since the "
                        + "previous review and may_change_now allows an increase (up to %.2f). Raising "
                        + "max_position_pct from %.2f to %.2f (+%.2f, within the +%.2f step) restores size as risk "
                        + "per position falls.",
                previousVolatility, vol, change, now.maxPositionMax(), cur, target, target - cur, INCREASE_STEP)));
    }

    /**
     * The first enabled symbol, not in {@code tried}, whose last {@code losingStreak} closed trades all lost; never
     * the last enabled symbol (pausing everything is the trading mode's job, not this rule's).
     */
    public Optional<Proposal> losingStreak(Observation now, Set<String> tried) {
        if (now.enabledCount() <= 1) {
            return Optional.empty();
        }
        for (var e : now.losses().entrySet()) {
            String symbol = e.getKey();
            List<Double> run = e.getValue();
            if (run.size() < losingStreak || tried.contains(symbol) || !now.enabled().getOrDefault(symbol, false)) {
                continue;
            }
            ObjectNode changes = LeashClient.JSON.createObjectNode();
            changes.putObject("symbols").putObject(symbol).put("enabled", false);
            String pnl = run.stream().map(p -> String.format(Locale.ROOT, "%.2f", p)).collect(Collectors.joining(", "));
            return Optional.of(new Proposal(Proposal.Kind.LOSING_STREAK, changes, String.format(Locale.ROOT,
                    "%s lost its last %d closed trades in a row (realized P&L %s USDT; the rule is %d). Disabling it "
                            + "stops new entries there while %d other symbol(s) keep trading; a later review may "
                            + "enable it again.",
                    symbol, run.size(), pnl, losingStreak, now.enabledCount() - 1)));
        }
        return Optional.empty();
    }

    /**
     * Every {@code probeEvery} cycles: one increase of {@code max_position_pct} twice the per-update step, which
     * risk-guard must reject. It shows, in the audit journal, that the bound holds against an over-eager client.
     */
    public Optional<Proposal> probe(int cycle, Observation now) {
        if (probeEvery == 0 || cycle % probeEvery != 0 || "down".equals(now.health())) {
            return Optional.empty();
        }
        double cur = now.maxPositionPct();
        double target = round2(cur + 2 * INCREASE_STEP);
        return Optional.of(new Proposal(Proposal.Kind.PROBE, maxPosition(target), String.format(Locale.ROOT,
                "Deliberate probe of the step bound (cycle %d): proposing max_position_pct %.2f -> %.2f (+%.2f), "
                        + "more than the +%.2f allowed per update. risk-guard must reject it and keep version %d.",
                cycle, cur, target, target - cur, INCREASE_STEP, now.paramsVersion())));
    }

    private static ObjectNode maxPosition(double value) {
        return LeashClient.JSON.createObjectNode().put("max_position_pct", value);
    }

    static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
