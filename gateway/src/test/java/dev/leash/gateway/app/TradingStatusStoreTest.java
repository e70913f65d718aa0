package dev.leash.gateway.app;

import dev.leash.engine.StateCause;
import dev.leash.engine.TradingStatusView;
import dev.leash.journal.Journal;
import dev.leash.risk.TradingState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The trading status in the journal: read back as it was saved, and an unreadable one halts for the day. */
@Timeout(10)
class TradingStatusStoreTest {

    private static final long NOW = 1_704_070_000_000L;

    @Test
    void readsBackWhatWasSaved() {
        TradingStatusView saved = new TradingStatusView(TradingState.HALTED, 19_723, 100_000.5, List.of(
                new StateCause(StateCause.DAILY_LOSS, TradingState.HALTED, "engine", "daily loss limit of 3.0% reached",
                        NOW, NOW + 1000),
                new StateCause(StateCause.VENUE, TradingState.REDUCE_ONLY, "venue", "breaker OPEN", NOW - 5,
                        StateCause.NO_END)), NOW, "engine", "daily loss limit of 3.0% reached");
        try (Journal journal = Journal.open("jdbc:sqlite::memory:")) {
            TradingStatusStore.save(journal, saved);

            assertThat(TradingStatusStore.load(journal, NOW)).contains(saved);
        }
    }

    @Test
    void nothingSavedRestoresNothing() {
        try (Journal journal = Journal.open("jdbc:sqlite::memory:")) {
            assertThat(TradingStatusStore.load(journal, NOW)).isEmpty();
        }
    }

    @Test
    void anUnreadableSavedStatusHaltsUntilTheNextUtcDay() {
        try (Journal journal = Journal.open("jdbc:sqlite::memory:")) {
            journal.putState(TradingStatusStore.KEY, "{\"state\": \"ACTIVE\"");

            TradingStatusView restored = TradingStatusStore.load(journal, NOW).orElseThrow();

            assertThat(restored.state()).isEqualTo(TradingState.HALTED);
            assertThat(restored.cause(StateCause.DAILY_LOSS).until()).isEqualTo(1_704_153_600_000L);
        }
    }
}
