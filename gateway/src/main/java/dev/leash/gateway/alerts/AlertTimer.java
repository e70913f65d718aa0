package dev.leash.gateway.alerts;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Looks at the proposal digest and the daily summary on its own daemon thread and queues what is due; never on a
 * trading loop's thread, and {@link Alerts#offer} never blocks.
 */
public final class AlertTimer implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(AlertTimer.class);

    private final Alerts alerts;
    private final ProposalDigest digest;
    private final DailySummary summary;
    private final LongSupplier wallMillis;
    private final LongSupplier tradingMillis;
    private ScheduledExecutorService executor;

    /** A timer for {@code digest} (wall clock) and {@code summary} (trading time); either may be null (off). */
    public AlertTimer(Alerts alerts, ProposalDigest digest, DailySummary summary, LongSupplier wallMillis,
                      LongSupplier tradingMillis) {
        this.alerts = alerts;
        this.digest = digest;
        this.summary = summary;
        this.wallMillis = wallMillis;
        this.tradingMillis = tradingMillis;
    }

    /** Ticks every {@code every} on a daemon thread from now on. */
    public AlertTimer start(Duration every) {
        executor = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "leash-alert-timer");
            t.setDaemon(true);
            return t;
        });
        executor.scheduleWithFixedDelay(this::tick, 0, every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** One look: queues the digest and the daily summary when they are due. */
    public synchronized void tick() {
        try {
            if (digest != null) {
                digest.poll(wallMillis.getAsLong()).ifPresent(alerts::offer);
            }
            if (summary != null) {
                summary.poll(tradingMillis.getAsLong()).ifPresent(alerts::offer);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("alert timer: {}", e.getClass().getSimpleName()); // never the journal's content
        }
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
        }
    }
}
