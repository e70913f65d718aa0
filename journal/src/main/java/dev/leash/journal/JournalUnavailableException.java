package dev.leash.journal;

/** The journal's database cannot be reached right now; nothing of the call was written. Retry later. */
public class JournalUnavailableException extends JournalException {

    private static final long serialVersionUID = 1L;

    public JournalUnavailableException(String message) {
        super(message);
    }

    public JournalUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
