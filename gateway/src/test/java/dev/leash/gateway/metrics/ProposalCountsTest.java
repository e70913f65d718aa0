package dev.leash.gateway.metrics;

import dev.leash.params.AuditEntry;
import dev.leash.params.ParamsJson;
import dev.leash.risk.Principal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The audit journal's entries are counted once each, as they are appended, whole lines only. */
@Timeout(10)
class ProposalCountsTest {

    private static final ProposalCounts.Key MODEL_REJECTED = new ProposalCounts.Key("proposal", "rejected", "model");

    @TempDir
    Path dir;

    private static String line(AuditEntry.Verdict verdict, boolean dryRun) {
        AuditEntry e = new AuditEntry(1, Instant.EPOCH, AuditEntry.Kind.PROPOSAL, "claude", "why", 1, null,
                ParamsJson.MAPPER.createObjectNode(), List.of(), verdict, List.of(), 1, dryRun, null, Principal.MODEL);
        return ParamsJson.compact(e.toJson()) + "\n";
    }

    private void append(String text) throws Exception {
        Files.writeString(dir.resolve("audit.jsonl"), text, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                StandardOpenOption.APPEND);
    }

    @Test
    void countsAppendedLinesOnceAndAHalfWrittenLineWhenItIsWhole() throws Exception {
        ProposalCounts c = new ProposalCounts(dir.resolve("audit.jsonl"));
        assertThat(c.counts()).isEmpty();
        append(line(AuditEntry.Verdict.REJECTED, false) + line(AuditEntry.Verdict.REJECTED, true));
        assertThat(c.counts()).containsExactlyEntriesOf(java.util.Map.of(MODEL_REJECTED, 1L));
        String next = line(AuditEntry.Verdict.REJECTED, false);
        append(next.substring(0, 40)); // a writer mid-line
        assertThat(c.counts()).containsEntry(MODEL_REJECTED, 1L);
        append(next.substring(40) + "not json\n");
        assertThat(c.counts()).containsExactlyEntriesOf(java.util.Map.of(MODEL_REJECTED, 2L));
    }

    @Test
    void countsAgainFromTheStartWhenTheJournalWasReplacedByAShorterOne() throws Exception {
        ProposalCounts c = new ProposalCounts(dir.resolve("audit.jsonl"));
        append(line(AuditEntry.Verdict.REJECTED, false).repeat(3));
        assertThat(c.counts()).containsEntry(MODEL_REJECTED, 3L);
        Files.writeString(dir.resolve("audit.jsonl"), line(AuditEntry.Verdict.ACCEPTED, false));
        assertThat(c.counts()).containsExactlyEntriesOf(
                java.util.Map.of(new ProposalCounts.Key("proposal", "accepted", "model"), 1L));
    }
}
