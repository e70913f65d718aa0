package dev.leash.gateway.app;

import dev.leash.common.Tokens;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The model token: its own file or variable, and never the operator's token. */
@Timeout(10)
class ModelTokenTest {

    @TempDir
    Path dir;

    @Test
    void refusesAModelTokenEqualToTheOperatorsWithoutQuotingEither() throws IOException {
        Tokens.Token operator = Tokens.load("the-operators-long-token", "LEASH_GATEWAY_TOKEN", dir.resolve("g"));

        assertThatThrownBy(() -> ModelToken.load(Map.of(ModelToken.ENV, "the-operators-long-token"), dir, operator))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("they must differ")
                .hasMessageNotContaining("the-operators-long-token");
    }

    @Test
    void generatesItsOwnFileBesideTheOperatorsWhenNoVariableIsSet() throws IOException {
        Tokens.Token operator = Tokens.load(null, "LEASH_GATEWAY_TOKEN", dir.resolve("gateway.token"));

        Tokens.Token model = ModelToken.load(Map.of(), dir, operator);

        assertThat(model.file()).isEqualTo(dir.resolve(ModelToken.FILE));
        assertThat(model.value()).isNotEqualTo(operator.value());
    }
}
