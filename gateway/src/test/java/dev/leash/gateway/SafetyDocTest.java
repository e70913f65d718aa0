package dev.leash.gateway;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** docs/SAFETY.md proves each guarantee by naming a test: every test it names exists, in any module. */
class SafetyDocTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern CODE = Pattern.compile("`([A-Za-z0-9]*)(?:#([A-Za-z0-9_]+))?`");

    @Test
    void everyTestTheSafetyDocumentNamesExists() throws IOException {
        Map<String, List<String>> sources = testSources();
        List<String> missing = new ArrayList<>();
        for (String line : Files.readAllLines(ROOT.resolve("docs/SAFETY.md"))) {
            String cls = null; // "`FooTest#a`, `#b`": a bare #b belongs to the last class named on the line
            Matcher m = CODE.matcher(line);
            while (m.find()) {
                String name = m.group(1);
                String method = m.group(2);
                if (!name.isEmpty() && (method != null || name.endsWith("Test"))) {
                    cls = name;
                    if (!sources.containsKey(cls)) {
                        missing.add(cls);
                        continue;
                    }
                }
                if (method != null && cls != null && sources.containsKey(cls)
                        && sources.get(cls).stream().noneMatch(s -> declares(s, method))) {
                    missing.add(cls + "#" + method);
                }
            }
        }
        assertThat(sources).as("test sources found under %s", ROOT).hasSizeGreaterThan(100);
        assertThat(missing).as("tests named in docs/SAFETY.md that do not exist").isEmpty();
    }

    private static boolean declares(String source, String method) {
        return Pattern.compile("\\b" + Pattern.quote(method) + "\\s*\\(").matcher(source).find();
    }

    private static Map<String, List<String>> testSources() throws IOException {
        Map<String, List<String>> sources = new HashMap<>();
        try (Stream<Path> files = Files.walk(ROOT)) {
            files.filter(p -> p.toString().endsWith(".java"))
                    .filter(p -> p.toString().contains("/src/test/java/"))
                    .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/node_modules/"))
                    .forEach(p -> sources.computeIfAbsent(p.getFileName().toString().replace(".java", ""),
                            k -> new ArrayList<>()).add(read(p)));
        }
        return sources;
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
