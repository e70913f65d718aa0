package dev.leash.mcp.internal;

import dev.leash.mcp.ConfigException;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/** The MCP server's own HTTP token: from {@code LEASH_MCP_TOKEN}, else {@code mcp.token} in the data directory. */
public final class TokenStore {

    public static final String FILE = "mcp.token";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    /**
     * A token and where it came from.
     *
     * @param value     the token
     * @param file      the file it is stored in, null when it came from the environment
     * @param generated whether it was created just now
     */
    public record Token(String value, Path file, boolean generated) {
        @Override
        public String toString() {
            return "Token[file=" + file + ", generated=" + generated + "]";
        }
    }

    private TokenStore() {
    }

    public static Token resolve(String fromEnv, Path dataDir) {
        if (fromEnv != null) {
            return new Token(fromEnv, null, false);
        }
        Path file = dataDir.resolve(FILE);
        try {
            if (Files.exists(file)) {
                return new Token(read(file), file, false);
            }
            Files.createDirectories(dataDir);
            String token = Tokens.generate();
            create(file);
            Files.writeString(file, token + "\n", StandardCharsets.US_ASCII);
            return new Token(token, file, true);
        } catch (FileAlreadyExistsException e) {
            return new Token(read(file), file, false);
        } catch (IOException e) {
            throw new ConfigException("cannot create " + file + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + "); set LEASH_MCP_TOKEN or --data-dir");
        }
    }

    /** Creates the file with owner-only permissions from the first instant, where the file system has them. */
    private static void create(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } else {
            Files.createFile(file);
        }
    }

    private static String read(Path file) {
        try {
            String t = Files.readString(file, StandardCharsets.US_ASCII).strip();
            if (t.length() < 16) {
                throw new ConfigException(file + " holds no usable token (fewer than 16 characters); delete it to "
                        + "generate a new one");
            }
            return t;
        } catch (IOException e) {
            throw new ConfigException("cannot read " + file + " (" + e.getClass().getSimpleName() + ")");
        }
    }
}
