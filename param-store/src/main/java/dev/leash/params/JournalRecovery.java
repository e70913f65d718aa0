package dev.leash.params;

import dev.leash.params.internal.AppendLog;
import dev.leash.risk.ChangeLog;
import dev.leash.risk.Limits;
import dev.leash.risk.ParamPolicy;
import dev.leash.risk.Params;
import dev.leash.risk.Principal;
import dev.leash.risk.RiskIncrease;
import dev.leash.risk.Rule;
import dev.leash.risk.Symbols;
import dev.leash.risk.Verdict;
import dev.leash.risk.Violation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

import static dev.leash.params.ParamStore.AUDIT_FILE;
import static dev.leash.params.ParamStore.PARAMS_FILE;

/**
 * How an opening store recovers its state from the audit journal, its write-ahead log.
 *
 * <p>The journal is the truth. {@code ai_params.json} is rewritten from it only when the file is missing or holds
 * an older version from the history (a crash between the journal append and the rename); any other content is
 * left for {@link ParamStore#reload} to judge. Each repair and each skipped line is added to the open report.
 */
final class JournalRecovery {

    private JournalRecovery() {
    }

    /**
     * What the journal held: its highest sequence number, every valid accepted version (oldest first), the hash the
     * next line chains to, and its integrity problems (chain breaks, unreadable lines, refused entries).
     */
    record Replayed(long seq, List<Params> history, String lastHash, List<String> problems) {
    }

    /** The version an empty journal starts from, journaled as {@code kind}; {@code rationale} if it has none. */
    record FirstVersion(AuditEntry.Kind kind, Params params, String rationale) {
    }

    /**
     * Replays the complete lines found at open. Each accepted version is judged again as a live write would be
     * ({@link #judge}); a refused one is reported and skipped, so the last valid version wins.
     */
    static Replayed replay(AppendLog.Recovery recovery, ParamPolicy policy, Params baseline, List<String> report) {
        if (recovery.tornBytes() > 0) {
            report.add(AUDIT_FILE + ": cut a torn last line of " + recovery.tornBytes()
                    + " bytes left by an interrupted write");
        }
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        List<AuditEntry> entries = AuditLog.parse(recovery.lines(), problems, notes);
        ParamPolicy replayPolicy = replayPolicy(policy, entries);
        long seq = 0;
        List<Params> history = new ArrayList<>();
        for (AuditEntry e : entries) {
            seq = Math.max(seq, e.seq());
            if (!e.createdVersion()) {
                continue;
            }
            List<Violation> why = judge(replayPolicy, baseline, history, e);
            if (why.isEmpty()) {
                history.add(e.params());
            } else {
                problems.add(AUDIT_FILE + ": entry seq " + e.seq() + " (" + e.kind().name().toLowerCase(Locale.ROOT)
                        + ", version " + e.version() + ") refused: " + ParamsFile.describe(why)
                        + (history.isEmpty() ? "" : "; version " + history.get(history.size() - 1).version()
                        + " is the last valid one"));
            }
        }
        report.addAll(notes);
        report.addAll(problems);
        return new Replayed(seq, history, AuditLog.lastHash(recovery.lines()), List.copyOf(problems));
    }

    /**
     * The policy a journal is judged by: the compiled hard ceilings and rules, with the operator's allowlist widened
     * by the symbols the journal holds. An operator's tighter configuration binds new writes and the inner loop;
     * applied to history it would refuse versions that were valid when written.
     */
    private static ParamPolicy replayPolicy(ParamPolicy policy, List<AuditEntry> entries) {
        Set<String> allow = new TreeSet<>(policy.limits().allowlist());
        for (AuditEntry e : entries) {
            if (e.params() != null) {
                e.params().symbols().keySet().stream().filter(Symbols::isWellFormed).forEach(allow::add);
            }
        }
        return new ParamPolicy(Limits.hard(allow));
    }

    /**
     * Why accepted entry {@code e} cannot follow the valid versions so far, or nothing: its version must lie inside
     * the ceilings; the first version must be an init or import; each later one must have a higher version and,
     * except a reset, pass the policy against the version before it at the entry's time, as it did when written. A
     * reset may only return to the baseline or lower risk.
     */
    static List<Violation> judge(ParamPolicy policy, Params baseline, List<Params> valid, AuditEntry e) {
        Params p = e.params();
        List<Violation> bad = policy.validate(p);
        if (!bad.isEmpty()) {
            return bad;
        }
        if (valid.isEmpty()) {
            return e.kind() == AuditEntry.Kind.INIT || e.kind() == AuditEntry.Kind.IMPORT ? List.of()
                    : List.of(new Violation("kind", Rule.INVALID, "the first version must be an init or an import"));
        }
        Params prev = valid.get(valid.size() - 1);
        if (p.version() <= prev.version()) {
            return List.of(new Violation("version", Rule.INVALID, "version " + p.version()
                    + " does not follow version " + prev.version()));
        }
        return switch (e.kind()) {
            case INIT -> List.of(new Violation("kind", Rule.INVALID, "only the first version may be an init"));
            case RESET -> p.sameValuesAs(baseline) || RiskIncrease.fields(prev, p).isEmpty() ? List.of()
                    : List.of(new Violation("kind", Rule.INVALID,
                    "a reset may only return to the baseline or lower risk"));
            default -> {
                // Judged under the rules of the principal that wrote it; entries from before principals were recorded
                // were all bound by the model's rules.
                Principal who = e.principal() == null ? Principal.MODEL : e.principal();
                Verdict v = policy.evaluate(prev, p, e.author(), who, e.rationale(), e.at(), ChangeLog.of(valid));
                yield v.accepted() ? List.of() : v.violations();
            }
        };
    }

    /** Brings {@code ai_params.json} up to the newest version of a non-empty {@code history} where it lags. */
    static void repairFile(Path dir, List<Params> history, List<String> report) throws IOException {
        Params current = history.get(history.size() - 1);
        Path file = dir.resolve(PARAMS_FILE);
        ParamsFile.Read read = ParamsFile.read(dir);
        ParamsJson.Parsed onDisk = read.parsed();
        if (read.problem() == null && onDisk != null && onDisk.params().version() < current.version()
                && history.stream().anyMatch(h -> h.equals(onDisk.params()))) {
            // A crash between the journal append and the rename: finish the write the journal already holds.
            ParamsFile.write(file, current);
            report.add(PARAMS_FILE + ": brought from version " + onDisk.params().version() + " up to version "
                    + current.version() + " from the journal");
        } else if (read.missing()) {
            ParamsFile.write(file, current);
            report.add(PARAMS_FILE + ": missing; rewrote version " + current.version() + " from the journal");
        } else if (read.problem() != null) {
            report.add(read.problem() + "; trading on last-known-good version " + current.version()
                    + " from the journal");
        }
    }

    /** The first version of an empty journal: a valid existing {@code ai_params.json}, else the baseline. */
    static FirstVersion firstVersion(Path dir, ParamPolicy policy, Params baseline, Instant now, List<String> report)
            throws IOException {
        ParamsFile.Read read = ParamsFile.read(dir);
        if (read.problem() == null && read.parsed() != null && policy.validate(read.parsed().params()).isEmpty()) {
            return new FirstVersion(AuditEntry.Kind.IMPORT, read.parsed().params(), "imported existing " + PARAMS_FILE);
        }
        if (!read.missing()) {
            report.add(PARAMS_FILE + ": existing file not imported (" + (read.problem() != null ? read.problem()
                    : ParamsFile.describe(policy.validate(read.parsed().params()))) + "); starting from the baseline");
        }
        return new FirstVersion(AuditEntry.Kind.INIT,
                baseline.stamped(Math.max(1, baseline.version()), "operator", "baseline", now), "baseline");
    }
}
