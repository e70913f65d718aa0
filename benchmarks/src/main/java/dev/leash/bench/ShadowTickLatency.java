package dev.leash.bench;

import dev.leash.engine.Engine;
import dev.leash.engine.EngineDriver;
import dev.leash.engine.EngineListener;
import dev.leash.engine.BarSink;
import dev.leash.engine.FillSink;
import dev.leash.engine.MarketFeed;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.OrderOutcome;
import dev.leash.engine.OrderQueue;
import dev.leash.engine.OrderRoute;
import dev.leash.engine.StepHooks;
import dev.leash.engine.SymbolSpec;
import dev.leash.engine.Tick;
import dev.leash.gateway.shadow.MarketStep;
import dev.leash.gateway.shadow.MarketTap;
import dev.leash.gateway.shadow.Scorecard;
import dev.leash.gateway.shadow.ShadowBooks;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.venue.Instrument;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.LockSupport;

/**
 * Issue 14's benchmark: the live book's tick-to-order step as the inner loop runs it, with 0, 1, 2 and 4 shadow
 * books behind its {@link MarketTap}, on a noisy machine. Each variant is a whole live rig (engine, {@link EngineDriver},
 * tap) and, with shadows, a real {@link ShadowBooks} on its own thread consuming the tap's queue; the 0 variant is
 * the tap in pass-through, as a gateway without shadows runs. Rounds interleave the variants (the order rotates), so
 * a burst from other tenants hits one round, not one variant; the figures are medians over rounds.
 *
 * <p>Every step is a new 5-minute bar closed and a tick that breaks its channel (alternately up and down), so the live
 * engine sends an order on every step (the route releases it without a fill, as in {@link EngineTickBenchmark}) and
 * the shadows, which fill at the live prices, enter and exit: the worst case for both. The timed span is one
 * {@code EngineDriver.step}: the feed, the clock, the bar, the tick, the order, and the tap building and offering the
 * {@code MarketStep}. Steps are paced (parked between them) as the inner loop waits for its next step.
 *
 * <p>A {@code tap} variant hands each step to a consumer that only keeps it: the tap's own work on the live thread,
 * without a shadow thread to wake or to share the cores with.
 *
 * <p>Per variant and round: the step's p50 / p99 / p99.9 latency, bytes the live thread allocated per step, the
 * shadow thread's CPU time per step (ThreadMXBean, read after it processed the round's last step) and per shadow,
 * and the steps it dropped. Exits 1 when the median ratio p99(4 shadows) / p99(none) is above the maximum given.
 *
 * <pre>java @bin/gateway.jvm-args -cp benchmarks/target/benchmarks.jar dev.leash.bench.ShadowTickLatency
 *      [rounds] [steps per round] [step interval us] [warm-up rounds] [max ratio]</pre>
 */
public final class ShadowTickLatency {

    private static final long DAY = 1_767_225_600_000L;
    /** The variants: no shadows, the tap's own work with no shadow thread ({@link #TAP_ONLY}), 1, 2, 4 shadows. */
    private static final int[] SHADOWS = {0, -1, 1, 2, 4};
    /** The tap builds and hands over every step, to a consumer that only keeps it: no shadow thread to wake. */
    private static final int TAP_ONLY = -1;
    private static final long CENTURY = 100L * 365 * 24 * 3_600_000L;

    private ShadowTickLatency() {
    }

    public static void main(String[] args) throws InterruptedException {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 4_000;
        long intervalNanos = (args.length > 2 ? Long.parseLong(args[2]) : 500) * 1_000;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        double max = args.length > 4 ? Double.parseDouble(args[4]) : 0;

        Rig[] rigs = new Rig[SHADOWS.length];
        for (int v = 0; v < rigs.length; v++) {
            rigs[v] = new Rig(SHADOWS[v]);
        }
        for (int r = 0; r < warmup; r++) {
            for (Rig rig : rigs) {
                rig.round(steps, intervalNanos);
            }
        }
        for (Rig rig : rigs) {
            rig.checkShadows();
        }
        Round[][] results = new Round[rigs.length][rounds];
        for (int r = 0; r < rounds; r++) {
            StringBuilder line = new StringBuilder("round " + (r + 1) + ":");
            for (int k = 0; k < rigs.length; k++) {
                int v = (r + k) % rigs.length;
                results[v][r] = rigs[v].round(steps, intervalNanos);
            }
            for (int v = 0; v < rigs.length; v++) {
                line.append(String.format(Locale.ROOT, "  [%s] p50 %.1f p99 %.1f us", name(SHADOWS[v]),
                        results[v][r].p50 / 1e3, results[v][r].p99 / 1e3));
            }
            System.out.println(line);
        }
        for (Rig rig : rigs) {
            rig.checkShadows();
            rig.stop();
        }

        System.out.printf(Locale.ROOT, "%nmedians of %d rounds, %d steps each, one step every %d us, load average"
                        + " %.1f, %d cores%n", rounds, steps, intervalNanos / 1_000,
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                Runtime.getRuntime().availableProcessors());
        System.out.println("shadows | step p50 us | step p99 us | step p99.9 us | p99 / p99(none) | to order p50 us"
                + " | to order p99 us | to order p99 / none | live B/step | GC ms/round"
                + " | shadow CPU us/step | us/step/shadow | dropped steps");
        double[] none = p99s(results[0], false);
        double[] noneOrder = p99s(results[0], true);
        for (int v = 0; v < rigs.length; v++) {
            Round[] rs = results[v];
            double[] ratio = new double[rounds];
            double[] orderRatio = new double[rounds];
            for (int r = 0; r < rounds; r++) {
                ratio[r] = rs[r].p99 / none[r];
                orderRatio[r] = rs[r].order99 / noneOrder[r];
            }
            double cpu = median(rs, x -> x.shadowCpuPerStep);
            System.out.printf(Locale.ROOT, "%7s | %11.1f | %11.1f | %13.1f | %15.2f | %15.1f | %15.1f | %19.2f"
                            + " | %11.0f | %11.0f | %18s | %14s | %d%n", name(SHADOWS[v]), median(rs, x -> x.p50) / 1e3,
                    median(rs, x -> x.p99) / 1e3, median(rs, x -> x.p999) / 1e3, median(ratio),
                    median(rs, x -> x.order50) / 1e3, median(rs, x -> x.order99) / 1e3, median(orderRatio),
                    median(rs, x -> x.liveBytesPerStep),
                    median(rs, x -> x.gcMillis),
                    SHADOWS[v] <= 0 ? "-" : String.format(Locale.ROOT, "%.1f", cpu / 1e3),
                    SHADOWS[v] <= 0 ? "-" : String.format(Locale.ROOT, "%.1f", cpu / 1e3 / SHADOWS[v]),
                    Arrays.stream(rs).mapToLong(x -> x.dropped).sum());
        }
        double[] four = new double[rounds];
        double[] fourOrder = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            four[r] = results[SHADOWS.length - 1][r].p99 / none[r];
            fourOrder[r] = results[SHADOWS.length - 1][r].order99 / noneOrder[r];
        }
        double ratio = median(four);
        double cpu1 = median(results[2], x -> x.shadowCpuPerStep);
        double cpu4 = median(results[SHADOWS.length - 1], x -> x.shadowCpuPerStep);
        System.out.printf(Locale.ROOT, "shadow thread CPU per step: %.1f us with 1 shadow, %.1f us with 4: %.1f us per"
                + " step for each shadow past the first%n", cpu1 / 1e3, cpu4 / 1e3, (cpu4 - cpu1) / 3 / 1e3);
        System.out.printf(Locale.ROOT, "step p99 (tick to order plus the tap's offer) with 4 shadows / none: %.2fx;"
                        + " tick to order alone: %.2fx (medians of per-round ratios; goal <= 1.10)%s%n", ratio,
                median(fourOrder), max > 0 ? " (fails above " + max + ")" : "");
        if (max > 0 && ratio > max) {
            System.exit(1);
        }
    }

    /** One variant's figures over one round. */
    record Round(double p50, double p99, double p999, double order50, double order99, double liveBytesPerStep,
                 double gcMillis,
                 double shadowCpuPerStep, long dropped) {
    }

    /**
     * A live book as the inner loop runs it: engine, driver, the market tap, and with {@code shadows > 0} a
     * {@link ShadowBooks} of that many shadows on its own thread (incumbents made by live parameter changes).
     */
    static final class Rig implements MarketFeed, OrderRoute {
        private final int shadows;
        private final Engine engine;
        private final EngineDriver driver;
        private final MarketTap tap;
        private final ShadowBooks books;
        private final Thread shadowThread;
        private final Params params;
        private final com.sun.management.ThreadMXBean threads =
                (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        private long now = DAY + 40 * SymbolSpec.BAR_MILLIS;
        private long stepCount;
        private long orders;
        private long lastStep;
        private long orderAt;
        /** Where the {@code tap} variant keeps each step, so building it cannot be optimised away. */
        private MarketStep kept;

        Rig(int shadows) {
            this.shadows = shadows;
            TreeMap<String, SymbolParams> symbols = new TreeMap<>();
            symbols.put("BTCUSDT", new SymbolParams(true, 1.0));
            params = new Params(1, 2.0, 1.5, 1.0, 20, 2.0, 3.0, TradingMode.ACTIVE, symbols, "bench", "bench",
                    Instant.EPOCH);
            Limits limits = Limits.hard(Set.of("BTCUSDT"));
            OrderQueue queue = new OrderQueue();
            engine = new Engine(List.of(new SymbolSpec("BTCUSDT", 0.001, 0.001, 5.0)), limits, params, queue,
                    EngineListener.NONE, () -> 100_000.0);
            tap = new MarketTap(this, 1);
            StepHooks hooks = new StepHooks() {
                @Override
                public void afterStep(long t) {
                    tap.endStep(t, engine, 100_000.0); // as InnerLoop's afterStep hands the step to the shadows
                }
            };
            driver = new EngineDriver(engine, queue, tap, this, hooks, () -> now, 1);
            if (shadows == TAP_ONLY) {
                tap.sendTo(step -> {
                    kept = step;
                    return true;
                });
            }
            if (shadows > 0) {
                books = new ShadowBooks(List.of(new Instrument("BTCUSDT", 0.01, 0.001, 0.001, 5.0)), limits, params,
                        new ShadowBooks.Settings(shadows, CENTURY, 20, ShadowBooks.Settings.DEFAULT.queueCapacity(),
                                260), (t, name, version, figures, flags) -> { });
                tap.sendTo(books::offer);
                shadowThread = new Thread(books, "leash-shadows-" + shadows);
                shadowThread.setDaemon(true);
            } else {
                books = null;
                shadowThread = null;
            }
            BarSink warm = tap.warmup(engine::onBarClose);
            for (int k = 0; k < 40; k++) {
                warm.barClosed(0, DAY + (k + 1) * SymbolSpec.BAR_MILLIS, 101, 99, 100, 10);
            }
            if (shadowThread != null) {
                shadowThread.start();
            }
            step();
            // baseline (+ live-params with 4); each change keeps the replaced version running as an incumbent
            for (long v = 2; v <= (shadows == 4 ? 3 : shadows == 2 ? 2 : 1); v++) {
                engine.swapParams(params.stamped(v, "bench", "make an incumbent", Instant.EPOCH));
                step();
            }
        }

        /** Runs {@code n} paced steps; the shadow thread's figures are read once it processed the last one. */
        Round round(int n, long intervalNanos) throws InterruptedException {
            long[] latency = new long[n];
            long[] toOrder = new long[n];
            long cpu0 = shadowCpu();
            long dropped0 = books == null ? 0 : books.missedSteps();
            long gc0 = gcMillis();
            long self = Thread.currentThread().getId();
            long bytes0 = threads.getThreadAllocatedBytes(self);
            long next = System.nanoTime();
            for (int i = 0; i < n; i++) {
                next += intervalNanos;
                long wait;
                while ((wait = next - System.nanoTime()) > 0) {
                    LockSupport.parkNanos(wait);
                }
                long t0 = System.nanoTime();
                step();
                latency[i] = System.nanoTime() - t0;
                toOrder[i] = orderAt - t0;
            }
            long bytes = threads.getThreadAllocatedBytes(self) - bytes0;
            awaitShadows();
            long gc = gcMillis() - gc0;
            long cpu = shadowCpu() - cpu0;
            long dropped = books == null ? 0 : books.missedSteps() - dropped0;
            if (orders != stepCount) {
                throw new IllegalStateException(stepCount + " breakout steps produced " + orders
                        + " orders: each must produce exactly one, or this measures something else");
            }
            Arrays.sort(latency);
            Arrays.sort(toOrder);
            return new Round(at(latency, 0.50), at(latency, 0.99), at(latency, 0.999), at(toOrder, 0.50),
                    at(toOrder, 0.99), bytes / (double) n, gc,
                    books == null ? 0 : cpu / (double) (n - dropped), dropped);
        }

        /** Fails unless exactly the intended number of shadows runs and they trade. */
        void checkShadows() throws InterruptedException {
            if (books == null) {
                return;
            }
            awaitShadows();
            Scorecard s = books.scorecard();
            List<Scorecard.Shadow> active = s.shadows().stream().filter(Scorecard.Shadow::active).toList();
            int trades = active.stream().mapToInt(x -> x.figures().trades()).sum();
            if (active.size() != shadows || trades == 0) {
                throw new IllegalStateException("expected " + shadows + " trading shadows, found " + active.size()
                        + " with " + trades + " closed trades");
            }
            System.out.printf(Locale.ROOT, "%d shadows running: %s, %d closed trades between them%n", shadows,
                    active.stream().map(Scorecard.Shadow::name).toList(), trades);
        }

        void stop() throws InterruptedException {
            if (books != null) {
                books.stop();
                shadowThread.join(5_000);
            }
        }

        private void step() {
            now += SymbolSpec.BAR_MILLIS;
            stepCount++;
            lastStep = now;
            driver.step(now);
        }

        /** Waits (bounded) until the shadow thread processed the last step offered. */
        private void awaitShadows() throws InterruptedException {
            if (books == null) {
                return;
            }
            long deadline = System.nanoTime() + 30_000_000_000L;
            long seen = Long.MIN_VALUE;
            long still = 0;
            while (true) {
                Scorecard s = books.scorecard();
                long asOf = s == null ? Long.MIN_VALUE : s.asOf();
                if (asOf == lastStep) {
                    return;
                }
                still = asOf == seen ? still + 1 : 0;
                seen = asOf;
                if (still > 200 && books.missedSteps() > 0) {
                    return; // the last steps were dropped: the thread is idle
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the shadow thread did not catch up within 30 s");
                }
                Thread.sleep(1);
            }
        }

        private long shadowCpu() {
            return shadowThread == null ? 0 : threads.getThreadCpuTime(shadowThread.getId());
        }

        // MarketFeed: each step closes one 5-minute bar inside [99, 101] and ticks above it, at 102 and 104 in turn

        @Override
        public long nextStep(long t) {
            return NO_STEP;
        }

        @Override
        public void advanceTo(long t, FillSink fills) {
        }

        @Override
        public void closeBars(int sym, long t, BarSink bars) {
            bars.barClosed(sym, t, 101, 99, 100, 10);
        }

        @Override
        public boolean tick(int sym, long t, Tick tick) {
            tick.set((stepCount & 1) == 0 ? 102.0 : 104.0, Double.NaN);
            return true;
        }

        // OrderRoute: counts the order and releases it at once, without a fill

        @Override
        public OrderOutcome place(OrderIntent intent, long t, FillSink fills) {
            orders++;
            orderAt = System.nanoTime(); // the order reaches the venue's port: the end of tick-to-order
            return OrderOutcome.DONE;
        }
    }

    private static String name(int shadows) {
        return shadows == TAP_ONLY ? "tap" : Integer.toString(shadows);
    }

    private static long gcMillis() {
        long ms = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ms += Math.max(0, gc.getCollectionTime());
        }
        return ms;
    }

    private static double at(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    private static double[] p99s(Round[] rs, boolean toOrder) {
        double[] out = new double[rs.length];
        for (int r = 0; r < rs.length; r++) {
            out[r] = toOrder ? rs[r].order99 : rs[r].p99;
        }
        return out;
    }

    private static double median(Round[] rs, java.util.function.ToDoubleFunction<Round> f) {
        return median(Arrays.stream(rs).mapToDouble(f).toArray());
    }

    private static double median(double[] v) {
        double[] s = v.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }
}
