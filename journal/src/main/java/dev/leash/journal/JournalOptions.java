package dev.leash.journal;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * How the journal connects to a server database (PostgreSQL): credentials and the connection pool. SQLite ignores
 * everything but nothing here is required for it.
 *
 * @param user database user, or null to take it from the URL ({@code ?user=...})
 * @param password the user's password (SCRAM and md5 both work), or null to take it from the URL or use none
 * @param maxPoolSize most connections the pool keeps open: one writer and the rest for readers
 * @param connectionTimeout how long a journal call waits for a connection before it fails: the longest a database
 *                          that went away can hold up the inner loop
 * @param socketTimeout how long a statement waits for the server's answer before the connection is given up
 * @param retryBackoff after the database failed, calls fail at once without trying for this long, so an outage
 *                     costs the inner loop at most one {@code connectionTimeout} per backoff
 * @param gatewayId the gateway this journal belongs to, or null: on PostgreSQL each gateway keeps its rows in its
 *                  own schema {@code leash_<id>} (so several share one database, each reading only its own rows),
 *                  and one running gateway at a time holds an id; null uses the connection's default schema
 */
public record JournalOptions(String user, String password, int maxPoolSize, Duration connectionTimeout,
                             Duration socketTimeout, Duration retryBackoff, String gatewayId) {

    /** What a gateway id may look like: lower-case letters, digits and dashes, 1 to 40 of them. */
    public static final java.util.regex.Pattern GATEWAY_ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

    /** The environment variable the database user is read from. */
    public static final String USER_ENV = "LEASH_JOURNAL_USER";
    /** The environment variable the database password is read from. */
    public static final String PASSWORD_ENV = "LEASH_JOURNAL_PASSWORD";
    /** Pool size when the configuration says nothing. */
    public static final int DEFAULT_MAX_POOL_SIZE = 4;
    /** Connection wait when the configuration says nothing. */
    public static final Duration DEFAULT_CONNECTION_TIMEOUT = Duration.ofMillis(1_000);
    /** Statement wait when the configuration says nothing. */
    public static final Duration DEFAULT_SOCKET_TIMEOUT = Duration.ofSeconds(10);
    /** Fail-fast window after a failure when the configuration says nothing. */
    public static final Duration DEFAULT_RETRY_BACKOFF = Duration.ofSeconds(2);
    /** No credentials beyond the URL, default pool. */
    public static final JournalOptions DEFAULTS = new JournalOptions(null, null, DEFAULT_MAX_POOL_SIZE,
            DEFAULT_CONNECTION_TIMEOUT, DEFAULT_SOCKET_TIMEOUT, DEFAULT_RETRY_BACKOFF, null);

    /** Options without a gateway id. */
    public JournalOptions(String user, String password, int maxPoolSize, Duration connectionTimeout,
                          Duration socketTimeout, Duration retryBackoff) {
        this(user, password, maxPoolSize, connectionTimeout, socketTimeout, retryBackoff, null);
    }

    public JournalOptions {
        if (gatewayId != null && !GATEWAY_ID.matcher(gatewayId).matches()) {
            throw new IllegalArgumentException("gateway id must be 1 to 40 lower-case letters, digits and dashes,"
                    + " starting with a letter or digit: '" + gatewayId + "'");
        }
        if (maxPoolSize < 2) {
            throw new IllegalArgumentException("journal pool size must be at least 2 (a writer and a reader): "
                    + maxPoolSize);
        }
        Objects.requireNonNull(connectionTimeout, "connectionTimeout");
        Objects.requireNonNull(socketTimeout, "socketTimeout");
        Objects.requireNonNull(retryBackoff, "retryBackoff");
        if (connectionTimeout.toMillis() < 250) {
            throw new IllegalArgumentException("journal connection timeout must be at least 250ms: "
                    + connectionTimeout.toMillis() + "ms");
        }
        if (socketTimeout.toSeconds() < 1) {
            throw new IllegalArgumentException("journal socket timeout must be at least 1s");
        }
        if (retryBackoff.isNegative()) {
            throw new IllegalArgumentException("journal retry backoff must not be negative");
        }
    }

    /** These options with the user and password of {@link #USER_ENV} and {@link #PASSWORD_ENV}, where set. */
    public JournalOptions withCredentialsFrom(Map<String, String> env) {
        String u = blankToNull(env.get(USER_ENV));
        String p = blankToNull(env.get(PASSWORD_ENV));
        return new JournalOptions(u != null ? u : user, p != null ? p : password, maxPoolSize, connectionTimeout,
                socketTimeout, retryBackoff, gatewayId);
    }

    /** These options with the given credentials. */
    public JournalOptions withCredentials(String newUser, String newPassword) {
        return new JournalOptions(newUser, newPassword, maxPoolSize, connectionTimeout, socketTimeout, retryBackoff,
                gatewayId);
    }

    /** These options for the gateway {@code id}. */
    public JournalOptions withGatewayId(String id) {
        return new JournalOptions(user, password, maxPoolSize, connectionTimeout, socketTimeout, retryBackoff, id);
    }

    /** Never prints the password. */
    @Override
    public String toString() {
        return "JournalOptions[user=" + user + ", password=" + (password == null ? "none" : "***")
                + ", maxPoolSize=" + maxPoolSize + ", connectionTimeout=" + connectionTimeout
                + ", socketTimeout=" + socketTimeout + ", retryBackoff=" + retryBackoff + ", gatewayId=" + gatewayId
                + "]";
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
