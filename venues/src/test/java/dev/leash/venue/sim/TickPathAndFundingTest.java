package dev.leash.venue.sim;

import dev.leash.venue.Candle;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TickPathAndFundingTest {

    private static final long DAY = 1_704_067_200_000L; // 2024-01-01T00:00Z
    private static final long HOUR = 3_600_000L;

    @Test
    void upBarVisitsOpenLowHighClose() {
        Candle up = new Candle("BTCUSDT", DAY, 100, 103, 98, 102, 1);

        assertThat(pathOf(up)).containsExactly(100.0, 98.0, 103.0, 102.0);
    }

    @Test
    void downBarVisitsOpenHighLowClose() {
        Candle down = new Candle("BTCUSDT", DAY, 100, 103, 98, 99, 1);

        assertThat(pathOf(down)).containsExactly(100.0, 103.0, 98.0, 99.0);
    }

    @Test
    void priceAtHoldsEachPointForAQuarterOfTheBar() {
        Candle bar = new Candle("BTCUSDT", DAY, 100, 103, 98, 102, 1);

        assertThat(TickPath.priceAt(bar, 0)).isEqualTo(100.0);
        assertThat(TickPath.priceAt(bar, 74_999)).isEqualTo(100.0);
        assertThat(TickPath.priceAt(bar, 75_000)).isEqualTo(98.0);
        assertThat(TickPath.priceAt(bar, 150_000)).isEqualTo(103.0);
        assertThat(TickPath.priceAt(bar, 299_999)).isEqualTo(102.0);
        assertThat(TickPath.priceAt(bar, -5)).as("clamped").isEqualTo(100.0);
        assertThat(TickPath.priceAt(bar, 400_000)).as("clamped").isEqualTo(102.0);
    }

    @Test
    void primitivePathMatchesTheCandlePath() {
        Candle bar = new Candle("BTCUSDT", DAY, 100, 103, 98, 99, 1);
        for (int i = 0; i < TickPath.POINTS; i++) {
            assertThat(TickPath.point(100, 103, 98, 99, i)).isEqualTo(TickPath.point(bar, i));
        }
    }

    @Test
    void fundingIsTheBaseRatePlusAPremiumClamped() {
        assertThat(FundingModel.rate(100, 100)).isEqualTo(0.0001);
        assertThat(FundingModel.rate(100, 102)).isEqualTo(0.0003);
        assertThat(FundingModel.rate(100, 110)).isEqualTo(FundingModel.MAX_RATE);
        assertThat(FundingModel.rate(100, 90)).isEqualTo(-FundingModel.MAX_RATE);
        assertThat(FundingModel.rate(0, 100)).isEqualTo(FundingModel.BASE_RATE);
        assertThat(FundingModel.rate(100, Double.NaN)).isEqualTo(FundingModel.BASE_RATE);
    }

    @Test
    void fundingTimesAreMidnightEightAndSixteenUtc() {
        assertThat(FundingModel.isFundingTime(DAY)).isTrue();
        assertThat(FundingModel.isFundingTime(DAY + 8 * HOUR)).isTrue();
        assertThat(FundingModel.isFundingTime(DAY + 16 * HOUR)).isTrue();
        assertThat(FundingModel.isFundingTime(DAY + 4 * HOUR)).isFalse();
        assertThat(FundingModel.isFundingTime(DAY + 1)).isFalse();

        assertThat(FundingModel.nextFundingTime(DAY)).as("strictly after").isEqualTo(DAY + 8 * HOUR);
        assertThat(FundingModel.nextFundingTime(DAY - 1)).isEqualTo(DAY);
        assertThat(FundingModel.nextFundingTime(DAY + 16 * HOUR + 1)).isEqualTo(DAY + 24 * HOUR);
    }

    private static double[] pathOf(Candle bar) {
        double[] out = new double[TickPath.POINTS];
        for (int i = 0; i < TickPath.POINTS; i++) {
            out[i] = TickPath.priceAt(bar, i * TickPath.STEP_MILLIS);
        }
        return out;
    }
}
