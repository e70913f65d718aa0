package dev.leash.gateway.cli;

import dev.leash.gateway.app.BindCheck;
import dev.leash.gateway.app.Gateway;
import dev.leash.gateway.config.ConfigException;
import dev.leash.gateway.config.ConfigLoader;
import dev.leash.gateway.config.GatewayConfig;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;

/**
 * {@code java -jar leash-gateway.jar <command>}: {@code run}, {@code backtest}, {@code params}, {@code check-config},
 * {@code watchdog} (its own exit codes, see {@link WatchdogCommand}).
 * Exit codes: 0 success, 1 failure, 2 usage or configuration error. Logs and progress go to stderr; only command
 * output (JSON, tables) goes to stdout.
 */
public final class Main {

    static final String USAGE = String.join("\n",
            "usage: leash-gateway <command> [options]",
            "  run [--config f] [--data-dir d] [--port p] [--speed x]   start the gateway (simulated venue by default)",
            "  backtest --data candles.csv [--params f] [--report out.html] [--symbol S]",
            "                                                           replay candles through the engine",
            "  params show|history|rollback N|reset-baseline [--config f] [--data-dir d] [--rationale text]",
            "                                                           inspect or change the parameters (gateway stopped)",
            "  check-config [--config f]                                validate the configuration and exit",
            "  watchdog --data-dir d [--max-age 120s] [--expect ACTIVE,PAUSED] [--webhook URL]",
            "                                                           check heartbeat.json (exit 0 fresh and expected,",
            "                                                           3 missing, 4 unreadable, 5 too old, 6 HALTED,",
            "                                                           7 REDUCE_ONLY, 8 another state)");

    private Main() {
    }

    public static void main(String[] args) {
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC")); // log timestamps in UTC, before any logger
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs a command; returns the exit code. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        if (args.length == 0 || Set.of("-h", "--help", "help").contains(args[0])) {
            (args.length == 0 ? err : out).println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        try {
            return switch (args[0]) {
                case "run" -> runGateway(Args.parse(args, 1, Set.of("config", "data-dir", "port", "speed")), env, err);
                case "check-config" -> checkConfig(Args.parse(args, 1, Set.of("config", "data-dir")), env, out);
                case "params" -> ParamsCommand.run(Args.parse(args, 1, Set.of("config", "data-dir", "rationale")),
                        env, out, err);
                case "backtest" -> BacktestCommand.run(Args.parse(args, 1,
                        Set.of("data", "params", "report", "symbol", "config", "balance")), env, out, err);
                case "watchdog" -> WatchdogCommand.run(Args.parse(args, 1, WatchdogCommand.OPTIONS), out, err,
                        Clock.systemUTC(), WatchdogCommand.WEBHOOK_TIMEOUT);
                default -> throw new Args.UsageException("unknown command '" + args[0] + "'");
            };
        } catch (Args.UsageException e) {
            err.println("leash-gateway: " + e.getMessage());
            err.println(USAGE);
            return 2;
        } catch (ConfigException e) {
            err.println("leash-gateway: configuration error: " + e.getMessage());
            return 2;
        } catch (Exception e) {
            err.println("leash-gateway: " + e.getMessage());
            return 1;
        }
    }

    static GatewayConfig config(Args a, Map<String, String> env) throws ConfigException, Args.UsageException {
        Path file = a.path("config");
        return ConfigLoader.load(file, env, new ConfigLoader.Overrides(a.path("data-dir"), a.integer("port"),
                a.number("speed")));
    }

    private static int checkConfig(Args a, Map<String, String> env, PrintStream out) throws Exception {
        GatewayConfig c = config(a, env);
        BindCheck.requireTokenOffLoopback(c.api().host(), env);
        out.println("configuration ok: venue " + c.venue() + ", data dir " + c.dataDir() + ", symbols " + c.symbols()
                + ", API " + c.api().host() + ":" + c.api().port());
        return 0;
    }

    private static int runGateway(Args a, Map<String, String> env, PrintStream err) throws Exception {
        GatewayConfig config = config(a, env);
        Gateway gateway = Gateway.start(config, env, Clock.systemUTC());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            gateway.close();
            stopped.countDown();
        }, "leash-shutdown"));
        err.println();
        err.println("Leash gateway is running");
        err.println("  venue      " + config.venue() + (config.venue().equals("simulated")
                ? " (seed " + config.simulated().seed() + ", " + config.simulated().speed() + "x speed)" : ""));
        err.println("  REST API   " + gateway.baseUrl() + "/api/state");
        err.println("  token      " + gateway.token().source() + "  (the operator's: writes need Authorization: Bearer"
                + " <token>)");
        err.println("  model      " + gateway.modelToken().source() + "  (the MCP server's: slow-rise rules apply)");
        err.println("  data       " + config.dataDir().toAbsolutePath());
        err.println("  params     version " + gateway.store().current().version() + " in "
                + config.dataDir().resolve("ai_params.json"));
        err.println("Stop with Ctrl-C.");
        stopped.await();
        return 0;
    }
}
