package dev.leash.params;

import dev.leash.risk.ParamPolicy;
import dev.leash.risk.Params;
import dev.leash.risk.Principal;
import dev.leash.risk.Rule;
import dev.leash.risk.StrategyBlock;
import dev.leash.risk.StrategyRules;
import dev.leash.risk.StrategySpec;
import dev.leash.risk.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static dev.leash.params.Fixtures.BASELINE;
import static dev.leash.params.Fixtures.POLICY;
import static dev.leash.params.Fixtures.T0;
import static dev.leash.params.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The {@code strategy} object travels in the params: parsed strictly, versioned, journaled, the operator's alone. */
@Timeout(30)
class StrategyParamsTest {

    static final String EXAMPLE = "{'entry': {'rule': 'bollinger_reversion', 'period': 20, 'width': 2.0},"
            + " 'filters': [{'filter': 'rsi_band', 'low': 30, 'high': 70}],"
            + " 'exits': [{'exit': 'stop_loss', 'pct': 1.5}, {'exit': 'trailing_stop', 'pct': 2.0}]}";

    @TempDir
    Path dir;

    private static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }

    private static List<Violation> parse(String strategy) {
        List<Violation> out = new ArrayList<>();
        StrategyJson.parse(json(strategy), out);
        return out;
    }

    @Test
    void theExampleRoundTripsThroughTheWireFormat() {
        List<Violation> out = new ArrayList<>();
        StrategySpec s = StrategyJson.parse(json(EXAMPLE), out);

        assertThat(out).isEmpty();
        assertThat(ParamsJson.compact(StrategyJson.toJson(s))).isEqualTo(("{'entry':{'rule':'bollinger_reversion',"
                + "'period':20,'width':2.0},'filters':[{'filter':'rsi_band','low':30.0,'high':70.0}],'exits':"
                + "[{'exit':'stop_loss','pct':1.5},{'exit':'trailing_stop','pct':2.0}]}").replace('\'', '"'));
        assertThat(StrategyJson.parse(StrategyJson.toJson(s), out)).isEqualTo(s);
    }

    @Test
    void theReadmeExampleStrategyIsValid() throws IOException {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("README.md")) || !Files.exists(dir.resolve("param-store"))) {
            dir = dir.getParent();
        }
        String readme = Files.readString(dir.resolve("README.md"));
        int section = readme.indexOf("## Strategy vocabulary");
        int from = readme.indexOf("```json", section) + "```json".length();
        String example = readme.substring(from, readme.indexOf("```", from));

        List<Violation> out = new ArrayList<>();
        StrategySpec s = StrategyJson.parse(ParamsJson.readTree(example).node(), out);
        assertThat(out).isEmpty();
        assertThat(StrategyRules.validate(s, POLICY.limits())).isEmpty();
        assertThat(s).isEqualTo(StrategyJson.parse(json(EXAMPLE), out));
    }

    @Test
    void unknownBlocksKeysAndLabelsAreNamedWithWhatIsAllowed() {
        assertThat(parse("{'entry': {'rule': 'martingale'}, 'exits': [{'exit': 'stop_loss', 'pct': 1, 'x': 2}],"
                + " 'filters': [{'filter': 'regime', 'in': ['sideways']}], 'code': 'rm -rf'}"))
                .extracting(Violation::field, Violation::message).containsExactly(
                        tuple("strategy.code", "unknown field; allowed: entry, filters, exits"),
                        tuple("strategy.entry.rule", "unknown rule \"martingale\"; one of [donchian_breakout, "
                                + "bollinger_reversion, macd_trend]"),
                        tuple("strategy.filters[0].in", "unknown regime \"sideways\"; one of trend, range, "
                                + "high_volatility"),
                        tuple("strategy.exits[0].x", "unknown field of stop_loss; allowed: [pct]"));
    }

    @Test
    void aDocumentWithoutAStrategyWritesNoneAndOneWithItKeepsIt() {
        assertThat(ParamsJson.toJson(BASELINE).has(StrategyBlock.STRATEGY)).isFalse();

        var doc = ParamsJson.toJson(BASELINE);
        doc.set(StrategyBlock.STRATEGY, json(EXAMPLE));
        ParamsJson.Parsed parsed = ParamsJson.parseDocument(doc);

        assertThat(parsed.violations()).isEmpty();
        assertThat(parsed.params().strategy().entry().block()).isEqualTo(StrategyBlock.BOLLINGER_REVERSION);
        assertThat(ParamsJson.parseDocument(ParamsJson.toJson(parsed.params())).params()).isEqualTo(parsed.params());
    }

    @Test
    void theModelCannotChangeTheStrategyAndNothingChanges() throws IOException {
        try (ParamStore store = ParamStore.open(dir, POLICY, BASELINE, T0)) {
            WriteResult r = store.propose(null, json("{'strategy': " + EXAMPLE + "}"), "claude (model-token)",
                    Principal.MODEL, "mean reversion suits this range", false, minutes(1));

            assertThat(r.accepted()).isFalse();
            assertThat(r.violations()).extracting(Violation::field, Violation::rule, Violation::message)
                    .containsExactly(tuple("strategy", Rule.PRINCIPAL, ParamPolicy.STRATEGY_BY_PROPOSAL));
            assertThat(store.current()).isEqualTo(BASELINE);
        }
    }

    @Test
    void theOperatorSetsAStrategyAsAVersionWithItsDiffInTheJournalAndItSurvivesARestart() throws IOException {
        try (ParamStore store = ParamStore.open(dir, POLICY, BASELINE, T0)) {
            WriteResult r = store.propose(null, json("{'strategy': " + EXAMPLE + "}"), "operator (gateway-token)",
                    Principal.OPERATOR, "try mean reversion", false, minutes(1));

            assertThat(r.accepted()).as("%s", r.violations()).isTrue();
            assertThat(r.entry().diff()).extracting(FieldChange::field).containsExactly("strategy");
            assertThat(store.current().version()).isEqualTo(BASELINE.version() + 1);
        }
        assertThat(Files.readString(dir.resolve(ParamStore.AUDIT_FILE))).contains("bollinger_reversion");
        try (ParamStore reopened = ParamStore.open(dir, POLICY, BASELINE, minutes(2))) {
            assertThat(reopened.current().strategy().exits()).hasSize(2);
            Params cur = reopened.current();
            // the model may still tune other fields; the strategy stays as the operator set it
            WriteResult tune = reopened.propose(null, json("{'max_position_pct': 0.8}"), "claude (model-token)",
                    Principal.MODEL, "smaller", false, minutes(3));
            assertThat(tune.accepted()).as("%s", tune.violations()).isTrue();
            assertThat(reopened.current().strategy()).isEqualTo(cur.strategy());
        }
    }

    @Test
    void anOperatorStrategyWithoutAStopIsRejectedWithTheReason() throws IOException {
        try (ParamStore store = ParamStore.open(dir, POLICY, BASELINE, T0)) {
            WriteResult r = store.propose(null, json("{'strategy': {'entry': {'rule': 'macd_trend', 'fast': 12,"
                    + " 'slow': 26, 'signal': 9}, 'exits': [{'exit': 'time_stop', 'bars': 12}]}}"),
                    "operator (gateway-token)", Principal.OPERATOR, "no stop", false, minutes(1));

            assertThat(r.violations()).extracting(Violation::field, Violation::message)
                    .containsExactly(tuple("strategy.exits", "a strategy needs a stop_loss exit"));
            assertThat(store.current()).isEqualTo(BASELINE);
        }
    }

    @Test
    void theOperatorCanRemoveTheStrategyWithNull() throws IOException {
        try (ParamStore store = ParamStore.open(dir, POLICY, BASELINE, T0)) {
            store.propose(null, json("{'strategy': " + EXAMPLE + "}"), "operator", Principal.OPERATOR, "try",
                    false, minutes(1));
            WriteResult r = store.propose(null, json("{'strategy': null}"), "operator", Principal.OPERATOR, "back",
                    false, minutes(2));

            assertThat(r.accepted()).as("%s", r.violations()).isTrue();
            assertThat(store.current().strategy()).isNull();
            assertThat(store.current().effectiveStrategy()).isEqualTo(StrategySpec.defaultFor(BASELINE));
        }
    }
}
