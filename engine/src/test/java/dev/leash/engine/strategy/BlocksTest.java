package dev.leash.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.leash.risk.Regime;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Each strategy block on hand-computed bars. */
class BlocksTest {

    private static MarketState closes(double... closes) {
        MarketState m = new MarketState();
        for (double c : closes) {
            m.addClose(c);
        }
        return m;
    }

    @Test
    void donchianGoesLongAboveTheChannelAndShortBelowIt() {
        MarketState m = new MarketState();
        EntryRule rule = new EntryRule.DonchianBreakout(20);
        assertThat(rule.signal(m, 100)).as("no channel yet").isZero();
        m.channelHigh = 101;
        m.channelLow = 99;

        assertThat(rule.signal(m, 101.5)).isEqualTo(1);
        assertThat(rule.signal(m, 101)).isZero();
        assertThat(rule.signal(m, 98.9)).isEqualTo(-1);
    }

    @Test
    void bollingerBandsOfFourClosesAndTheirReversionSignals() {
        // closes 1, 2, 3, 4 (only the last 4 count): mean 2.5, population sd sqrt(1.25) = 1.1180
        MarketState m = closes(50, 1, 2, 3, 4);
        EntryRule rule = new EntryRule.BollingerReversion(4, 2.0);
        rule.onBar(m);

        assertThat(m.upper).isCloseTo(2.5 + 2 * Math.sqrt(1.25), within(1e-12));
        assertThat(m.lower).isCloseTo(2.5 - 2 * Math.sqrt(1.25), within(1e-12));
        assertThat(rule.signal(m, 0.2)).as("below 0.2639: long").isEqualTo(1);
        assertThat(rule.signal(m, 2.5)).isZero();
        assertThat(rule.signal(m, 4.8)).as("above 4.7361: short").isEqualTo(-1);
    }

    @Test
    void bollingerWaitsForItsPeriod() {
        MarketState m = closes(1, 2, 3);
        EntryRule rule = new EntryRule.BollingerReversion(4, 2.0);
        rule.onBar(m);

        assertThat(rule.signal(m, -100)).isZero();
    }

    @Test
    void macdSignalsTheBarAfterItsHistogramCrosses() {
        // fast 1 (the close itself), slow 3 (k = 0.5), signal 1 (k = 1: the signal is the MACD line, histogram 0)
        // would never cross; signal 2 (k = 2/3). Closes 10, 10, 10, 13:
        // emaFast 10,10,10,13; emaSlow 10,10,10,11.5; macd 0,0,0,1.5; sig 0,0,0,1.0; hist 0,0,0,0.5 -> up cross.
        MarketState m = closes(10, 10, 10, 13);
        EntryRule rule = new EntryRule.MacdTrend(1, 2, 2);
        rule.onBar(m);
        // slow 2 (k = 2/3): emaSlow 10,10,10,12; macd 0,0,0,1; sig 0,0,0,2/3; hist 1/3 > 0 after 0
        assertThat(m.histogram).isCloseTo(1.0 / 3.0, within(1e-12));
        assertThat(rule.signal(m, 0)).isEqualTo(1);

        m.addClose(13); // emaFast 13, emaSlow 12.6667, macd 0.3333, sig 0.4444, hist -0.1111: down cross
        rule.onBar(m);
        assertThat(m.histogram).isCloseTo(1.0 / 3.0 - 4.0 / 9.0, within(1e-12));
        assertThat(rule.signal(m, 0)).isEqualTo(-1);

        m.addClose(13); // hist stays below 0: no new cross
        rule.onBar(m);
        assertThat(rule.signal(m, 0)).isZero();
    }

    @Test
    void filtersAllowOnlyInsideTheirBandsAndRefuseWhileUnknown() {
        MarketState m = new MarketState();
        EntryFilter rsi = new EntryFilter.RsiBand(30, 70);
        EntryFilter volume = new EntryFilter.VolumeRatio(1.5);
        EntryFilter vol = new EntryFilter.Volatility(20, 80);
        assertThat(rsi.allows(m, 1, 0)).isFalse();
        assertThat(volume.allows(m, 1, 0)).isFalse();
        assertThat(vol.allows(m, 1, 0)).isFalse();

        m.rsi = 70;
        m.volumeRatio = 1.5;
        m.realizedVolatility = 20;
        assertThat(rsi.allows(m, 1, 0)).isTrue();
        assertThat(volume.allows(m, -1, 0)).isTrue();
        assertThat(vol.allows(m, 1, 0)).isTrue();

        m.rsi = 70.01;
        m.volumeRatio = 1.49;
        m.realizedVolatility = 80.5;
        assertThat(rsi.allows(m, 1, 0)).isFalse();
        assertThat(volume.allows(m, 1, 0)).isFalse();
        assertThat(vol.allows(m, 1, 0)).isFalse();
    }

    @Test
    void fundingRefusesTheSideThatPaysMoreThanItsMaximum() {
        MarketState m = new MarketState();
        EntryFilter funding = new EntryFilter.Funding(0.02);
        assertThat(funding.allows(m, 1, 0)).as("unknown rate").isFalse();
        assertThat(funding.allows(m, -1, 0)).as("unknown rate").isFalse();

        m.fundingRatePct = 0.05; // longs pay 0.05 %
        assertThat(funding.allows(m, 1, 0)).isFalse();
        assertThat(funding.allows(m, -1, 0)).isTrue();

        m.fundingRatePct = -0.05; // shorts pay
        assertThat(funding.allows(m, 1, 0)).isTrue();
        assertThat(funding.allows(m, -1, 0)).isFalse();

        m.fundingRatePct = 0.02;
        assertThat(funding.allows(m, 1, 0)).isTrue();
    }

    @Test
    void timeOfDayCountsUtcHoursAndWrapsPastMidnight() {
        long day = 20_000L * 86_400_000L;
        long hour = 3_600_000L;
        EntryFilter office = new EntryFilter.TimeOfDay(8, 17);
        EntryFilter night = new EntryFilter.TimeOfDay(22, 3);
        MarketState m = new MarketState();

        assertThat(office.allows(m, 1, day + 8 * hour)).isTrue();
        assertThat(office.allows(m, 1, day + 17 * hour - 1)).isTrue();
        assertThat(office.allows(m, 1, day + 17 * hour)).isFalse();
        assertThat(office.allows(m, 1, day + 7 * hour + 59 * 60_000L)).isFalse();
        assertThat(night.allows(m, 1, day + 23 * hour)).isTrue();
        assertThat(night.allows(m, 1, day + 2 * hour)).isTrue();
        assertThat(night.allows(m, 1, day + 3 * hour)).isFalse();
        assertThat(night.allows(m, 1, day + 12 * hour)).isFalse();
    }

    @Test
    void regimeFilterAllowsOnlyItsLabelsAndNeverUnknown() {
        MarketState m = new MarketState();
        EntryFilter calm = new EntryFilter.RegimeIn(Set.of(Regime.RANGE, Regime.TREND));
        assertThat(calm.allows(m, 1, 0)).isFalse();
        m.regime = Regime.TREND;
        assertThat(calm.allows(m, 1, 0)).isTrue();
        m.regime = Regime.HIGH_VOLATILITY;
        assertThat(calm.allows(m, 1, 0)).isFalse();
    }

    @Test
    void stopLossAndTakeProfitMeasureFromEntry() {
        MarketState m = new MarketState();
        ExitRule stop = new ExitRule.StopLoss(2.0);
        ExitRule tp = new ExitRule.TakeProfit(4.0);

        assertThat(stop.hit(m, 1, 100, 98.01)).isFalse();
        assertThat(stop.hit(m, 1, 100, 98)).isTrue();
        assertThat(stop.hit(m, -1, 100, 102)).isTrue();
        assertThat(tp.hit(m, 1, 100, 103.99)).isFalse();
        assertThat(tp.hit(m, 1, 100, 104.5)).isTrue();
        assertThat(tp.level(1, 100, 104.5)).isEqualTo(104.0);
        assertThat(tp.hit(m, -1, 100, 96)).isTrue();
        assertThat(tp.level(-1, 100, 95)).isEqualTo(96.0);
    }

    @Test
    void trailingStopFollowsTheBestPriceSinceEntry() {
        MarketState m = new MarketState();
        ExitRule trail = new ExitRule.TrailingStop(2.0);
        m.track(1, 100, 100);
        m.track(1, 100, 110); // best 110: the stop is at 107.8
        assertThat(trail.hit(m, 1, 100, 107.9)).isFalse();
        m.track(1, 100, 107.8);
        assertThat(trail.hit(m, 1, 100, 107.8)).isTrue();

        m.track(-1, 200, 200); // a new short: best starts at its entry
        m.track(-1, 200, 190);
        assertThat(m.bestPrice()).isEqualTo(190);
        assertThat(trail.hit(m, -1, 200, 193.7)).isFalse();
        assertThat(trail.hit(m, -1, 200, 193.8)).isTrue();
    }

    @Test
    void timeStopCountsClosedBarsSinceEntry() {
        MarketState m = closes(1, 2);
        ExitRule time = new ExitRule.TimeStop(3);
        m.track(1, 2, 2);
        m.addClose(3);
        m.addClose(4);
        assertThat(time.hit(m, 1, 2, 4)).isFalse();
        m.addClose(5);
        assertThat(m.barsSinceEntry()).isEqualTo(3);
        assertThat(time.hit(m, 1, 2, 5)).isTrue();
    }

    @Test
    void regimeRuleLabelsVolatilityFirstThenEfficiency() {
        assertThat(RegimeRule.of(Double.NaN, 0.5)).isEqualTo(Regime.UNKNOWN);
        assertThat(RegimeRule.of(100, 0.9)).isEqualTo(Regime.HIGH_VOLATILITY);
        assertThat(RegimeRule.of(99.9, 0.3)).isEqualTo(Regime.TREND);
        assertThat(RegimeRule.of(99.9, 0.29)).isEqualTo(Regime.RANGE);
    }

    @Test
    void efficiencyIsTheNetMoveOverThePathOfTwentyMoves() {
        double[] up = new double[21];
        double[] zigzag = new double[21];
        for (int i = 0; i <= 20; i++) {
            up[i] = 100 + i;
            zigzag[i] = i == 20 ? 104 : 100 + (i % 2) * 2; // 100, 102, 100, ..., 102, 104: 20 moves of 2, net +4
        }
        assertThat(RegimeRule.efficiency(closes(up))).isEqualTo(1.0);
        assertThat(RegimeRule.efficiency(closes(zigzag))).isCloseTo(4.0 / 40.0, within(1e-12));
        assertThat(RegimeRule.efficiency(closes(new double[20]))).as("20 closes: 19 moves").isNaN();
    }
}
