package dev.leash.params;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.risk.Params;
import dev.leash.risk.Violation;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

import static dev.leash.params.ParamStore.PARAMS_FILE;

/**
 * What {@link ParamStore#reload} found in {@code ai_params.json} when {@code base} was last-known-good: either a
 * {@code settled} result that needs no verdict, or a hand edit ({@code params} parsed from {@code changes}, the
 * document, and its {@code text}) for the policy to judge.
 */
record HandEdit(LoadResult settled, Params base, Params params, JsonNode changes, String text) {

    /** Reads {@code file}; a document whose text equals {@code lastRejectedText} is not judged again. */
    static HandEdit read(Path file, Params base, String lastRejectedText) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return keep(base, PARAMS_FILE + " is missing; keeping last-known-good version " + base.version());
        } catch (IOException | RuntimeException e) {
            return keep(base, PARAMS_FILE + " cannot be read (" + e.getMessage() + "); keeping last-known-good version "
                    + base.version());
        }
        ParamsJson.JsonParse tree = ParamsJson.readTree(text);
        if (tree.error() != null) {
            return keep(base, PARAMS_FILE + ": " + tree.error().message() + "; keeping last-known-good version "
                    + base.version());
        }
        ParamsJson.Parsed parsed = ParamsJson.parseDocument(tree.node());
        if (!parsed.ok()) {
            return keep(base, PARAMS_FILE + ": " + ParamsFile.join(parsed.violations())
                    + "; keeping last-known-good version " + base.version());
        }
        Params onDisk = parsed.params();
        if (onDisk.version() == base.version() && onDisk.sameValuesAs(base)) {
            return new HandEdit(new LoadResult(base, false, List.of()), base, null, null, null);
        }
        if (onDisk.version() < base.version()) {
            return keep(base, PARAMS_FILE + ": version " + onDisk.version() + " is older than last-known-good version "
                    + base.version() + "; ignored");
        }
        if (text.equals(lastRejectedText)) {
            return keep(base, PARAMS_FILE + ": the hand edit was rejected before; keeping last-known-good version "
                    + base.version());
        }
        return new HandEdit(null, base, onDisk, tree.node(), text);
    }

    /** The author journaled for the edit: {@code hand-edit}, or {@code hand-edit:<updated_by>} from the file. */
    String author() {
        return "hand-edit" + (params.updatedBy().isBlank() ? "" : ":" + params.updatedBy());
    }

    /** The reload result when the policy rejected the edit. */
    LoadResult rejected(List<Violation> reasons) {
        return new LoadResult(base, false, List.of(PARAMS_FILE + ": hand edit rejected: " + ParamsFile.join(reasons)
                + "; keeping last-known-good version " + base.version()));
    }

    /** The reload result when the edit could not be journaled; {@code current} is what the store now holds. */
    LoadResult notJournaled(Params current, IOException e) {
        return new LoadResult(current, false, List.of(PARAMS_FILE + ": hand edit could not be journaled ("
                + e.getMessage() + "); keeping last-known-good version " + base.version()));
    }

    private static HandEdit keep(Params base, String problem) {
        return new HandEdit(new LoadResult(base, false, List.of(problem)), base, null, null, null);
    }
}
