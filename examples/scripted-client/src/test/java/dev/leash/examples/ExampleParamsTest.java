package dev.leash.examples;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.params.ParamsJson;
import dev.leash.risk.Limits;
import dev.leash.risk.ParamPolicy;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code examples/params/ai_params.example.json} is a valid parameter file under the hard ceilings. */
class ExampleParamsTest {

    @Test
    void exampleParamsParseAndSatisfyTheHardLimits() throws Exception {
        String text = Files.readString(LeashProcesses.ROOT.resolve("examples/params/ai_params.example.json"));
        ParamsJson.JsonParse tree = ParamsJson.readTree(text);
        assertThat(tree.error()).isNull();

        ParamsJson.Parsed parsed = ParamsJson.parseDocument(tree.node());

        assertThat(parsed.violations()).isEmpty();
        ParamPolicy policy = new ParamPolicy(Limits.hard(parsed.params().symbols().keySet()));
        assertThat(policy.validate(parsed.params())).isEmpty();
        JsonNode roundTrip = ParamsJson.toJson(parsed.params());
        assertThat(roundTrip.get("symbols").size()).isEqualTo(3);
        assertThat(parsed.params().rationale()).isNotBlank();
    }
}
