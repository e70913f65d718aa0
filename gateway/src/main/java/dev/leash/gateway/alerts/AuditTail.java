package dev.leash.gateway.alerts;

import dev.leash.params.AuditEntry;
import dev.leash.params.ParamsJson;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The entries appended to {@code audit.jsonl} since the last read, starting from the file's end when created (the
 * history before the gateway started is not news). A line still being written is read whole next time; a line that
 * is not an entry is skipped (the store reports a torn journal). Not thread-safe: one reader.
 */
final class AuditTail {

    private final Path file;
    private long offset;

    AuditTail(Path file) {
        this.file = file;
        this.offset = size();
    }

    /** The entries appended since the last call, oldest first. */
    List<AuditEntry> next() throws IOException {
        long size = size();
        if (size < offset) { // replaced by a shorter file: start again from its end
            offset = size;
        }
        if (size == offset) {
            return List.of();
        }
        byte[] tail;
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            ch.position(offset);
            try (InputStream in = java.nio.channels.Channels.newInputStream(ch)) {
                tail = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, size - offset));
            }
        }
        List<AuditEntry> out = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < tail.length; i++) {
            if (tail[i] == '\n') {
                String line = new String(tail, start, i - start, StandardCharsets.UTF_8);
                start = i + 1;
                if (!line.isBlank()) {
                    try {
                        out.add(AuditEntry.fromJson(ParamsJson.MAPPER.readTree(line)));
                    } catch (IOException | RuntimeException unreadable) {
                        // skipped: the store reports it
                    }
                }
            }
        }
        offset += start;
        return out;
    }

    private long size() {
        try {
            return Files.size(file);
        } catch (NoSuchFileException e) {
            return 0;
        } catch (IOException e) {
            return offset;
        }
    }
}
