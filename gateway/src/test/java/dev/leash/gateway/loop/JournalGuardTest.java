package dev.leash.gateway.loop;

import dev.leash.engine.OrderIntent;
import dev.leash.journal.JournalException;
import dev.leash.journal.JournalOwnershipLostException;
import dev.leash.venue.Account;
import dev.leash.venue.Fill;
import dev.leash.venue.PlaceResult;
import dev.leash.venue.Position;
import dev.leash.venue.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/** The journal guard over a journal that fails on demand: order of writes, fills counted once, health. */
class JournalGuardTest {

    private final FlakyJournal journal = new FlakyJournal();
    private final JournalGuard guard = new JournalGuard(journal);

    @Test
    void aFillCountedBeforeTheJournalFailedIsNotCountedAgainWhenPolledDuringTheFailure() {
        Fill a = fill("f-1");
        Fill b = fill("f-2");
        assertThat(guard.fill(a, 1)).isTrue();

        journal.down = true;
        List<Boolean> counted = List.of(guard.fill(a, 1), guard.fill(b, 1), guard.fill(b, 1));

        assertThat(counted).containsExactly(false, true, false);
    }

    @Test
    void failedWritesLandInTheirOrderBeforeAnyLaterWrite() {
        guard.at(1_000);
        journal.down = true;
        guard.event(1_000, "a", "first");
        guard.fill(fill("f-1"), 1);
        assertThat(guard.clear("BTCUSDT")).isFalse();
        assertThat(guard.firstQueued("BTCUSDT")).isEqualTo("fill f-1 of lsh-BTCUSDT-1-1");
        assertThat(guard.health()).satisfies(h -> {
            assertThat(h.ok()).isFalse();
            assertThat(h.queued()).isEqualTo(2);
            assertThat(h.failingSince()).isEqualTo(1_000);
            assertThat(h.firstFailure()).isEqualTo("a event");
            assertThat(h.lastError()).isEqualTo("disk I/O error");
        });

        journal.down = false;
        guard.event(2_000, "b", "second");

        assertThat(journal.written).containsExactly("event first", "fill f-1", "event second");
        assertThat(guard.clear("BTCUSDT")).isTrue();
        assertThat(guard.health().ok()).isTrue();
        assertThat(guard.health().failures()).isEqualTo(2);
    }

    @Test
    void aJournalWhoseGatewayIdWasTakenHoldsTradingReduceOnlyAtOnceAndForGood() {
        guard.at(1_000);
        journal.lost = true;
        guard.event(1_000, "a", "first");

        assertThat(guard.overBound()).as("one queued write, far below the bound").isTrue();
        assertThat(guard.health().lastError()).contains("was taken by another running gateway");

        journal.lost = false; // even were a write to land again, this journal is no longer this gateway's
        guard.event(2_000, "b", "second");
        assertThat(guard.overBound()).isTrue();
    }

    private static Fill fill(String id) {
        return new Fill(id, "lsh-BTCUSDT-1-1", "v-1", "BTCUSDT", Side.BUY, 0.5, 100, 0.01, 0, 1_000, false);
    }

    /** A journal kept in memory that throws while {@code down}. */
    private static final class FlakyJournal implements TradeRecorder {
        boolean down;
        boolean lost;
        final List<String> written = new ArrayList<>();
        private final Set<String> fills = new HashSet<>();

        private void check() {
            if (lost) {
                throw new JournalOwnershipLostException("gateway id 'g' was taken by another running gateway");
            }
            if (down) {
                throw new JournalException("disk I/O error");
            }
        }

        @Override
        public void orderSending(OrderIntent intent) {
            check();
            written.add("sending " + intent.clientOrderId());
        }

        @Override
        public void orderPlaced(OrderIntent intent, PlaceResult result) {
            check();
            written.add("placed " + intent.clientOrderId());
        }

        @Override
        public void orderFailed(OrderIntent intent, String error) {
            check();
            written.add("failed " + intent.clientOrderId());
        }

        @Override
        public boolean fill(Fill fill, long paramsVersion) {
            check();
            written.add("fill " + fill.fillId());
            return fills.add(fill.fillId());
        }

        @Override
        public void equity(long time, Account account) {
            check();
        }

        @Override
        public void positions(long time, List<Position> positions) {
            check();
        }

        @Override
        public void event(long time, String kind, String message) {
            check();
            written.add("event " + message);
        }

        @Override
        public void paramsActive(long version, long tradingTime, long wallTime) {
            check();
        }
    }
}
