package dev.leash.risk;

import java.util.Arrays;

/** An account the tests set up by hand: equity, start-of-day equity, positions and last prices. */
final class FakeAccount implements Exposure {

    private double equity;
    private double startOfDayEquity;
    private final double[] position;
    private final double[] lastPrice;
    /** Set per symbol by {@link #referencePrice(int, double)}; NaN means the last price is the reference. */
    private final double[] reference;

    private FakeAccount(double equity, double[] lastPrice) {
        this.equity = equity;
        this.startOfDayEquity = equity;
        this.lastPrice = lastPrice.clone();
        this.position = new double[lastPrice.length];
        this.reference = new double[lastPrice.length];
        Arrays.fill(reference, Double.NaN);
    }

    /** A flat account whose equity has not moved today. */
    static FakeAccount flat(double equity, double... lastPrices) {
        return new FakeAccount(equity, lastPrices);
    }

    FakeAccount position(int symbol, double qty) {
        position[symbol] = qty;
        return this;
    }

    FakeAccount lastPrice(int symbol, double price) {
        lastPrice[symbol] = price;
        return this;
    }

    /** A reference price for the band that differs from the last trade (a mark price). */
    FakeAccount referencePrice(int symbol, double price) {
        reference[symbol] = price;
        return this;
    }

    /** Equity now; start-of-day equity stays where it was. */
    FakeAccount equity(double value) {
        equity = value;
        return this;
    }

    FakeAccount startOfDayEquity(double value) {
        startOfDayEquity = value;
        return this;
    }

    @Override
    public double equity() {
        return equity;
    }

    @Override
    public double startOfDayEquity() {
        return startOfDayEquity;
    }

    @Override
    public int symbolCount() {
        return position.length;
    }

    @Override
    public double position(int symbol) {
        return position[symbol];
    }

    @Override
    public double lastPrice(int symbol) {
        return lastPrice[symbol];
    }

    @Override
    public double referencePrice(int symbol) {
        return Double.isNaN(reference[symbol]) ? lastPrice[symbol] : reference[symbol];
    }

    @Override
    public String toString() {
        return "FakeAccount[equity=" + equity + ", startOfDay=" + startOfDayEquity + ", position="
                + Arrays.toString(position) + ", lastPrice=" + Arrays.toString(lastPrice) + "]";
    }
}
