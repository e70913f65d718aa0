package dev.leash.params;

import dev.leash.params.internal.Files2;
import dev.leash.risk.Params;
import dev.leash.risk.Violation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The store's reading and durable rewriting of {@code ai_params.json}, and the wording of its problems. */
final class ParamsFile {

    private ParamsFile() {
    }

    /** The file parsed as a document, or null when it does not exist. */
    static ParamsJson.Parsed read(Path file) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        ParamsJson.JsonParse tree = ParamsJson.readTree(Files.readString(file, StandardCharsets.UTF_8));
        if (tree.error() != null) {
            return new ParamsJson.Parsed(null, List.of(tree.error()));
        }
        return ParamsJson.parseDocument(tree.node());
    }

    /** Replaces the file with {@code p}; a crash at any instant leaves the old or the new file, never a torn one. */
    static void write(Path file, Params p) throws IOException {
        Files2.writeAtomically(file, ParamsJson.toText(p).getBytes(StandardCharsets.UTF_8));
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
}
