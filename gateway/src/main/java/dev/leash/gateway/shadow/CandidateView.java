package dev.leash.gateway.shadow;

/**
 * A candidate strategy's shadow book as the pipeline sees it: its figures and the live book's over the same steps.
 *
 * @param shadow the candidate shadow's figures since it started; null when it never started
 * @param live   the live book's figures since the candidate started; null when it never started
 * @param ended  why the candidate stopped running (no free shadow slot, ended by the pipeline, displaced); null while
 *               it runs
 */
public record CandidateView(String name, BookFigures shadow, BookFigures live, String ended) {

    /** True while the candidate shadow trades. */
    public boolean running() {
        return ended == null && shadow != null;
    }
}
