package dev.leash.risk;

import java.util.Objects;

/** One reason a proposal was rejected: the field (wire name, dotted for symbols), the rule and a sentence. */
public record Violation(String field, Rule rule, String message) {

    public Violation {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return field + ": " + message + " [" + rule + "]";
    }
}
