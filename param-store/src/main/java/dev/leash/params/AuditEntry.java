package dev.leash.params;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.risk.Params;
import dev.leash.risk.Principal;
import dev.leash.risk.Rule;
import dev.leash.risk.Violation;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of the audit journal ({@code audit.jsonl}): a proposal or operator action and its verdict.
 *
 * <p>An accepted, non-dry-run entry carries the whole resulting {@code params}: the journal is the store's
 * write-ahead log and its accepted entries are the version history.
 *
 * @param baseVersion the version current when the proposal was evaluated
 * @param expectedVersion the version the author expected (compare-and-set), or null when none was given
 * @param changes the proposal as submitted (a {@code changes} object, or null for operator actions)
 * @param version the resulting version when accepted, else the base version
 * @param params the resulting parameters when accepted and not a dry run, else null
 * @param principal who the write spoke for, which decided the rules applied; null for operator actions journaled
 *                  without one and for entries written before principals were recorded
 */
public record AuditEntry(
        long seq,
        Instant at,
        Kind kind,
        String author,
        String rationale,
        long baseVersion,
        Long expectedVersion,
        JsonNode changes,
        List<FieldChange> diff,
        Verdict verdict,
        List<Violation> reasons,
        long version,
        boolean dryRun,
        Params params,
        Principal principal) {

    /** What produced the entry. */
    public enum Kind { INIT, IMPORT, PROPOSAL, HAND_EDIT, ROLLBACK, RESET }

    /** The outcome recorded. */
    public enum Verdict { ACCEPTED, REJECTED, CONFLICT }

    public AuditEntry {
        diff = List.copyOf(diff);
        reasons = List.copyOf(reasons);
    }

    /** An entry without a recorded principal. */
    public AuditEntry(long seq, Instant at, Kind kind, String author, String rationale, long baseVersion,
                      Long expectedVersion, JsonNode changes, List<FieldChange> diff, Verdict verdict,
                      List<Violation> reasons, long version, boolean dryRun, Params params) {
        this(seq, at, kind, author, rationale, baseVersion, expectedVersion, changes, diff, verdict, reasons, version,
                dryRun, params, null);
    }

    /** True when this entry created a version of the parameters. */
    public boolean createdVersion() {
        return verdict == Verdict.ACCEPTED && !dryRun && params != null;
    }

    public ObjectNode toJson() {
        ObjectNode o = ParamsJson.MAPPER.createObjectNode();
        o.put("seq", seq);
        o.put("at", at.toString());
        o.put("kind", kind.name().toLowerCase(Locale.ROOT));
        o.put("author", author);
        if (principal != null) {
            o.put("principal", principal.wireName());
        }
        o.put("rationale", rationale);
        o.put("base_version", baseVersion);
        if (expectedVersion == null) {
            o.putNull("expected_version");
        } else {
            o.put("expected_version", expectedVersion.longValue());
        }
        o.set("changes", changes);
        o.set("diff", FieldChange.toJson(diff));
        o.put("verdict", verdict.name().toLowerCase(Locale.ROOT));
        ArrayNode rs = o.putArray("reasons");
        for (Violation v : reasons) {
            ObjectNode r = rs.addObject();
            r.put("field", v.field());
            r.put("rule", v.rule().name().toLowerCase(Locale.ROOT));
            r.put("message", v.message());
        }
        o.put("version", version);
        o.put("dry_run", dryRun);
        if (params != null) {
            o.set("params", ParamsJson.toJson(params));
        }
        return o;
    }

    /** Reads one journal line's tree; throws {@link IllegalArgumentException} when it is not an entry. */
    public static AuditEntry fromJson(JsonNode o) {
        try {
            List<Violation> reasons = new ArrayList<>();
            for (JsonNode r : o.withArray("reasons")) {
                reasons.add(new Violation(r.get("field").asText(), Rule.valueOf(r.get("rule").asText().toUpperCase(Locale.ROOT)),
                        r.get("message").asText()));
            }
            Params params = null;
            if (o.hasNonNull("params")) {
                ParamsJson.Parsed p = ParamsJson.parseDocument(o.get("params"));
                if (!p.ok()) {
                    throw new IllegalArgumentException("params: " + p.violations());
                }
                params = p.params();
            }
            JsonNode expected = o.get("expected_version");
            JsonNode principal = o.get("principal");
            Principal who = principal == null || principal.isNull() ? null : Principal.fromWire(principal.asText());
            if (principal != null && !principal.isNull() && who == null) {
                throw new IllegalArgumentException("unknown principal");
            }
            return new AuditEntry(o.get("seq").asLong(), Instant.parse(o.get("at").asText()),
                    Kind.valueOf(o.get("kind").asText().toUpperCase(Locale.ROOT)), o.get("author").asText(),
                    o.get("rationale").asText(), o.get("base_version").asLong(),
                    expected == null || expected.isNull() ? null : expected.asLong(),
                    o.get("changes"), FieldChange.fromJson(o.get("diff")),
                    Verdict.valueOf(o.get("verdict").asText().toUpperCase(Locale.ROOT)), reasons,
                    o.get("version").asLong(), o.get("dry_run").asBoolean(), params, who);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("not an audit entry: " + e.getMessage(), e);
        }
    }
}
