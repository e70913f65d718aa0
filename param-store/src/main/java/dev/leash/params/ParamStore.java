package dev.leash.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.params.internal.AppendLog;
import dev.leash.risk.ChangeLog;
import dev.leash.risk.ParamPolicy;
import dev.leash.risk.Params;
import dev.leash.risk.Principal;
import dev.leash.risk.RiskIncrease;
import dev.leash.risk.Rule;
import dev.leash.risk.ScheduledReset;
import dev.leash.risk.Verdict;
import dev.leash.risk.Violation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.Optional;

/**
 * The versioned parameter store in one directory: {@code ai_params.json} (the current version, the documented
 * contract), {@code audit.jsonl} (every proposal and its verdict; accepted entries carry the whole version, so the
 * journal is also the history) and {@code store.lock}.
 *
 * <p>Every write is evaluated by the {@link ParamPolicy}, journaled and fsynced before it returns; an accepted
 * write then replaces {@code ai_params.json} atomically. After a crash at any instant, {@link #open} recovers the
 * newest accepted version from the journal. One process owns a directory at a time (an exclusive file lock);
 * within it, writes are serialized and compare-and-set on {@code version}.
 *
 * <p>Time is an argument of every method that needs it.
 */
public final class ParamStore implements AutoCloseable {

    public static final String PARAMS_FILE = "ai_params.json";
    public static final String AUDIT_FILE = "audit.jsonl";
    public static final String LOCK_FILE = "store.lock";

    private final Path dir;
    private final ParamPolicy policy;
    private final Params baseline;
    private final AppendLog audit;
    private final StoreLock lock;
    private final List<Params> history = new ArrayList<>();
    private final List<String> openReport = new ArrayList<>();
    private final List<String> journalProblems = new ArrayList<>();
    private long seq;
    private volatile Params current;
    private String lastRejectedText;
    /** SHA-256 of the journal's last line: the next line's {@code prev_sha256}. */
    private String lastHash = AuditLog.GENESIS;
    private boolean closed;

    private ParamStore(Path dir, ParamPolicy policy, Params baseline, AppendLog audit, StoreLock lock) {
        this.dir = dir;
        this.policy = policy;
        this.baseline = baseline;
        this.audit = audit;
        this.lock = lock;
    }

    /**
     * Opens the store in {@code dir}, creating it if needed, and recovers the last-known-good version.
     *
     * @param baseline the operator's baseline: the first version of a new store and the target of
     *                 {@link #resetToBaseline}; it must satisfy the limits
     * @throws IOException when the directory cannot be used or another process holds it
     * @throws IllegalArgumentException when the baseline violates the limits
     */
    public static ParamStore open(Path dir, ParamPolicy policy, Params baseline, Instant now) throws IOException {
        List<Violation> bad = policy.validate(baseline);
        if (!bad.isEmpty()) {
            throw new IllegalArgumentException("baseline params violate the limits: " + bad);
        }
        Files.createDirectories(dir);
        StoreLock lock = StoreLock.acquire(dir);
        AppendLog.Opened opened;
        try {
            opened = AppendLog.recover(dir.resolve(AUDIT_FILE));
        } catch (IOException | RuntimeException e) {
            lock.release();
            throw e;
        }
        ParamStore store = new ParamStore(dir, policy, baseline, opened.log(), lock);
        try {
            store.recover(opened.recovery(), now);
        } catch (IOException | RuntimeException e) {
            store.close();
            throw e;
        }
        return store;
    }

    private void recover(AppendLog.Recovery recovery, Instant now) throws IOException {
        JournalRecovery.Replayed replayed = JournalRecovery.replay(recovery, policy, baseline, openReport);
        seq = replayed.seq();
        lastHash = replayed.lastHash();
        journalProblems.addAll(replayed.problems());
        history.addAll(replayed.history());
        if (history.isEmpty()) {
            startWithoutHistory(now);
            return;
        }
        current = history.get(history.size() - 1);
        JournalRecovery.repairFile(dir, history, openReport);
    }

    /**
     * An empty (new, deleted or truncated) journal: a valid file no riskier than the baseline is imported as it is;
     * a riskier one is a proposal from the baseline, judged by the slow-rise rules like any other.
     */
    private void startWithoutHistory(Instant now) throws IOException {
        JournalRecovery.FirstVersion first = JournalRecovery.firstVersion(dir, policy, baseline, now, openReport);
        Params start = first.params();
        if (first.kind() == AuditEntry.Kind.INIT || RiskIncrease.fields(baseline, start).isEmpty()) {
            appendVersion(first.kind(), start, first.rationale(), now);
            return;
        }
        appendVersion(AuditEntry.Kind.INIT, baseline.stamped(Math.max(1, baseline.version()), "operator", "baseline",
                now), "baseline", now);
        String author = "import" + (start.updatedBy().isBlank() ? "" : ":" + start.updatedBy());
        String why = start.rationale().isBlank() ? "imported existing " + PARAMS_FILE : start.rationale();
        WriteResult r = decide(AuditEntry.Kind.IMPORT, current, start, author, Principal.FILE, why, null,
                ParamsJson.toJson(start), false, now);
        openReport.add(PARAMS_FILE + ": no journal, and the file is riskier than the baseline; judged as a proposal"
                + " from the baseline: " + (r.accepted() ? "accepted as version " + r.current().version()
                : "rejected (" + ParamsFile.describe(r.violations()) + "), trading on the baseline"));
    }

    private void appendVersion(AuditEntry.Kind kind, Params p, String rationale, Instant now) throws IOException {
        Params stamped = p.stamped(p.version(), p.updatedBy().isBlank() ? "operator" : p.updatedBy(),
                p.rationale().isBlank() ? rationale : p.rationale(), p.updatedAt());
        AuditEntry e = new AuditEntry(++seq, now, kind, stamped.updatedBy(), stamped.rationale(), 0, null, null,
                List.of(), AuditEntry.Verdict.ACCEPTED, List.of(), stamped.version(), false, stamped);
        commit(e);
    }

    /** The last-known-good parameters: what the gateway trades on. */
    public Params current() {
        return current;
    }

    /** The operator's baseline. */
    public Params baseline() {
        return baseline;
    }

    public ParamPolicy policy() {
        return policy;
    }

    public Path directory() {
        return dir;
    }

    /** Problems found and repaired while opening: torn journal tail, stale or missing file. */
    public List<String> openReport() {
        return List.copyOf(openReport);
    }

    /**
     * What opening found wrong with the journal itself, for health: breaks of the hash chain, unreadable lines and
     * accepted entries refused on replay. Empty for a sound journal.
     */
    public List<String> journalProblems() {
        return List.copyOf(journalProblems);
    }

    /** Every accepted version, oldest first. */
    public synchronized List<Params> history() {
        return List.copyOf(history);
    }

    /** The accepted changes, for the increase rules and for callers that explain them. */
    public synchronized ChangeLog changeLog() {
        return ChangeLog.of(history);
    }

    /**
     * Proposes {@code changes} (a partial {@code ai_params.json} object) on behalf of {@code author}, as the model:
     * every slow-rise rule applies.
     *
     * @param expectedVersion the version the author saw; a mismatch is a journaled conflict. Null to apply to
     *                        whatever is current.
     * @param dryRun evaluate and journal the verdict, change nothing else
     */
    public synchronized WriteResult propose(Long expectedVersion, JsonNode changes, String author, String rationale,
                                            boolean dryRun, Instant now) throws IOException {
        return propose(expectedVersion, changes, author, Principal.MODEL, rationale, dryRun, now);
    }

    /**
     * Proposes {@code changes} on behalf of {@code author} speaking for {@code principal}, whose rules apply
     * ({@link ParamPolicy#evaluate(Params, Params, String, Principal, String, Instant, ChangeLog)}); the journal
     * records the principal.
     */
    public synchronized WriteResult propose(Long expectedVersion, JsonNode changes, String author,
                                            Principal principal, String rationale, boolean dryRun, Instant now)
            throws IOException {
        Objects.requireNonNull(principal, "principal");
        Params cur = current;
        if (expectedVersion != null && expectedVersion != cur.version()) {
            Violation v = new Violation("version", Rule.VERSION_CONFLICT, "expected version " + expectedVersion
                    + " but version " + cur.version() + " is current; read the params again and re-propose");
            return journalRejection(AuditEntry.Kind.PROPOSAL, author, principal, rationale, expectedVersion, changes,
                    List.of(), AuditEntry.Verdict.CONFLICT, List.of(v), dryRun, now);
        }
        ParamsJson.Parsed parsed = ParamsJson.applyChanges(cur, changes);
        if (!parsed.ok()) {
            List<Violation> reasons = new ArrayList<>(parsed.violations());
            reasons.addAll(ParamPolicy.authorship(author, rationale));
            return journalRejection(AuditEntry.Kind.PROPOSAL, author, principal, rationale, expectedVersion, changes,
                    List.of(), AuditEntry.Verdict.REJECTED, reasons, dryRun, now);
        }
        return decide(AuditEntry.Kind.PROPOSAL, cur, parsed.params(), author, principal, rationale, expectedVersion,
                changes, dryRun, now);
    }

    /**
     * Journals a proposal refused before the policy could read it (a request body of the wrong shape: an unknown
     * field, a wrong type), with its reasons; nothing else changes.
     */
    public synchronized WriteResult rejectMalformed(JsonNode proposal, String author, Principal principal,
                                                    String rationale, List<Violation> reasons, boolean dryRun,
                                                    Instant now) throws IOException {
        return journalRejection(AuditEntry.Kind.PROPOSAL, author, principal, rationale, null, proposal, List.of(),
                AuditEntry.Verdict.REJECTED, reasons, dryRun, now);
    }

    /** Proposes the content of accepted version {@code version} again, as the model: every rule applies. */
    public synchronized WriteResult rollback(long version, String author, String rationale, Instant now)
            throws IOException {
        return rollback(version, author, Principal.MODEL, rationale, now);
    }

    /** Proposes the content of accepted version {@code version} again, under the rules of {@code principal}. */
    public synchronized WriteResult rollback(long version, String author, Principal principal, String rationale,
                                             Instant now) throws IOException {
        Objects.requireNonNull(principal, "principal");
        Params target = history.stream().filter(p -> p.version() == version).findFirst().orElse(null);
        ObjectNode changes = ParamsJson.MAPPER.createObjectNode().put("rollback_to", version);
        if (target == null) {
            Violation v = new Violation("version", Rule.INVALID, "no accepted version " + version + "; versions are "
                    + history.get(0).version() + ".." + current.version());
            return journalRejection(AuditEntry.Kind.ROLLBACK, author, principal, rationale, null, changes, List.of(),
                    AuditEntry.Verdict.REJECTED, List.of(v), false, now);
        }
        return decide(AuditEntry.Kind.ROLLBACK, current, target, author, principal, rationale, null, changes, false,
                now);
    }

    /**
     * Resets every field to the operator's baseline, raising risk where the baseline is riskier: the operator's
     * explicit action ({@code params reset-baseline}), so it is checked against the limits but not against the step
     * and cooldown rules. The scheduled reset uses {@link #lowerTowardBaseline} instead.
     */
    public synchronized WriteResult resetToBaseline(String author, String rationale, Instant now) throws IOException {
        Params cur = current;
        List<Violation> bad = new ArrayList<>(policy.validate(baseline));
        bad.addAll(ParamPolicy.authorship(author, rationale));
        ObjectNode changes = ParamsJson.MAPPER.createObjectNode().put("reset_to_baseline", true);
        List<FieldChange> diff = FieldChange.between(cur, baseline);
        if (!bad.isEmpty()) {
            return journalRejection(AuditEntry.Kind.RESET, author, Principal.OPERATOR, rationale, null, changes, diff,
                    AuditEntry.Verdict.REJECTED, bad, false, now);
        }
        Params next = baseline.stamped(cur.version() + 1, author.strip(), rationale.strip(), now);
        AuditEntry e = new AuditEntry(++seq, now, AuditEntry.Kind.RESET, author, rationale, cur.version(), null,
                changes, diff, AuditEntry.Verdict.ACCEPTED, List.of(), next.version(), false, next,
                Principal.OPERATOR);
        commit(e);
        return new WriteResult(e, current);
    }

    /**
     * The scheduled reset: each field moves to the less risky of its current value and the baseline
     * ({@link ScheduledReset}), so it never raises risk; journaled as a {@code RESET} and durable when this returns.
     * Empty, with nothing journaled, when no field is riskier than the baseline.
     */
    public synchronized Optional<WriteResult> lowerTowardBaseline(String author, String rationale, Instant now)
            throws IOException {
        Params cur = current;
        Params target = ScheduledReset.target(cur, baseline);
        List<FieldChange> diff = FieldChange.between(cur, target);
        ObjectNode changes = ParamsJson.MAPPER.createObjectNode().put("reset_toward_baseline", true);
        List<Violation> bad = new ArrayList<>(policy.validate(target));
        bad.addAll(ParamPolicy.authorship(author, rationale));
        for (String raised : RiskIncrease.fields(cur, target)) {
            bad.add(new Violation(raised, Rule.INVALID, "the scheduled reset may only lower risk"));
        }
        if (!bad.isEmpty()) {
            return Optional.of(journalRejection(AuditEntry.Kind.RESET, author, Principal.SYSTEM, rationale, null,
                    changes, diff, AuditEntry.Verdict.REJECTED, bad, false, now));
        }
        if (diff.isEmpty()) {
            return Optional.empty();
        }
        Params next = target.stamped(cur.version() + 1, author.strip(), rationale.strip(), now);
        AuditEntry e = new AuditEntry(++seq, now, AuditEntry.Kind.RESET, author, rationale, cur.version(), null,
                changes, diff, AuditEntry.Verdict.ACCEPTED, List.of(), next.version(), false, next,
                Principal.SYSTEM);
        commit(e);
        return Optional.of(new WriteResult(e, current));
    }

    /**
     * Reads {@code ai_params.json} as the middle loop does. A hand edit (a newer version, or the same version with
     * other values) is evaluated by the policy like any proposal; a missing, unparsable, stale or rejected file
     * leaves the last-known-good parameters in force and is reported. Never throws for a bad file.
     *
     * <p>The file is read without holding the store: a write, or a read of {@link #current()} or
     * {@link #changeLog()}, never waits on the file. Reloads are meant to come from one thread (the middle loop).
     */
    public LoadResult reload(Instant now) {
        Params base;
        String rejectedBefore;
        synchronized (this) {
            base = current;
            rejectedBefore = lastRejectedText;
        }
        HandEdit edit = HandEdit.read(dir, base, rejectedBefore);
        if (edit.settled() != null) {
            return edit.settled();
        }
        synchronized (this) {
            if (current != base) {
                // A write landed while the file was read; it rewrote the file, so the next reload judges afresh.
                return new LoadResult(current, false, List.of());
            }
            try {
                WriteResult r = decide(AuditEntry.Kind.HAND_EDIT, edit.base(), edit.params(), edit.author(),
                        Principal.FILE, edit.params().rationale(), null, edit.changes(), false, now);
                if (r.accepted()) {
                    return new LoadResult(current, true, List.of());
                }
                lastRejectedText = edit.text();
                return edit.rejected(r.violations());
            } catch (IOException e) {
                return edit.notJournaled(current, e);
            }
        }
    }

    /** Every journaled entry, oldest first; a torn last line is skipped and reported in the result. */
    public static AuditLog readAudit(Path dir) throws IOException {
        return AuditLog.read(dir);
    }

    /**
     * This store's journal, without the accepted entries that were refused when it was opened (a forged version is
     * not history); {@link #readAudit} gives the raw journal.
     */
    public synchronized AuditLog audit() throws IOException {
        AuditLog raw = readAudit(dir);
        Set<Params> valid = new HashSet<>(history);
        List<AuditEntry> kept = raw.entries().stream().filter(e -> !e.createdVersion() || valid.contains(e.params()))
                .toList();
        return new AuditLog(kept, raw.problems());
    }

    private WriteResult decide(AuditEntry.Kind kind, Params cur, Params candidate, String author, Principal principal,
                               String rationale, Long expectedVersion, JsonNode changes, boolean dryRun, Instant now)
            throws IOException {
        Verdict verdict = policy.evaluate(cur, candidate, author, principal, rationale, now, ChangeLog.of(history));
        List<FieldChange> diff = FieldChange.between(cur, candidate);
        if (!verdict.accepted()) {
            return journalRejection(kind, author, principal, rationale, expectedVersion, changes, diff,
                    AuditEntry.Verdict.REJECTED, verdict.violations(), dryRun, now);
        }
        Params next = verdict.params();
        AuditEntry e = new AuditEntry(++seq, now, kind, author, rationale, cur.version(), expectedVersion, changes,
                diff, AuditEntry.Verdict.ACCEPTED, List.of(), next.version(), dryRun, dryRun ? null : next, principal);
        if (dryRun) {
            journal(e);
            return new WriteResult(e, cur);
        }
        commit(e);
        return new WriteResult(e, current);
    }

    /**
     * Journals (fsync: the commit point, durable before anyone sees it), publishes, then replaces the file (atomic).
     * If replacing the file fails the write is still committed and current, and the exception tells the caller;
     * the next open rewrites the file from the journal.
     */
    private void commit(AuditEntry e) throws IOException {
        journal(e);
        history.add(e.params());
        current = e.params();
        lastRejectedText = null;
        ParamsFile.write(dir.resolve(PARAMS_FILE), e.params());
    }

    /** Appends {@code e} to the journal, chained to the line before it, and fsyncs. */
    private void journal(AuditEntry e) throws IOException {
        ObjectNode line = ParamsJson.MAPPER.createObjectNode().put(AuditLog.PREV_FIELD, lastHash);
        line.setAll(e.toJson());
        String text = ParamsJson.compact(line);
        audit.append(text);
        lastHash = AuditLog.sha256(text);
    }

    private WriteResult journalRejection(AuditEntry.Kind kind, String author, Principal principal, String rationale,
                                         Long expectedVersion, JsonNode changes, List<FieldChange> diff,
                                         AuditEntry.Verdict verdict, List<Violation> reasons, boolean dryRun,
                                         Instant now) throws IOException {
        Params cur = current;
        AuditEntry e = new AuditEntry(++seq, now, kind, Objects.toString(author, ""), Objects.toString(rationale, ""),
                cur.version(), expectedVersion, changes, diff, verdict, reasons, cur.version(), dryRun, null,
                principal);
        journal(e);
        return new WriteResult(e, cur);
    }

    @Override
    public synchronized void close() throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        try {
            audit.close();
        } finally {
            lock.release();
        }
    }
}
