package dev.leash.params;

import com.fasterxml.jackson.databind.JsonNode;
import dev.leash.risk.Params;
import dev.leash.risk.Violation;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.leash.params.ParamStore.PARAMS_FILE;

/**
 * What {@link ParamStore#reload} found in {@code ai_params.json} when {@code base} was last-known-good: either a
 * {@code settled} result that needs no verdict, or a hand edit ({@code params} parsed from {@code changes}, the
 * document, and its {@code text}) for the policy to judge.
 */
record HandEdit(LoadResult settled, Params base, Params params, JsonNode changes, String text) {

    /**
     * Reads {@code ai_params.json} in {@code dir}; a document whose text equals {@code lastRejectedText} is not
     * judged again.
     */
    static HandEdit read(Path dir, Params base, String lastRejectedText) {
        ParamsFile.Read read = ParamsFile.read(dir);
        if (read.missing()) {
            return keep(base, PARAMS_FILE + " is missing; keeping last-known-good version " + base.version());
        }
        if (read.problem() != null) {
            return keep(base, read.problem() + "; keeping last-known-good version " + base.version());
        }
        String text = read.text();
        ParamsJson.Parsed parsed = read.parsed();
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
        return new HandEdit(null, base, onDisk, ParamsJson.toJson(onDisk), text);
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
