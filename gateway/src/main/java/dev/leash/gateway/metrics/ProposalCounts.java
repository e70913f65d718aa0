package dev.leash.gateway.metrics;

import dev.leash.params.AuditEntry;
import dev.leash.params.ParamsJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Parameter proposals and operator actions journaled in {@code audit.jsonl}, by kind, verdict and principal, dry runs
 * left out: whoever wrote them (REST, a hand edit, the scheduled reset, a rollback), they are all in the journal.
 * Reads only the lines appended since the last call; a line it cannot read is skipped (the store reports a torn
 * journal). Thread-safe.
 */
public final class ProposalCounts {

    /** The labels of one count. */
    public record Key(String kind, String verdict, String principal) {
    }

    private final Path file;
    private final Map<Key, Long> counts = new TreeMap<>(java.util.Comparator.comparing(Key::kind)
            .thenComparing(Key::verdict).thenComparing(Key::principal));
    private long offset;

    public ProposalCounts(Path auditFile) {
        this.file = auditFile;
    }

    /** The counts so far, after reading what was appended since the last call. */
    public synchronized Map<Key, Long> counts() throws IOException {
        long size;
        try {
            size = Files.size(file);
        } catch (NoSuchFileException e) {
            return Map.copyOf(counts);
        }
        if (size < offset) { // replaced by a shorter file: count it again
            counts.clear();
            offset = 0;
        }
        if (size > offset) {
            readFrom(size);
        }
        return new java.util.LinkedHashMap<>(counts);
    }

    private void readFrom(long size) throws IOException {
        byte[] tail;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(offset);
            try (InputStream in = Channels.newInputStream(ch)) {
                tail = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, size - offset));
            }
        }
        int start = 0;
        for (int i = 0; i < tail.length; i++) {
            if (tail[i] == '\n') {
                count(new String(tail, start, i - start, StandardCharsets.UTF_8));
                start = i + 1;
            }
        }
        offset += start; // a line still being written is read whole next time
    }

    private void count(String line) {
        if (line.isBlank()) {
            return;
        }
        AuditEntry e;
        try {
            e = AuditEntry.fromJson(ParamsJson.MAPPER.readTree(line));
        } catch (IOException | RuntimeException unreadable) {
            return;
        }
        if (e.dryRun()) {
            return;
        }
        Key k = new Key(lower(e.kind().name()), lower(e.verdict().name()),
                e.principal() == null ? "none" : e.principal().wireName());
        counts.merge(k, 1L, Long::sum);
    }

    private static String lower(String s) {
        return s.toLowerCase(Locale.ROOT);
    }
}
