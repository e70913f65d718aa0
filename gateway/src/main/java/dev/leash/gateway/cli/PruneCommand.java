package dev.leash.gateway.cli;

import dev.leash.gateway.config.GatewayConfig;
import dev.leash.journal.Journal;
import dev.leash.journal.PruneResult;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** {@code prune --older-than 90d [--config f] [--data-dir d]}: trims old decisions and equity points. */
@Command(name = "prune",
        description = "Trim decisions, equity points and position snapshots older than the horizon, keeping daily"
                + " aggregates, orders, fills, events and every params version (the audit trail is another file).")
final class PruneCommand implements Callable<Integer> {

    /** The shortest horizon: the gateway reads the last two days of equity at start, and a week is kept besides. */
    static final int MIN_DAYS = 7;
    private static final Pattern DAYS = Pattern.compile("(\\d{1,5})d");

    @Mixin
    HelpOption help;

    @Mixin
    ConfigOptions options;

    @Option(names = "--older-than", paramLabel = "AGE", required = true, description = "a number of days, e.g. 90d")
    String olderThan;

    private final Map<String, String> env;
    private final PrintStream out;
    private final Clock clock;

    PruneCommand(Map<String, String> env, PrintStream out, Clock clock) {
        this.env = env;
        this.out = out;
        this.clock = clock;
    }

    @Override
    public Integer call() throws Exception {
        Matcher m = DAYS.matcher(olderThan);
        if (!m.matches() || Integer.parseInt(m.group(1)) < MIN_DAYS) {
            throw new UsageException("--older-than: '" + olderThan + "' must be a number of days of at least "
                    + MIN_DAYS + ", like 90d");
        }
        GatewayConfig c = options.load(env, null, null);
        long before = clock.millis() - Integer.parseInt(m.group(1)) * 86_400_000L;
        try (Journal journal = Journal.open(c.effectiveJournalUrl(), c.journalPool().withCredentialsFrom(env))) {
            PruneResult r = journal.prune(before);
            out.println("pruned before " + Instant.ofEpochMilli(r.before()) + ": " + r.decisions() + " decisions, "
                    + r.equityPoints() + " equity points, " + r.positionSnapshots()
                    + " position snapshots (daily aggregates kept)");
        }
        return 0;
    }
}
