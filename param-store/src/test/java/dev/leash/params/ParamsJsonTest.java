package dev.leash.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.risk.Params;
import dev.leash.risk.Rule;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

import static dev.leash.params.Fixtures.BASELINE;
import static dev.leash.params.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

class ParamsJsonTest {

    private static ParamsJson.Parsed apply(String changes) {
        return ParamsJson.applyChanges(BASELINE, json(changes));
    }

    private static ParamsJson.Parsed applyRaw(String changes) {
        ParamsJson.JsonParse tree = ParamsJson.readTree(changes);
        assertThat(tree.error()).as("test input must be valid JSON").isNull();
        return ParamsJson.applyChanges(BASELINE, tree.node());
    }

    @Test
    void rejectsUnknownFieldNamingIt() {
        ParamsJson.Parsed p = apply("{'max_positon_pct': 1.0}");

        assertThat(p.ok()).isFalse();
        assertThat(p.violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("max_positon_pct");
            assertThat(v.rule()).isEqualTo(Rule.INVALID);
            assertThat(v.message()).contains("unknown field").contains("max_position_pct");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'version': 7}", "{'updated_by': 'me'}", "{'rationale': 'why'}",
            "{'updated_at': '2025-01-01T00:00:00Z'}"})
    void rejectsMetadataFieldsInChanges(String changes) {
        String field = json(changes).fieldNames().next();

        assertThat(apply(changes).violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple(field, Rule.INVALID));
        assertThat(apply(changes).violations().get(0).message()).contains("set by the store");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{'max_position_pct': '1.5'} | a string",
            "{'max_position_pct': true}  | a boolean",
            "{'max_position_pct': [1.5]} | an array",
            "{'max_position_pct': {}}    | an object",
            "{'max_position_pct': null}  | not null"})
    void rejectsWrongTypeNamingFieldAndWhatItGot(String changes, String got) {
        assertThat(apply(changes).violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("max_position_pct");
            assertThat(v.rule()).isEqualTo(Rule.INVALID);
            assertThat(v.message()).contains("must be a number").contains(got);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'breakout_lookback': '20'}", "{'breakout_lookback': null}",
            "{'breakout_lookback': false}"})
    void rejectsLookbackThatIsNotANumber(String changes) {
        assertThat(apply(changes).violations()).extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("breakout_lookback", Rule.INVALID));
    }

    @Test
    void rejectsNonIntegralLookback() {
        assertThat(apply("{'breakout_lookback': 20.5}").violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("breakout_lookback");
            assertThat(v.rule()).isEqualTo(Rule.INVALID);
            assertThat(v.message()).contains("must be an integer").contains("20.5");
        });
    }

    @Test
    void acceptsIntegralLookbackWrittenWithDecimalPoint() {
        assertThat(apply("{'breakout_lookback': 25.0}").params().breakoutLookback()).isEqualTo(25);
    }

    @Test
    void rejectsLookbackBeyondAnIntAsOutOfBounds() {
        assertThat(applyRaw("{\"breakout_lookback\": 99999999999999999999999}").violations())
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("breakout_lookback", Rule.BOUNDS));
    }

    @Test
    void rejectsHugeIntegerPercentAsNotFinite() {
        String huge = "1" + "0".repeat(400);

        assertThat(applyRaw("{\"max_position_pct\": " + huge + "}").violations()).singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("max_position_pct");
                    assertThat(v.rule()).isEqualTo(Rule.NOT_FINITE);
                    assertThat(v.message()).contains("too large").hasSizeLessThan(100);
                });
    }

    @Test
    void refusesANumberWhoseExponentIsOutOfRangeInsteadOfThrowing() {
        for (String n : List.of("1e-2147483649", "1e2147483648", "5e-1000", "1" + "0".repeat(600))) {
            ParamsJson.JsonParse tree = ParamsJson.readTree("{\"max_position_pct\": " + n + "}");

            assertThat(tree.node()).as(n).isNull();
            assertThat(tree.error().field()).isEqualTo("max_position_pct");
            assertThat(tree.error().message()).contains("out of range", "line 1").hasSizeLessThan(200);
        }
    }

    @Test
    void rejectsExponentOverflowAsNotFinite() {
        assertThat(applyRaw("{\"stop_loss_pct\": 1e400}").violations())
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("stop_loss_pct", Rule.NOT_FINITE));
    }

    @Test
    void rejectsDuplicateKeysAsJsonSyntaxError() {
        ParamsJson.JsonParse tree = ParamsJson.readTree("{\"max_position_pct\": 0.5, \"max_position_pct\": 4.0}");

        assertThat(tree.node()).isNull();
        assertThat(tree.error().field()).isEqualTo("$");
        assertThat(tree.error().rule()).isEqualTo(Rule.INVALID);
        assertThat(tree.error().message()).contains("not valid JSON").contains("Duplicate field 'max_position_pct'");
    }

    @Test
    void rejectsTrailingTokens() {
        assertThat(ParamsJson.readTree("{} {}").error().message()).contains("not valid JSON");
    }

    @Test
    void reportsLineAndColumnOfMalformedJson() {
        ParamsJson.JsonParse tree = ParamsJson.readTree("{\n  \"max_position_pct\": 1.0,\n  oops: 2\n}\n");

        assertThat(tree.error().message()).contains("line 3, column");
    }

    @Test
    void rejectsEmptyDocument() {
        assertThat(ParamsJson.readTree("  ").error().message()).contains("empty document");
    }

    @Test
    void rejectsEmptyChanges() {
        assertThat(apply("{}").violations()).singleElement().satisfies(v -> {
            assertThat(v.field()).isEqualTo("changes");
            assertThat(v.message()).contains("proposes no change");
        });
    }

    @Test
    void rejectsChangesThatAreNotAnObject() {
        assertThat(apply("[{'max_position_pct': 1.0}]").violations())
                .extracting(Violation::field, Violation::rule)
                .containsExactly(tuple("changes", Rule.INVALID));
    }

    @Test
    void rejectsChangesThatLeaveEveryValueAsItIs() {
        assertThat(apply("{'max_position_pct': 1.0, 'trading_mode': 'active'}").violations()).singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("changes");
                    assertThat(v.message()).contains("leaves every value as it is");
                });
    }

    @Test
    void reportsEveryBadFieldAtOnce() {
        ParamsJson.Parsed p = apply("{'max_position_pct': 'x', 'trading_mode': 'yolo', 'leverage': 2,"
                + " 'symbols': {'BTCUSDT': {'enabled': 'yes', 'weight': 1}}}");

        assertThat(p.violations()).extracting(Violation::field).containsExactlyInAnyOrder("max_position_pct",
                "trading_mode", "leverage", "symbols.BTCUSDT.enabled", "symbols.BTCUSDT.weight");
        assertThat(p.violations()).filteredOn(v -> v.field().equals("trading_mode")).singleElement()
                .satisfies(v -> assertThat(v.message()).contains("active, reduce_only, paused").doesNotContain("yolo"));
    }

    @Test
    void takeProfitNullTurnsItOff() {
        ParamsJson.Parsed p = apply("{'take_profit_pct': null}");

        assertThat(p.ok()).isTrue();
        assertThat(p.params().takeProfitPct()).isNull();
        assertThat(p.params().stopLossPct()).isEqualTo(BASELINE.stopLossPct());
    }

    @Test
    void newSymbolStartsDisabledWithMultiplierOne() {
        Params p = apply("{'symbols': {'SOLUSDT': {}}}").params();

        assertThat(p.symbols()).containsEntry("SOLUSDT", new SymbolParams(false, 1.0))
                .containsEntry("BTCUSDT", new SymbolParams(true, 1.0));
    }

    @Test
    void symbolChangesMergePerField() {
        Params p = apply("{'symbols': {'BTCUSDT': {'size_multiplier': 0.5}, 'SOLUSDT': {'enabled': true}}}").params();

        assertThat(p.symbols()).containsEntry("BTCUSDT", new SymbolParams(true, 0.5))
                .containsEntry("ETHUSDT", new SymbolParams(true, 1.0))
                .containsEntry("SOLUSDT", new SymbolParams(true, 1.0));
    }

    @Test
    void appliedChangesKeepTheCurrentVersionForThePolicyToStamp() {
        Params p = apply("{'max_position_pct': 0.5}").params();

        assertThat(p.version()).isEqualTo(BASELINE.version());
        assertThat(p.maxPositionPct()).isEqualTo(0.5);
    }

    @Test
    void roundTripsThroughText() {
        Params withoutTakeProfit = ParamsJson.applyChanges(BASELINE, json("{'take_profit_pct': null}")).params();

        for (Params p : new Params[] {BASELINE, withoutTakeProfit}) {
            ParamsJson.JsonParse tree = ParamsJson.readTree(ParamsJson.toText(p));
            assertThat(ParamsJson.parseDocument(tree.node())).isEqualTo(new ParamsJson.Parsed(p, java.util.List.of()));
            assertThat(ParamsJson.parseDocument(ParamsJson.toJson(p)).params()).isEqualTo(p);
        }
    }

    @Test
    void writesFieldsInDocumentedOrderEndingWithNewline() {
        String text = ParamsJson.toText(BASELINE);

        assertThat(text).endsWith("}\n");
        assertThat(ParamsJson.toJson(BASELINE).fieldNames()).toIterable().containsExactly("version",
                "max_position_pct", "stop_loss_pct", "take_profit_pct", "breakout_lookback", "max_leverage",
                "daily_loss_limit_pct", "trading_mode", "symbols", "updated_by", "rationale", "updated_at");
    }

    @Test
    void documentRequiresEveryFieldButTakeProfit() {
        ObjectNode doc = ParamsJson.toJson(BASELINE);
        doc.remove("take_profit_pct");
        assertThat(ParamsJson.parseDocument(doc).params().takeProfitPct()).isNull();

        ParamsJson.Parsed empty = ParamsJson.parseDocument(json("{}"));
        assertThat(empty.violations()).extracting(Violation::field).containsExactlyInAnyOrder("version",
                "max_position_pct", "stop_loss_pct", "breakout_lookback", "max_leverage", "daily_loss_limit_pct",
                "trading_mode", "symbols", "updated_by", "rationale", "updated_at");
    }

    @Test
    void documentRejectsUnknownFieldsAndBadMetadata() {
        ObjectNode doc = ParamsJson.toJson(BASELINE);
        doc.put("comment", "hi");
        doc.put("version", 0);
        doc.put("updated_at", "yesterday");

        assertThat(ParamsJson.parseDocument(doc).violations()).extracting(Violation::field, Violation::rule)
                .containsExactlyInAnyOrder(tuple("comment", Rule.INVALID), tuple("version", Rule.BOUNDS),
                        tuple("updated_at", Rule.INVALID));
    }

    @Test
    void documentRejectsNonObject() {
        JsonNode array = json("[1, 2]");

        assertThat(ParamsJson.parseDocument(array).violations()).extracting(Violation::field)
                .containsExactly("$");
    }
}
