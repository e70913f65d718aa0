package dev.leash.journal;

/**
 * Another running gateway took this gateway's id while this one's connection to the database was lost: this
 * journal writes nothing more, so it never writes into the other gateway's rows. Stop this gateway.
 */
public final class JournalOwnershipLostException extends JournalUnavailableException {

    private static final long serialVersionUID = 1L;

    public JournalOwnershipLostException(String message) {
        super(message);
    }
}
