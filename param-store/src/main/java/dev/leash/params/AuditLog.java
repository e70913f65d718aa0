package dev.leash.params;

import dev.leash.params.internal.AppendLog;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** The audit journal read back: its entries, oldest first, and what could not be read. */
public record AuditLog(List<AuditEntry> entries, List<String> problems) {

    /** Reads the journal in {@code dir} without opening the store; a torn last line is skipped and reported. */
    public static AuditLog read(Path dir) throws IOException {
        AppendLog.Recovery r = AppendLog.read(dir.resolve(ParamStore.AUDIT_FILE));
        List<String> problems = new ArrayList<>();
        if (r.tornBytes() > 0) {
            problems.add(ParamStore.AUDIT_FILE + ": skipped a torn last line of " + r.tornBytes() + " bytes");
        }
        List<AuditEntry> entries = parse(r.lines(), problems);
        return new AuditLog(Collections.unmodifiableList(entries), List.copyOf(problems));
    }

    /** Parses complete journal lines in order; each unreadable line is skipped and reported to {@code problems}. */
    static List<AuditEntry> parse(List<String> lines, List<String> problems) {
        List<AuditEntry> entries = new ArrayList<>();
        int lineNo = 0;
        for (String line : lines) {
            lineNo++;
            try {
                entries.add(AuditEntry.fromJson(ParamsJson.MAPPER.readTree(line)));
            } catch (IOException | IllegalArgumentException e) {
                problems.add(ParamStore.AUDIT_FILE + ": skipped unreadable line " + lineNo + ": " + e.getMessage());
            }
        }
        return entries;
    }
}
