package dev.leash.venue;

/**
 * A funding rate: {@code rate} per funding interval (0.0001 = 0.01 %), applied at {@code time}; for the current
 * rate, {@code nextFundingTime} is when it will be charged (epoch ms).
 */
public record FundingRate(String symbol, double rate, long time, long nextFundingTime) {
}
