package dev.leash.risk;

import static dev.leash.risk.Fixtures.ALLOWLIST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LimitsTest {

    private static final String[] FIELDS = {"max_position_pct", "stop_loss_pct", "take_profit_pct",
            "breakout_lookback", "max_leverage", "size_multiplier", "daily_loss_limit_pct"};

    private static Map<String, Range> hardRanges() {
        Map<String, Range> ranges = new LinkedHashMap<>();
        ranges.put("max_position_pct", Ceilings.MAX_POSITION_PCT);
        ranges.put("stop_loss_pct", Ceilings.STOP_LOSS_PCT);
        ranges.put("take_profit_pct", Ceilings.TAKE_PROFIT_PCT);
        ranges.put("breakout_lookback", Ceilings.BREAKOUT_LOOKBACK);
        ranges.put("max_leverage", Ceilings.MAX_LEVERAGE);
        ranges.put("size_multiplier", Ceilings.SIZE_MULTIPLIER);
        ranges.put("daily_loss_limit_pct", Ceilings.DAILY_LOSS_LIMIT_PCT);
        return ranges;
    }

    @Test
    void hardLimitsAreTheCompiledCeilingsWithDefaultOrderSettings() {
        Limits limits = Limits.hard(ALLOWLIST);

        assertThat(limits.ranges()).containsExactlyEntriesOf(hardRanges());
        assertThat(limits.maxEnabledSymbols()).isEqualTo(Ceilings.MAX_ENABLED_SYMBOLS);
        assertThat(limits.allowlist()).containsExactlyInAnyOrderElementsOf(ALLOWLIST);
        assertThat(limits.maxOrderNotional()).isEqualTo(Limits.DEFAULT_MAX_ORDER_NOTIONAL);
        assertThat(limits.maxOrdersPerWindow()).isEqualTo(Limits.DEFAULT_MAX_ORDERS_PER_WINDOW);
        assertThat(limits.orderRateWindowMillis()).isEqualTo(Ceilings.ORDER_RATE_WINDOW_MILLIS);
        assertThat(limits.priceBandPct()).isEqualTo(Limits.DEFAULT_PRICE_BAND_PCT);
    }

    @Test
    void operatorMayTightenEveryField() {
        Limits limits = Limits.builder(ALLOWLIST)
                .tighten("max_position_pct", 0.1, 2.0)
                .tighten("stop_loss_pct", 0.5, 5.0)
                .tighten("take_profit_pct", 1.0, 20.0)
                .tighten("breakout_lookback", 10, 100)
                .tighten("max_leverage", 1.0, 2.0)
                .tighten("size_multiplier", 0.0, 1.0)
                .tighten("daily_loss_limit_pct", 1.0, 2.0)
                .maxEnabledSymbols(3)
                .maxOrderNotional(10_000)
                .maxOrdersPerWindow(2)
                .priceBandPct(1.0)
                .build();

        assertThat(limits.maxPositionPct()).isEqualTo(new Range(0.1, 2.0));
        assertThat(limits.stopLossPct()).isEqualTo(new Range(0.5, 5.0));
        assertThat(limits.takeProfitPct()).isEqualTo(new Range(1.0, 20.0));
        assertThat(limits.breakoutLookback()).isEqualTo(new Range(10, 100));
        assertThat(limits.maxLeverage()).isEqualTo(new Range(1.0, 2.0));
        assertThat(limits.sizeMultiplier()).isEqualTo(new Range(0.0, 1.0));
        assertThat(limits.dailyLossLimitPct()).isEqualTo(new Range(1.0, 2.0));
        assertThat(limits.maxEnabledSymbols()).isEqualTo(3);
        assertThat(limits.maxOrderNotional()).isEqualTo(10_000);
        assertThat(limits.maxOrdersPerWindow()).isEqualTo(2);
        assertThat(limits.priceBandPct()).isEqualTo(1.0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"max_position_pct", "stop_loss_pct", "take_profit_pct", "breakout_lookback",
            "max_leverage", "size_multiplier", "daily_loss_limit_pct"})
    void acceptsTighteningToExactlyTheHardRange(String field) {
        Range hard = hardRanges().get(field);

        Limits limits = Limits.builder(ALLOWLIST).tighten(field, hard.floor(), hard.ceiling()).build();

        assertThat(limits.ranges().get(field)).isEqualTo(hard);
    }

    @ParameterizedTest
    @ValueSource(strings = {"max_position_pct", "stop_loss_pct", "take_profit_pct", "breakout_lookback",
            "max_leverage", "size_multiplier", "daily_loss_limit_pct"})
    void rejectsRaisingACeilingAndNamesTheField(String field) {
        Range hard = hardRanges().get(field);
        Limits.Builder builder = Limits.builder(ALLOWLIST);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.tighten(field, hard.floor(), hard.ceiling() + 0.0001))
                .withMessageStartingWith("limits." + field + ":")
                .withMessageContaining("loosens the hard limit " + hard);
    }

    @ParameterizedTest
    @ValueSource(strings = {"max_position_pct", "stop_loss_pct", "take_profit_pct", "breakout_lookback",
            "max_leverage", "size_multiplier", "daily_loss_limit_pct"})
    void rejectsLoweringAFloorAndNamesTheField(String field) {
        Range hard = hardRanges().get(field);
        Limits.Builder builder = Limits.builder(ALLOWLIST);

        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.tighten(field, hard.floor() - 0.0001, hard.ceiling()))
                .withMessageStartingWith("limits." + field + ":")
                .withMessageContaining("loosens");
    }

    @Test
    void rejectsAnInvertedOrNonFiniteRangeAndNamesTheField() {
        Limits.Builder builder = Limits.builder(ALLOWLIST);

        assertThatIllegalArgumentException().isThrownBy(() -> builder.tighten("max_leverage", 2.0, 1.5))
                .withMessageStartingWith("limits.max_leverage:");
        assertThatIllegalArgumentException().isThrownBy(() -> builder.tighten("stop_loss_pct", Double.NaN, 5.0))
                .withMessageStartingWith("limits.stop_loss_pct:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> builder.tighten("take_profit_pct", 1.0, Double.POSITIVE_INFINITY))
                .withMessageStartingWith("limits.take_profit_pct:");
    }

    @Test
    void rejectsAnUnknownFieldAndListsTheKnownOnes() {
        Limits.Builder builder = Limits.builder(ALLOWLIST);

        assertThatIllegalArgumentException().isThrownBy(() -> builder.tighten("max_positon_pct", 0.1, 1.0))
                .withMessageStartingWith("limits.max_positon_pct: unknown field")
                .withMessageContainingAll(FIELDS);
    }

    @Test
    void aFailedTighteningLeavesTheBuilderUsable() {
        Limits.Builder builder = Limits.builder(ALLOWLIST);
        assertThatThrownBy(() -> builder.tighten("max_position_pct", 0.1, 50.0))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(builder.build().maxPositionPct()).isEqualTo(Ceilings.MAX_POSITION_PCT);
    }

    @Test
    void rejectsAnEmptyAllowlist() {
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.hard(Set.of()))
                .withMessageStartingWith("limits.allowlist:");
    }

    @ParameterizedTest
    @ValueSource(strings = {"btcusdt", "B", "BTC USDT", "BTC/USDT", "ABCDEFGHIJKLMNOPQRSTU", ""})
    void rejectsAMalformedAllowlistSymbolAndQuotesIt(String symbol) {
        assertThatIllegalArgumentException().isThrownBy(() -> Limits.hard(Set.of("BTCUSDT", symbol)))
                .withMessageStartingWith("limits.allowlist: '" + symbol + "'");
    }

    @Test
    void acceptsWellFormedSymbolsWithDigitsAndDashes() {
        assertThat(Limits.hard(Set.of("BTC-PERP", "1000PEPEUSDT", "AB")).allowlist())
                .containsExactly("1000PEPEUSDT", "AB", "BTC-PERP");
    }

    @Test
    void rejectsOrderSettingsOutsideTheirCeilingsAndNamesThem() {
        Limits.Builder b = Limits.builder(ALLOWLIST);

        assertThatIllegalArgumentException().isThrownBy(() -> b.maxEnabledSymbols(0))
                .withMessageStartingWith("limits.max_enabled_symbols:");
        assertThatIllegalArgumentException().isThrownBy(() -> b.maxEnabledSymbols(Ceilings.MAX_ENABLED_SYMBOLS + 1))
                .withMessageStartingWith("limits.max_enabled_symbols:");
        assertThatIllegalArgumentException().isThrownBy(() -> b.maxOrderNotional(0))
                .withMessageStartingWith("limits.max_order_notional:");
        assertThatIllegalArgumentException().isThrownBy(() -> b.maxOrderNotional(Double.NaN))
                .withMessageStartingWith("limits.max_order_notional:");
        assertThatIllegalArgumentException().isThrownBy(() -> b.maxOrderNotional(Ceilings.MAX_ORDER_NOTIONAL + 1))
                .withMessageStartingWith("limits.max_order_notional:");
        assertThatIllegalArgumentException().isThrownBy(() -> b.maxOrdersPerWindow(0))
                .withMessageStartingWith("limits.max_orders_per_minute:");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> b.maxOrdersPerWindow(Ceilings.MAX_ORDERS_PER_WINDOW + 1))
                .withMessageStartingWith("limits.max_orders_per_minute:");
        assertThatIllegalArgumentException().isThrownBy(() -> b.priceBandPct(-1.0))
                .withMessageStartingWith("limits.price_band_pct:");
        assertThatIllegalArgumentException().isThrownBy(() -> b.priceBandPct(Ceilings.MAX_PRICE_BAND_PCT + 0.1))
                .withMessageStartingWith("limits.price_band_pct:");
    }

    @Test
    void acceptsOrderSettingsExactlyAtTheirCeilings() {
        Limits limits = Limits.builder(ALLOWLIST)
                .maxEnabledSymbols(Ceilings.MAX_ENABLED_SYMBOLS)
                .maxOrderNotional(Ceilings.MAX_ORDER_NOTIONAL)
                .maxOrdersPerWindow(Ceilings.MAX_ORDERS_PER_WINDOW)
                .priceBandPct(Ceilings.MAX_PRICE_BAND_PCT)
                .build();

        assertThat(limits.maxOrderNotional()).isEqualTo(Ceilings.MAX_ORDER_NOTIONAL);
        assertThat(limits.maxOrdersPerWindow()).isEqualTo(Ceilings.MAX_ORDERS_PER_WINDOW);
        assertThat(limits.priceBandPct()).isEqualTo(Ceilings.MAX_PRICE_BAND_PCT);
    }

    @Test
    void allowlistAndRangesCannotBeModifiedAfterBuild() {
        Limits limits = Limits.hard(ALLOWLIST);

        assertThatThrownBy(() -> limits.allowlist().add("PEPEUSDT"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> limits.ranges().put("max_position_pct", new Range(0, 100)))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void constructorRefusesLimitsOutsideTheHardCeilingsWhateverPathBuildsThem() {
        Limits hard = Limits.hard(java.util.Set.of("BTCUSDT"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Limits(new Range(0.1, 50.0), hard.stopLossPct(),
                        hard.takeProfitPct(), hard.breakoutLookback(), hard.maxLeverage(), hard.sizeMultiplier(),
                        hard.dailyLossLimitPct(), hard.maxEnabledSymbols(), hard.allowlist(), hard.maxOrderNotional(),
                        hard.maxOrdersPerWindow(), hard.orderRateWindowMillis(), hard.priceBandPct()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("limits.max_position_pct:");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new Limits(hard.maxPositionPct(), hard.stopLossPct(),
                        hard.takeProfitPct(), hard.breakoutLookback(), hard.maxLeverage(), hard.sizeMultiplier(),
                        hard.dailyLossLimitPct(), hard.maxEnabledSymbols(), hard.allowlist(), hard.maxOrderNotional(),
                        0, hard.orderRateWindowMillis(), hard.priceBandPct()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageStartingWith("limits.max_orders_per_minute:");
    }
}
