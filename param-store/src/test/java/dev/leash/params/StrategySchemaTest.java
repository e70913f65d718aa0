package dev.leash.params;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.risk.BlockSpec;
import dev.leash.risk.Params;
import dev.leash.risk.Regime;
import dev.leash.risk.StrategyBlock;
import dev.leash.risk.StrategyField;
import dev.leash.risk.StrategySpec;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static dev.leash.params.Fixtures.BASELINE;
import static org.assertj.core.api.Assertions.assertThat;

/** The published params schema describes the optional strategy object: its blocks, their fields and ranges. */
class StrategySchemaTest {

    private static final JsonNode SCHEMA = ParamSchema.document();

    @Test
    void aWrittenDocumentWithAStrategyHasOnlyPropertiesTheSchemaPublishes() {
        Params p = BASELINE.withStrategy(new StrategySpec(
                BlockSpec.of(StrategyBlock.BOLLINGER_REVERSION,
                        Map.of(StrategyField.BOLLINGER_PERIOD, 20.0, StrategyField.BOLLINGER_WIDTH, 2.0)),
                List.of(new BlockSpec(StrategyBlock.REGIME, Map.of(), Set.of(Regime.TREND))),
                List.of(BlockSpec.of(StrategyBlock.STOP_LOSS, Map.of(StrategyField.STOP_PCT, 1.0)))));
        JsonNode written = ParamsJson.toJson(p);

        Set<String> properties = new TreeSet<>();
        SCHEMA.get("properties").fieldNames().forEachRemaining(properties::add);
        Set<String> top = new TreeSet<>();
        written.fieldNames().forEachRemaining(top::add);
        assertThat(properties).containsAll(top).contains(StrategyBlock.STRATEGY);

        JsonNode strategy = SCHEMA.at("/properties/strategy");
        assertThat(strategy.get("additionalProperties").booleanValue()).isFalse();
        assertThat(strategy.at("/properties/filters/maxItems").asInt()).isEqualTo(StrategyBlock.MAX_FILTERS);
        assertThat(strategy.at("/properties/exits/maxItems").asInt()).isEqualTo(StrategyBlock.MAX_EXITS);
    }

    @Test
    void everyBlockIsPublishedWithItsFieldsAndTheirCeilings() {
        JsonNode strategy = SCHEMA.at("/properties/strategy");
        for (StrategyBlock b : StrategyBlock.values()) {
            JsonNode block = blockSchema(strategy, b);
            assertThat(block).as(b.wireName()).isNotNull();
            assertThat(block.get("additionalProperties").booleanValue()).isFalse();
            List<String> required = new ArrayList<>();
            block.get("required").forEach(n -> required.add(n.asText()));
            assertThat(required).as(b.wireName()).contains(b.kind().key());
            for (StrategyField f : b.fields()) {
                JsonNode field = block.at("/properties/" + f.wireName());
                assertThat(required).contains(f.wireName());
                if (f.ranged()) {
                    assertThat(field.get("minimum").asDouble()).as(f.name()).isEqualTo(f.ceilings().floor());
                    assertThat(field.get("maximum").asDouble()).as(f.name()).isEqualTo(f.ceilings().ceiling());
                }
            }
        }
    }

    @Test
    void theChangesSchemaNamesTheStrategySoAModelsAttemptMeetsTheGatewaysPlainRefusalNotASchemaError() {
        JsonNode strategy = ParamSchema.changes().at("/properties/strategy");

        assertThat(strategy.isObject()).isTrue();
        assertThat(strategy.get("description").asText()).contains(dev.leash.risk.ParamPolicy.STRATEGY_BY_PROPOSAL);
        assertThat(strategy.toString().length()).as("compact: tools/list stays under 12 KB").isLessThan(400);
    }

    private static JsonNode blockSchema(JsonNode strategy, StrategyBlock b) {
        JsonNode choices = switch (b.kind()) {
            case ENTRY -> strategy.at("/properties/entry/oneOf");
            case FILTER -> strategy.at("/properties/filters/items/oneOf");
            case EXIT -> strategy.at("/properties/exits/items/oneOf");
        };
        for (JsonNode c : choices) {
            if (b.wireName().equals(c.at("/properties/" + b.kind().key() + "/const").asText())) {
                return c;
            }
        }
        return null;
    }
}
