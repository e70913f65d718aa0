package dev.leash.engine;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * For every trade path, bad prints and repeats included: the price band's reference is the median of the last five
 * distinct positive finite prices, as a plain list computes it, however often the ring has wrapped.
 */
class ReferencePriceProperties {

    @Property(tries = 500)
    void referenceIsTheMedianOfTheLastFiveDistinctValidPrices(
            @ForAll("trades") List<Double> trades) {
        SymbolState s = new SymbolState("BTCUSDT", 0, 0.001, 0.001, 5.0);
        List<Double> kept = new ArrayList<>();
        for (double p : trades) {
            s.recordPrice(p);
            if (p > 0 && Double.isFinite(p) && (kept.isEmpty() || kept.get(kept.size() - 1) != p)) {
                kept.add(p);
            }
            assertThat(Double.doubleToLongBits(s.referencePrice())).isEqualTo(Double.doubleToLongBits(median(kept)));
        }
    }

    @Provide
    Arbitrary<List<Double>> trades() {
        Arbitrary<Double> price = Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of(99.5, 100.0, 100.5, 101.0)), // repeats are common
                Tuple.of(3, Arbitraries.doubles().between(90, 110)),
                Tuple.of(1, Arbitraries.of(0.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY,
                        Double.NEGATIVE_INFINITY))); // bad prints, never recorded
        return price.list().ofMaxSize(40);
    }

    private static double median(List<Double> kept) {
        if (kept.isEmpty()) {
            return Double.NaN;
        }
        double[] last = kept.subList(Math.max(0, kept.size() - 5), kept.size()).stream()
                .mapToDouble(Double::doubleValue).sorted().toArray();
        int n = last.length;
        return n % 2 == 1 ? last[n / 2] : (last[n / 2 - 1] + last[n / 2]) / 2;
    }
}
