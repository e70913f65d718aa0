package dev.leash.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.risk.Ceilings;
import dev.leash.risk.Limits;
import dev.leash.risk.ParamField;
import dev.leash.risk.Range;
import dev.leash.risk.Symbols;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static dev.leash.params.Fixtures.ALLOWLIST;
import static dev.leash.params.Fixtures.BASELINE;
import static org.assertj.core.api.Assertions.assertThat;

class ParamSchemaTest {

    private static final ObjectNode SCHEMA = ParamSchema.document();
    private static final JsonNode PROPERTIES = SCHEMA.get("properties");

    /** Every bounded field by its JSON Pointer in the schema, with the compiled ceiling it must publish. */
    private static final Map<String, Range> BOUNDS = bounds();

    private static Map<String, Range> bounds() {
        Map<String, Range> m = new LinkedHashMap<>();
        m.put("/properties/max_position_pct", Ceilings.MAX_POSITION_PCT);
        m.put("/properties/stop_loss_pct", Ceilings.STOP_LOSS_PCT);
        m.put("/properties/take_profit_pct", Ceilings.TAKE_PROFIT_PCT);
        m.put("/properties/breakout_lookback", Ceilings.BREAKOUT_LOOKBACK);
        m.put("/properties/max_leverage", Ceilings.MAX_LEVERAGE);
        m.put("/properties/daily_loss_limit_pct", Ceilings.DAILY_LOSS_LIMIT_PCT);
        m.put("/properties/symbols/additionalProperties/properties/size_multiplier", Ceilings.SIZE_MULTIPLIER);
        return m;
    }

    @Test
    void publishedBoundsEqualTheCompiledCeilings() {
        BOUNDS.forEach((pointer, range) -> {
            JsonNode field = SCHEMA.at(pointer);
            assertThat(field.isMissingNode()).as(pointer).isFalse();
            assertThat(field.get("minimum").doubleValue()).as(pointer + " minimum").isEqualTo(range.floor());
            assertThat(field.get("maximum").doubleValue()).as(pointer + " maximum").isEqualTo(range.ceiling());
        });
    }

    @Test
    void everyCeilingOfTheLimitsIsPublished() {
        Set<String> published = new TreeSet<>();
        for (String pointer : BOUNDS.keySet()) {
            published.add(pointer.substring(pointer.lastIndexOf('/') + 1));
        }
        assertThat(published).containsExactlyInAnyOrderElementsOf(Limits.hard(ALLOWLIST).ranges().keySet());
    }

    @Test
    void everyNumericPropertyIsBounded() {
        List<String> numeric = new ArrayList<>();
        collectNumeric(SCHEMA, "", numeric);

        assertThat(numeric).containsExactlyInAnyOrderElementsOf(withVersion(BOUNDS.keySet()));
        assertThat(PROPERTIES.get("version").get("minimum").asLong()).isEqualTo(1);
    }

    private static List<String> withVersion(Set<String> pointers) {
        List<String> all = new ArrayList<>(pointers);
        all.add("/properties/version");
        return all;
    }

    /** JSON Pointers of every schema node whose type is or includes number or integer. */
    private static void collectNumeric(JsonNode node, String pointer, List<String> out) {
        if (!node.isObject()) {
            return;
        }
        JsonNode type = node.path("type");
        List<String> types = new ArrayList<>();
        if (type.isArray()) {
            type.forEach(t -> types.add(t.asText()));
        } else {
            types.add(type.asText());
        }
        if (types.contains("number") || types.contains("integer")) {
            out.add(pointer);
        }
        for (Map.Entry<String, JsonNode> e : node.properties()) {
            collectNumeric(e.getValue(), pointer + "/" + e.getKey(), out);
        }
    }

    @Test
    void documentSchemaIsClosedAndRequiresAllButTakeProfit() {
        assertThat(SCHEMA.get("additionalProperties").booleanValue()).isFalse();
        Set<String> required = new TreeSet<>();
        SCHEMA.get("required").forEach(n -> required.add(n.asText()));
        Set<String> expected = new TreeSet<>(ParamsJson.TUNABLE_FIELDS);
        expected.addAll(ParamsJson.METADATA_FIELDS);
        expected.remove("take_profit_pct");
        assertThat(required).isEqualTo(expected);
    }

    @Test
    void tradingModeEnumMatchesTheWireNames() {
        List<String> wire = new ArrayList<>();
        for (dev.leash.risk.TradingMode m : dev.leash.risk.TradingMode.values()) {
            wire.add(m.wireName());
        }
        assertThat(PROPERTIES.get("trading_mode").get("enum")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(wire);
    }

    @Test
    void symbolPatternAgreesWithRiskGuard() {
        Pattern pattern = Pattern.compile(PROPERTIES.get("symbols").get("propertyNames").get("pattern").asText());
        for (String s : List.of("BTCUSDT", "BTC-PERP", "1000PEPEUSDT", "AB", "A", "btcusdt", "BTC_USDT",
                "ABCDEFGHIJKLMNOPQRST", "ABCDEFGHIJKLMNOPQRSTU", "")) {
            assertThat(pattern.matcher(s).matches()).as(s).isEqualTo(Symbols.isWellFormed(s));
        }
    }

    @Test
    void changesSchemaHasExactlyTheTunableFieldsAndNothingRequired() {
        ObjectNode changes = ParamSchema.changes();

        assertThat(changes.get("properties").propertyStream().map(Map.Entry::getKey).toList())
                .containsAll(ParamsJson.TUNABLE_FIELDS).contains(dev.leash.risk.StrategyBlock.STRATEGY)
                .hasSize(ParamsJson.TUNABLE_FIELDS.size() + 1);
        assertThat(changes.has("required")).isFalse();
        assertThat(changes.get("additionalProperties").booleanValue()).isFalse();
        assertThat(changes.get("minProperties").asInt()).isEqualTo(1);
        assertThat(changes.get("properties").get("max_position_pct")).isEqualTo(PROPERTIES.get("max_position_pct"));
    }

    @Test
    void schemaCopiesCannotChangeThePublishedSchema() {
        ParamSchema.document().withObject("/properties").remove("version");
        ParamSchema.changes().withObject("/properties").remove("symbols");

        assertThat(ParamSchema.document().get("properties").has("version")).isTrue();
        assertThat(ParamSchema.changes().get("properties").has("symbols")).isTrue();
    }

    @Test
    void writtenDocumentHasExactlyTheSchemaProperties() {
        Set<String> schemaProps = new TreeSet<>();
        PROPERTIES.fieldNames().forEachRemaining(schemaProps::add);
        Set<String> written = new TreeSet<>();
        ParamsJson.readTree(ParamsJson.toText(BASELINE)).node().fieldNames().forEachRemaining(written::add);
        written.add(dev.leash.risk.StrategyBlock.STRATEGY); // written only when set (StrategySchemaTest)

        assertThat(written).isEqualTo(schemaProps);
        JsonNode symbolProps = SCHEMA.at("/properties/symbols/additionalProperties/properties");
        Set<String> symbolFields = new TreeSet<>();
        symbolProps.fieldNames().forEachRemaining(symbolFields::add);
        Set<String> writtenSymbolFields = new TreeSet<>();
        ParamsJson.toJson(BASELINE).get("symbols").get("BTCUSDT").fieldNames()
                .forEachRemaining(writtenSymbolFields::add);
        assertThat(writtenSymbolFields).isEqualTo(symbolFields);
    }
    @Test
    void generatedSchemaHasEveryNameTypeBoundAndOrderOfTheHandWrittenOne() throws Exception {
        ObjectMapper plain = new ObjectMapper();
        JsonNode handWritten;
        try (InputStream in = ParamSchemaTest.class.getResourceAsStream(
                "/dev/leash/params/handwritten-ai_params.schema.json")) {
            handWritten = plain.readTree(in);
        }
        JsonNode generated = plain.readTree(plain.writeValueAsString(ParamSchema.document()));

        assertThat(withoutDescriptions(generated).toString()).isEqualTo(withoutDescriptions(handWritten).toString());
    }

    @Test
    void everyFieldDescriptionStatesItsStepFromTheTable() {
        for (ParamField f : ParamField.values()) {
            JsonNode property = f.perSymbol()
                    ? SCHEMA.at("/properties/symbols/additionalProperties/properties/" + f.wireName())
                    : PROPERTIES.get(f.wireName());
            String description = property.get("description").asText();
            assertThat(description).as(f.wireName()).startsWith(f.description());
            if (!f.step().none()) {
                assertThat(description).as(f.wireName()).contains(f.step().text() + " per update");
            }
        }
    }

    private static JsonNode withoutDescriptions(JsonNode node) {
        JsonNode copy = node.deepCopy();
        strip(copy);
        return copy;
    }

    private static void strip(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).remove("description");
        }
        node.forEach(ParamSchemaTest::strip);
    }
}
