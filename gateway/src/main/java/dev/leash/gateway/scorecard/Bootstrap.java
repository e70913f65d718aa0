package dev.leash.gateway.scorecard;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A two-sample bootstrap of the difference in total round-trip P&L between two books: each resample draws, with
 * replacement, as many round trips from each book as it closed, and takes the first sum less the second; the
 * interval is the 2.5th and 97.5th percentile of {@link #RESAMPLES} resamples. The seed is fixed, so the same trades
 * always give the same interval.
 */
final class Bootstrap {

    static final int RESAMPLES = 2_000;
    static final long SEED = 14L;

    private Bootstrap() {
    }

    /** The 95 % interval {low, high} of {@code sum(a) - sum(b)}. */
    static double[] interval(List<Double> a, List<Double> b) {
        SplittableRandom random = new SplittableRandom(SEED);
        double[] diffs = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            diffs[r] = resampledSum(a, random) - resampledSum(b, random);
        }
        Arrays.sort(diffs);
        return new double[] {diffs[(int) Math.floor(0.025 * (RESAMPLES - 1))],
                diffs[(int) Math.ceil(0.975 * (RESAMPLES - 1))]};
    }

    private static double resampledSum(List<Double> xs, SplittableRandom random) {
        double sum = 0;
        int n = xs.size();
        for (int i = 0; i < n; i++) {
            sum += xs.get(random.nextInt(n));
        }
        return sum;
    }
}
