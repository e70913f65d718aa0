package dev.leash.examples;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A deterministic outer loop for Leash, written against the MCP Java SDK client and no model: each cycle reads
 * {@code get_state}, {@code get_market}, {@code get_trades} and {@code get_params}, applies {@link Rules}, and
 * proposes each change through {@code update_params} with a rationale that names its numbers. risk-guard decides;
 * a rejection is reported, never retried.
 *
 * <pre>java -jar examples/scripted-client/target/leash-scripted-client.jar --cycles 6 --interval 60</pre>
 */
public final class ScriptedOuterLoop {

    private ScriptedOuterLoop() {
    }

    /** What became of one proposal. */
    public record Outcome(int cycle, Proposal proposal, boolean accepted, long version, List<String> reasons) {
        public Outcome {
            reasons = List.copyOf(reasons);
        }
    }

    /** Every proposal the run made, in order, and the cycles it completed. */
    public record Report(int cycles, List<Outcome> outcomes) {
        public Report {
            outcomes = List.copyOf(outcomes);
        }
    }

    public static void main(String[] args) {
        if (args.length > 0 && ("--help".equals(args[0]) || "-h".equals(args[0]))) {
            System.out.println(Options.USAGE);
            return;
        }
        Options options;
        try {
            options = Options.parse(args, System.getenv());
        } catch (IllegalArgumentException e) {
            System.err.println("leash-scripted-client: " + e.getMessage());
            System.err.println(Options.USAGE);
            System.exit(2);
            return;
        }
        try {
            Report r = run(options, System.err);
            long accepted = r.outcomes().stream().filter(Outcome::accepted).count();
            System.err.printf(Locale.ROOT, "done: %d cycles, %d proposals, %d accepted, %d rejected%n", r.cycles(),
                    r.outcomes().size(), accepted, r.outcomes().size() - accepted);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            System.exit(130);
        } catch (RuntimeException e) {
            System.err.println("leash-scripted-client: " + describe(e));
            System.exit(1);
        }
    }

    /** The message and the root cause, without a stack trace: "failed to initialize (HTTP 401 ...)". */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        return root == e ? cause : e.getMessage() + " (" + cause + ")";
    }

    /** Runs the configured cycles; one summary line per cycle goes to {@code log}. */
    public static Report run(Options options, PrintStream log) throws InterruptedException {
        Rules rules = Rules.of(options);
        List<Outcome> outcomes = new ArrayList<>();
        double previousVolatility = Double.NaN;
        try (LeashClient leash = LeashClient.connect(options.mcpUrl(), options.token(), options.clientName())) {
            for (int cycle = 1; cycle <= options.cycles(); cycle++) {
                long started = System.nanoTime();
                Observation seen = observe(leash);
                int before = outcomes.size();
                review(leash, rules, cycle, previousVolatility, seen, outcomes);
                log.println(summary(cycle, options.cycles(), previousVolatility, seen,
                        outcomes.subList(before, outcomes.size())));
                previousVolatility = seen.meanVolatility();
                if (cycle < options.cycles()) {
                    long waitMillis = options.interval().toMillis() - (System.nanoTime() - started) / 1_000_000;
                    Thread.sleep(Math.max(0, waitMillis));
                }
            }
        }
        return new Report(options.cycles(), outcomes);
    }

    private static Observation observe(LeashClient leash) {
        JsonNode state = leash.read("get_state", Map.of());
        JsonNode market = leash.read("get_market", Map.of());
        JsonNode trades = leash.read("get_trades", Map.of("limit", 200));
        JsonNode params = leash.read("get_params", Map.of());
        return Observation.of(state, market, trades, params);
    }

    /** The rules in order: volatility, losing streaks (repeatedly), then the probe; params re-read after each win. */
    private static void review(LeashClient leash, Rules rules, int cycle, double previousVolatility, Observation seen,
                               List<Outcome> outcomes) {
        Observation now = seen;
        Optional<Proposal> vol = rules.volatility(previousVolatility, now);
        if (vol.isPresent()) {
            now = propose(leash, cycle, vol.get(), now, outcomes);
        }
        Set<String> tried = new HashSet<>();
        for (Optional<Proposal> p = rules.losingStreak(now, tried); p.isPresent(); p = rules.losingStreak(now, tried)) {
            tried.add(p.get().changes().path("symbols").fieldNames().next());
            now = propose(leash, cycle, p.get(), now, outcomes);
        }
        Optional<Proposal> probe = rules.probe(cycle, now);
        if (probe.isPresent()) {
            propose(leash, cycle, probe.get(), now, outcomes);
        }
    }

    private static Observation propose(LeashClient leash, int cycle, Proposal p, Observation now,
                                       List<Outcome> outcomes) {
        LeashClient.Reply reply = leash.updateParams(p.changes(), p.rationale());
        boolean accepted = !reply.error() && reply.json().path("accepted").asBoolean(false);
        List<String> reasons = new ArrayList<>();
        for (JsonNode r : reply.json().path("reasons")) {
            reasons.add(r.path("field").asText() + ": " + r.path("rule").asText());
        }
        if (!accepted && reasons.isEmpty()) {
            reasons.add(reply.text());
        }
        long version = reply.json().path("version").asLong(now.paramsVersion());
        outcomes.add(new Outcome(cycle, p, accepted, version, reasons));
        return accepted ? now.withParams(leash.read("get_params", Map.of())) : now;
    }

    static String summary(int cycle, int cycles, double previousVolatility, Observation seen, List<Outcome> made) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT,
                "cycle %d/%d: health %s, equity %.2f, params v%d, max_position_pct %.2f, vol %.1f%% (prev %s), "
                        + "%d fills seen", cycle, cycles, seen.health(), seen.equity(), seen.paramsVersion(),
                seen.maxPositionPct(), seen.meanVolatility(), Double.isFinite(previousVolatility)
                        ? String.format(Locale.ROOT, "%.1f%%", previousVolatility) : "none", seen.trades()));
        if (made.isEmpty()) {
            s.append(" | no change");
        }
        for (Outcome o : made) {
            s.append(" | ").append(o.proposal().kind().name().toLowerCase(Locale.ROOT)).append(' ')
                    .append(o.proposal().changes()).append(o.accepted() ? " accepted -> v" + o.version()
                            : " rejected " + o.reasons());
        }
        return s.toString();
    }
}
