package dev.leash.params.internal;

import dev.leash.common.AtomicFiles;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * An append-only file of lines, each fsynced before {@link #append} returns.
 *
 * <p>{@link #recover} reads the complete lines and cuts a torn tail (a last line without its newline, left by a
 * crash mid-append) so that the next append starts on a fresh line. Callers parse lines themselves and decide what
 * an unparsable complete line means.
 */
public final class AppendLog implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;

    private AppendLog(Path path, FileChannel channel) {
        this.path = path;
        this.channel = channel;
    }

    /** Lines found at open and what was cut. */
    public record Recovery(List<String> lines, int tornBytes) {
    }

    /** Opens (creating) the log, cuts a torn tail, and returns the log with its complete lines. */
    public static Opened recover(Path path) throws IOException {
        requireRegularFile(path);
        boolean existed = Files.exists(path, LinkOption.NOFOLLOW_LINKS);
        FileChannel ch = FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ,
                StandardOpenOption.WRITE);
        try {
            byte[] all = readAll(ch);
            int end = all.length;
            while (end > 0 && all[end - 1] != '\n') {
                end--;
            }
            int torn = all.length - end;
            if (torn > 0) {
                ch.truncate(end);
                ch.force(true);
            }
            ch.position(end);
            if (!existed) {
                AtomicFiles.fsyncDirectory(path.toAbsolutePath().getParent());
            }
            List<String> lines = new ArrayList<>();
            int start = 0;
            for (int i = 0; i < end; i++) {
                if (all[i] == '\n') {
                    if (i > start) {
                        lines.add(new String(all, start, i - start, StandardCharsets.UTF_8));
                    }
                    start = i + 1;
                }
            }
            return new Opened(new AppendLog(path, ch), new Recovery(lines, torn));
        } catch (IOException | RuntimeException e) {
            ch.close();
            throw e;
        }
    }

    /** A log and what {@link #recover} found in it. */
    public record Opened(AppendLog log, Recovery recovery) {
    }

    /** Reads the complete lines of a log without opening it for writing; a torn tail is skipped and counted. */
    public static Recovery read(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return new Recovery(List.of(), 0);
        }
        requireRegularFile(path);
        byte[] all = Files.readAllBytes(path);
        List<String> lines = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < all.length; i++) {
            if (all[i] == '\n') {
                if (i > start) {
                    lines.add(new String(all, start, i - start, StandardCharsets.UTF_8));
                }
                start = i + 1;
            }
        }
        return new Recovery(lines, all.length - start);
    }

    /**
     * Refuses a log that exists but is not a regular file, or is a symbolic link: reading a FIFO would wait for a
     * writer forever, and a link could lead anywhere.
     */
    private static void requireRegularFile(Path path) throws IOException {
        if (Files.exists(path, LinkOption.NOFOLLOW_LINKS) && !Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)) {
            throw new IOException(path.getFileName() + " in " + path.toAbsolutePath().getParent()
                    + " is not a regular file (a symbolic link, FIFO, device or directory); it is not opened");
        }
    }

    /** Appends one line (which must not contain a newline) and fsyncs. */
    public void append(String line) throws IOException {
        if (line.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("a log line must not contain a newline");
        }
        byte[] bytes = (line + "\n").getBytes(StandardCharsets.UTF_8);
        AtomicFiles.writeFully(channel, ByteBuffer.wrap(bytes));
        channel.force(false);
    }

    public Path path() {
        return path;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static byte[] readAll(FileChannel ch) throws IOException {
        long size = ch.size();
        if (size > Integer.MAX_VALUE - 16) {
            throw new IOException("log too large to read: " + size + " bytes");
        }
        ByteBuffer buf = ByteBuffer.allocate((int) size);
        ch.position(0);
        while (buf.hasRemaining()) {
            if (ch.read(buf) < 0) {
                break;
            }
        }
        return buf.array();
    }
}
