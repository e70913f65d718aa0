package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.app.RunningGateway;
import dev.leash.gateway.app.RunningGateway.Response;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.Map;

import static dev.leash.gateway.api.Problems.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

/** The strategy object of the params through PUT /api/params: the operator's to set, refused to the model. */
@Timeout(60)
class StrategyParamsEndpointTest {

    private static final String STRATEGY = "{\"entry\":{\"rule\":\"bollinger_reversion\",\"period\":20,\"width\":2.0},"
            + "\"filters\":[{\"filter\":\"rsi_band\",\"low\":30,\"high\":70}],"
            + "\"exits\":[{\"exit\":\"stop_loss\",\"pct\":1.5},{\"exit\":\"trailing_stop\",\"pct\":2.0}]}";
    private static final String SET = "{\"changes\":{\"strategy\":" + STRATEGY + "},\"rationale\":\"mean reversion\"}";

    private static Response asOperator(RunningGateway g, String body) {
        return g.send("PUT", "/api/params", body, Map.of("Authorization", "Bearer " + RunningGateway.TOKEN,
                "Content-Type", "application/json"));
    }

    @Test
    void theModelIsToldStrategyChangesGoThroughProposeStrategyAndNothingChanges(@TempDir Path dir) throws Exception {
        try (RunningGateway g = RunningGateway.start(dir)) {
            long before = g.get("/api/params").json().path("params").path("version").asLong();

            Response r = g.modelWrite("PUT", "/api/params", SET);

            JsonNode p = assertProblem(r, 422, "strategy changes go through propose_strategy");
            assertThat(p.path("reasons").path(0).path("field").asText()).isEqualTo("strategy");
            JsonNode params = g.get("/api/params").json().path("params");
            assertThat(params.path("version").asLong()).isEqualTo(before);
            assertThat(params.has("strategy")).isFalse();
        }
    }

    @Test
    void theOperatorSetsAStrategyAndItIsAVersionWithItsDiff(@TempDir Path dir) throws Exception {
        try (RunningGateway g = RunningGateway.start(dir)) {
            Response r = asOperator(g, SET);

            assertThat(r.status()).as("%s", r).isEqualTo(200);
            JsonNode params = g.get("/api/params").json().path("params");
            assertThat(params.path("strategy").path("entry").path("rule").asText()).isEqualTo("bollinger_reversion");
            assertThat(params.path("strategy").path("exits").path(1).path("exit").asText())
                    .isEqualTo("trailing_stop");
            JsonNode newest = g.get("/api/params/history?limit=1").json().path("versions").path(0);
            assertThat(newest.path("diff").has("strategy")).as("%s", newest).isTrue();
        }
    }

    @Test
    void anOperatorStrategyWithoutAStopIsRefusedWithTheReason(@TempDir Path dir) throws Exception {
        try (RunningGateway g = RunningGateway.start(dir)) {
            Response r = asOperator(g, "{\"changes\":{\"strategy\":{\"entry\":{\"rule\":\"macd_trend\",\"fast\":12,"
                    + "\"slow\":26,\"signal\":9},\"exits\":[{\"exit\":\"take_profit\",\"pct\":2}]}},"
                    + "\"rationale\":\"no stop\"}");

            assertProblem(r, 422, "strategy.exits: a strategy needs a stop_loss exit");
            assertThat(g.get("/api/params").json().path("params").has("strategy")).isFalse();
        }
    }
}
