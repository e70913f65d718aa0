package dev.leash.gateway.cli;

import dev.leash.gateway.config.GatewayConfig;
import dev.leash.journal.Journal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code backup --to FILE [--config f] [--data-dir d]}: a consistent online copy of the SQLite trade journal. */
@Command(name = "backup",
        description = "Copy the SQLite trade journal to a new file, consistently, while the gateway runs"
                + " (PostgreSQL: use pg_dump).")
final class BackupCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Mixin
    ConfigOptions options;

    @Option(names = "--to", paramLabel = "FILE", required = true, description = "the new file to write")
    Path to;

    private final Map<String, String> env;
    private final PrintStream out;

    BackupCommand(Map<String, String> env, PrintStream out) {
        this.env = env;
        this.out = out;
    }

    @Override
    public Integer call() throws Exception {
        GatewayConfig c = options.load(env, null, null);
        Journal.backup(c.effectiveJournalUrl(), to);
        out.println("journal backed up to " + to);
        return 0;
    }
}
