package dev.leash.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The README's strategy vocabulary lists every block and every bounded number of the tables, as they are. */
@Timeout(30)
class StrategyReadmeTest {

    static final String HEADER = "| block | kind | field | type | floor | ceiling | unit | meaning |";

    @Test
    void readmeBlockTableIsTheStrategyVocabulary() throws IOException {
        List<String> lines = Files.readAllLines(RepoRoot.find().resolve(Path.of("README.md")), StandardCharsets.UTF_8);
        int header = lines.indexOf(HEADER);
        assertThat(header).as("the block table header in README.md").isNotNegative();
        List<String> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(lines.get(i));
        }

        assertThat(rows).containsExactlyElementsOf(rows());
    }

    @Test
    void readmeShowsTheExampleStrategyAndTheModelsRefusal() throws IOException {
        String readme = Files.readString(RepoRoot.find().resolve(Path.of("README.md")), StandardCharsets.UTF_8);

        assertThat(readme).contains("\"rule\": \"bollinger_reversion\"", "\"filter\": \"rsi_band\"",
                "\"exit\": \"stop_loss\"", "\"exit\": \"trailing_stop\"", ParamPolicy.STRATEGY_BY_PROPOSAL);
    }

    /** One row per block field, blocks in table order. */
    static List<String> rows() {
        List<String> out = new ArrayList<>();
        for (StrategyBlock b : StrategyBlock.values()) {
            for (StrategyField f : b.fields()) {
                String type = switch (f.type()) {
                    case NUMBER -> "number";
                    case INTEGER -> "integer";
                    case REGIMES -> "list of " + Regime.labels();
                };
                String floor = f.ranged() ? Numbers.format(f.ceilings().floor()) : "";
                String ceiling = f.ranged() ? Numbers.format(f.ceilings().ceiling()) : "";
                String meaning = f.description() + (f.boundBy() == null ? ""
                        : " Range of `" + f.boundBy().wireName() + "`, as the operator tightens it.");
                out.add("| `" + b.wireName() + "` | " + b.kind().name().toLowerCase(java.util.Locale.ROOT) + " | `"
                        + f.wireName() + "` | " + type + " | " + floor + " | " + ceiling + " | " + f.unit() + " | "
                        + meaning + " |");
            }
        }
        return out;
    }
}
