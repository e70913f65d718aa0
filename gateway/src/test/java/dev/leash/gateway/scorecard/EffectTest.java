package dev.leash.gateway.scorecard;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EffectTest {

    private static BookWindow book(List<Double> pnls, List<BookWindow.Entry> entries) {
        double net = pnls.stream().mapToDouble(Double::doubleValue).sum();
        return new BookWindow(10_000, net, net / 100, 0, pnls.size(), pnls, entries);
    }

    private static List<Double> repeat(double v, int n) {
        return new ArrayList<>(Collections.nCopies(n, v));
    }

    @Test
    void aClearlyBetterBookHelpedWithAnIntervalAboveZero() {
        List<Double> better = repeat(10.0, 15);
        better.addAll(repeat(-2.0, 10));
        List<Double> worse = repeat(1.0, 10);
        worse.addAll(repeat(-5.0, 15));
        Effect e = Effect.of("live", "baseline", 0, 1, book(better, List.of()), book(worse, List.of()), 20);
        assertThat(e.verdict()).isEqualTo(Effect.HELPED);
        assertThat(e.ciLow()).isPositive();
        assertThat(e.netPnlDiff()).isEqualTo(130.0 - (-65.0));
        assertThat(e.plain()).startsWith("helped: +195.00 USDT (95 % interval +");
        Effect reversed = Effect.of("live", "baseline", 0, 1, book(worse, List.of()), book(better, List.of()), 20);
        assertThat(reversed.verdict()).isEqualTo(Effect.HURT);
        assertThat(reversed.ciHigh()).isNegative();
    }

    @Test
    void anIntervalThatIncludesZeroIsNoClearDifference() {
        List<Double> noisy = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            noisy.add(i % 2 == 0 ? 50.0 : -49.0);
        }
        List<Double> other = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            other.add(i % 2 == 0 ? -48.0 : 49.0);
        }
        Effect e = Effect.of("live", "baseline", 0, 1, book(noisy, List.of()), book(other, List.of()), 20);
        assertThat(e.ciLow()).isNegative();
        assertThat(e.ciHigh()).isPositive();
        assertThat(e.verdict()).isEqualTo(Effect.NO_CLEAR_DIFFERENCE);
    }

    @Test
    void belowTheMinimumOfTradesTheVerdictIsInsufficientEvidenceHoweverLargeTheDifference() {
        Effect e = Effect.of("live", "baseline", 0, 1, book(repeat(1_000.0, 19), List.of()),
                book(repeat(-1_000.0, 5), List.of()), 20);
        assertThat(e.sufficient()).isFalse();
        assertThat(e.verdict()).isEqualTo(Effect.INSUFFICIENT);
        assertThat(e.plain()).isEqualTo("insufficient evidence (19 closed trades so far)");
    }

    @Test
    void theSameTradesAlwaysGiveTheSameInterval() {
        List<Double> a = List.of(3.0, -1.0, 7.5, -2.25, 4.0);
        List<Double> b = List.of(-1.0, 2.0, -3.5);
        assertThat(Bootstrap.interval(a, b)).containsExactly(Bootstrap.interval(a, b));
    }

    @Test
    void entriesAreAddedOrSkippedWhenTheOtherBookHasNoEntryOfTheSameSymbolAndSideInTheSameBar() {
        List<BookWindow.Entry> live = List.of(new BookWindow.Entry("BTC", 1, 1_000),
                new BookWindow.Entry("ETH", -1, 2_000), new BookWindow.Entry("SOL", 1, 3_000));
        List<BookWindow.Entry> shadow = List.of(new BookWindow.Entry("BTC", 1, 1_200),
                new BookWindow.Entry("ETH", 1, 2_000), new BookWindow.Entry("XRP", 1, 5_000),
                new BookWindow.Entry("SOL", 1, 3_000 + Effect.ENTRY_BUCKET_MILLIS));
        Effect e = Effect.of("live", "incumbent v1", 0, 1, book(List.of(), live), book(List.of(), shadow), 1);
        assertThat(e.entriesAdded()).isEqualTo(2);   // ETH short, SOL in its bar
        assertThat(e.entriesSkipped()).isEqualTo(3); // ETH long, XRP, SOL a bar later
    }
}
