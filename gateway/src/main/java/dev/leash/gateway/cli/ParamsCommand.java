package dev.leash.gateway.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.gateway.config.GatewayConfig;
import dev.leash.params.AuditEntry;
import dev.leash.params.FieldChange;
import dev.leash.params.ParamStore;
import dev.leash.params.ParamsJson;
import dev.leash.params.WriteResult;
import dev.leash.risk.ParamPolicy;
import dev.leash.risk.Principal;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code params show|history|rollback N|reset-baseline}: the operator's direct access to the parameter store; its
 * writes speak for {@link Principal#OPERATOR} (limits apply, slow-rise rules do not).
 */
@Command(name = "params", description = "Inspect or change the parameters: show, history or reset-baseline while"
        + " the gateway is stopped; rollback N also while it runs (through its REST API).")
final class ParamsCommand implements Callable<Integer> {

    @Mixin
    HelpOption help;

    @Mixin
    ConfigOptions options;

    @Option(names = "--rationale", paramLabel = "TEXT", description = "why, recorded in the audit log")
    String rationale;

    @Option(names = "--url", paramLabel = "URL", description = "the running gateway's API for rollback (default:"
            + " the configured api host and port)")
    String url;

    @Parameters(paramLabel = "WORD", description = "show | history | rollback N | reset-baseline")
    List<String> words = new ArrayList<>();

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    ParamsCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    @Override
    public Integer call() throws Exception {
        if (words.isEmpty()) {
            throw new UsageException("params needs a subcommand: show, history, rollback N, reset-baseline");
        }
        GatewayConfig config = options.load(env, null, null);
        String sub = words.get(0);
        try (ParamStore store = ParamStore.open(config.dataDir(), new ParamPolicy(config.limits()), config.baseline(),
                Instant.now())) {
            for (String problem : store.openReport()) {
                err.println("note: " + problem);
            }
            switch (sub) {
                case "show" -> out.print(ParamsJson.toText(store.current()));
                case "history" -> out.println(ParamsJson.MAPPER.writerWithDefaultPrettyPrinter()
                        .writeValueAsString(history(store)));
                case "rollback" -> {
                    if (words.size() != 2) {
                        throw new UsageException("params rollback needs a version number");
                    }
                    long version = version();
                    return report(store.rollback(version, "operator (cli)", Principal.OPERATOR,
                            rationale("rollback to version " + version), Instant.now()), out, err);
                }
                case "reset-baseline" -> {
                    return report(store.resetToBaseline("operator (cli)", rationale("reset to the baseline"),
                            Instant.now()), out, err);
                }
                default -> throw new UsageException("unknown params subcommand '" + sub + "'");
            }
        } catch (java.io.IOException e) {
            if (e.getMessage() != null && e.getMessage().contains("is in use by another") // a gateway holds it
                    && "rollback".equals(sub) && words.size() == 2) {
                return GatewayRollback.run(url, config, env, version(), rationale("rollback to version " + version()),
                        out, err);
            }
            if (e.getMessage() != null && e.getMessage().contains("in use by another process")) {
                err.println("leash-gateway: " + e.getMessage() + ". The gateway is running: read GET /api/params"
                        + " and /api/params/history, or stop it first.");
                return 1;
            }
            throw e;
        }
        return 0;
    }

    private long version() throws UsageException {
        try {
            return Long.parseLong(words.get(1));
        } catch (NumberFormatException e) {
            throw new UsageException("params rollback: '" + words.get(1) + "' is not a version number");
        }
    }

    private String rationale(String dflt) {
        String r = rationale;
        return r == null || r.isBlank() ? "operator " + dflt + " from the command line" : r;
    }

    private static ArrayNode history(ParamStore store) throws java.io.IOException {
        ArrayNode out = ParamsJson.MAPPER.createArrayNode();
        for (AuditEntry e : store.audit().entries()) {
            if (!e.createdVersion()) {
                continue;
            }
            ObjectNode n = out.addObject();
            n.put("version", e.version());
            n.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
            n.put("at", e.at().toString());
            n.put("author", e.author());
            n.put("rationale", e.rationale());
            n.set("diff", FieldChange.toJson(e.diff()));
        }
        return out;
    }

    private static int report(WriteResult r, PrintStream out, PrintStream err) {
        if (r.accepted()) {
            out.println("accepted: version " + r.current().version());
            return 0;
        }
        err.println("rejected:");
        r.violations().forEach(v -> err.println("  " + v.field() + ": " + v.message()));
        return 1;
    }
}
