package dev.leash.gateway.app;

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
 * Bearer tokens: from the environment, or generated once into the data directory readable by the owner only. The
 * gateway token ({@code gateway.token}, {@code LEASH_GATEWAY_TOKEN}) is the operator's; the model token
 * ({@code model.token}, {@code LEASH_MODEL_TOKEN}) is the MCP server's, and the two must differ.
 */
public final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();

    private Tokens() {
    }

    /** A token and where it came from (never the token itself in messages). */
    public record Token(String value, String source) {
        @Override
        public String toString() {
            return "Token[" + source + "]";
        }
    }

    /**
     * The token from {@code envValue} when set, else the one in {@code file}, created with owner-only permissions
     * when missing.
     */
    public static Token load(String envValue, String envName, Path file) throws IOException {
        if (envValue != null && !envValue.isBlank()) {
            if (envValue.strip().length() < 16) {
                throw new IOException(envName + " is shorter than 16 characters; use a long random token");
            }
            return new Token(envValue.strip(), "env " + envName);
        }
        if (Files.exists(file)) {
            String t = Files.readString(file, StandardCharsets.UTF_8).strip();
            if (t.length() < 16) {
                throw new IOException(file + " holds no usable token (shorter than 16 characters)");
            }
            return new Token(t, "file " + file);
        }
        String t = generate();
        Files.createDirectories(file.toAbsolutePath().getParent());
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException e) {
            Files.createFile(file);
        } catch (FileAlreadyExistsException e) {
            return load(null, envName, file);
        }
        Files.writeString(file, t + "\n", StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
        return new Token(t, "file " + file + " (generated)");
    }

    /** The model token's environment variable. */
    public static final String MODEL_ENV = "LEASH_MODEL_TOKEN";
    /** The model token's file in the data directory. */
    public static final String MODEL_FILE = "model.token";

    /**
     * The model token from {@code LEASH_MODEL_TOKEN}, else {@code model.token} in {@code dataDir} (created when
     * missing); refused when it equals the operator's, since the model would then write as the operator.
     */
    public static Token loadModelToken(java.util.Map<String, String> env, Path dataDir, Token operator)
            throws IOException {
        Token model = load(env.get(MODEL_ENV), MODEL_ENV, dataDir.resolve(MODEL_FILE));
        if (matches(model.value(), operator.value())) {
            throw new IOException("the model token (" + model.source() + ") equals the gateway token ("
                    + operator.source() + "); they must differ, or the model would write as the operator");
        }
        return model;
    }

    /** 32 random bytes, hex. */
    public static String generate() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Constant-time comparison of a presented token with the expected one. */
    public static boolean matches(String presented, String expected) {
        if (presented == null) {
            return false;
        }
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            byte[] a = sha.digest(presented.getBytes(StandardCharsets.UTF_8));
            byte[] b = MessageDigest.getInstance("SHA-256").digest(expected.getBytes(StandardCharsets.UTF_8));
            return MessageDigest.isEqual(a, b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
