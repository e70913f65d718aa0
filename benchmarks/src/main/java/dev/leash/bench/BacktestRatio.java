package dev.leash.bench;

import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.Locale;

/**
 * The backtest ratio of {@link BacktestBenchmark} measured for a noisy machine: one JVM, the same bars, and rounds
 * that run the hand-written loop and the engine back to back, so a burst from other tenants hits one pair and not
 * every figure; prints each round and the medians (bars/s, engine over hand loop, bytes allocated per bar by the
 * engine run), and exits 1 when the median ratio is below the minimum given. Each round is also timed in this
 * thread's CPU time: the CPU ratio leaves out the time the scheduler gave other tenants, so on a loaded machine it
 * moves much less than the wall-clock ratio (it still includes their effect on the caches).
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.leash.bench.BacktestRatio [rounds] [warm-up rounds] [min ratio]
 *     [wall|cpu] [engine runs per round]</pre>
 *
 * The minimum applies to the wall-clock ratio unless the fourth argument is {@code cpu}. The last argument (1 unless
 * given) exists to prove that the guard can fail: with 2, each round runs the engine twice and times the two runs as
 * one, an engine twice as slow.
 */
public final class BacktestRatio {

    private BacktestRatio() {
    }

    public static void main(String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        double min = args.length > 2 ? Double.parseDouble(args[2]) : 0;
        boolean cpuGate = args.length > 3 && args[3].equals("cpu");
        if (args.length > 3 && !cpuGate && !args[3].equals("wall")) {
            throw new IllegalArgumentException("the ratio to gate on is wall or cpu, not " + args[3]);
        }
        int engineRuns = args.length > 4 ? Integer.parseInt(args[4]) : 1;
        if (engineRuns < 1) {
            throw new IllegalArgumentException("engine runs per round must be at least 1, not " + engineRuns);
        }
        BacktestBenchmark b = new BacktestBenchmark();
        b.generate();
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        long self = Thread.currentThread().getId();
        double sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += b.baseline() + b.engine();
        }
        double[] hand = new double[rounds];
        double[] engine = new double[rounds];
        double[] ratio = new double[rounds];
        double[] alloc = new double[rounds];
        double[] cpuRatio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            sink += b.baseline();
            long t1 = System.nanoTime();
            long c1 = threads.getCurrentThreadCpuTime();
            long a0 = threads.getThreadAllocatedBytes(self);
            for (int k = 0; k < engineRuns; k++) {
                sink += b.engine();
            }
            long a1 = threads.getThreadAllocatedBytes(self);
            long t2 = System.nanoTime();
            long c2 = threads.getCurrentThreadCpuTime();
            hand[r] = BacktestBenchmark.BARS / ((t1 - t0) / 1e9);
            engine[r] = BacktestBenchmark.BARS / ((t2 - t1) / 1e9);
            ratio[r] = engine[r] / hand[r];
            alloc[r] = (a1 - a0) / (double) BacktestBenchmark.BARS;
            cpuRatio[r] = (c1 - c0) / (double) (c2 - c1);
            System.out.printf(Locale.ROOT, "round %d: hand loop %.2f M bars/s, engine %.2f M bars/s, ratio %.2fx,"
                    + " CPU-time ratio %.2fx, %.1f B/bar%n", r + 1, hand[r] / 1e6, engine[r] / 1e6, ratio[r],
                    cpuRatio[r], alloc[r]);
        }
        double median = median(ratio);
        double cpuMedian = median(cpuRatio);
        String gate = min > 0 ? " (fails below " + min + ")" : "";
        if (engineRuns > 1) {
            System.out.printf(Locale.ROOT, "the engine ran %d times per round and was timed as one run: a slowed"
                    + " subject, to show that the guard fails%n", engineRuns);
        }
        System.out.printf(Locale.ROOT, "backtest: median of %d rounds: hand loop %.2f M bars/s, engine %.2f M bars/s,"
                        + " ratio %.2fx%s, CPU-time ratio %.2fx%s, %.1f B/bar, load %s (checksum %.0f)%n", rounds,
                median(hand) / 1e6, median(engine) / 1e6, median, cpuGate ? "" : gate, cpuMedian,
                cpuGate ? gate : "", median(alloc), load(), sink);
        if ((cpuGate ? cpuMedian : median) < min) {
            System.exit(1);
        }
    }

    /** The 1-minute load average, or "?" where the platform has none. */
    private static String load() {
        double l = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
        return l < 0 ? "?" : String.format(Locale.ROOT, "%.1f", l);
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
