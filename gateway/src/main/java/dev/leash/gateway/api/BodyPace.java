package dev.leash.gateway.api;

/**
 * The pace a request body must keep: {@code n} bytes may take {@link #GRACE_NANOS} plus {@code n / bytesPerSecond}
 * seconds from the end of the headers, so a short pause (two TCP segments, a request thread scheduled late) is not
 * a slow client, while a dribbler falls behind within a few seconds.
 *
 * @param bytesPerSecond the sustained rate a body must keep after the grace
 */
record BodyPace(long bytesPerSecond) {

    /** The fixed allowance every body gets: two seconds. */
    static final long GRACE_NANOS = 2_000_000_000L;

    BodyPace {
        if (bytesPerSecond < 1) {
            throw new IllegalArgumentException("bytesPerSecond must be positive");
        }
    }

    /** True when {@code bytes} arriving {@code elapsedNanos} after the headers is too slow. */
    boolean tooSlow(long elapsedNanos, long bytes) {
        return elapsedNanos > GRACE_NANOS + bytes * 1_000_000_000L / bytesPerSecond;
    }
}
