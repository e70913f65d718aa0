package dev.leash.common;

import java.io.IOException;
import java.io.Writer;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;

/**
 * Durable file replacement: a temporary file beside the target, fsync, atomic rename, fsync of the directory. Once a
 * call returns the new content survives a crash or power loss; a crash at any earlier instant leaves the old file.
 */
public final class AtomicFiles {

    /** Text written to the temporary file; may throw I/O errors. */
    @FunctionalInterface
    public interface Content {
        void writeTo(Writer out) throws IOException;
    }

    private AtomicFiles() {
    }

    /** Replaces {@code target} with {@code content}, creating its directory when missing. */
    public static void write(Path target, byte[] content) throws IOException {
        replace(target, ch -> writeFully(ch, ByteBuffer.wrap(content)));
    }

    /** Replaces {@code target} with the UTF-8 text {@code content} writes, creating its directory when missing. */
    public static void write(Path target, Content content) throws IOException {
        replace(target, ch -> {
            // Not closed here: closing the writer would close the channel before it is forced.
            Writer out = Channels.newWriter(ch, StandardCharsets.UTF_8);
            content.writeTo(out);
            out.flush();
        });
    }

    /** Fsyncs a directory so that a rename or a new file in it is durable. No-op where the OS cannot. */
    public static void fsyncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            if (!System.getProperty("os.name", "").startsWith("Windows")) {
                throw e;
            }
        }
    }

    /** Writes the whole buffer at the channel's position. */
    public static void writeFully(FileChannel ch, ByteBuffer buf) throws IOException {
        while (buf.hasRemaining()) {
            ch.write(buf);
        }
    }

    @FunctionalInterface
    private interface Fill {
        void into(FileChannel ch) throws IOException;
    }

    private static void replace(Path target, Fill fill) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path dir = absolute.getParent();
        Files.createDirectories(dir);
        Path tmp = dir.resolve(absolute.getFileName() + ".tmp");
        // Whatever is at the temporary path (a leftover, or a planted symlink or FIFO) is removed, not written
        // through: the new file is created fresh and never follows a link.
        Files.deleteIfExists(tmp);
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE,
                    LinkOption.NOFOLLOW_LINKS)) {
                fill.into(ch);
                ch.force(true);
            }
            try {
                Files.move(tmp, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("the file system of " + dir + " cannot rename atomically", e);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
        fsyncDirectory(dir);
    }
}
