package dev.leash.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;

/** {@link JsonRpcErrorsSuite} over stdio, the server in-process on pipes. */
@Timeout(60)
class JsonRpcErrorsOverStdioTest extends JsonRpcErrorsSuite {

    @TempDir
    static Path dir;
    private static TestGateway gateway;
    private static StdioPipe pipe;

    @BeforeAll
    static void start() throws Exception {
        gateway = new TestGateway();
        pipe = StdioPipe.initialized(gateway.url(), dir);
    }

    @AfterAll
    static void stop() {
        pipe.close();
        gateway.close();
    }

    @Override
    JsonNode request(String message) {
        pipe.send(message);
        return pipe.next(Duration.ofSeconds(10));
    }

    @Override
    JsonNode send(String message) {
        pipe.send(message);
        return null;
    }
}
