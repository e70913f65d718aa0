package dev.leash.gateway.app;

import dev.leash.engine.SymbolBias;
import dev.leash.gateway.loop.SymbolVeto;
import dev.leash.journal.Journal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The vetoes in the journal's key/value state: saved before acknowledged, read back, never lost to a bad row. */
@Timeout(30)
class SymbolVetoesTest {

    private static final long NOW = 1_767_225_600_000L;
    private static final long HOUR = 3_600_000L;
    private static final List<String> SYMBOLS = List.of("BTCUSDT", "ETHUSDT");

    @Test
    void aSavedVetoIsReadBackUntilItEnds() {
        try (Journal journal = Journal.open("jdbc:sqlite::memory:")) {
            SymbolVeto v = new SymbolVeto("BTCUSDT", SymbolBias.SHORT_ONLY, NOW + 4 * HOUR, "squeeze risk",
                    "claude (model-token)", NOW);
            SymbolVetoes.load(journal, NOW, SYMBOLS).put(v, NOW);

            assertThat(SymbolVetoes.load(journal, NOW + HOUR, SYMBOLS).active(NOW + HOUR)).containsExactly(v);
            assertThat(SymbolVetoes.load(journal, NOW + 4 * HOUR, SYMBOLS).active(NOW + 4 * HOUR)).isEmpty();
        }
    }

    @Test
    void aClearedVetoStaysClearedAfterARestart() {
        try (Journal journal = Journal.open("jdbc:sqlite::memory:")) {
            SymbolVetoes vetoes = SymbolVetoes.load(journal, NOW, SYMBOLS);
            vetoes.put(new SymbolVeto("ETHUSDT", SymbolBias.FLAT, NOW + HOUR, "r", "op", NOW), NOW);

            assertThat(vetoes.remove("ETHUSDT", NOW)).isNotNull();
            assertThat(vetoes.remove("ETHUSDT", NOW)).isNull();
            assertThat(SymbolVetoes.load(journal, NOW, SYMBOLS).active(NOW)).isEmpty();
        }
    }

    @Test
    void unreadableSavedVetoesRestoreAsFlatOnEverySymbolNeverAsNone() {
        try (Journal journal = Journal.open("jdbc:sqlite::memory:")) {
            journal.putState(SymbolVetoes.KEY, "[{\"symbol\": \"BTCUSDT\", \"bias\": \"sideways\"}]");

            List<SymbolVeto> restored = SymbolVetoes.load(journal, NOW, SYMBOLS).active(NOW);

            assertThat(restored).extracting(SymbolVeto::symbol).containsExactlyElementsOf(SYMBOLS);
            assertThat(restored).allSatisfy(v -> {
                assertThat(v.bias()).isEqualTo(SymbolBias.FLAT);
                assertThat(v.until()).isEqualTo(NOW + 24 * HOUR);
            });
        }
    }
}
