package dev.leash.backtest;

import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The curve's metrics computed the fast way (one division per peak for the drawdown, no index test per bar for the
 * Sharpe ratio) are bit for bit the values of their definitions, on random curves with flat runs, new highs, zeros,
 * negative and non-finite points.
 */
class CurveMetricsBitsTest {

    private static final double[] ODD = {0.0, -0.0, -50.0, Double.NaN, Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 1e-300};

    @Test
    void maxDrawdownAndSharpeEqualTheirDefinitionsOnTenThousandRandomCurves() {
        SplittableRandom random = new SplittableRandom(18);
        int withDrawdown = 0;
        for (int c = 0; c < 10_000; c++) {
            EquityCurve curve = randomCurve(random, c % 10 == 0);

            assertThat(bits(curve.maxDrawdownPct())).as("curve %d: %s", c, curve)
                    .isEqualTo(bits(curve.maxDrawdownPctAtEveryPoint()));
            assertThat(bits(BacktestMetrics.sharpe(curve))).as("curve %d: %s", c, curve)
                    .isEqualTo(bits(sharpeByIndex(curve)));
            assertThat(bits(BacktestMetrics.compute(curve, new double[0], 0, 0, 0, 0).maxDrawdownPct()))
                    .isEqualTo(bits(curve.maxDrawdownPctAtEveryPoint()));
            withDrawdown += curve.maxDrawdownPct() > 0 ? 1 : 0;
        }
        assertThat(withDrawdown).isGreaterThan(5_000);
    }

    @Test
    void aBacktestsMetricsGatheredAsItRunsAreTheDefinitionsOfItsCurve() {
        BacktestResult r = Backtester.create(Fixtures.instruments(), 100_000, Backtester.DEFAULT_WARMUP_BARS)
                .run(Fixtures.defaultParams(), Fixtures.syntheticBars(11, 3_000));
        EquityCurve curve = r.equityCurve();

        assertThat(r.metrics().maxDrawdownPct()).isPositive();
        assertThat(bits(r.metrics().maxDrawdownPct())).isEqualTo(bits(curve.maxDrawdownPctAtEveryPoint()));
        assertThat(bits(r.metrics().sharpe())).isEqualTo(bits(sharpeByIndex(curve)));
    }

    @Test
    void statsOfAnotherCurveAreGatheredAgainFromTheCurve() {
        EquityCurve curve = EquityCurve.of(100, new long[] {1, 2, 3}, new double[] {90, 120, 60});
        CurveStats other = new CurveStats(100);
        other.add(100);

        BacktestMetrics m = BacktestMetrics.compute(curve, other, new double[0], 0, 0, 0, 0);

        assertThat(m.maxDrawdownPct()).isEqualTo(50.0);
        assertThat(bits(m.sharpe())).isEqualTo(bits(sharpeByIndex(curve)));
    }

    @Test
    void aNanPointEndsThePeakAsTheDefinitionSays() {
        EquityCurve curve = EquityCurve.of(100, new long[] {1, 2, 3, 4}, new double[] {90, Double.NaN, 150, 50});

        assertThat(curve.maxDrawdownPct()).isEqualTo(10.0).isEqualTo(curve.maxDrawdownPctAtEveryPoint());
    }

    /** The value's bits: NaN equals NaN, 0.0 differs from -0.0. */
    private static long bits(double v) {
        return Double.doubleToLongBits(v);
    }

    private static EquityCurve randomCurve(SplittableRandom random, boolean odd) {
        int n = random.nextInt(0, 60);
        double initial = odd && random.nextInt(4) == 0 ? ODD[random.nextInt(ODD.length)] : 100_000;
        long[] time = new long[n];
        double[] equity = new double[n];
        double e = initial;
        for (int i = 0; i < n; i++) {
            time[i] = i;
            int kind = random.nextInt(10);
            if (odd && kind == 0) {
                e = ODD[random.nextInt(ODD.length)];
            } else if (kind < 3) {
                e = e; // a flat bar
            } else {
                double base = Double.isFinite(e) && e != 0 ? e : 100_000;
                e = base * (1 + random.nextGaussian() * 0.01);
            }
            equity[i] = e;
        }
        return EquityCurve.of(initial, time, equity);
    }

    /** The Sharpe ratio as it was first written: each bar's return read by its index. */
    private static double sharpeByIndex(EquityCurve curve) {
        int n = curve.size();
        if (n < 2) {
            return 0.0;
        }
        double sum = 0;
        for (int i = 0; i < n; i++) {
            sum += barReturn(curve, i);
        }
        double mean = sum / n;
        double ss = 0;
        for (int i = 0; i < n; i++) {
            double x = barReturn(curve, i);
            ss += (x - mean) * (x - mean);
        }
        double sd = Math.sqrt(ss / (n - 1));
        return sd > 0 ? mean / sd * Math.sqrt(BacktestMetrics.BARS_PER_YEAR) : 0.0;
    }

    private static double barReturn(EquityCurve curve, int i) {
        double prev = i == 0 ? curve.initial() : curve.equity(i - 1);
        return prev != 0 ? curve.equity(i) / prev - 1.0 : 0.0;
    }
}
