package dev.leash.params;

import dev.leash.risk.Params;
import dev.leash.risk.Rule;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.risk.Violation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import static dev.leash.params.Fixtures.BASELINE;
import static dev.leash.params.Fixtures.POLICY;
import static dev.leash.params.Fixtures.T0;
import static dev.leash.params.Fixtures.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/** The scheduled reset through the store: lowers what is riskier than the baseline, keeps what is safer. */
@Timeout(30)
class LowerTowardBaselineTest {

    @TempDir
    Path dir;

    @Test
    void keepsAPauseAndALowerPositionSizeAndLowersAWiderStop() throws IOException {
        try (ParamStore store = ParamStore.open(dir, POLICY, BASELINE, T0)) {
            accept(store, "{'max_position_pct': 0.3, 'trading_mode': 'paused'}", minutes(0));
            accept(store, "{'stop_loss_pct': 2.5, 'symbols': {'ETHUSDT': {'enabled': false}}}", minutes(20));

            WriteResult r = store.lowerTowardBaseline("scheduler", "weekly reset", minutes(30)).orElseThrow();

            assertThat(r.accepted()).isTrue();
            assertThat(r.entry().kind()).isEqualTo(AuditEntry.Kind.RESET);
            Params p = store.current();
            assertThat(p.maxPositionPct()).isEqualTo(0.3);
            assertThat(p.tradingMode()).isEqualTo(TradingMode.PAUSED);
            assertThat(p.stopLossPct()).isEqualTo(2.0);
            assertThat(p.symbols().get("ETHUSDT").enabled()).isFalse();
            assertThat(r.diff()).extracting(FieldChange::field).containsExactly("stop_loss_pct");
            assertThat(p.updatedBy()).isEqualTo("scheduler");
        }
        try (ParamStore reopened = ParamStore.open(dir, POLICY, BASELINE, T0)) {
            assertThat(reopened.current().stopLossPct()).isEqualTo(2.0);
            assertThat(reopened.current().tradingMode()).isEqualTo(TradingMode.PAUSED);
        }
    }

    @Test
    void neverRaisesASizeMultiplier() throws IOException {
        try (ParamStore store = ParamStore.open(dir, POLICY, BASELINE, T0)) {
            accept(store, "{'symbols': {'BTCUSDT': {'size_multiplier': 1.5}, 'ETHUSDT': {'size_multiplier': 0.5}}}",
                    minutes(0));

            store.lowerTowardBaseline("scheduler", "weekly reset", minutes(30)).orElseThrow();

            assertThat(store.current().symbols()).containsEntry("BTCUSDT", new SymbolParams(true, 1.0))
                    .containsEntry("ETHUSDT", new SymbolParams(true, 0.5));
        }
    }

    @Test
    void journalsNothingWhenNothingIsRiskierThanTheBaseline() throws IOException {
        try (ParamStore store = ParamStore.open(dir, POLICY, BASELINE, T0)) {
            accept(store, "{'max_position_pct': 0.5}", minutes(0));
            int entries = store.audit().entries().size();

            Optional<WriteResult> r = store.lowerTowardBaseline("scheduler", "weekly reset", minutes(30));

            assertThat(r).isEmpty();
            assertThat(store.current().version()).isEqualTo(2);
            assertThat(store.audit().entries()).hasSize(entries);
        }
    }

    @Test
    void aResetWithoutRationaleIsRejectedAndChangesNothing() throws IOException {
        try (ParamStore store = ParamStore.open(dir, POLICY, BASELINE, T0)) {
            accept(store, "{'stop_loss_pct': 2.5}", minutes(0));

            WriteResult r = store.lowerTowardBaseline("scheduler", " ", minutes(30)).orElseThrow();

            assertThat(r.accepted()).isFalse();
            assertThat(r.violations()).extracting(Violation::field, Violation::rule)
                    .containsExactly(tuple("rationale", Rule.RATIONALE));
            assertThat(store.current().stopLossPct()).isEqualTo(2.5);
        }
    }

    private static void accept(ParamStore store, String changes, Instant at) throws IOException {
        WriteResult r = store.propose(null, json(changes), "claude", "test setup", false, at);
        assertThat(r.accepted()).as(r.violations().toString()).isTrue();
    }

    private static Instant minutes(long m) {
        return T0.plus(Duration.ofMinutes(m));
    }
}
