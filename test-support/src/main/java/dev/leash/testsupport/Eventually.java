package dev.leash.testsupport;

import java.time.Duration;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls a probe until its value satisfies a condition or a deadline passes: how tests wait for the loops. */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(50);

    private Eventually() {
    }

    /**
     * The first value of {@code probe} that satisfies {@code done}; fails with {@code what} and the last value seen
     * when none does within {@code timeout}.
     */
    public static <T> T await(String what, Duration timeout, Supplier<T> probe, Predicate<? super T> done) {
        long deadline = System.nanoTime() + timeout.toNanos();
        T last = probe.get();
        while (!done.test(last)) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError("not within " + timeout.toMillis() + " ms: " + what + "; last seen: " + last);
            }
            LockSupport.parkNanos(POLL.toNanos());
            last = probe.get();
        }
        return last;
    }
}
