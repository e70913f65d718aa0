package dev.leash.risk;

/**
 * A closed interval {@code [floor, ceiling]} that a parameter must lie in.
 *
 * <p>{@code contains} is false for NaN, so a non-finite value never passes a bound.
 */
public record Range(double floor, double ceiling) {

    public Range {
        if (!(floor <= ceiling) || !Double.isFinite(floor) || !Double.isFinite(ceiling)) {
            throw new IllegalArgumentException("invalid range [" + floor + ", " + ceiling + "]");
        }
    }

    public boolean contains(double value) {
        return value >= floor && value <= ceiling;
    }

    /** Clamps a value into the range; NaN becomes the floor, the safe side of every Leash range. */
    public double clamp(double value) {
        if (Double.isNaN(value)) {
            return floor;
        }
        return Math.max(floor, Math.min(ceiling, value));
    }

    /** True when this range lies inside {@code outer}. */
    public boolean within(Range outer) {
        return floor >= outer.floor && ceiling <= outer.ceiling;
    }

    @Override
    public String toString() {
        return "[" + Numbers.format(floor) + ", " + Numbers.format(ceiling) + "]";
    }
}
