package dev.leash.gateway.metrics;

import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.EngineListener;
import dev.leash.engine.RiskRejection;
import dev.leash.venue.Order;
import dev.leash.venue.OrderStatus;
import dev.leash.venue.OrderType;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Side;
import dev.leash.risk.OrderReject;
import org.junit.jupiter.api.Test;

import java.lang.management.ManagementFactory;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What the inner loop's thread does for metrics (count a decision, a rejection, an order's round trip) allocates nothing. */
class InnerLoopCountersAllocationTest {

    private static final int CALLS = 200_000;

    @Test
    void countingDecisionsRejectionsAndRoundTripsAllocatesNothingOnceWarm() {
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        DecisionCounter counter = new DecisionCounter(EngineListener.NONE);
        OrderLatency latency = new OrderLatency();
        Decision skip = new Decision(0, "BTCUSDT", Action.SKIP, "ENTER_LONG: BTCUSDT is held reduce-only (stale_feed)",
                null, 1);
        Decision hold = new Decision(0, "BTCUSDT", Action.HOLD, "flat; channel [1, 2]", null, 1);
        RiskRejection rejection = new RiskRejection(0, "BTCUSDT", 1, 10, OrderReject.POSITION_LIMIT, 1);
        PlaceResult placed = new PlaceResult(new Order("lsh-1", "v1", "BTCUSDT", Side.BUY, OrderType.MARKET, 1, 10, 1,
                OrderStatus.FILLED, false, 0), List.of(), false, null);
        run(counter, latency, skip, hold, rejection, placed); // warm up: the JIT settles
        long id = Thread.currentThread().getId();
        long before = threads.getThreadAllocatedBytes(id);
        run(counter, latency, skip, hold, rejection, placed);
        long allocated = threads.getThreadAllocatedBytes(id) - before;

        assertThat(allocated).as("bytes allocated by %s calls", 4 * CALLS).isLessThan(1_024);
        assertThat(counter.decisions(Action.SKIP, DecisionReason.SYMBOL_HELD)).isEqualTo(2L * CALLS);
        assertThat(counter.rejections(OrderReject.POSITION_LIMIT)).isEqualTo(2L * CALLS);
    }

    private static void run(DecisionCounter c, OrderLatency l, Decision skip, Decision hold, RiskRejection r,
                            PlaceResult placed) {
        for (int i = 0; i < CALLS; i++) {
            c.onDecision(skip);
            c.onDecision(hold);
            c.onRiskRejection(r);
            l.accept((i & 1) == 0 ? placed : null, i * 1_000L);
        }
    }
}
