package dev.leash.journal;

import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.DecisionText;
import dev.leash.engine.Reason;
import dev.leash.engine.ReasonCode;
import dev.leash.engine.Signals;
import dev.leash.risk.Regime;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A decision's market-regime label is journaled as a value and read back with it, text included. */
@Timeout(30)
@ParameterizedClass(name = "{0}")
@EnumSource(Backend.class)
class JournalDecisionRegimeTest {

    @Parameter
    Backend backend;

    @TempDir
    Path dir;

    private Journal journal;

    @AfterEach
    void close() {
        journal.close();
    }

    @Test
    void roundTripsTheRegimeOfADecision() {
        journal = backend.create(dir).open();
        Decision d = new Decision(1_000, "BTCUSDT", Action.HOLD,
                Reason.of(ReasonCode.FLAT, Map.of("channel_low", 49_900.0, "channel_high", 50_100.0)),
                new Signals(50_000, 50_100, 49_900, 55, -1.5, 0.75, 1.2, 120, 35.5, Regime.TREND), 3);

        journal.recordDecision(d);

        Decision read = journal.decisions(null, 1).get(0);
        assertThat(read).isEqualTo(d);
        assertThat(read.signals().regime()).isEqualTo(Regime.TREND);
        assertThat(DecisionText.of(read)).isEqualTo("flat; channel [49900.0, 50100.0] [regime trend]");
    }
}
