package dev.leash.gateway.cli;

import dev.leash.gateway.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code java -jar leash-gateway.jar <command>}: {@code run}, {@code backtest}, {@code params}, {@code check-config},
 * {@code watchdog} (its own exit codes, see {@link WatchdogCommand}).
 * Exit codes: 0 success, 1 failure, 2 usage or configuration error. Logs and progress go to stderr; only command
 * output (JSON, tables) goes to stdout.
 */
@Command(name = "leash-gateway", description = "The Leash trading gateway.",
        footer = {"", "Exit codes: 0 success, 1 failure, 2 usage or configuration error",
                "(the watchdog has its own: see 'leash-gateway watchdog --help').",
                "Run 'leash-gateway <command> --help' for a command's options."})
public final class Main implements Callable<Integer> {

    @Mixin
    HelpOption help;

    private Main() {
    }

    public static void main(String[] args) {
        java.util.TimeZone.setDefault(java.util.TimeZone.getTimeZone("UTC")); // log timestamps in UTC, before any logger
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs a command; returns the exit code. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return run(args, env, out, err, Clock.systemUTC(), WatchdogCommand.WEBHOOK_TIMEOUT);
    }

    /** Runs a command with the watchdog's clock and webhook timeout; returns the exit code. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err, Clock clock,
                   Duration webhookTimeout) {
        CommandLine cli = new CommandLine(new Main())
                .addSubcommand(new RunCommand(env, err))
                .addSubcommand(new BacktestCommand(out, err))
                .addSubcommand(new ParamsCommand(env, out, err))
                .addSubcommand(new CheckConfigCommand(env, out))
                .addSubcommand(new BackupCommand(env, out))
                .addSubcommand(new PruneCommand(env, out, clock))
                .addSubcommand(new WatchdogCommand(env, out, err, clock, webhookTimeout))
                .addSubcommand(new CommandLine.HelpCommand());
        cli.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cli.setOverwrittenOptionsAllowed(true); // the last of a repeated option wins, as before picocli
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        cli.setParameterExceptionHandler((e, a) -> usageError(describe(e), e.getCommandLine(), err));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof UsageException) {
                return usageError(e.getMessage(), command, err);
            }
            if (e instanceof ConfigException) {
                err.println("leash-gateway: configuration error: " + e.getMessage());
                return 2;
            }
            err.println("leash-gateway: " + e.getMessage());
            return 1;
        });
        return cli.execute(args);
    }

    /** Without a command: the usage on stderr, exit code 2. */
    @Override
    public Integer call() throws UsageException {
        throw new UsageException("which command? run, backtest, params, check-config or watchdog");
    }

    private static int usageError(String message, CommandLine command, PrintStream err) {
        err.println("leash-gateway: " + message);
        command.usage(err, CommandLine.Help.Ansi.OFF);
        return 2;
    }

    private static String describe(CommandLine.ParameterException e) {
        if (e instanceof CommandLine.UnmatchedArgumentException u && e.getCommandLine().getParent() == null
                && !u.getUnmatched().isEmpty() && !u.getUnmatched().get(0).startsWith("-")) {
            return "unknown command '" + u.getUnmatched().get(0) + "'";
        }
        return e.getMessage();
    }
}
