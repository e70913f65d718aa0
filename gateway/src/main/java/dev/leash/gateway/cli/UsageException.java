package dev.leash.gateway.cli;

/** A command-line mistake: printed with the command's usage, exit code 2. */
final class UsageException extends Exception {
    private static final long serialVersionUID = 1L;

    UsageException(String message) {
        super(message);
    }
}
