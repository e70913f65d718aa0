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

    private Pacer(LongSupplier wall, long tradingStart, double speed, long stepMillis) {
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

    /** Trading time now. */
    public long now() {
        return tradingStart + (long) ((wall.getAsLong() - wallStart) * speed);
    }

    /** Length of one inner-loop step in trading time. */
    public long stepMillis() {
        return stepMillis;
    }

    /** Wall-clock milliseconds until trading time reaches {@code tradingTime} (0 if already there). */
    public long wallMillisUntil(long tradingTime) {
        long ahead = tradingTime - now();
        return ahead <= 0 ? 0 : (long) Math.ceil(ahead / speed);
    }

    public double speed() {
        return speed;
    }

    public long wallNow() {
        return wall.getAsLong();
    }
}
