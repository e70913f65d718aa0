package dev.leash.venue.lmex;

import dev.leash.venue.Instrument;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A market's trading rules as {@code market_summary} gives them. LMEX sizes are in contracts: {@code sizeIncrement}
 * and {@code minOrderSize} count contracts, and one contract is {@code contractSize} units of the base coin (e.g.
 * 0.001 BTC). The gateway's quantities are in base units, so quantity = contracts x contractSize both ways; with
 * {@code contractSize == 1} the two are the same number. Prices are per one base unit and need no conversion.
 */
record LmexSpec(String symbol, double tickSize, double sizeIncrement, double minOrderSize, double contractSize) {

    LmexSpec {
        if (!(tickSize > 0) || !(sizeIncrement > 0) || !(minOrderSize > 0) || !(contractSize > 0)) {
            throw new IllegalArgumentException("lmex market " + symbol + " has a non-positive increment, minimum"
                    + " or contract size");
        }
    }

    /**
     * The gateway's view, in base units: lot step = sizeIncrement x contractSize, minimum = minOrderSize x
     * contractSize. LMEX publishes no minimum notional (orders under 5 USDT are flagged as spam, not refused), so 0.
     */
    Instrument instrument() {
        return new Instrument(symbol, tickSize, baseQty(sizeIncrement, contractSize),
                baseQty(minOrderSize, contractSize), 0);
    }

    /** Contracts for a base quantity, rounded down to {@code sizeIncrement} (never up). */
    BigDecimal contractsDown(double qty) {
        BigDecimal inc = BigDecimal.valueOf(sizeIncrement);
        BigDecimal steps = BigDecimal.valueOf(qty).divide(BigDecimal.valueOf(contractSize), 12, RoundingMode.HALF_EVEN)
                .divide(inc, 0, RoundingMode.FLOOR);
        return plain(steps.multiply(inc));
    }

    /** Base units of {@code contracts} contracts, exact in decimal (2 x 0.001 is 0.002, not 0.0020000000000000005). */
    static double baseQty(double contracts, double contractSize) {
        return BigDecimal.valueOf(contracts).multiply(BigDecimal.valueOf(contractSize)).doubleValue();
    }

    /** The price rounded to the nearest tick, as a plain decimal. */
    BigDecimal price(double price) {
        BigDecimal tick = BigDecimal.valueOf(tickSize);
        return plain(BigDecimal.valueOf(price).divide(tick, 0, RoundingMode.HALF_EVEN).multiply(tick));
    }

    static BigDecimal plain(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
