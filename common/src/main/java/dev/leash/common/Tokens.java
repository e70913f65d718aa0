package dev.leash.common;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * Bearer tokens: from an environment variable, or generated once into a file created owner-only (0600) where the
 * file system has permissions; compared in constant time; never part of a message.
 */
public final class Tokens {

    /** The shortest token accepted from the environment or a file. */
    public static final int MIN_LENGTH = 16;

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /**
     * A token and where it came from; {@link #toString()} names only the source.
     *
     * @param value     the token
     * @param source    {@code env NAME}, {@code file PATH} or {@code file PATH (generated)}
     * @param file      the file it is stored in, null when it came from the environment
     * @param generated whether the file was created by this load
     */
    public record Token(String value, String source, Path file, boolean generated) {
        @Override
        public String toString() {
            return "Token[" + source + "]";
        }
    }

    /**
     * The token from {@code envValue} when set, else the one in {@code file}, created with owner-only permissions
     * when missing. Messages name the variable or the file, never the token.
     */
    public static Token load(String envValue, String envName, Path file) throws IOException {
        if (envValue != null && !envValue.isBlank()) {
            if (envValue.strip().length() < MIN_LENGTH) {
                throw new IOException(envName + " is shorter than " + MIN_LENGTH
                        + " characters; use a long random token");
            }
            return new Token(envValue.strip(), "env " + envName, null, false);
        }
        if (Files.exists(file)) {
            return read(file);
        }
        String t = generate();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            createOwnerOnly(file);
        } catch (FileAlreadyExistsException e) {
            return read(file);
        }
        Files.writeString(file, t + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        AtomicFiles.fsyncDirectory(file.toAbsolutePath().getParent());
        return new Token(t, "file " + file + " (generated)", file, true);
    }

    /** 32 random bytes, hex. */
    public static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Compares SHA-256 digests with {@link MessageDigest#isEqual}: time does not depend on content or length. */
    public static boolean matches(String presented, String expected) {
        if (presented == null || expected == null) {
            return false;
        }
        return MessageDigest.isEqual(sha256(presented), sha256(expected));
    }

    private static Token read(Path file) throws IOException {
        String t = Files.readString(file, StandardCharsets.UTF_8).strip();
        if (t.length() < MIN_LENGTH) {
            throw new IOException(file + " holds no usable token (shorter than " + MIN_LENGTH
                    + " characters); delete it to generate a new one");
        }
        return new Token(t, "file " + file, file, false);
    }

    /** Creates the file with owner-only permissions from the first instant, where the file system has them. */
    private static void createOwnerOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(file);
        }
    }

    private static byte[] sha256(String s) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
