package dev.leash.backtest;

import dev.leash.risk.Limits;
import dev.leash.risk.ParamPolicy;
import dev.leash.risk.Params;
import dev.leash.risk.Violation;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Every combination of the values of one or more {@link SweepAxis axes}, each applied to a base parameter set. */
public record ParamSweep(List<SweepAxis> axes) {

    /** Combinations one sweep may run at most. */
    public static final int MAX_COMBINATIONS = 10_000;

    public ParamSweep {
        axes = List.copyOf(axes);
    }

    /** One combination: the axes' values in axis order, the parameters, and why they are invalid if they are. */
    public record Point(int index, List<Double> values, Params params, List<Violation> violations) {
        public Point {
            values = List.copyOf(values);
            violations = List.copyOf(violations);
        }

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    /** A sweep over {@code axes}, or the reason there is none (no axis, a field twice, too many combinations). */
    public record Build(ParamSweep sweep, String error) {
        public boolean ok() {
            return sweep != null;
        }
    }

    /** Checks that the axes make a sweep. */
    public static Build of(List<SweepAxis> axes) {
        if (axes.isEmpty()) {
            return new Build(null, "a sweep needs at least one --sweep FIELD=FROM:TO:STEP");
        }
        Set<String> seen = new HashSet<>();
        long combinations = 1;
        for (SweepAxis a : axes) {
            if (!seen.add(a.name())) {
                return new Build(null, a.name() + " is swept twice; give each field one --sweep");
            }
            combinations *= a.values().size();
            if (combinations > MAX_COMBINATIONS) {
                return new Build(null, "the sweep has more than " + MAX_COMBINATIONS + " combinations; "
                        + "use larger steps or fewer fields");
            }
        }
        return new Build(new ParamSweep(axes), null);
    }

    /**
     * Why this sweep on {@code base} would backtest one same strategy at every point (an axis whose field the params'
     * explicit strategy has no block for), or null.
     */
    public String ineffectiveOn(Params base) {
        if (base.strategy() == null) {
            return null;
        }
        for (SweepAxis a : axes) {
            String why = StrategyAxis.ineffective(base.strategy(), a.field());
            if (why != null) {
                return why;
            }
        }
        return null;
    }

    /** The number of combinations. */
    public int size() {
        int n = 1;
        for (SweepAxis a : axes) {
            n *= a.values().size();
        }
        return n;
    }

    /**
     * Every combination applied to {@code base}, the last axis varying fastest, each validated against
     * {@code limits} as the parameter policy validates a proposal.
     */
    public List<Point> points(Params base, Limits limits) {
        ParamPolicy policy = new ParamPolicy(limits);
        int n = size();
        List<Point> out = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            List<Double> values = new ArrayList<>(axes.size());
            Params p = base;
            int rest = i;
            for (int a = axes.size() - 1; a >= 0; a--) {
                SweepAxis axis = axes.get(a);
                double v = axis.values().get(rest % axis.values().size());
                rest /= axis.values().size();
                values.add(0, v);
                p = axis.apply(p, v);
            }
            out.add(new Point(i, values, p, policy.validate(p)));
        }
        return out;
    }
}
