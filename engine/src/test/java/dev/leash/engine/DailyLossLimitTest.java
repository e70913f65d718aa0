package dev.leash.engine;

import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.PreTradeCheck;
import dev.leash.risk.RiskParams;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The engine's per-step daily loss check keeps its allowance between steps and still decides exactly as the
 * pre-trade check's formula, {@code start > 0 && start - equity >= start * clamped% / 100}, written out here.
 */
class DailyLossLimitTest {

    private static final Limits LIMITS = Limits.hard(Set.of("BTCUSDT"));
    private static final double[] STARTS = {100_000, 97_000.01, 1e-9, 0.0, -5_000, Double.NaN,
            Double.POSITIVE_INFINITY, 123_456.789};
    private static final double[] EQUITIES = {100_000, 97_000.01, 97_000, 96_999.99, 0.0, -1.0, Double.NaN,
            Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY, 119_753.085_33, 119_753.085_329, 1e-12};

    private final PreTradeCheck check = new PreTradeCheck(LIMITS, 1);

    @Test
    void decidesAsTheWrittenFormulaForEveryStartEquityAndLimitInTurn() {
        DailyLossLimit limit = new DailyLossLimit(check);
        int breaches = 0;
        for (double pct : new double[] {3.0, 1.0, 50.0, Double.NaN, 0.5}) {
            RiskParams risk = risk(pct);
            for (double start : STARTS) {
                for (double equity : EQUITIES) {
                    boolean expected = start > 0 && (start - equity) >= start * LIMITS.dailyLossLimitPct()
                            .clamp(risk.dailyLossLimitPct()) / 100.0;
                    assertThat(limit.breached(risk, start, equity))
                            .as("limit %s%%, start %s, equity %s", pct, start, equity).isEqualTo(expected);
                    breaches += expected ? 1 : 0;
                }
            }
        }
        assertThat(breaches).isPositive();
    }

    @Test
    void measuresFromTheNewStartOfDayOnceItMoves() {
        DailyLossLimit limit = new DailyLossLimit(check);
        RiskParams risk = risk(3.0);

        assertThat(limit.breached(risk, 100_000, 97_500)).isFalse();
        assertThat(limit.breached(risk, 101_000, 97_500)).isTrue(); // the next day starts higher: 3,030 allowed
        assertThat(limit.breached(risk, 101_000, 97_971)).isFalse();
        assertThat(limit.breached(risk, 100_000, 97_500)).isFalse();
    }

    @Test
    void usesATighterLimitFromTheNextParamsVersionOn() {
        DailyLossLimit limit = new DailyLossLimit(check);

        assertThat(limit.breached(risk(3.0), 100_000, 98_500)).isFalse();
        assertThat(limit.breached(risk(1.0), 100_000, 98_500)).isTrue();
    }

    @Test
    void neverBreachesBeforeTheDayHasAStartEquity() {
        DailyLossLimit limit = new DailyLossLimit(check);

        assertThat(limit.breached(risk(3.0), Double.NaN, 0.0)).isFalse();
        assertThat(limit.breached(risk(3.0), 100_000, 0.0)).isTrue();
        assertThat(limit.breached(risk(3.0), Double.NaN, 0.0)).isFalse();
    }

    private static RiskParams risk(double dailyLossLimitPct) {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put("BTCUSDT", new SymbolParams(true, 1.0));
        Params p = new Params(1, 2.0, 5.0, null, 5, 3.0, dailyLossLimitPct, TradingMode.ACTIVE, symbols, "test", "",
                Instant.EPOCH);
        return RiskParams.compile(p, List.of("BTCUSDT"), LIMITS);
    }
}
