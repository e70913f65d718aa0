package dev.leash.gateway.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.params.ParamsJson;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

/**
 * {@code params rollback N} while the gateway runs: the running gateway owns the store, so the rollback is asked of
 * its REST API ({@code POST /api/params/rollback}) with the operator's token, and applied and audited there.
 */
final class GatewayRollback {

    /** The audit author's label: the author is {@code operator (cli) (gateway-token)}. */
    static final String CLIENT = "operator (cli)";
    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private GatewayRollback() {
    }

    /** Asks the gateway at {@code url} to roll back to {@code version}; the exit code. */
    static int run(String url, GatewayConfig config, Map<String, String> env, long version, String rationale,
                   PrintStream out, PrintStream err) throws IOException {
        String token = token(config, env);
        if (token == null) {
            err.println("leash-gateway: the gateway is running; to roll back through it set LEASH_GATEWAY_TOKEN or"
                    + " keep the data directory's gateway.token");
            return 1;
        }
        String body = ParamsJson.compact(ParamsJson.MAPPER.createObjectNode().put("version", version)
                .put("rationale", rationale));
        String base = url != null ? url : defaultUrl(config);
        HttpRequest request = HttpRequest.newBuilder(URI.create(base.replaceAll("/+$", "") + "/api/params/rollback"))
                .timeout(TIMEOUT).header("Authorization", "Bearer " + token).header("X-Leash-Client", CLIENT)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build();
        HttpResponse<String> r;
        try {
            r = HttpClient.newBuilder().connectTimeout(TIMEOUT).build().send(request,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while asking the gateway at " + base, e);
        } catch (IOException e) {
            err.println("leash-gateway: the parameter store is in use, but no gateway answered at " + base
                    + " (" + e.getClass().getSimpleName() + "); pass --url, or stop the gateway first");
            return 1;
        }
        JsonNode answer = json(r.body());
        if (r.statusCode() == 200) {
            out.println("accepted: version " + answer.path("version").asLong() + " (applied by the running gateway)");
            return 0;
        }
        if (r.statusCode() == 422) {
            err.println("rejected:");
            answer.path("reasons").forEach(v -> err.println("  " + v.path("field").asText() + ": "
                    + v.path("message").asText()));
            return 1;
        }
        err.println("leash-gateway: the gateway at " + base + " answered " + r.statusCode() + ": "
                + answer.path("detail").asText("(no detail)"));
        return 1;
    }

    /** The API address the configuration names; a wildcard bind is reached on loopback. */
    static String defaultUrl(GatewayConfig config) {
        String host = config.api().host();
        if (host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]")) {
            host = "127.0.0.1";
        }
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + config.api().port();
    }

    /** The operator's token: {@code LEASH_GATEWAY_TOKEN}, else the data directory's {@code gateway.token}; or null. */
    private static String token(GatewayConfig config, Map<String, String> env) throws IOException {
        String t = env.get("LEASH_GATEWAY_TOKEN");
        if (t != null && !t.isBlank()) {
            return t.strip();
        }
        Path file = config.dataDir().resolve("gateway.token");
        try {
            String s = Files.readString(file, StandardCharsets.UTF_8).strip();
            return s.isEmpty() ? null : s;
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private static JsonNode json(String body) {
        try {
            return ParamsJson.MAPPER.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (IOException e) {
            return ParamsJson.MAPPER.createObjectNode();
        }
    }
}
