package dev.leash.params;

import dev.leash.risk.Params;
import dev.leash.risk.Violation;

import java.util.List;

/**
 * What a write returned: its journaled {@link AuditEntry} and the parameters current afterwards.
 *
 * <p>When {@link #accepted()} and not a dry run, the new version is durable on disk.
 */
public record WriteResult(AuditEntry entry, Params current) {

    public boolean accepted() {
        return entry.verdict() == AuditEntry.Verdict.ACCEPTED;
    }

    public boolean conflict() {
        return entry.verdict() == AuditEntry.Verdict.CONFLICT;
    }

    public List<Violation> violations() {
        return entry.reasons();
    }

    public List<FieldChange> diff() {
        return entry.diff();
    }
}
