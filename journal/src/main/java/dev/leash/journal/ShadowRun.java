package dev.leash.journal;

/**
 * One shadow book's run, as journaled: from {@code since} (trading time) with {@code startEquity} until
 * {@code retired} ({@link Long#MIN_VALUE} while it runs).
 *
 * @param kind        {@code baseline}, {@code incumbent} or {@code live-params}
 * @param liveVersion the live params version when the run started
 */
public record ShadowRun(long id, String name, String kind, long paramsVersion, long liveVersion, long since,
                        double startEquity, long retired) {

    /** The value of {@link #retired} while the run is active. */
    public static final long ACTIVE = Long.MIN_VALUE;
}
