package dev.leash.engine;

import java.util.Map;
import java.util.Objects;

/**
 * Why a decision was made, as values: a code, the numbers behind it (channel levels, price, quantities, equity,
 * limits) and, for a trade not made, the action that was wanted and what blocked it. {@link DecisionText} renders
 * it in English, once, at the edge.
 *
 * @param wanted    the action that was wanted, for a SKIP; null otherwise
 * @param blockedBy what kept an EXIT from reversing, null when nothing did
 * @param subject   the name of the state, mode or pre-trade rule that refused; for {@link ReasonCode#TEXT} the text
 */
public record Reason(ReasonCode code, Map<String, Double> numbers, Action wanted, ReasonCode blockedBy,
                     String subject) {

    public Reason {
        Objects.requireNonNull(code, "code");
        numbers = numbers == null ? Map.of() : Map.copyOf(numbers);
    }

    /** A reason known only as text: a decision journaled before reasons were coded. */
    public static Reason text(String text) {
        return new Reason(ReasonCode.TEXT, Map.of(), null, null, text);
    }

    /** A reason with numbers and nothing else. */
    public static Reason of(ReasonCode code, Map<String, Double> numbers) {
        return new Reason(code, numbers, null, null, null);
    }

    /** The number named {@code name}, NaN when absent. */
    public double number(String name) {
        Double v = numbers.get(name);
        return v == null ? Double.NaN : v;
    }
}
