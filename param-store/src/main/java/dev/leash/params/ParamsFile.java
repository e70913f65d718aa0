package dev.leash.params;

import dev.leash.common.AtomicFiles;
import dev.leash.params.internal.GuardedRead;
import dev.leash.risk.Params;
import dev.leash.risk.Symbols;
import dev.leash.risk.Violation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

import static dev.leash.params.ParamStore.PARAMS_FILE;

/**
 * The store's reading and durable rewriting of {@code ai_params.json}, and the wording of its problems.
 *
 * <p>The file is untrusted input: it is read through {@link GuardedRead} (regular files of at most
 * {@link #MAX_BYTES}, no symbolic link out of the data directory) and its problems are reported by path, size and
 * reason, never by its content: a value or a name from the file is quoted only when it is a number or a schema name.
 */
final class ParamsFile {

    /** The largest {@code ai_params.json} read: a real one is about 1 KiB, with a long rationale at most 25 KiB. */
    static final int MAX_BYTES = 64 * 1024;

    private static final Pattern FIELD_NAME = Pattern.compile("[a-z][a-z0-9_]{0,39}");

    private ParamsFile() {
    }

    /** What reading the file found: its text and parse, or that it is missing, or a content-free problem. */
    record Read(String text, ParamsJson.Parsed parsed, String problem) {

        boolean missing() {
            return text == null && problem == null;
        }
    }

    /** Reads and parses {@code ai_params.json} in {@code dir}. */
    static Read read(Path dir) {
        Path file = dir.resolve(PARAMS_FILE);
        try {
            return readChecked(dir, file);
        } catch (RuntimeException e) {
            // A defect in the reading code must not become a crash or a stack trace: a bad file is only reported.
            return new Read(null, null, label(file, -1) + " cannot be read (" + e.getClass().getSimpleName() + ")");
        }
    }

    private static Read readChecked(Path dir, Path file) {
        GuardedRead.Result r = GuardedRead.read(dir, file, MAX_BYTES);
        if (r.missing()) {
            return new Read(null, null, null);
        }
        if (r.refused()) {
            return new Read(null, null, label(file, r.size()) + " " + r.refusal());
        }
        ParamsJson.JsonParse tree = ParamsJson.readTreeUnquoted(r.text());
        if (tree.error() != null) {
            return new Read(r.text(), null, label(file, r.size()) + ": " + describe(List.of(tree.error())));
        }
        ParamsJson.Parsed parsed = ParamsJson.parseDocument(tree.node());
        if (!parsed.ok()) {
            return new Read(r.text(), parsed, label(file, r.size()) + ": " + describe(parsed.violations()));
        }
        return new Read(r.text(), parsed, null);
    }

    /** Replaces the file with {@code p}; a crash at any instant leaves the old or the new file, never a torn one. */
    static void write(Path file, Params p) throws IOException {
        AtomicFiles.write(file, ParamsJson.toText(p).getBytes(StandardCharsets.UTF_8));
    }

    /** The violations as one report phrase: {@code field: message; field: message}. */
    static String join(List<Violation> vs) {
        StringBuilder sb = new StringBuilder();
        for (Violation v : vs) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            sb.append(v.field()).append(": ").append(v.message());
        }
        return sb.toString();
    }

    /**
     * The violations of a file as one report phrase that quotes no name from the file unless it looks like a
     * schema field or a symbol: an unknown key could be a secret that a symbolic link exposed.
     */
    static String describe(List<Violation> vs) {
        StringBuilder sb = new StringBuilder();
        for (Violation v : vs) {
            if (sb.length() > 0) {
                sb.append("; ");
            }
            String field = safeField(v.field());
            String message = v.message();
            if (!field.equals(v.field())) {
                for (String part : v.field().split("\\.")) {
                    if (!part.isEmpty() && !field.contains(part)) {
                        message = message.replace(part, "<redacted>");
                    }
                }
            }
            sb.append(field.equals("$") ? "" : field + ": ").append(message);
        }
        return sb.toString();
    }

    private static String safeField(String field) {
        if (field.equals("$") || FIELD_NAME.matcher(field).matches()) {
            return field;
        }
        String[] parts = field.split("\\.", -1);
        if (parts.length >= 2 && parts.length <= 3 && parts[0].equals("symbols")) {
            String symbol = Symbols.isWellFormed(parts[1]) ? parts[1] : "<a symbol name>";
            String sub = parts.length == 3 ? "." + (FIELD_NAME.matcher(parts[2]).matches() ? parts[2] : "<a field>")
                    : "";
            return "symbols." + symbol + sub;
        }
        return "<a field name>";
    }

    /** {@code ai_params.json (/path, 123 bytes)}: how a report names the file. */
    static String label(Path file, long size) {
        return PARAMS_FILE + " (" + file.toAbsolutePath() + (size >= 0 ? ", " + size + " bytes" : "") + ")";
    }
}
