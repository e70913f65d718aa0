package dev.leash.journal;

/**
 * The journal's schema cannot be used by this build: it is newer than the code knows, or a migration failed.
 * Raised only by {@link Journal#open}; the operator has to act (upgrade the gateway or use another journal).
 */
public class JournalSchemaException extends JournalException {

    private static final long serialVersionUID = 1L;

    public JournalSchemaException(String message) {
        super(message);
    }

    public JournalSchemaException(String message, Throwable cause) {
        super(message, cause);
    }
}
