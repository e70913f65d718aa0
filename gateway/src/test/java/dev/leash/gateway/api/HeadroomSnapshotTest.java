package dev.leash.gateway.api;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.params.AuditLog;
import dev.leash.params.ParamsJson;
import dev.leash.risk.Ceilings;
import dev.leash.risk.ChangeLog;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import dev.leash.risk.Violation;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

class HeadroomSnapshotTest {

    private static final Instant T0 = Instant.parse("2026-12-03T12:00:00.250Z");
    private static final Limits LIMITS = Limits.hard(Set.of("BTCUSDT"));

    private final CountingReads reads = new CountingReads();
    private final HeadroomSnapshot snapshot = new HeadroomSnapshot(LIMITS, reads);

    @Test
    void buildsTheAnswerOncePerVersionWhileTimeCannotChangeItThoughManyReadersAsk() throws Exception {
        reads.log = logWithIncreaseAt(T0.minus(Duration.ofMinutes(20)));
        Params v1 = params(1, 2.0);

        for (int i = 0; i < 1_000; i++) {
            snapshot.at(v1, T0.plusMillis(i % 900));
        }

        assertThat(reads.changeLogCalls).isEqualTo(1);
        assertThat(json(snapshot.at(v1, T0.plusMillis(899)))).isEqualTo(fresh(v1, T0.plusMillis(899)));
    }

    @Test
    void aNewVersionIsAnsweredAtOnce() throws Exception {
        reads.log = logWithIncreaseAt(T0.minus(Duration.ofMinutes(20)));
        snapshot.at(params(1, 2.0), T0);
        Params v2 = params(2, 2.5);
        reads.log = logWithIncreaseAt(T0);

        JsonNode answer = json(snapshot.at(v2, T0.plusMillis(1)));

        assertThat(answer).isEqualTo(fresh(v2, T0.plusMillis(1)));
        assertThat(answer.get("increase_allowed_now").asBoolean()).isFalse();
        assertThat(reads.changeLogCalls).isEqualTo(3);
    }

    @Test
    void theCooldownCountsDownAndEndsExactlyWhenAFreshAnswerWouldSaySo() throws Exception {
        Instant increase = T0.minus(Duration.ofMinutes(14)).plusMillis(377);
        reads.log = logWithIncreaseAt(increase);
        Params v = params(1, 2.0);
        Instant end = increase.plus(Ceilings.INCREASE_COOLDOWN);

        for (Instant now = end.minusSeconds(5); now.isBefore(end.plusSeconds(3)); now = now.plusMillis(137)) {
            JsonNode cached = json(snapshot.at(v, now));
            JsonNode freshAnswer = fresh(v, now);
            assertThat(cached.get("cooldown_left_s")).as("at %s", now).isEqualTo(freshAnswer.get("cooldown_left_s"));
            assertThat(cached.get("increase_allowed_now")).as("at %s", now)
                    .isEqualTo(freshAnswer.get("increase_allowed_now"));
        }
        assertThat(json(snapshot.at(v, end.plusSeconds(3))).get("increase_allowed_now").asBoolean()).isTrue();
    }

    @Test
    void anAnswerIsNeverServedLongerThanItsMaximumAge() throws Exception {
        reads.log = logWithIncreaseAt(T0.minus(Duration.ofMinutes(20)));
        Params v = params(1, 2.0);
        snapshot.at(v, T0);

        snapshot.at(v, T0.plus(HeadroomSnapshot.MAX_AGE));
        snapshot.at(v, T0.minusMillis(1));

        assertThat(reads.changeLogCalls).isEqualTo(3);
    }

    private JsonNode fresh(Params p, Instant now) throws Exception {
        return json(new HeadroomSnapshot(LIMITS, reads).at(p, now));
    }

    private static JsonNode json(com.fasterxml.jackson.databind.util.RawValue raw) throws Exception {
        return ParamsJson.MAPPER.readTree(String.valueOf(raw.rawValue()));
    }

    private static ChangeLog logWithIncreaseAt(Instant at) {
        return new ChangeLog(1.0, List.of(new ChangeLog.Entry(at, true, 2.0)));
    }

    private static Params params(long version, double positionPct) {
        TreeMap<String, SymbolParams> symbols = new TreeMap<>();
        symbols.put("BTCUSDT", new SymbolParams(true, 1.0));
        return new Params(version, positionPct, 1.5, null, 20, 2.0, 3.0, TradingMode.ACTIVE, symbols, "test", "",
                Instant.EPOCH);
    }

    /** Parameter reads that count how often the change log is built. */
    private static final class CountingReads implements ParamReads {
        ChangeLog log;
        int changeLogCalls;

        @Override
        public Params current() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<Params> history() {
            throw new UnsupportedOperationException();
        }

        @Override
        public ChangeLog changeLog() {
            changeLogCalls++;
            return log;
        }

        @Override
        public AuditLog audit() {
            throw new UnsupportedOperationException();
        }

        @Override
        public List<String> journalProblems() {
            return List.of();
        }

        @Override
        public List<Violation> validate(Params candidate) {
            return List.of();
        }
    }
}
