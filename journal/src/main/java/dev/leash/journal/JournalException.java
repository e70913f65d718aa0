package dev.leash.journal;

/**
 * The journal database could not be read or written.
 *
 * <p>Unchecked on purpose: the journal is called from listener interfaces on the inner loop
 * ({@code EngineListener} and the like) that cannot declare checked exceptions, and no caller can repair a broken
 * database locally. The loop's error handler catches it, counts it and reports it. A failed write has been rolled
 * back: nothing of it is in the journal.
 */
public class JournalException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public JournalException(String message) {
        super(message);
    }

    public JournalException(String message, Throwable cause) {
        super(message, cause);
    }
}
