package dev.leash.gateway.cli;

import dev.leash.gateway.app.BindCheck;
import dev.leash.gateway.config.GatewayConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code check-config [--config f] [--data-dir d]}: validates the configuration and exits. */
@Command(name = "check-config",
        description = "Validate the configuration and exit.")
final class CheckConfigCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Mixin
    ConfigOptions options;

    private final Map<String, String> env;
    private final PrintStream out;

    CheckConfigCommand(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        GatewayConfig c = options.load(env, null, null);
        BindCheck.requireTokenOffLoopback(c.api().host(), env);
        out.println("configuration ok: venue " + c.venue() + ", data dir " + c.dataDir() + ", symbols " + c.symbols()
                + ", API " + c.api().host() + ":" + c.api().port());
        return 0;
    }
}
