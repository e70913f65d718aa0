package dev.leash.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A client that connects without the token (Claude Code falls into OAuth discovery and registration after a 401):
 * every answer is JSON that names the {@code Authorization: Bearer} header and where the token lives.
 */
@Timeout(60)
class ClientWithoutTokenTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    private static TestGateway gateway;
    private static McpHttpServer server;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    @BeforeAll
    static void start() {
        gateway = new TestGateway();
        server = McpHttpServer.start(gateway.httpConfig(dir));
    }

    @AfterAll
    static void stop() {
        server.close();
        gateway.close();
    }

    private static HttpRequest.Builder at(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .timeout(Duration.ofSeconds(5));
    }

    private static HttpResponse<String> send(HttpRequest r) throws Exception {
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static String tokenFile() {
        return server.tokenFile().toAbsolutePath().toString();
    }

    @Test
    void oauthDiscoveryAndRegistrationPathsAnswerJsonNamingTheBearerHeaderAndTheTokenFile() throws Exception {
        String registration = "{\"client_name\":\"Claude Code (leash)\",\"redirect_uris\":[\"http://localhost:1/cb\"]}";
        List<HttpRequest> requests = List.of(
                at("/.well-known/oauth-protected-resource").GET().build(),
                at("/.well-known/oauth-protected-resource/mcp").GET().build(),
                at("/.well-known/oauth-authorization-server").GET().build(),
                at("/.well-known/openid-configuration").GET().build(),
                at("/register").header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(registration)).build(),
                at("/authorize?response_type=code&client_id=x").GET().build(),
                at("/token").header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("grant_type=authorization_code&code=x")).build());
        for (HttpRequest request : requests) {
            HttpResponse<String> r = send(request);

            assertThat(r.statusCode()).as(request.uri().getPath()).isEqualTo(404);
            assertThat(r.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
            JsonNode body = JSON.readTree(r.body());
            assertThat(body.path("error").asText()).isEqualTo("invalid_request");
            assertThat(body.path("error_description").asText()).contains("does not use OAuth",
                    "Authorization: Bearer <token>", tokenFile());
        }
    }

    @Test
    void anyOtherPathIsAJson404PointingAtMcpAndTheToken() throws Exception {
        for (String path : List.of("/", "/mcp/", "/favicon.ico", "/api/params")) {
            HttpResponse<String> r = send(at(path).GET().build());

            assertThat(r.statusCode()).as(path).isEqualTo(404);
            assertThat(r.body()).doesNotContain("<html", "<HTML", "Endpoint GET");
            assertThat(JSON.readTree(r.body()).path("error_description").asText())
                    .contains("/mcp", "Authorization: Bearer <token>", tokenFile());
        }
    }

    @Test
    void the401OnMcpNamesTheHeaderAndTheTokenFile() throws Exception {
        HttpResponse<String> r = send(at("/mcp").header("Content-Type", "application/json")
                .header("Accept", "application/json, text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"ping\"}")).build());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).startsWith("Bearer realm=")
                .contains("error=\"invalid_request\"", "error_description=\"send the header Authorization: Bearer "
                        + "<token>; the token is in " + tokenFile());
        assertThat(JSON.readTree(r.body()).at("/error/message").asText())
                .contains("Authorization: Bearer <token>", tokenFile());
    }

    @Test
    void aRequestJettyRefusesBeforeRoutingIsJsonToo() throws Exception {
        String answer;
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write(("GET /%zz HTTP/1.1\r\nHost: 127.0.0.1:" + server.port() + "\r\nConnection: close\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 400").contains("application/json", "\"jsonrpc\":\"2.0\"")
                .doesNotContain("<html");
    }
}
