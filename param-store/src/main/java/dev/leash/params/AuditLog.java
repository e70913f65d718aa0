package dev.leash.params;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.params.internal.AppendLog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;

/**
 * The audit journal read back: its entries, oldest first, and what could not be read or does not chain.
 *
 * <p>The journal is hash-chained: each line carries {@value #PREV_FIELD}, the SHA-256 of the previous line's bytes
 * ({@link #GENESIS} for the first line), so a changed, removed or inserted line breaks the chain at the line after
 * it. Lines written before chaining existed carry no hash: such a leading run is reported once as unchained and
 * still loads; a line without a hash after a chained one is a break.
 */
public record AuditLog(List<AuditEntry> entries, List<String> problems) {

    /** The field of a journal line that holds the previous line's hash. */
    public static final String PREV_FIELD = "prev_sha256";
    /** The previous-line hash of the first line. */
    public static final String GENESIS = "0".repeat(64);

    /** Reads the journal in {@code dir} without opening the store; a torn last line is skipped and reported. */
    public static AuditLog read(Path dir) throws IOException {
        AppendLog.Recovery r = AppendLog.read(dir.resolve(ParamStore.AUDIT_FILE));
        List<String> problems = new ArrayList<>();
        if (r.tornBytes() > 0) {
            problems.add(ParamStore.AUDIT_FILE + ": skipped a torn last line of " + r.tornBytes() + " bytes");
        }
        List<AuditEntry> entries = parse(r.lines(), problems, problems);
        return new AuditLog(Collections.unmodifiableList(entries), List.copyOf(problems));
    }

    /**
     * Parses complete journal lines in order; each unreadable line is skipped and reported, and each break of the
     * hash chain is reported, to {@code problems}; a leading run of unchained lines is noted in {@code notes}.
     */
    static List<AuditEntry> parse(List<String> lines, List<String> problems, List<String> notes) {
        List<AuditEntry> entries = new ArrayList<>();
        String prevHash = GENESIS;
        boolean chained = false;
        int unchained = 0;
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            JsonNode tree;
            try {
                tree = ParamsJson.MAPPER.readTree(line);
            } catch (IOException | RuntimeException e) {
                problems.add(ParamStore.AUDIT_FILE + ": skipped unreadable line " + lineNo + " (not JSON)");
                prevHash = sha256(line);
                continue;
            }
            AuditEntry entry;
            try {
                entry = AuditEntry.fromJson(tree);
            } catch (IllegalArgumentException e) {
                problems.add(ParamStore.AUDIT_FILE + ": skipped unreadable line " + lineNo + " (not an audit entry)");
                prevHash = sha256(line);
                continue;
            }
            JsonNode link = tree.get(PREV_FIELD);
            if (link == null) {
                if (chained) {
                    problems.add(ParamStore.AUDIT_FILE + ": hash chain broken at line " + lineNo
                            + ": it carries no " + PREV_FIELD + " after chained lines (inserted or altered)");
                } else {
                    unchained++;
                }
            } else {
                chained = true;
                if (!link.asText().equals(prevHash)) {
                    problems.add(ParamStore.AUDIT_FILE + ": hash chain broken at line " + lineNo + ": "
                            + (lineNo == 1 ? "the journal does not start at its first line (lines removed)"
                            : "the line before it was changed, removed or inserted"));
                }
            }
            prevHash = sha256(line);
            entries.add(entry);
        }
        if (unchained > 0) {
            notes.add(ParamStore.AUDIT_FILE + ": the first " + unchained + " lines were written before hash chaining;"
                    + " they load but are not tamper-evident (unchained)");
        }
        return entries;
    }

    /** The hash of the last complete line, or {@link #GENESIS} for an empty journal: what the next line carries. */
    static String lastHash(List<String> lines) {
        return lines.isEmpty() ? GENESIS : sha256(lines.get(lines.size() - 1));
    }

    /** SHA-256 of a line's UTF-8 bytes, in lower-case hex. */
    static String sha256(String line) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            return HexFormat.of().formatHex(md.digest(line.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
