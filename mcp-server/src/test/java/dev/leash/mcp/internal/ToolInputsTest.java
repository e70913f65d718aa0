package dev.leash.mcp.internal;

import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator.ValidationResponse;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class ToolInputsTest {

    private static final Map<String, Object> OPTIONAL = Map.of("type", "object", "additionalProperties", false,
            "properties", Map.of("limit", Map.of("type", "integer", "minimum", 1)));
    private static final Map<String, Object> REQUIRED = Map.of("type", "object", "required", List.of("rationale"),
            "properties", Map.of("rationale", Map.of("type", "string")));

    /** The SDK's validator, counting its calls. */
    private static final class Counting implements JsonSchemaValidator {
        final JsonSchemaValidator sdk = io.modelcontextprotocol.json.McpJsonDefaults.getSchemaValidator();
        final AtomicInteger calls = new AtomicInteger();

        @Override
        public ValidationResponse validate(Map<String, Object> schema, Object content) {
            calls.incrementAndGet();
            return sdk.validate(schema, content);
        }
    }

    @Test
    void anEmptyCallIsJudgedOncePerSchemaWithTheDelegatesAnswer() {
        Counting sdk = new Counting();
        ToolInputs inputs = new ToolInputs(sdk);

        for (int i = 0; i < 3; i++) {
            assertThat(inputs.validate(OPTIONAL, Map.of()).valid()).isTrue();
            ValidationResponse missing = inputs.validate(REQUIRED, Map.of());
            assertThat(missing.valid()).isFalse();
            assertThat(missing.errorMessage()).contains("rationale");
        }

        assertThat(sdk.calls).hasValue(2);
    }

    @Test
    void everyCallWithArgumentsGoesToTheDelegate() {
        Counting sdk = new Counting();
        ToolInputs inputs = new ToolInputs(sdk);

        assertThat(inputs.validate(OPTIONAL, Map.of("limit", 5)).valid()).isTrue();
        assertThat(inputs.validate(OPTIONAL, Map.of("limit", 0)).valid()).isFalse();
        assertThat(inputs.validate(OPTIONAL, Map.of("other", 1)).valid()).isFalse();

        assertThat(sdk.calls).hasValue(3);
    }

    @Test
    void aProposalToolsSchemaIsLeftToTheGatewayAndOnlyThatInstance() {
        Counting sdk = new Counting();
        Map<String, Object> proposal = new java.util.HashMap<>(REQUIRED);
        ToolInputs inputs = new ToolInputs(sdk, List.of(proposal));

        assertThat(inputs.validate(proposal, Map.of("rationale", 5, "unknown", true)).valid()).isTrue();
        assertThat(inputs.validate(REQUIRED, Map.of("rationale", 5)).valid()).as("an equal schema, another tool")
                .isFalse();

        assertThat(sdk.calls).hasValue(1);
    }
}
