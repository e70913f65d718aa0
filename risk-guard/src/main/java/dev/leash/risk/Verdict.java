package dev.leash.risk;

import java.util.List;
import java.util.Set;

/**
 * The result of evaluating a proposal: accepted with the resulting parameters, or rejected with one
 * {@link Violation} per offending field.
 *
 * @param params the new version when accepted, the unchanged current version when rejected
 * @param increasedFields the fields whose change raised risk
 */
public record Verdict(Params params, List<Violation> violations, Set<String> increasedFields) {

    public Verdict {
        violations = List.copyOf(violations);
        increasedFields = Set.copyOf(increasedFields);
    }

    public boolean accepted() {
        return violations.isEmpty();
    }

    /** True when the accepted change raised risk and so counts against cooldown and the daily cap. */
    public boolean increase() {
        return !increasedFields.isEmpty();
    }
}
