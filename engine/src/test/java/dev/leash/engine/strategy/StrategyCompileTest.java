package dev.leash.engine.strategy;

import static org.assertj.core.api.Assertions.assertThat;

import dev.leash.risk.BlockSpec;
import dev.leash.risk.Limits;
import dev.leash.risk.Params;
import dev.leash.risk.Regime;
import dev.leash.risk.StrategyBlock;
import dev.leash.risk.StrategyField;
import dev.leash.risk.StrategySpec;
import dev.leash.risk.SymbolParams;
import dev.leash.risk.TradingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Whatever the params carry, even what the policy would refuse, the compiled strategy never throws, always has a
 * stop no wider than {@code stop_loss_pct}, and keeps every number inside its range: 5,000 seeded random strategies.
 */
class StrategyCompileTest {

    private static final Limits LIMITS = Limits.builder(Set.of("BTCUSDT")).tighten("stop_loss_pct", 0.2, 4.0)
            .build();
    private static final double[] ODD = {Double.NaN, Double.POSITIVE_INFINITY, -1e300, 1e300, -0.0, 0.5, 3.7, 250};

    @Test
    void anyStrategyCompilesToOneWithABoundedStop() {
        Random random = new Random(17);
        for (int i = 0; i < 5_000; i++) {
            double fieldStop = random.nextBoolean() ? 0.2 + random.nextDouble() * 12 : ODD[random.nextInt(ODD.length)];
            Params p = params(fieldStop, random.nextInt(6) == 0 ? null : spec(random));

            Strategy s = Strategy.compile(p, LIMITS);

            double bound = LIMITS.stopLossPct().clamp(fieldStop);
            assertThat(s.stopLossPct()).as("case %d: %s", i, p.strategy()).isLessThanOrEqualTo(bound)
                    .isGreaterThanOrEqualTo(LIMITS.stopLossPct().floor());
            assertThat(LIMITS.breakoutLookback().contains(s.lookback())).as("case %d", i).isTrue();
            boolean hasStop = false;
            for (int k = 0; ; k++) {
                ExitRule e;
                try {
                    e = s.exit(k);
                } catch (ArrayIndexOutOfBoundsException end) {
                    break;
                }
                hasStop |= e instanceof ExitRule.StopLoss && e.amount() <= bound;
                assertThat(Double.isFinite(e.amount())).as("case %d exit %d", i, k).isTrue();
            }
            assertThat(hasStop).as("case %d: %s", i, p.strategy()).isTrue();
        }
    }

    @Test
    void onlyAStrategyWithAFundingFilterSaysItReadsTheFundingRate() {
        Params plain = params(1.5, null);
        StrategySpec d = StrategySpec.defaultFor(plain);
        StrategySpec withVolume = new StrategySpec(d.entry(), List.of(block(StrategyBlock.VOLUME_RATIO, new Random(3))),
                d.exits());
        StrategySpec withFunding = new StrategySpec(d.entry(), List.of(block(StrategyBlock.VOLUME_RATIO, new Random(3)),
                BlockSpec.of(StrategyBlock.FUNDING, Map.of(StrategyField.FUNDING_MAX_PCT, 0.05))), d.exits());

        assertThat(Strategy.compile(plain, LIMITS).needsFunding()).isFalse();
        assertThat(Strategy.compile(params(1.5, withVolume), LIMITS).needsFunding()).isFalse();
        assertThat(Strategy.compile(params(1.5, withFunding), LIMITS).needsFunding()).isTrue();
    }

    private static StrategySpec spec(Random random) {
        StrategyBlock[] all = StrategyBlock.values();
        List<BlockSpec> filters = new ArrayList<>();
        List<BlockSpec> exits = new ArrayList<>();
        for (int n = random.nextInt(5); n > 0; n--) {
            filters.add(block(all[random.nextInt(all.length)], random));
        }
        for (int n = random.nextInt(5); n > 0; n--) {
            exits.add(block(all[random.nextInt(all.length)], random));
        }
        return new StrategySpec(block(all[random.nextInt(all.length)], random), filters, exits);
    }

    private static BlockSpec block(StrategyBlock b, Random random) {
        Map<StrategyField, Double> numbers = new EnumMap<>(StrategyField.class);
        for (StrategyField f : b.fields()) {
            if (f.ranged() && random.nextInt(8) != 0) {
                numbers.put(f, random.nextBoolean() ? ODD[random.nextInt(ODD.length)]
                        : f.ceilings().floor() + random.nextDouble() * (f.ceilings().ceiling() - f.ceilings().floor()));
            }
        }
        Set<Regime> labels = EnumSet.noneOf(Regime.class);
        for (Regime r : Regime.values()) {
            if (random.nextBoolean()) {
                labels.add(r);
            }
        }
        return new BlockSpec(b, numbers, labels);
    }

    private static Params params(double stop, StrategySpec spec) {
        return new Params(1, 1.0, stop, null, 20, 2.0, 3.0, TradingMode.ACTIVE,
                new TreeMap<>(Map.of("BTCUSDT", new SymbolParams(true, 1.0))), "t", "t", Instant.EPOCH, spec);
    }
}
