package dev.leash.risk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Each tunable field's JSON name is written, as a string literal, in one main source file of the whole repository:
 * the {@link ParamField} table. Every other class names a field through the table.
 *
 * <p>{@code enabled} and {@code symbols} are left out: they are also ordinary keys elsewhere (configuration,
 * health, query parameters), with other meanings. The {@code examples/} clients are outside programs that speak
 * the wire format, so they are left out too.
 */
@Timeout(60)
class FieldLiteralsTest {

    private static final Path TABLE = Path.of("risk-guard", "src", "main", "java", "dev", "leash", "risk",
            "ParamField.java");

    @Test
    void eachFieldNameIsALiteralInTheTableAndNowhereElse() {
        Path root = RepoRoot.find();
        Map<String, List<Path>> filesByField = new TreeMap<>();
        for (ParamField f : ParamField.values()) {
            if (f != ParamField.ENABLED) {
                filesByField.put(f.wireName(), new ArrayList<>());
            }
        }
        for (Path file : mainSources(root)) {
            List<String> literals = literals(file);
            for (Map.Entry<String, List<Path>> e : filesByField.entrySet()) {
                Pattern word = Pattern.compile("\\b" + e.getKey() + "\\b");
                if (literals.stream().anyMatch(l -> word.matcher(l).find())) {
                    e.getValue().add(root.relativize(file));
                }
            }
        }

        assertThat(filesByField).hasSize(8).allSatisfy((field, files) ->
                assertThat(files).as(field).containsExactly(TABLE));
    }

    @Test
    void eachStrategyBlockAndFieldNameIsALiteralInItsTableAndNowhereElse() {
        Path root = RepoRoot.find();
        Path blocks = TABLE.resolveSibling("StrategyBlock.java");
        Path fields = TABLE.resolveSibling("StrategyField.java");
        Map<String, Path> tableOf = new TreeMap<>();
        for (StrategyBlock b : StrategyBlock.values()) {
            // one-word names (funding, regime) are ordinary words elsewhere; volume_ratio is also a signal's name
            if (b.wireName().contains("_") && b != StrategyBlock.VOLUME_RATIO) {
                tableOf.put(b.wireName(), blocks);
            }
        }
        for (StrategyField f : StrategyField.values()) {
            if (f.wireName().contains("_")) { // one-word names (pct, low, period) are ordinary words elsewhere
                tableOf.put(f.wireName(), fields);
            }
        }
        Map<String, List<Path>> filesByName = new TreeMap<>();
        tableOf.keySet().forEach(n -> filesByName.put(n, new ArrayList<>()));
        for (Path file : mainSources(root)) {
            List<String> literals = literals(file);
            for (Map.Entry<String, List<Path>> e : filesByName.entrySet()) {
                Pattern word = Pattern.compile("\\b" + e.getKey() + "\\b");
                if (literals.stream().anyMatch(l -> word.matcher(l).find())) {
                    e.getValue().add(root.relativize(file));
                }
            }
        }

        // a block's description may name its fields, so the two tables count as one
        assertThat(filesByName).isNotEmpty().allSatisfy((name, files) ->
                assertThat(files).as(name).contains(tableOf.get(name)).isSubsetOf(blocks, fields));
    }

    @Test
    void theScannerFindsLiteralsButNotComments() {
        String java = """
                /* "in_a_block_comment" */
                // "in_a_line_comment"
                class X { String a = "first \\" still_first"; char c = '"'; String b = "second";
                String t = \"""
                    in_a_text_block
                    \"""; }
                """;

        assertThat(JavaLiterals.of(java)).containsExactly("first \\\" still_first", "second",
                "    in_a_text_block\n    ");
    }

    private static List<Path> mainSources(Path root) {
        try (Stream<Path> all = Files.walk(root)) {
            return all.filter(Files::isRegularFile)
                    .filter(p -> {
                        String rel = root.relativize(p).toString().replace('\\', '/');
                        return rel.contains("/src/main/") && !rel.startsWith("examples/") && !rel.contains("/target/")
                                && (rel.endsWith(".java") || rel.endsWith(".json") || rel.endsWith(".yaml")
                                || rel.endsWith(".yml"));
                    })
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> literals(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            return file.toString().endsWith(".java") ? JavaLiterals.of(text) : List.of(text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
