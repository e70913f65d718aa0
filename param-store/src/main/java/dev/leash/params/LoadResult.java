package dev.leash.params;

import dev.leash.risk.Params;

import java.util.List;

/**
 * What a read of {@code ai_params.json} produced: the parameters to trade on (last-known-good when the file is
 * missing, unparsable or rejected), whether they changed, and a specific report of every problem.
 */
public record LoadResult(Params params, boolean changed, List<String> problems) {

    public LoadResult {
        problems = List.copyOf(problems);
    }

    public boolean healthy() {
        return problems.isEmpty();
    }
}
