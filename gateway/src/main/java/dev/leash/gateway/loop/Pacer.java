package dev.leash.gateway.loop;

import java.util.function.LongSupplier;

/**
 * Maps wall-clock time to trading time. Live venues trade in wall-clock time; the simulated venue runs
 * {@code speed} times faster from a starting instant, so a demo shows trades within minutes.
 */
public final class Pacer {

    private final LongSupplier wall;
    private final long wallStart;
    private final long tradingStart;
    private final double speed;
    private final long stepMillis;
    /** Trading time set by hand ({@link ManualTradingClock}), or null when it follows the wall clock. */
    private final LongSupplier manual;

    private Pacer(LongSupplier wall, long tradingStart, double speed, long stepMillis) {
        this(wall, tradingStart, speed, stepMillis, null);
    }

    private Pacer(LongSupplier wall, long tradingStart, double speed, long stepMillis, LongSupplier manual) {
        this.manual = manual;
        this.wall = wall;
        this.wallStart = wall.getAsLong();
        this.tradingStart = tradingStart;
        this.speed = speed;
        this.stepMillis = stepMillis;
    }

    /** Wall-clock trading with a step of {@code stepMillis}. */
    public static Pacer live(LongSupplier wall, long stepMillis) {
        return new Pacer(wall, wall.getAsLong(), 1.0, stepMillis);
    }

    /** Simulated trading time from {@code tradingStart}, {@code speed} times faster than the wall clock. */
    public static Pacer simulated(LongSupplier wall, long tradingStart, double speed, long stepMillis) {
        return new Pacer(wall, tradingStart, speed, stepMillis);
    }

    /**
     * Trading time that moves only when {@code clock} is advanced (tests); the inner loop steps exactly up to it and
     * looks again every {@value #MANUAL_POLL_MILLIS} ms of wall time. The clock starts at {@code tradingStart} unless it
     * already has a time.
     */
    public static Pacer manual(LongSupplier wall, ManualTradingClock clock, long tradingStart, long stepMillis) {
        clock.startAt(tradingStart);
        return new Pacer(wall, tradingStart, 1.0, stepMillis, clock::now);
    }

    /** How often a loop waiting for a manual clock looks at it again, in wall milliseconds. */
    static final long MANUAL_POLL_MILLIS = 2;

    /** Trading time now. */
    public long now() {
        if (manual != null) {
            return manual.getAsLong();
        }
        return tradingStart + (long) ((wall.getAsLong() - wallStart) * speed);
    }

    /** Length of one inner-loop step in trading time. */
    public long stepMillis() {
        return stepMillis;
    }

    /** Wall-clock milliseconds until trading time reaches {@code tradingTime} (0 if already there). */
    public long wallMillisUntil(long tradingTime) {
        long ahead = tradingTime - now();
        if (manual != null) {
            return ahead <= 0 ? 0 : MANUAL_POLL_MILLIS;
        }
        return ahead <= 0 ? 0 : (long) Math.ceil(ahead / speed);
    }

    public double speed() {
        return speed;
    }

    public long wallNow() {
        return wall.getAsLong();
    }
}
