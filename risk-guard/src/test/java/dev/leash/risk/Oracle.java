package dev.leash.risk;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The parameter rules restated from the README, independently of {@link ParamPolicy}, {@link RiskIncrease} and
 * {@link ChangeLog}: what every accepted version must satisfy. Each check returns the broken rules as sentences.
 */
final class Oracle {

    private static final Pattern SYMBOL = Pattern.compile("[A-Z0-9-]{2,20}");

    private Oracle() {
    }

    /** Every field inside the hard ceilings, with at most four decimals; symbols allowlisted; ten enabled at most. */
    static List<String> limitBreaches(Params p, Set<String> allowlist) {
        List<String> out = new ArrayList<>();
        inside(out, "max_position_pct", p.maxPositionPct(), 0.1, 5.0);
        inside(out, "stop_loss_pct", p.stopLossPct(), 0.2, 10.0);
        if (p.takeProfitPct() != null) {
            inside(out, "take_profit_pct", p.takeProfitPct(), 0.2, 50.0);
        }
        inside(out, "breakout_lookback", p.breakoutLookback(), 5, 200);
        inside(out, "max_leverage", p.maxLeverage(), 1.0, 3.0);
        inside(out, "daily_loss_limit_pct", p.dailyLossLimitPct(), 0.5, 5.0);
        int enabled = 0;
        for (Map.Entry<String, SymbolParams> e : p.symbols().entrySet()) {
            if (!SYMBOL.matcher(e.getKey()).matches() || !allowlist.contains(e.getKey())) {
                out.add("symbol '" + e.getKey() + "' is malformed or off the allowlist");
            }
            inside(out, "symbols." + e.getKey() + ".size_multiplier", e.getValue().sizeMultiplier(), 0.0, 1.5);
            enabled += e.getValue().enabled() ? 1 : 0;
        }
        if (enabled > 10) {
            out.add(enabled + " symbols enabled");
        }
        return out;
    }

    private static void inside(List<String> out, String field, double v, double floor, double ceiling) {
        if (!(v >= floor && v <= ceiling)) {
            out.add(field + " = " + v + " outside [" + floor + ", " + ceiling + "]");
        } else if (Math.abs(v - Math.rint(v * 10_000) / 10_000) > 1e-9) {
            out.add(field + " = " + v + " has more than 4 decimals");
        }
    }

    /** The per-update steps, compared in units of 0.0001. */
    static List<String> stepBreaches(Params before, Params after) {
        List<String> out = new ArrayList<>();
        rise(out, "max_position_pct", before.maxPositionPct(), after.maxPositionPct(), 5_000);
        rise(out, "stop_loss_pct", before.stopLossPct(), after.stopLossPct(), 10_000);
        rise(out, "max_leverage", before.maxLeverage(), after.maxLeverage(), 10_000);
        rise(out, "daily_loss_limit_pct", before.dailyLossLimitPct(), after.dailyLossLimitPct(), 10_000);
        for (Map.Entry<String, SymbolParams> e : after.symbols().entrySet()) {
            SymbolParams was = before.symbols().get(e.getKey());
            rise(out, e.getKey() + ".size_multiplier", was == null ? SymbolParams.DEFAULT_SIZE_MULTIPLIER : was.sizeMultiplier(),
                    e.getValue().sizeMultiplier(), 5_000);
        }
        int from = before.breakoutLookback();
        int to = after.breakoutLookback();
        if (Math.abs(to - from) * 2L > from) {
            out.add("breakout_lookback " + from + " -> " + to + " moves more than 50 %");
        }
        return out;
    }

    private static void rise(List<String> out, String field, double before, double after, long maxUnits) {
        if (Numbers.units(after) - Numbers.units(before) > maxUnits) {
            out.add(field + " " + before + " -> " + after + " rises more than " + maxUnits + " units");
        }
    }

    /** True when the change raises any risk: size, stop, leverage, loss limit, mode, or a symbol. */
    static boolean raises(Params before, Params after) {
        if (after.maxPositionPct() > before.maxPositionPct() || after.stopLossPct() > before.stopLossPct()
                || after.maxLeverage() > before.maxLeverage()
                || after.dailyLossLimitPct() > before.dailyLossLimitPct()
                || after.tradingMode().ordinal() > before.tradingMode().ordinal()) {
            return true;
        }
        for (Map.Entry<String, SymbolParams> e : after.symbols().entrySet()) {
            SymbolParams was = before.symbols().get(e.getKey());
            boolean wasOn = was != null && was.enabled();
            double wasMultiplier = was == null ? SymbolParams.DEFAULT_SIZE_MULTIPLIER : was.sizeMultiplier();
            if (e.getValue().enabled() && !wasOn || e.getValue().sizeMultiplier() > wasMultiplier) {
                return true;
            }
        }
        return false;
    }

    /** One accepted version, when it took effect, and whether it raised risk over the version before it. */
    record Version(Instant at, Params params, boolean raised) {

        static Version first(Instant at, Params params) {
            return new Version(at, params, false);
        }

        Version next(Instant when, Params p) {
            return new Version(when, p, raises(params, p));
        }
    }

    /**
     * The increase rules for the newest of {@code history} (oldest first; the first is the starting point, in effect
     * since forever): 15 min after the previous increase, at most 8 increases in the 24 h ending at it, and
     * max_position_pct at most 2.0 above every value in effect in the 24 h ending at it.
     */
    static List<String> increaseBreaches(List<Version> history) {
        List<String> out = new ArrayList<>();
        int k = history.size() - 1;
        if (k < 1) {
            return out;
        }
        Version newest = history.get(k);
        Instant windowStart = newest.at().minus(Duration.ofHours(24));
        if (newest.raised()) {
            int inWindow = 1;
            Instant lastIncrease = null;
            for (int i = 1; i < k; i++) {
                if (history.get(i).raised()) {
                    lastIncrease = history.get(i).at();
                    if (lastIncrease.isAfter(windowStart)) {
                        inWindow++;
                    }
                }
            }
            if (lastIncrease != null && Duration.between(lastIncrease, newest.at()).compareTo(
                    Duration.ofMinutes(15)) < 0) {
                out.add("increase at " + newest.at() + " only " + Duration.between(lastIncrease, newest.at())
                        + " after the one at " + lastIncrease);
            }
            if (inWindow > 8) {
                out.add(inWindow + " increases in the 24 h ending " + newest.at());
            }
        }
        double lowest = newest.params().maxPositionPct();
        for (int i = 0; i < k; i++) {
            Instant until = history.get(i + 1).at(); // version i is in effect during [at(i), at(i + 1))
            if (until.isAfter(windowStart)) {
                lowest = Math.min(lowest, history.get(i).params().maxPositionPct());
            }
        }
        if (Numbers.units(newest.params().maxPositionPct()) - Numbers.units(lowest) > 20_000) {
            out.add("max_position_pct " + newest.params().maxPositionPct() + " at " + newest.at()
                    + " is more than 2.0 above " + lowest + ", in effect within the last 24 h");
        }
        return out;
    }
    /**
     * The increase rules for one accepted change from {@code current} to {@code accepted} at {@code now}, read
     * straight from the entries of a log of earlier changes (not through its query methods).
     */
    static List<String> increaseBreaches(ChangeLog log, Params current, Params accepted, Instant now) {
        List<String> out = new ArrayList<>();
        if (!raises(current, accepted)) {
            return out;
        }
        Instant windowStart = now.minus(Duration.ofHours(24));
        int inWindow = 0;
        Instant lastIncrease = null;
        double inEffectAtStart = log.baselineMaxPositionPct();
        double lowest = current.maxPositionPct();
        for (ChangeLog.Entry e : log.entries()) {
            if (e.increase()) {
                lastIncrease = lastIncrease == null || e.at().isAfter(lastIncrease) ? e.at() : lastIncrease;
                inWindow += e.at().isAfter(windowStart) && !e.at().isAfter(now) ? 1 : 0;
            }
            if (e.at().isAfter(windowStart)) {
                lowest = Math.min(lowest, e.maxPositionPct());
            } else {
                inEffectAtStart = e.maxPositionPct();
            }
        }
        lowest = Math.min(lowest, inEffectAtStart);
        if (lastIncrease != null && now.isBefore(lastIncrease.plus(Duration.ofMinutes(15)))) {
            out.add("increase at " + now + " within 15 min of the one at " + lastIncrease);
        }
        if (inWindow >= 8) {
            out.add("a ninth increase within 24 h: " + inWindow + " before it");
        }
        if (accepted.maxPositionPct() > current.maxPositionPct()
                && Numbers.units(accepted.maxPositionPct()) - Numbers.units(lowest) > 20_000) {
            out.add("max_position_pct " + accepted.maxPositionPct() + " more than 2.0 above " + lowest);
        }
        return out;
    }
}
