package dev.leash.gateway.scorecard;

import dev.leash.journal.BookFill;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class RoundTripsTest {

    private static BookFill fill(long t, String sym, double qty, double fee, double realized, double after) {
        return new BookFill(0, 1, t, sym, qty, 100, fee, realized, after);
    }

    @Test
    void aRoundTripIsItsRealizedPnlLessEveryFeeOfItsFills() {
        BookWindow w = RoundTrips.window(List.of(
                fill(10, "BTC", 2, 1.0, 0, 2),
                fill(20, "BTC", 1, 0.5, 0, 3),
                fill(30, "BTC", -3, 1.5, 30, 0)), 0, 100, 1_000);
        assertThat(w.trades()).isEqualTo(1);
        assertThat(w.netPnl()).isCloseTo(27.0, within(1e-9));
        assertThat(w.returnPct()).isCloseTo(2.7, within(1e-9));
        assertThat(w.entries()).containsExactly(new BookWindow.Entry("BTC", 1, 10));
    }

    @Test
    void aReversalClosesOneTripAndOpensTheNextSplittingItsFeeByQuantity() {
        BookWindow w = RoundTrips.window(List.of(
                fill(10, "ETH", 1, 1.0, 0, 1),
                fill(20, "ETH", -4, 4.0, 10, -3),
                fill(30, "ETH", 3, 3.0, -6, 0)), 0, 100, 1_000);
        assertThat(w.tradePnls()).hasSize(2);
        assertThat(w.tradePnls().get(0)).isCloseTo(-1.0 + 10 - 1.0, within(1e-9));
        assertThat(w.tradePnls().get(1)).isCloseTo(-3.0 - 6 - 3.0, within(1e-9));
        assertThat(w.entries()).extracting(BookWindow.Entry::direction).containsExactly(1, -1);
    }

    @Test
    void aPositionHeldBeforeTheWindowAndATripStillOpenAtItsEndDoNotCount() {
        BookWindow w = RoundTrips.window(List.of(
                fill(5, "BTC", 1, 1.0, 0, 1),        // before the window
                fill(15, "BTC", -1, 1.0, 50, 0),     // closes the inherited position: not this window's trip
                fill(20, "SOL", 1, 1.0, 0, 1),       // opened, never closed in the window
                fill(150, "SOL", -1, 1.0, 9, 0)), 10, 100, 1_000);
        assertThat(w.trades()).isZero();
        assertThat(w.netPnl()).isZero();
        assertThat(w.entries()).containsExactly(new BookWindow.Entry("SOL", 1, 20));
    }

    @Test
    void theDrawdownIsTheWorstFallOfEquityFromAPeakOverClosedTrips() {
        BookWindow w = RoundTrips.window(List.of(
                fill(10, "BTC", 1, 0, 0, 1), fill(11, "BTC", -1, 0, 100, 0),
                fill(20, "BTC", 1, 0, 0, 1), fill(21, "BTC", -1, 0, -220, 0),
                fill(30, "BTC", 1, 0, 0, 1), fill(31, "BTC", -1, 0, 50, 0)), 0, 100, 1_000);
        assertThat(w.maxDrawdownPct()).isCloseTo(220.0 / 1_100 * 100, within(1e-9));
        assertThat(w.netPnl()).isCloseTo(-70, within(1e-9));
    }
}
