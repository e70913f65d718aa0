package dev.leash.gateway.cli;

import dev.leash.common.JsonLogs;
import dev.leash.gateway.app.Gateway;
import dev.leash.gateway.config.ConfigLoader;
import dev.leash.gateway.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code run [--config f] [--data-dir d] [--port p] [--speed x] [--log-format text|json]}: starts the gateway until
 * Ctrl-C.
 */
@Command(name = "run",
        description = "Start the gateway (simulated venue by default) until Ctrl-C.")
final class RunCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Mixin
    ConfigOptions options;

    @Option(names = "--port", paramLabel = "PORT", description = "the REST API port (0 picks a free one)")
    Integer port;

    @Option(names = "--speed", paramLabel = "X", description = "the simulated venue's speed-up")
    Double speed;

    @Option(names = "--log-format", paramLabel = "FORMAT", description = "text or json (one JSON object per line);"
            + " overrides LEASH_LOG_FORMAT and logging.format")
    String logFormat;

    private final Map<String, String> env;
    private final PrintStream err;

    RunCommand(Map<String, String> env, PrintStream err) {
        this.env = env;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        GatewayConfig config = options.load(env, port, speed);
        PrintStream console = err;
        boolean json;
        try {
            json = JsonLogs.wanted(logFormat, env, ConfigLoader.logFormat(options.config));
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
        if (json) {
            console = JsonLogs.wrap(err, Clock.systemUTC());
            System.setErr(console); // slf4j-simple writes to System.err as it is at each line
        }
        Gateway gateway = Gateway.start(config, env, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "leash-shutdown"));
        console.println();
        console.println("Leash gateway is running");
        console.println("  venue      " + config.venue() + (config.venue().equals("simulated")
                ? " (seed " + config.simulated().seed() + ", " + config.simulated().speed() + "x speed)" : ""));
        console.println("  REST API   " + gateway.baseUrl() + "/api/state");
        console.println("  token      " + gateway.token().source() + "  (the operator's: writes need Authorization:"
                + " Bearer <token>)");
        console.println("  model      " + gateway.modelToken().source()
                + "  (the MCP server's: slow-rise rules apply)");
        console.println("  data       " + config.dataDir().toAbsolutePath());
        console.println("  params     version " + gateway.store().current().version() + " in "
                + config.dataDir().resolve("ai_params.json"));
        console.println("Stop with Ctrl-C.");
        stopped.await();
        return 0;
    }
}
