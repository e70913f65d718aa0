package dev.leash.examples;

import dev.leash.testsupport.Eventually;
import dev.leash.testsupport.JavaProcess;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway and the MCP server as separate processes, started from the jars the reactor built earlier
 * ({@code gateway/target/leash-gateway.jar}, {@code mcp-server/target/leash-mcp.jar}); output goes to files.
 */
final class LeashProcesses {

    /** The repository root: tests run in {@code examples/scripted-client}. */
    static final Path ROOT = Path.of("../..").toAbsolutePath().normalize();
    static final Path GATEWAY_JAR = ROOT.resolve("gateway/target/leash-gateway.jar");
    static final Path MCP_JAR = ROOT.resolve("mcp-server/target/leash-mcp.jar");
    static final String GATEWAY_TOKEN = "e2e-gateway-token-0123456789abcdef";
    /** The model token the MCP server presents; the operator's gateway token never reaches it. */
    static final String MODEL_TOKEN = "e2e-model-token-0123456789abcdef";
    static final String MCP_TOKEN = "e2e-mcp-token-0123456789abcdef";

    private LeashProcesses() {
    }

    /** A running process and the files its output goes to. */
    record Running(Process process, Path stdout, Path stderr, int port) {

        String baseUrl() {
            return "http://127.0.0.1:" + port;
        }

        /** SIGTERM, then waits; the exit code, or -1 when it did not stop within {@code bound}. */
        int terminate(Duration bound) throws InterruptedException {
            process.destroy();
            if (!process.waitFor(bound.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(5, TimeUnit.SECONDS);
                return -1;
            }
            return process.exitValue();
        }

        String stderrText() throws IOException {
            return Files.readString(stderr);
        }
    }

    static Running gateway(Path dir, int speed) throws IOException {
        assertThat(GATEWAY_JAR).as("build the jars first: ./mvnw install -DskipTests").exists();
        int port = freePort();
        return start(dir, "gateway", JavaProcess.jar(GATEWAY_JAR).jvm(jvmArgs("gateway"))
                .args("run", "--data-dir", dir.resolve("gateway-data").toString(), "--port", Integer.toString(port),
                        "--speed", Integer.toString(speed))
                .env(Map.of("LEASH_GATEWAY_TOKEN", GATEWAY_TOKEN, "LEASH_MODEL_TOKEN", MODEL_TOKEN)), port);
    }

    static Running mcpServer(Path dir, Running gateway) throws IOException {
        assertThat(MCP_JAR).as("build the jars first: ./mvnw install -DskipTests").exists();
        int port = freePort();
        return start(dir, "mcp", JavaProcess.jar(MCP_JAR).jvm(jvmArgs("mcp"))
                .args("--http", "--port", Integer.toString(port), "--data-dir", dir.resolve("mcp-data").toString())
                .env(Map.of("LEASH_GATEWAY_URL", gateway.baseUrl(), "LEASH_MODEL_TOKEN", MODEL_TOKEN,
                        "LEASH_MCP_TOKEN", MCP_TOKEN)), port);
    }

    /** The launchers' JVM options (heap limits): the argument file {@code @bin/<name>.jvm-args} run-demo.sh passes. */
    private static String jvmArgs(String name) {
        Path file = ROOT.resolve("bin/" + name + ".jvm-args");
        assertThat(file).exists();
        return "@" + file;
    }

    private static Running start(Path dir, String name, JavaProcess java, int port) throws IOException {
        Path out = dir.resolve(name + ".out");
        Path err = dir.resolve(name + ".err");
        ProcessBuilder pb = java.builder().directory(dir.toFile()).redirectOutput(out.toFile())
                .redirectError(err.toFile());
        return new Running(pb.start(), out, err, port);
    }

    /** Polls {@code url} until it answers any HTTP status; fails with the process's stderr when it does not. */
    static void awaitHttp(Running r, String url, Duration bound) {
        try {
            Eventually.await(url + " answering", bound, () -> !r.process().isAlive() || answers(url), done -> done);
        } catch (AssertionError notInTime) {
            throw new AssertionError(notInTime.getMessage() + ":\n" + stderr(r), notInTime);
        }
        assertThat(r.process().isAlive()).as("process exited early:\n%s", stderr(r)).isTrue();
    }

    private static boolean answers(String url) {
        try {
            HttpURLConnection c = (HttpURLConnection) URI.create(url).toURL().openConnection();
            c.setConnectTimeout(500);
            c.setReadTimeout(2000);
            c.getResponseCode();
            c.disconnect();
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static String stderr(Running r) {
        try {
            return r.stderrText();
        } catch (IOException e) {
            return "(stderr unreadable: " + e.getClass().getSimpleName() + ")";
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
