package dev.leash.params;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The exclusive lock on a store directory's {@code store.lock}: one open store per directory across processes.
 *
 * <p>POSIX record locks belong to the process, so closing any channel on a locked file releases the lock: a
 * second {@link #acquire} in this JVM fails on the set of held lock files before it opens a channel, and so never
 * releases the first holder's lock.
 */
final class StoreLock {

    /** Lock files held by stores open in this JVM. */
    private static final Set<Path> HELD = ConcurrentHashMap.newKeySet();

    private final Path path;
    private final FileChannel channel;
    private final FileLock lock;

    private StoreLock(Path path, FileChannel channel, FileLock lock) {
        this.path = path;
        this.channel = channel;
        this.lock = lock;
    }

    /**
     * Locks {@code store.lock} in {@code dir}, an existing directory.
     *
     * @throws IOException when another store in this JVM or another process holds it, or it cannot be opened
     */
    static StoreLock acquire(Path dir) throws IOException {
        Path lockPath = dir.toRealPath().resolve(ParamStore.LOCK_FILE);
        if (!HELD.add(lockPath)) {
            throw new IOException("the parameter store in " + dir + " is in use by another store in this process ("
                    + ParamStore.LOCK_FILE + " is locked)");
        }
        try {
            FileChannel channel = FileChannel.open(lockPath, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            } catch (IOException e) {
                channel.close();
                throw e;
            }
            if (lock == null) {
                channel.close();
                throw new IOException("the parameter store in " + dir + " is in use by another process ("
                        + ParamStore.LOCK_FILE + " is locked)");
            }
            return new StoreLock(lockPath, channel, lock);
        } catch (IOException | RuntimeException e) {
            HELD.remove(lockPath);
            throw e;
        }
    }

    /** Releases the lock and closes its channel; this JVM may lock the directory again even if either fails. */
    void release() throws IOException {
        try {
            lock.release();
        } finally {
            try {
                channel.close();
            } finally {
                HELD.remove(path);
            }
        }
    }
}
