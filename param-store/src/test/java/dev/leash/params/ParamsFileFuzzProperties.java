package dev.leash.params;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.leash.risk.Params;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeProperty;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

import static dev.leash.params.Fixtures.BASELINE;
import static dev.leash.params.Fixtures.POLICY;
import static dev.leash.params.Fixtures.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Fuzzes {@code ai_params.json} as the middle loop reads it: mutated documents, JSON-ish token soup, random text
 * and random bytes. Whatever the file holds, a reload returns (no exception escapes), its report carries no stack
 * trace and never quotes a secret planted in the file, and a file that is not accepted changes nothing.
 */
class ParamsFileFuzzProperties {

    private static final String SECRET = "sk-live-fuzz-5e3c1a";
    private static final List<String> FIELDS = List.of("version", "max_position_pct", "stop_loss_pct",
            "take_profit_pct", "breakout_lookback", "max_leverage", "daily_loss_limit_pct", "trading_mode",
            "symbols", "updated_by", "rationale", "updated_at", "enabled", "size_multiplier");
    private static final List<String> NASTY = List.of("1e-2147483649", "1e2147483648", "1e999999999", "-1e-999",
            "5e-1000", "1" + "0".repeat(600), "0." + "0".repeat(499) + "1", "-0", "NaN", "Infinity", "1E+308",
            "123456789012345678901234567890", "null", "true", "[]", "{}", "[".repeat(2000), "{\"a\":".repeat(600),
            "\"" + SECRET + "\"", "\"\\u0000\"", "\"\\ud800\"", "0.00001", "4.0", "99", "\"active\"", "\"paused\"",
            "{\"" + SECRET + "\":1}", SECRET, "\"2025-01-06T00:00:00Z\"", ",", ":", "}", "\"");

    private Path dir;
    private ParamStore store;
    private long minute;

    @BeforeProperty
    void openStore() throws IOException {
        dir = Files.createTempDirectory("leash-fuzz");
        store = ParamStore.open(dir, POLICY, BASELINE, T0);
    }

    @AfterProperty
    void closeStore() throws IOException {
        store.close();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    @Property(tries = 400)
    void aReloadNeverThrowsNeverLeaksAndARefusedFileChangesNothing(@ForAll("files") byte[] content)
            throws IOException {
        Files.write(dir.resolve(ParamStore.PARAMS_FILE), content);
        Params before = store.current();
        int journalLines = Files.readAllLines(dir.resolve(ParamStore.AUDIT_FILE)).size();
        Instant now = T0.plus(Duration.ofMinutes(++minute * 20));

        LoadResult r = store.reload(now);

        assertThat(r.params()).isSameAs(store.current());
        for (String problem : r.problems()) {
            assertThat(problem).doesNotContain(SECRET, "\tat ", "Exception:", "java.lang.", "com.fasterxml")
                    .hasSizeLessThan(2_000);
        }
        if (!r.changed()) {
            assertThat(store.current()).isSameAs(before);
            int judged = r.problems().stream().anyMatch(p -> p.contains("hand edit rejected")) ? 1 : 0;
            assertThat(Files.readAllLines(dir.resolve(ParamStore.AUDIT_FILE))).hasSize(journalLines + judged);
        }
    }

    @Property(tries = 400)
    void parsingNeverThrowsAndNeverQuotesAFileWhenAskedNotTo(@ForAll("files") byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);

        ParamsJson.JsonParse tree = ParamsJson.readTreeUnquoted(text);

        if (tree.error() != null) {
            assertThat(tree.error().message()).doesNotContain(SECRET).hasSizeLessThan(300);
        } else {
            ParamsJson.Parsed parsed = ParamsJson.parseDocument(tree.node());
            assertThat(ParamsFile.describe(parsed.violations())).doesNotContain(SECRET);
            assertThat(ParamsJson.applyChanges(BASELINE, tree.node())).isNotNull();
        }
    }

    @Provide
    Arbitrary<byte[]> files() {
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, mutatedDocuments().map(s -> s.getBytes(StandardCharsets.UTF_8))),
                net.jqwik.api.Tuple.of(2, tokenSoup().map(s -> s.getBytes(StandardCharsets.UTF_8))),
                net.jqwik.api.Tuple.of(1, Arbitraries.strings().all().ofMaxLength(200)
                        .map(s -> s.getBytes(StandardCharsets.UTF_8))),
                net.jqwik.api.Tuple.of(1, Arbitraries.bytes().array(byte[].class).ofMaxSize(200)));
    }

    /** A valid document with one field's value replaced, then possibly cut or spliced. */
    private static Arbitrary<String> mutatedDocuments() {
        Arbitrary<String> replaced = Combinators.combine(Arbitraries.of(FIELDS), Arbitraries.of(NASTY))
                .as((field, token) -> document().replaceFirst("\"" + field + "\":(\"[^\"]*\"|[^,}]*)",
                        "\"" + field + "\":" + java.util.regex.Matcher.quoteReplacement(token)));
        return Combinators.combine(replaced, Arbitraries.integers().between(0, 3), Arbitraries.integers()
                .between(0, 100_000), Arbitraries.of(NASTY)).as((doc, op, at, token) -> {
                    int i = at % (doc.length() + 1);
                    return switch (op) {
                        case 0 -> doc;
                        case 1 -> doc.substring(0, i);
                        case 2 -> doc.substring(0, i) + token + doc.substring(i);
                        default -> doc.replace("\"version\":2", "\"version\":2,\"version\":3");
                    };
                });
    }

    /** Up to 40 JSON-ish tokens in a row. */
    private static Arbitrary<String> tokenSoup() {
        Arbitrary<String> token = Arbitraries.oneOf(Arbitraries.of(NASTY), Arbitraries.of(FIELDS).map(f -> "\"" + f
                + "\""));
        return token.list().ofMaxSize(40).map(ts -> String.join("", ts));
    }

    private static String document() {
        ObjectNode doc = ParamsJson.toJson(BASELINE.stamped(2, "alice", "edited " + SECRET, T0));
        return ParamsJson.compact(doc);
    }
}
