package dev.leash.gateway;

import dev.leash.testsupport.JavaProcess;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A gateway running as its own process on the simulated venue, for tests that SIGKILL it. */
record GatewayProcess(Process process, String url) {

    private static final Pattern API = Pattern.compile("REST API\\s+(http://\\S+)/api/state");

    /** Starts {@code leash-gateway run} on an ephemeral port and returns once it prints its REST API's address. */
    static GatewayProcess start(Path data, int speed, String token) throws IOException {
        Process p = JavaProcess.main("dev.leash.gateway.cli.Main")
                .args("run", "--data-dir", data.toString(), "--port", "0", "--speed", Integer.toString(speed))
                .env("LEASH_GATEWAY_TOKEN", token).builder().redirectErrorStream(true).start();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        String line;
        while ((line = out.readLine()) != null) {
            Matcher m = API.matcher(line);
            if (m.find()) {
                drain(out);
                return new GatewayProcess(p, m.group(1));
            }
            if (System.nanoTime() > deadline) {
                break;
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the gateway did not start: " + line);
    }

    /** SIGKILL, and wait for the process to be gone. */
    void kill() throws InterruptedException {
        process.toHandle().destroyForcibly();
        assertThat(process.waitFor(10, TimeUnit.SECONDS)).isTrue();
    }

    private static void drain(BufferedReader out) {
        Thread t = new Thread(() -> {
            try {
                while (out.readLine() != null) {
                    // the child's log is not asserted on; keep its pipe from filling up
                }
            } catch (IOException ignored) {
                // the child exited
            }
        }, "gateway-output");
        t.setDaemon(true);
        t.start();
    }
}
