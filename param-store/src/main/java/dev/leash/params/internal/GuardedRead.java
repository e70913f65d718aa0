package dev.leash.params.internal;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Reads a small text file of a data directory as untrusted input: regular files only (a FIFO or a device is refused
 * before it is opened, so nothing waits for a writer), at most {@code maxBytes}, a symbolic link only when it
 * stays inside the directory, UTF-8 only. A refusal names the reason and the size, never the content.
 */
public final class GuardedRead {

    private GuardedRead() {
    }

    /** The text read, or that the file is missing, or why it was refused; {@code size} is -1 when unknown. */
    public record Result(String text, long size, String refusal) {

        public boolean missing() {
            return text == null && refusal == null;
        }

        public boolean refused() {
            return refusal != null;
        }
    }

    /** Reads {@code file}, which must lie in {@code dataDir}. */
    public static Result read(Path dataDir, Path file, int maxBytes) {
        Path target = file;
        boolean link = false;
        BasicFileAttributes a;
        try {
            a = Files.readAttributes(file, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            if (a.isSymbolicLink()) {
                link = true;
                target = file.toRealPath();
                if (!target.startsWith(dataDir.toRealPath())) {
                    return new Result(null, -1, "is a symbolic link that leads out of the data directory; "
                            + "it is not followed");
                }
                a = Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
            }
        } catch (NoSuchFileException e) {
            return !link ? new Result(null, -1, null)
                    : new Result(null, -1, "is a symbolic link to a file that does not exist");
        } catch (IOException | SecurityException e) {
            return new Result(null, -1, reason(e));
        }
        if (!a.isRegularFile()) {
            return new Result(null, -1, "is not a regular file but " + (a.isDirectory() ? "a directory"
                    : "a FIFO, socket or device") + "; it is not opened");
        }
        if (a.size() > maxBytes) {
            return new Result(null, a.size(), "is larger than the " + cap(maxBytes) + " cap");
        }
        return readBounded(target, maxBytes);
    }

    private static Result readBounded(Path target, int maxBytes) {
        ByteBuffer buf = ByteBuffer.allocate(maxBytes + 1);
        try (FileChannel ch = FileChannel.open(target, StandardOpenOption.READ, LinkOption.NOFOLLOW_LINKS)) {
            while (buf.hasRemaining() && ch.read(buf) >= 0) {
                // read until the cap plus one byte, or the end
            }
        } catch (IOException | SecurityException e) {
            return new Result(null, -1, reason(e));
        }
        buf.flip();
        if (buf.remaining() > maxBytes) {
            return new Result(null, buf.remaining(), "grew larger than the " + cap(maxBytes) + " cap while read");
        }
        int size = buf.remaining();
        try {
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(buf).toString();
            return new Result(text, size, null);
        } catch (CharacterCodingException e) {
            return new Result(null, size, "is not UTF-8 text");
        }
    }

    private static String cap(int maxBytes) {
        return maxBytes % 1024 == 0 ? maxBytes / 1024 + " KiB" : maxBytes + " bytes";
    }

    /** Why an I/O call failed, by kind only: an exception message may quote what it read. */
    private static String reason(Exception e) {
        if (e instanceof AccessDeniedException || e instanceof SecurityException) {
            return "cannot be read: permission denied";
        }
        return "cannot be read (" + e.getClass().getSimpleName() + ")";
    }
}
