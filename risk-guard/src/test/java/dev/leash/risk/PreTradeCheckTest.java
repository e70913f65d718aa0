package dev.leash.risk;

import static dev.leash.risk.Fixtures.ALLOWLIST;
import static dev.leash.risk.Fixtures.base;
import static dev.leash.risk.Fixtures.from;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Equity 100,000 USDT; BTC at 50,000, ETH at 2,000, SOL at 100 (disabled). The base parameters allow 1 % of equity
 * per position (0.02 BTC) and 2x leverage.
 */
class PreTradeCheckTest {

    private static final List<String> ORDER = List.of("BTCUSDT", "ETHUSDT", "SOLUSDT");
    private static final int BTC = 0;
    private static final int ETH = 1;
    private static final int SOL = 2;
    private static final double EQUITY = 100_000;
    private static final double BTC_PRICE = 50_000;

    private final Limits hard = Limits.hard(ALLOWLIST);
    private PreTradeCheck check = new PreTradeCheck(hard, ORDER.size());
    private RiskParams params = compile(base(), hard);
    private final FakeAccount account = FakeAccount.flat(EQUITY, BTC_PRICE, 2_000, 100);

    private static RiskParams compile(Params p, Limits limits) {
        return RiskParams.compile(p, ORDER, limits);
    }

    private OrderReject order(int symbol, double qty, double price) {
        return order(symbol, qty, price, TradingState.ACTIVE, 0L);
    }

    private OrderReject order(int symbol, double qty, double price, TradingState state, long nowMillis) {
        return check.check(symbol, qty, price, state, params, account, nowMillis);
    }

    private OrderReject buyBtc(double qty) {
        return order(BTC, qty, BTC_PRICE);
    }

    @Test
    void acceptsAnOrderWithinEveryLimit() {
        assertThat(buyBtc(0.01)).isEqualTo(OrderReject.NONE);
        assertThat(order(ETH, -0.25, 2_000)).isEqualTo(OrderReject.NONE);
    }

    @Nested
    class InvalidOrder {

        @ParameterizedTest
        @ValueSource(doubles = {Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
        void rejectsAQuantityThatIsNotANonZeroFiniteNumber(double qty) {
            assertThat(buyBtc(qty)).isEqualTo(OrderReject.INVALID_ORDER);
        }

        @ParameterizedTest
        @ValueSource(doubles = {-50_000, 0.0, Double.NaN, Double.POSITIVE_INFINITY})
        void rejectsAPriceThatIsNotPositiveAndFinite(double price) {
            assertThat(order(BTC, 0.01, price)).isEqualTo(OrderReject.INVALID_ORDER);
        }

        @ParameterizedTest
        @ValueSource(ints = {-1, 3, Integer.MAX_VALUE})
        void rejectsAnUnknownSymbolIndex(int symbol) {
            assertThat(order(symbol, 0.01, BTC_PRICE)).isEqualTo(OrderReject.INVALID_ORDER);
        }

        @Test
        void rejectsASymbolTheCheckWasNotSizedFor() {
            check = new PreTradeCheck(hard, 2);

            assertThat(order(SOL, 1, 100)).isEqualTo(OrderReject.INVALID_ORDER);
        }

        @Test
        void reportsAnInvalidOrderEvenWhenHalted() {
            assertThat(order(BTC, Double.NaN, BTC_PRICE, TradingState.HALTED, 0)).isEqualTo(OrderReject.INVALID_ORDER);
        }
    }

    @Nested
    class TradingStates {

        @Test
        void haltedBlocksEverythingIncludingExits() {
            account.position(BTC, 0.02);

            assertThat(order(BTC, 0.01, BTC_PRICE, TradingState.HALTED, 0)).isEqualTo(OrderReject.HALTED);
            assertThat(order(BTC, -0.01, BTC_PRICE, TradingState.HALTED, 0)).isEqualTo(OrderReject.HALTED);
            assertThat(order(BTC, -0.02, BTC_PRICE, TradingState.HALTED, 0)).isEqualTo(OrderReject.HALTED);
        }

        @Test
        void reduceOnlyBlocksNewExposureFromFlat() {
            assertThat(order(BTC, 0.01, BTC_PRICE, TradingState.REDUCE_ONLY, 0)).isEqualTo(OrderReject.REDUCE_ONLY);
            assertThat(order(BTC, -0.01, BTC_PRICE, TradingState.REDUCE_ONLY, 0)).isEqualTo(OrderReject.REDUCE_ONLY);
        }

        @Test
        void reduceOnlyAllowsShrinkingOrClosingAPosition() {
            account.position(BTC, 0.02).position(ETH, -1.0);

            assertThat(order(BTC, -0.01, BTC_PRICE, TradingState.REDUCE_ONLY, 0)).isEqualTo(OrderReject.NONE);
            assertThat(order(BTC, -0.02, BTC_PRICE, TradingState.REDUCE_ONLY, 0)).isEqualTo(OrderReject.NONE);
            assertThat(order(ETH, 0.5, 2_000, TradingState.REDUCE_ONLY, 0)).isEqualTo(OrderReject.NONE);
        }

        @Test
        void reduceOnlyBlocksAddingToAPosition() {
            account.position(BTC, 0.01);

            assertThat(order(BTC, 0.001, BTC_PRICE, TradingState.REDUCE_ONLY, 0)).isEqualTo(OrderReject.REDUCE_ONLY);
        }

        @Test
        void aFlipIsNotReducing() {
            account.position(BTC, 0.01);

            assertThat(order(BTC, -0.02, BTC_PRICE, TradingState.REDUCE_ONLY, 0)).isEqualTo(OrderReject.REDUCE_ONLY);
        }

        @Test
        void aFlipIsCheckedAsNewExposure() {
            account.position(BTC, 0.01).equity(96_000); // 4 % down on the day, past the 3 % limit

            assertThat(buyBtc(-0.02)).isEqualTo(OrderReject.DAILY_LOSS_LIMIT);
            assertThat(buyBtc(-0.01)).isEqualTo(OrderReject.NONE);
        }

        @ParameterizedTest
        @EnumSource(value = TradingMode.class, names = {"PAUSED", "REDUCE_ONLY"})
        void aParamsTradingModeOtherThanActiveActsLikeReduceOnly(TradingMode mode) {
            params = compile(from(base()).tradingMode(mode).build(), hard);
            account.position(BTC, 0.02);

            assertThat(buyBtc(0.001)).isEqualTo(OrderReject.REDUCE_ONLY);
            assertThat(order(ETH, -0.1, 2_000)).isEqualTo(OrderReject.REDUCE_ONLY);
            assertThat(buyBtc(-0.01)).isEqualTo(OrderReject.NONE);
        }
    }

    @Nested
    class Symbols {

        @Test
        void rejectsNewExposureInADisabledSymbol() {
            assertThat(order(SOL, 1, 100)).isEqualTo(OrderReject.SYMBOL_DISABLED);
        }

        @Test
        void allowsExitingADisabledSymbol() {
            account.position(SOL, 5);

            assertThat(order(SOL, -5, 100)).isEqualTo(OrderReject.NONE);
        }

        @Test
        void treatsASymbolOffTheAllowlistAsDisabledWhateverTheParamsSay() {
            Limits btcAndEthOnly = Limits.hard(Set.of("BTCUSDT", "ETHUSDT"));
            params = compile(from(base()).symbol("SOLUSDT", true, 1.0).build(), btcAndEthOnly);
            check = new PreTradeCheck(btcAndEthOnly, ORDER.size());

            assertThat(order(SOL, 1, 100)).isEqualTo(OrderReject.SYMBOL_DISABLED);
        }

        @Test
        void treatsASymbolMissingFromTheParamsAsDisabled() {
            params = compile(from(base()).withoutSymbol("ETHUSDT").build(), hard);

            assertThat(order(ETH, 0.1, 2_000)).isEqualTo(OrderReject.SYMBOL_DISABLED);
        }
    }

    @Nested
    class PriceBand {

        @Test
        void acceptsAPriceAtTheEdgeOfTheBand() {
            assertThat(order(BTC, 0.01, 51_000)).isEqualTo(OrderReject.NONE);
            assertThat(order(BTC, 0.01, 49_000)).isEqualTo(OrderReject.NONE);
        }

        @Test
        void rejectsAPriceOutsideTheBand() {
            assertThat(order(BTC, 0.01, 51_000.01)).isEqualTo(OrderReject.PRICE_BAND);
            assertThat(order(BTC, 0.01, 48_999.99)).isEqualTo(OrderReject.PRICE_BAND);
        }

        @ParameterizedTest
        @ValueSource(doubles = {0.0, -1.0, Double.NaN})
        void rejectsEveryOrderWhenTheLastPriceIsUnknown(double last) {
            account.lastPrice(BTC, last).position(BTC, 0.02);

            assertThat(buyBtc(0.01)).isEqualTo(OrderReject.PRICE_BAND);
            assertThat(buyBtc(-0.01)).isEqualTo(OrderReject.PRICE_BAND);
        }

        @Test
        void measuresTheBandFromTheReferencePriceNotTheTriggeringTrade() {
            account.lastPrice(BTC, 70_000).referencePrice(BTC, BTC_PRICE); // a 40 % print; the mark did not move

            assertThat(order(BTC, 0.01, 70_000)).isEqualTo(OrderReject.PRICE_BAND);
            assertThat(order(BTC, 0.01, 50_500)).isEqualTo(OrderReject.NONE);
        }

        @Test
        void appliesToExitsToo() {
            account.position(BTC, 0.02);

            assertThat(order(BTC, -0.01, 45_000)).isEqualTo(OrderReject.PRICE_BAND);
        }

        @Test
        void usesTheOperatorBand() {
            check = new PreTradeCheck(Limits.builder(ALLOWLIST).priceBandPct(5.0).build(), ORDER.size());

            assertThat(order(BTC, 0.01, 52_500)).isEqualTo(OrderReject.NONE);
            assertThat(order(BTC, 0.01, 52_501)).isEqualTo(OrderReject.PRICE_BAND);
        }
    }

    @Nested
    class Notional {

        @Test
        void rejectsAnOrderAboveTheDefaultNotionalBeforeLookingAtThePosition() {
            assertThat(buyBtc(5.0)).isEqualTo(OrderReject.POSITION_LIMIT); // 250,000 USDT: notional passes
            assertThat(buyBtc(5.0001)).isEqualTo(OrderReject.NOTIONAL_LIMIT);
        }

        @Test
        void measuresTheBandFromTheReferencePriceNotTheTriggeringTrade() {
            account.lastPrice(BTC, 70_000).referencePrice(BTC, BTC_PRICE); // a 40 % print; the mark did not move

            assertThat(order(BTC, 0.01, 70_000)).isEqualTo(OrderReject.PRICE_BAND);
            assertThat(order(BTC, 0.01, 50_500)).isEqualTo(OrderReject.NONE);
        }

        @Test
        void appliesToExitsToo() {
            account.position(BTC, 10);

            assertThat(buyBtc(-5.0001)).isEqualTo(OrderReject.NOTIONAL_LIMIT);
            assertThat(buyBtc(-5.0)).isEqualTo(OrderReject.NONE);
        }

        @Test
        void usesTheOperatorLimit() {
            check = new PreTradeCheck(Limits.builder(ALLOWLIST).maxOrderNotional(500).build(), ORDER.size());

            assertThat(buyBtc(0.01)).isEqualTo(OrderReject.NONE);
            assertThat(buyBtc(0.0101)).isEqualTo(OrderReject.NOTIONAL_LIMIT);
        }
    }

    @Nested
    class DailyLoss {

        @Test
        void haltsNewExposureAtTheDefaultThreePercent() {
            params = compile(from(base()).dailyLossLimitPct(Ceilings.DEFAULT_DAILY_LOSS_LIMIT_PCT).build(), hard);

            account.equity(97_000.01);
            assertThat(check.dailyLossBreached(params, account)).isFalse();
            assertThat(buyBtc(0.01)).isEqualTo(OrderReject.NONE);

            account.equity(97_000);
            assertThat(check.dailyLossBreached(params, account)).isTrue();
            assertThat(buyBtc(0.01)).isEqualTo(OrderReject.DAILY_LOSS_LIMIT);
        }

        @Test
        void usesTheParamsLimit() {
            params = compile(from(base()).dailyLossLimitPct(1.0).build(), hard);

            assertThat(check.dailyLossBreached(params, account.equity(99_000.01))).isFalse();
            assertThat(check.dailyLossBreached(params, account.equity(99_000))).isTrue();
        }

        @Test
        void holdsParamsOutsideTheCeilingsToTheHardFivePercent() {
            params = compile(from(base()).dailyLossLimitPct(50.0).build(), hard);

            assertThat(check.dailyLossBreached(params, account.equity(95_000.01))).isFalse();
            assertThat(check.dailyLossBreached(params, account.equity(95_000))).isTrue();
            assertThat(buyBtc(0.01)).isEqualTo(OrderReject.DAILY_LOSS_LIMIT);
        }

        @Test
        void theCheckClampsToItsOwnLimitsAgain() {
            Limits tight = Limits.builder(ALLOWLIST).tighten("daily_loss_limit_pct", 0.5, 2.0).build();
            check = new PreTradeCheck(tight, ORDER.size());
            assertThat(params.dailyLossLimitPct()).isEqualTo(3.0);

            assertThat(check.dailyLossBreached(params, account.equity(98_000))).isTrue();
            assertThat(buyBtc(0.01)).isEqualTo(OrderReject.DAILY_LOSS_LIMIT);
        }

        @ParameterizedTest
        @ValueSource(doubles = {0.0, -10_000, Double.NaN})
        void rejectsNewExposureWithoutPositiveEquity(double equity) {
            account.equity(equity);

            assertThat(buyBtc(0.001)).isEqualTo(OrderReject.DAILY_LOSS_LIMIT);
        }

        @Test
        void allowsExitsAfterTheBreach() {
            account.position(BTC, 0.02).equity(90_000);

            assertThat(buyBtc(-0.02)).isEqualTo(OrderReject.NONE);
        }
    }

    @Nested
    class Position {

        @Test
        void acceptsAPositionOfExactlyTheLimitAndRejectsMore() {
            assertThat(buyBtc(0.02)).isEqualTo(OrderReject.NONE);
            assertThat(buyBtc(0.0201)).isEqualTo(OrderReject.POSITION_LIMIT);
            assertThat(buyBtc(-0.0201)).isEqualTo(OrderReject.POSITION_LIMIT);
        }

        @Test
        void countsTheExistingPosition() {
            account.position(BTC, 0.015);

            assertThat(buyBtc(0.005)).isEqualTo(OrderReject.NONE);
            assertThat(buyBtc(0.006)).isEqualTo(OrderReject.POSITION_LIMIT);
        }

        @Test
        void holdsParamsOutsideTheCeilingsToFivePercentOfEquity() {
            Params fiftyPercent = from(base()).maxPositionPct(50.0).build(); // only buildable directly
            params = compile(fiftyPercent, hard);

            assertThat(params.maxPositionPct()).isEqualTo(5.0);
            assertThat(buyBtc(0.1)).isEqualTo(OrderReject.NONE);
            assertThat(buyBtc(0.1001)).isEqualTo(OrderReject.POSITION_LIMIT);
        }

        @Test
        void theCheckClampsToItsOwnLimitsAgain() {
            params = compile(from(base()).maxPositionPct(5.0).build(), hard);
            check = new PreTradeCheck(Limits.builder(ALLOWLIST).tighten("max_position_pct", 0.1, 2.0).build(),
                    ORDER.size());

            assertThat(buyBtc(0.04)).isEqualTo(OrderReject.NONE);
            assertThat(buyBtc(0.0401)).isEqualTo(OrderReject.POSITION_LIMIT);
        }

        @Test
        void scalesTheLimitByAMultiplierAboveOne() {
            params = compile(from(base()).maxPositionPct(2.0).symbol("BTCUSDT", true, 1.5).build(), hard);

            assertThat(buyBtc(0.06)).isEqualTo(OrderReject.NONE);
            assertThat(buyBtc(0.0601)).isEqualTo(OrderReject.POSITION_LIMIT);
        }

        @Test
        void neverScalesPastTheHardCeiling() {
            params = compile(from(base()).maxPositionPct(4.0).symbol("BTCUSDT", true, 1.5).build(), hard);

            assertThat(buyBtc(0.1)).isEqualTo(OrderReject.NONE);
            assertThat(buyBtc(0.1001)).isEqualTo(OrderReject.POSITION_LIMIT);
        }

        @Test
        void failsClosedWhenThePositionIsUnknown() {
            account.position(BTC, Double.NaN);

            assertThat(buyBtc(0.001)).isEqualTo(OrderReject.POSITION_LIMIT);
        }
    }

    @Nested
    class Leverage {

        @Test
        void countsPositionsInOtherSymbols() {
            params = compile(from(base()).maxLeverage(1.0).build(), hard);
            account.position(ETH, 49.75); // 99,500 USDT

            assertThat(buyBtc(0.01)).isEqualTo(OrderReject.NONE);
            assertThat(buyBtc(0.0101)).isEqualTo(OrderReject.LEVERAGE_LIMIT);
        }

        @Test
        void countsShortsByTheirSize() {
            params = compile(from(base()).maxLeverage(1.0).build(), hard);
            account.position(ETH, -49.75);

            assertThat(buyBtc(0.0101)).isEqualTo(OrderReject.LEVERAGE_LIMIT);
        }

        @Test
        void holdsParamsOutsideTheCeilingsToThreeTimesEquity() {
            params = compile(from(base()).maxLeverage(10.0).build(), hard);

            assertThat(order(BTC, 0.01, BTC_PRICE)).isEqualTo(OrderReject.NONE);
            account.position(ETH, 149.75);
            assertThat(buyBtc(0.01)).isEqualTo(OrderReject.NONE);
            assertThat(buyBtc(0.0101)).isEqualTo(OrderReject.LEVERAGE_LIMIT);
        }

        @Test
        void theCheckClampsToItsOwnLimitsAgain() {
            check = new PreTradeCheck(Limits.builder(ALLOWLIST).tighten("max_leverage", 1.0, 1.5).build(),
                    ORDER.size());
            account.position(ETH, 74.75);

            assertThat(buyBtc(0.01)).isEqualTo(OrderReject.NONE);
            assertThat(buyBtc(0.0101)).isEqualTo(OrderReject.LEVERAGE_LIMIT);
        }

        @Test
        void failsClosedWhenAnotherSymbolsPriceIsUnknown() {
            account.position(ETH, 10).lastPrice(ETH, Double.NaN);

            assertThat(buyBtc(0.001)).isEqualTo(OrderReject.LEVERAGE_LIMIT);
        }

        @Test
        void aFlatSymbolWithoutAPriceYetAddsNoExposure() {
            account.position(ETH, 0).lastPrice(ETH, Double.NaN);

            assertThat(buyBtc(0.001)).isEqualTo(OrderReject.NONE);
        }
    }

    @Nested
    class Rate {

        private static final long WINDOW = Ceilings.ORDER_RATE_WINDOW_MILLIS;
        private final int n = Limits.DEFAULT_MAX_ORDERS_PER_WINDOW;

        private OrderReject buyAt(long millis) {
            return order(BTC, 0.001, BTC_PRICE, TradingState.ACTIVE, millis);
        }

        private void fillTheWindowAt(long millis) {
            for (int i = 0; i < n; i++) {
                assertThat(buyAt(millis)).as("order %d at %d ms", i + 1, millis).isEqualTo(OrderReject.NONE);
            }
        }

        @Test
        void acceptsNOrdersInTheWindowAndRejectsTheNext() {
            for (int i = 0; i < n; i++) {
                assertThat(buyAt(i * 1_000L)).isEqualTo(OrderReject.NONE);
            }

            assertThat(buyAt(WINDOW - 1)).isEqualTo(OrderReject.RATE_LIMIT);
        }

        @Test
        void acceptsAgainWhenTheOldestOrderLeavesTheWindow() {
            for (int i = 0; i < n; i++) {
                buyAt(i * 1_000L);
            }

            assertThat(buyAt(WINDOW)).isEqualTo(OrderReject.NONE);
            assertThat(buyAt(WINDOW + 999)).isEqualTo(OrderReject.RATE_LIMIT);
            assertThat(buyAt(WINDOW + 1_000)).isEqualTo(OrderReject.NONE);
        }

        @Test
        void rejectedOrdersDoNotConsumeTheRate() {
            for (int i = 0; i < 10; i++) {
                assertThat(buyBtc(1.0)).isEqualTo(OrderReject.POSITION_LIMIT);
            }
            fillTheWindowAt(0);
            for (int i = 0; i < 10; i++) {
                assertThat(buyAt(WINDOW / 2)).isEqualTo(OrderReject.RATE_LIMIT);
            }

            fillTheWindowAt(WINDOW);
            assertThat(buyAt(WINDOW)).isEqualTo(OrderReject.RATE_LIMIT);
        }

        @Test
        void countsEachSymbolOnItsOwn() {
            fillTheWindowAt(0);

            assertThat(order(ETH, 0.1, 2_000, TradingState.ACTIVE, 0)).isEqualTo(OrderReject.NONE);
        }

        @Test
        void exitsSkipTheRateLimitAndDoNotConsumeIt() {
            account.position(BTC, 0.01);
            for (int i = 0; i < 3 * n; i++) {
                assertThat(order(BTC, -0.0001, BTC_PRICE, TradingState.ACTIVE, 0)).isEqualTo(OrderReject.NONE);
            }

            fillTheWindowAt(0);
            assertThat(order(BTC, -0.0001, BTC_PRICE, TradingState.ACTIVE, 0)).isEqualTo(OrderReject.NONE);
            assertThat(buyAt(0)).isEqualTo(OrderReject.RATE_LIMIT);
        }

        @Test
        void usesTheOperatorRate() {
            check = new PreTradeCheck(Limits.builder(ALLOWLIST).maxOrdersPerWindow(2).build(), ORDER.size());

            assertThat(buyAt(0)).isEqualTo(OrderReject.NONE);
            assertThat(buyAt(1)).isEqualTo(OrderReject.NONE);
            assertThat(buyAt(2)).isEqualTo(OrderReject.RATE_LIMIT);
        }
    }

    @Test
    void exitsSkipExposureLossAndRateChecks() {
        params = compile(from(base()).maxLeverage(1.0).build(), hard);
        account.position(BTC, 1.0).position(ETH, 100).equity(80_000); // 20x the position limit, 3x leverage, -20 %

        assertThat(buyBtc(-0.5)).isEqualTo(OrderReject.NONE);
        assertThat(order(ETH, -100, 2_000)).isEqualTo(OrderReject.NONE);
    }
}
