package dev.leash.gateway.api;

import dev.leash.gateway.scorecard.AttributionReport;
import dev.leash.gateway.scorecard.BookWindow;
import dev.leash.gateway.scorecard.ChangeEffect;
import dev.leash.gateway.scorecard.Effect;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The MCP tool's {@code get_scorecard} answer ({@code compact=true}) stays small enough for a model's context. */
class ScorecardCompactTest {

    private static Effect effect(String book, String against, double diff, boolean enough) {
        BookWindow a = new BookWindow(123_456.78, -12_345.67 + diff, -9.99, 12.34, 1_234, List.of(), List.of());
        BookWindow b = new BookWindow(123_456.78, -12_345.67, -9.99, 12.34, 1_199, List.of(), List.of());
        return new Effect(book, against, 0, 1, a, b, diff, -0.01, 1.5, 35, 12, 7, diff - 1_234.56, diff + 1_234.56,
                enough, enough ? Effect.NO_CLEAR_DIFFERENCE : Effect.INSUFFICIENT);
    }

    @Test
    void tenChangesWithLargeFiguresFitInUnderTwoKilobytes() {
        List<ChangeEffect> changes = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            long from = 1_000 + i;
            changes.add(new ChangeEffect(1_764_720_000_000L + i * 3_600_000L, from, from + 1, ChangeEffect.MODEL,
                    i % 2 == 0,
                    effect("live-params v" + (from + 1), "incumbent v" + from, -9_876.54, true),
                    effect("live", "live-params v" + (from + 1), 1_234.5, true),
                    effect("live", "baseline", 5.25, i % 3 == 0)));
        }
        AttributionReport report = new AttributionReport("30d", 0, 1, 3_600_000L, 20,
                effect("live", "baseline", 99_999.99, true), changes,
                "The model's 10 changes in the last 30d: 0 helped, 0 hurt, 10 no clear difference, 0 insufficient evidence;"
                        + " live vs the untouched baseline: no clear difference: +99999.99 USDT (95 % interval"
                        + " +98765.43 to +101234.55), 1234 vs 1199 trades.");
        String json = ScorecardCompact.of(report).toString();
        assertThat(json.getBytes(StandardCharsets.UTF_8).length).as(json).isLessThan(2_048);
        assertThat(json).contains("\"v1000>v1001\"").contains("unclear -9877 [-11111,-8642] 1234/1199")
                .contains("insufficient evidence 1234/1199");
    }
}
