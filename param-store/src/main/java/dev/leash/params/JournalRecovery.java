package dev.leash.params;

import dev.leash.params.internal.AppendLog;
import dev.leash.risk.ParamPolicy;
import dev.leash.risk.Params;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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

    /** What the journal held: its highest sequence number and every accepted version, oldest first. */
    record Replayed(long seq, List<Params> history) {
    }

    /** The version an empty journal starts from, journaled as {@code kind}; {@code rationale} if it has none. */
    record FirstVersion(AuditEntry.Kind kind, Params params, String rationale) {
    }

    /** Replays the complete lines found at open. */
    static Replayed replay(AppendLog.Recovery recovery, List<String> report) {
        if (recovery.tornBytes() > 0) {
            report.add(AUDIT_FILE + ": cut a torn last line of " + recovery.tornBytes()
                    + " bytes left by an interrupted write");
        }
        long seq = 0;
        List<Params> history = new ArrayList<>();
        for (AuditEntry e : AuditLog.parse(recovery.lines(), report)) {
            seq = Math.max(seq, e.seq());
            if (e.createdVersion()) {
                history.add(e.params());
            }
        }
        return new Replayed(seq, history);
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
