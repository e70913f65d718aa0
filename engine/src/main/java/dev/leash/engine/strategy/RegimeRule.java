package dev.leash.engine.strategy;

import dev.leash.risk.Regime;

/**
 * The market-regime label, a pure function of two indicators: {@code high_volatility} when realized volatility (20
 * bars, annualized) is at least {@link #HIGH_VOLATILITY_PCT}; else {@code trend} when the efficiency of the last
 * {@link #WINDOW} closes (net move over the sum of bar-to-bar moves) is at least {@link #TREND_EFFICIENCY}; else
 * {@code range}; {@code unknown} while either is not known.
 */
public final class RegimeRule {

    /** Realized volatility, percent annualized, from which the market is labelled high-volatility. */
    public static final double HIGH_VOLATILITY_PCT = 100.0;
    /** Efficiency from which the market is labelled trending. */
    public static final double TREND_EFFICIENCY = 0.3;
    /** Closes in the efficiency window. */
    public static final int WINDOW = 20;

    private RegimeRule() {
    }

    public static Regime of(double realizedVolatility, double efficiency) {
        if (Double.isNaN(realizedVolatility) || Double.isNaN(efficiency)) {
            return Regime.UNKNOWN;
        }
        if (realizedVolatility >= HIGH_VOLATILITY_PCT) {
            return Regime.HIGH_VOLATILITY;
        }
        return efficiency >= TREND_EFFICIENCY ? Regime.TREND : Regime.RANGE;
    }

    /** Efficiency of the last {@link #WINDOW} bar-to-bar moves in {@code m}, 0..1; NaN until enough closes. */
    public static double efficiency(MarketState m) {
        if (m.kept() <= WINDOW) {
            return Double.NaN;
        }
        double path = 0;
        for (int i = 0; i < WINDOW; i++) {
            path += Math.abs(m.close(i) - m.close(i + 1));
        }
        return path == 0 ? 0 : Math.abs(m.close(0) - m.close(WINDOW)) / path;
    }

    /** Updates the efficiency and the label of {@code m} after its indicators were updated. */
    public static void update(MarketState m) {
        m.efficiency = efficiency(m);
        m.regime = of(m.realizedVolatility, m.efficiency);
    }
}
