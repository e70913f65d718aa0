package dev.leash.examples;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The scripted outer loop's rules, without a gateway. */
class RulesTest {

    private final Rules rules = new Rules(0.25, 3, 3);

    private static Observation seen(double vol, double maxPos, boolean increaseAllowed, Map<String, List<Double>> losses) {
        return new Observation("ok", 100_000, 4, maxPos, 0.1, Math.min(5, maxPos + 0.5), increaseAllowed,
                Map.of("BTCUSDT", true, "ETHUSDT", true), Map.of("BTCUSDT", vol, "ETHUSDT", vol), losses, 10);
    }

    @Test
    void cutsMaxPositionWhenVolatilityRises() {
        Proposal p = rules.volatility(90, seen(100, 1.0, true, Map.of())).orElseThrow();

        assertThat(p.kind()).isEqualTo(Proposal.Kind.VOLATILITY_UP);
        assertThat(p.changes().get("max_position_pct").asDouble()).isEqualTo(0.75);
        assertThat(p.rationale()).contains("90.0%", "100.0%", "1.00", "0.75");
    }

    @Test
    void raisesByAtMostTheStepOnlyWhenAnIncreaseIsAllowedNow() {
        assertThat(rules.volatility(110, seen(100, 1.0, false, Map.of()))).isEmpty();

        Proposal p = rules.volatility(110, seen(100, 1.0, true, Map.of())).orElseThrow();
        assertThat(p.changes().get("max_position_pct").asDouble()).isEqualTo(1.5);
    }

    @Test
    void holdsOnTheFirstCycleAndWhenTheGatewayIsDown() {
        assertThat(rules.volatility(Double.NaN, seen(100, 1.0, true, Map.of()))).isEmpty();
        Observation down = new Observation("down", 0, 4, 1.0, 0.1, 1.5, true, Map.of("BTCUSDT", true),
                Map.of("BTCUSDT", 120.0), Map.of(), 0);
        assertThat(rules.volatility(100, down)).isEmpty();
        assertThat(rules.probe(3, down)).isEmpty();
    }

    @Test
    void disablesASymbolAfterItsLosingStreakButNeverTheLastOne() {
        Observation now = seen(100, 1.0, true, Map.of("ETHUSDT", List.of(-5.0, -3.2, -1.0)));

        Proposal p = rules.losingStreak(now, Set.of()).orElseThrow();

        assertThat(p.changes().toString()).isEqualTo("{\"symbols\":{\"ETHUSDT\":{\"enabled\":false}}}");
        assertThat(p.rationale()).contains("ETHUSDT lost its last 3", "-5.00, -3.20, -1.00");
        assertThat(rules.losingStreak(now, Set.of("ETHUSDT"))).isEmpty();
        Observation lastOne = new Observation("ok", 1, 4, 1.0, 0.1, 1.5, true, Map.of("ETHUSDT", true),
                Map.of(), Map.of("ETHUSDT", List.of(-1.0, -1.0, -1.0)), 3);
        assertThat(rules.losingStreak(lastOne, Set.of())).isEmpty();
    }

    @Test
    void probesWithTwiceTheStepEveryThirdCycle() {
        assertThat(rules.probe(2, seen(100, 1.0, true, Map.of()))).isEmpty();

        Proposal p = rules.probe(3, seen(100, 1.0, true, Map.of())).orElseThrow();

        assertThat(p.expectAccepted()).isFalse();
        assertThat(p.changes().get("max_position_pct").asDouble()).isEqualTo(2.0);
    }

    @Test
    void losingRunsCountOnlyTheNewestConsecutiveLosses() throws Exception {
        var trades = LeashClient.JSON.readTree("""
                [{"symbol":"BTCUSDT","realized_pnl":-2.0},{"symbol":"BTCUSDT","realized_pnl":0.0},
                 {"symbol":"ETHUSDT","realized_pnl":4.0},{"symbol":"BTCUSDT","realized_pnl":-1.0},
                 {"symbol":"BTCUSDT","realized_pnl":3.0},{"symbol":"BTCUSDT","realized_pnl":-9.0},
                 {"symbol":"ETHUSDT","realized_pnl":-1.0}]""");

        assertThat(Observation.losingRuns(trades)).isEqualTo(Map.of("BTCUSDT", List.of(-2.0, -1.0)));
    }
}
