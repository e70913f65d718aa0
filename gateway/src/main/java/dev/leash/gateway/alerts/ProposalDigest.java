package dev.leash.gateway.alerts;

import dev.leash.params.AuditEntry;
import dev.leash.risk.Violation;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * At most one alert per {@code period} summarizing the parameter proposals journaled in {@code audit.jsonl} since the
 * last one (accepted with their versions, rejected with their rules), never one per proposal. Reads the journal, so
 * every writer counts: REST, the MCP server, a rollback, the scheduled reset. Dry runs are left out. Also keeps each
 * UTC day's accepted and rejected counts for the daily summary. Called from one timer thread.
 */
public final class ProposalDigest {

    /** Versions or rules listed before the text says "and N more". */
    private static final int LISTED = 8;

    private final AuditTail tail;
    private final Duration period;
    private final List<AuditEntry> pending = new ArrayList<>();
    private final Map<LocalDate, long[]> days = new HashMap<>();
    private long lastSent = Long.MIN_VALUE;

    /** Accepted and rejected proposals of one UTC day. */
    public record DayCounts(long accepted, long rejected) {
    }

    /** A digest of what is appended to {@code auditFile} from now on, sent at most once per {@code period}. */
    public ProposalDigest(Path auditFile, Duration period) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("the digest period must be positive");
        }
        this.tail = new AuditTail(auditFile);
        this.period = period;
    }

    /** Reads what was journaled since the last call; the digest alert when one is due at {@code wallMillis}. */
    public Optional<Alert> poll(long wallMillis) throws IOException {
        for (AuditEntry e : tail.next()) {
            if (counts(e)) {
                pending.add(e);
                LocalDate day = LocalDate.ofInstant(e.at(), ZoneOffset.UTC);
                days.computeIfAbsent(day, d -> new long[2])[e.verdict() == AuditEntry.Verdict.ACCEPTED ? 0 : 1]++;
                days.keySet().removeIf(d -> d.isBefore(day.minusDays(3)));
            }
        }
        if (pending.isEmpty() || (lastSent != Long.MIN_VALUE && wallMillis - lastSent < period.toMillis())) {
            return Optional.empty();
        }
        lastSent = wallMillis;
        Alert a = new Alert("proposals_digest", wallMillis, text(pending));
        pending.clear();
        return Optional.of(a);
    }

    /** Proposals accepted and rejected on {@code day} (UTC) that this digest has read. */
    public DayCounts on(LocalDate day) {
        long[] n = days.getOrDefault(day, new long[2]);
        return new DayCounts(n[0], n[1]);
    }

    private static boolean counts(AuditEntry e) {
        return !e.dryRun() && e.kind() != AuditEntry.Kind.INIT && e.kind() != AuditEntry.Kind.IMPORT;
    }

    /** One line: how many were accepted (which versions, by whom) and rejected (by which rules). */
    static String text(List<AuditEntry> entries) {
        List<String> versions = new ArrayList<>();
        Map<String, Integer> rules = new TreeMap<>();
        int accepted = 0;
        int rejected = 0;
        for (AuditEntry e : entries) {
            if (e.verdict() == AuditEntry.Verdict.ACCEPTED) {
                accepted++;
                versions.add("v" + e.version() + " " + lower(e.kind().name()) + " by " + shortened(e.author()));
            } else {
                rejected++;
                if (e.verdict() == AuditEntry.Verdict.CONFLICT) {
                    rules.merge("version_conflict", 1, Integer::sum);
                }
                for (String r : e.reasons().stream().map(Violation::rule).map(x -> lower(x.name())).distinct()
                        .toList()) {
                    rules.merge(r, 1, Integer::sum);
                }
            }
        }
        StringBuilder s = new StringBuilder("Leash: parameter proposals since the last digest: ")
                .append(accepted).append(" accepted, ").append(rejected).append(" rejected");
        if (accepted > 0) {
            s.append(". Accepted: ").append(listed(versions));
        }
        if (!rules.isEmpty()) {
            List<String> byRule = new ArrayList<>();
            rules.forEach((r, n) -> byRule.add(r + (n > 1 ? " x" + n : "")));
            s.append(". Rejected by rule: ").append(listed(byRule));
        }
        return s.toString();
    }

    private static String listed(List<String> items) {
        if (items.size() <= LISTED) {
            return String.join(", ", items);
        }
        return String.join(", ", items.subList(0, LISTED)) + " and " + (items.size() - LISTED) + " more";
    }

    private static String shortened(String author) {
        return author == null ? "unknown" : author.length() <= 40 ? author : author.substring(0, 40) + "...";
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
