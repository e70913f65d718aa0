package dev.leash.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The field tables and ranges the READMEs state agree with the {@link ParamField} table. */
@Timeout(30)
class ParamFieldReadmeTest {

    private static final String HEADER = "| field | scope | type | floor | ceiling | unit | largest change per update"
            + " | up raises risk |";
    private static final Pattern RANGE = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(?:–|-|\\.\\.)\\s*(\\d+(?:\\.\\d+)?)");

    @Test
    void riskGuardReadmeTableIsTheTableOfFields() throws IOException {
        List<String> lines = read("risk-guard/README.md");
        int header = lines.indexOf(HEADER);
        assertThat(header).as("the table header in risk-guard/README.md").isNotNegative();
        List<String> rows = new ArrayList<>();
        for (int i = header + 2; i < lines.size() && lines.get(i).startsWith("|"); i++) {
            rows.add(lines.get(i).replaceAll("\\s+", " "));
        }

        List<String> expected = new ArrayList<>();
        for (ParamField f : ParamField.values()) {
            expected.add(row(f).replaceAll("\\s+", " "));
        }
        assertThat(rows).containsExactlyElementsOf(expected);
    }

    @Test
    void topReadmeNamesEveryFieldAndStatesTheCeilingsOfTheTable() throws IOException {
        String readme = String.join("\n", read("README.md")).replaceAll("\\s+", " ");
        int list = readme.indexOf("It can change only the fields of `ai_params.json`:");
        assertThat(list).isNotNegative();
        String sentence = readme.substring(list, readme.indexOf("It has no tool", list));
        Set<String> named = new LinkedHashSet<>();
        Matcher m = Pattern.compile("`([a-z_]+)`").matcher(sentence);
        while (m.find()) {
            named.add(m.group(1));
        }
        named.remove("ai_params");
        Set<String> all = new LinkedHashSet<>();
        for (ParamField f : ParamField.values()) {
            all.add(f.wireName());
        }
        assertThat(named).containsExactlyInAnyOrderElementsOf(all);

        for (ParamField f : List.of(ParamField.MAX_POSITION_PCT, ParamField.STOP_LOSS_PCT, ParamField.MAX_LEVERAGE,
                ParamField.DAILY_LOSS_LIMIT_PCT)) {
            Matcher range = Pattern.compile("\\*\\*Ceilings\\*\\*.*?`" + f.wireName() + "` ([^ ,]+)").matcher(readme);
            assertThat(range.find()).as(f.wireName()).isTrue();
            assertThat(range.group(1)).as(f.wireName()).isEqualTo(Numbers.format(f.ceilings().floor()) + "–"
                    + Numbers.format(f.ceilings().ceiling()));
        }
        assertThat(readme).contains("(e.g. `max_position_pct` " + ParamField.MAX_POSITION_PCT.step().text()
                + " points)");
    }

    @Test
    void everyOtherReadmeTableRowOfAFieldStatesItsRangeAndStep() throws IOException {
        int checked = 0;
        for (String doc : List.of("param-store/README.md", "examples/params/README.md")) {
            for (String line : read(doc)) {
                ParamField f = fieldOfRow(line);
                if (f == null || !f.ranged()) {
                    continue;
                }
                Matcher range = RANGE.matcher(line.substring(line.indexOf('|', 2)));
                assertThat(range.find()).as(doc + ": " + line).isTrue();
                assertThat(Double.parseDouble(range.group(1))).as(doc + ": " + line).isEqualTo(f.ceilings().floor());
                assertThat(Double.parseDouble(range.group(2))).as(doc + ": " + line)
                        .isEqualTo(f.ceilings().ceiling());
                Matcher step = Pattern.compile("at most \\+(\\d+(?:\\.\\d+)?)").matcher(line);
                if (step.find()) {
                    assertThat(Double.parseDouble(step.group(1))).as(doc + ": " + line).isEqualTo(f.step().amount());
                }
                checked++;
            }
        }
        assertThat(checked).as("field rows found").isGreaterThanOrEqualTo(12);
    }

    /** The field a markdown row starts with ({@code | `stop_loss_pct` |}, {@code | `symbols.S.size_multiplier` |}). */
    private static ParamField fieldOfRow(String line) {
        Matcher m = Pattern.compile("^\\| `(?:symbols\\.[^.`]+\\.)?([a-z_]+)`").matcher(line);
        return m.find() ? ParamField.byWireName(m.group(1)) : null;
    }

    private static String row(ParamField f) {
        String name = f.perSymbol() ? "symbols.<S>." + f.wireName() : f.wireName();
        String scope = f.perSymbol() ? "per symbol" : "global";
        String type = switch (f.type()) {
            case NUMBER -> "number";
            case OPTIONAL_NUMBER -> "number or null";
            case INTEGER -> "integer";
            case BOOLEAN -> "boolean";
            case MODE -> "paused < reduce_only < active";
        };
        String floor = f.ranged() ? Numbers.format(f.ceilings().floor()) : "";
        String ceiling = f.ranged() ? Numbers.format(f.ceilings().ceiling()) : "";
        String step = f.step().none() ? "none" : f.step().text();
        return "| `" + name + "` | " + scope + " | " + type + " | " + floor + " | " + ceiling + " | " + f.unit()
                + " | " + step + " | " + (f.upRaisesRisk() ? "yes" : "no") + " |";
    }

    private static List<String> read(String relative) throws IOException {
        return Files.readAllLines(RepoRoot.find().resolve(Path.of(relative)), StandardCharsets.UTF_8);
    }
}
