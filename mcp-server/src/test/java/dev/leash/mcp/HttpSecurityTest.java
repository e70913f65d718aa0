package dev.leash.mcp;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Bearer token, Origin and Host checks, and error bodies without stack traces, with a plain HTTP client. */
@Timeout(60)
class HttpSecurityTest {

    private static final String INIT = "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"initialize\",\"params\":"
            + "{\"protocolVersion\":\"2025-06-18\",\"capabilities\":{},\"clientInfo\":{\"name\":\"t\",\"version\":\"1\"}}}";

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

    private static HttpRequest.Builder mcp() {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/mcp"))
                .timeout(Duration.ofSeconds(5));
    }

    private static HttpResponse<String> send(HttpRequest r) throws Exception {
        return HTTP.send(r, HttpResponse.BodyHandlers.ofString());
    }

    private static HttpRequest.Builder authorized() {
        return mcp().header("Authorization", "Bearer " + server.token())
                .header("Accept", "application/json, text/event-stream").header("Content-Type", "application/json");
    }

    static void assertNoStackTrace(String body) {
        assertThat(body).doesNotContain("\tat ", "at io.", "at java.", "stackTrace", "StackTrace", ".java:",
                "Exception");
    }

    @Test
    void refusesARequestWithoutTokenWith401AndWwwAuthenticate() throws Exception {
        HttpResponse<String> r = send(mcp().header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(INIT)).build());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
        assertNoStackTrace(r.body());
    }

    @Test
    void refusesAWrongTokenWith401() throws Exception {
        HttpResponse<String> r = send(mcp().header("Authorization", "Bearer " + server.token() + "x")
                .POST(HttpRequest.BodyPublishers.ofString(INIT)).build());

        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(r.headers().firstValue("WWW-Authenticate").orElseThrow()).contains("invalid_token");
        assertThat(r.body()).doesNotContain(server.token());
    }

    @Test
    void refusesAForeignOriginWith403() throws Exception {
        HttpResponse<String> r = send(authorized().header("Origin", "http://evil.example")
                .POST(HttpRequest.BodyPublishers.ofString(INIT)).build());

        assertThat(r.statusCode()).isEqualTo(403);
        assertNoStackTrace(r.body());
    }

    @Test
    void refusesAForeignHostWith421() throws Exception {
        String answer = rawInitialize("rebound.example:" + server.port());

        assertThat(answer).startsWith("HTTP/1.1 421");
        assertNoStackTrace(answer);
    }

    @Test
    void answersThroughARemappedPortLikeDockerPublish8081To7071() throws Exception {
        int published = server.port() == 8081 ? 8082 : 8081;

        assertThat(rawInitialize("127.0.0.1:" + published)).startsWith("HTTP/1.1 200");
        assertThat(rawInitialize("localhost:" + published)).startsWith("HTTP/1.1 200");
    }

    private static String rawInitialize(String host) throws IOException {
        String raw = "POST /mcp HTTP/1.1\r\nHost: " + host + "\r\nAuthorization: Bearer "
                + server.token() + "\r\nAccept: application/json, text/event-stream\r\nContent-Type: application/json"
                + "\r\nContent-Length: " + INIT.length() + "\r\nConnection: close\r\n\r\n" + INIT;
        String answer;
        try (Socket s = new Socket("127.0.0.1", server.port())) {
            s.setSoTimeout(5_000);
            OutputStream out = s.getOutputStream();
            out.write(raw.getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = s.getInputStream();
            answer = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        return answer;
    }

    @Test
    void acceptsLocalhostWithoutOriginAndAnswersInitialize() throws Exception {
        HttpResponse<String> r = send(authorized().POST(HttpRequest.BodyPublishers.ofString(INIT)).build());

        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Mcp-Session-Id")).isPresent();
    }

    @Test
    void transportErrorsAreShortJsonWithoutStackTraces() throws Exception {
        List<HttpRequest> requests = List.of(
                mcp().header("Authorization", "Bearer " + server.token()).header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(INIT)).build(),
                authorized().POST(HttpRequest.BodyPublishers.ofString("{not json")).build(),
                authorized().POST(HttpRequest.BodyPublishers.ofString("{\"jsonrpc\":\"2.0\",\"id\":NaN}")).build(),
                authorized().setHeader("Content-Type", "text/plain").POST(HttpRequest.BodyPublishers.ofString(INIT))
                        .build(),
                authorized().header("Mcp-Session-Id", "no-such-session").POST(HttpRequest.BodyPublishers.ofString(
                        "{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/list\"}")).build(),
                authorized().GET().build(),
                authorized().header("Mcp-Session-Id", "no-such-session").DELETE().build());
        for (HttpRequest request : requests) {
            HttpResponse<String> r = send(request);
            assertThat(r.statusCode()).as(request.method() + " " + request.headers().map())
                    .isBetween(400, 499);
            assertNoStackTrace(r.body());
        }
    }

    @Test
    void oversizedBodyIsRefusedWithoutAStackTraceAndTheServerKeepsServing() throws Exception {
        HttpRequest huge = authorized().POST(HttpRequest.BodyPublishers.ofString("x".repeat(600_000))).build();
        try {
            // Its own client, so a connection the server cuts never goes back into the shared pool.
            HttpResponse<String> r = java.net.http.HttpClient.newHttpClient().send(huge,
                    HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isBetween(400, 499);
            assertNoStackTrace(r.body());
        } catch (IOException cutMidUpload) {
            // The server refused to read the body and closed the connection before the client finished sending
            // it: a refusal too, and one that cannot carry a stack trace.
            assertThat(cutMidUpload).isInstanceOf(IOException.class);
        }
        // A new client: the shared one may still pool the connection the server just cut.
        HttpResponse<String> next = java.net.http.HttpClient.newHttpClient().send(
                authorized().POST(HttpRequest.BodyPublishers.ofString(INIT)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(next.statusCode()).isEqualTo(200);
    }

    @Test
    void storesAGeneratedTokenOwnerOnly() throws IOException {
        Path file = dir.resolve("mcp.token");

        assertThat(server.tokenFile()).isEqualTo(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(Files.readString(file).strip()).isEqualTo(server.token()).hasSizeGreaterThanOrEqualTo(32);
    }
}
