package dev.leash.gateway.app;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code run-demo.sh} with a port already taken (here by an HTTP server that answers {@code /api/health} like
 * another gateway would) exits non-zero at once, naming the port, instead of exiting 0 behind an unrelated error.
 */
@DisabledOnOs(OS.WINDOWS)
@Timeout(60)
class RunDemoScriptTest {

    private static final Path SCRIPT = Path.of("..", "run-demo.sh").toAbsolutePath().normalize();

    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(strings = {"LEASH_API_PORT", "LEASH_MCP_PORT"})
    void exitsNonZeroNamingAPortThatIsAlreadyInUse(String taken) throws Exception {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            byte[] ok = "{\"status\":\"ok\"}".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(200, ok.length);
            exchange.getResponseBody().write(ok);
            exchange.close();
        });
        other.start();
        try {
            int busy = other.getAddress().getPort();
            int free = freePort();
            ProcessBuilder pb = new ProcessBuilder("bash", SCRIPT.toString())
                    .redirectOutput(dir.resolve("out").toFile()).redirectError(dir.resolve("err").toFile());
            pb.environment().put("LEASH_DATA_DIR", dir.resolve("data").toString());
            pb.environment().put("LEASH_API_PORT", Integer.toString(taken.equals("LEASH_API_PORT") ? busy : free));
            pb.environment().put("LEASH_MCP_PORT", Integer.toString(taken.equals("LEASH_MCP_PORT") ? busy : free));
            Process p = pb.start();
            boolean ended = p.waitFor(30, TimeUnit.SECONDS);
            if (!ended) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }

            String err = Files.readString(dir.resolve("err"));
            assertThat(ended).as("run-demo.sh ended within 30 s; stderr: %s", err).isTrue();
            assertThat(p.exitValue()).as("exit status; stderr: %s", err).isNotZero();
            assertThat(err).contains("port " + busy + " (" + taken + ") is already in use");
            assertThat(Files.readString(dir.resolve("out"))).isEmpty();
        } finally {
            other.stop(0);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
