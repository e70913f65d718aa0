package dev.leash.bench;

import dev.leash.risk.Exposure;

/** An account over primitive arrays, as the engine keeps it. */
final class ArrayExposure implements Exposure {

    private final double equity;
    private final double startOfDayEquity;
    private final double[] positions;
    private final double[] lastPrices;

    ArrayExposure(double equity, double startOfDayEquity, double[] positions, double[] lastPrices) {
        if (positions.length != lastPrices.length) {
            throw new IllegalArgumentException("one position and one last price per symbol");
        }
        this.equity = equity;
        this.startOfDayEquity = startOfDayEquity;
        this.positions = positions.clone();
        this.lastPrices = lastPrices.clone();
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
        return positions.length;
    }

    @Override
    public double position(int symbol) {
        return positions[symbol];
    }

    @Override
    public double lastPrice(int symbol) {
        return lastPrices[symbol];
    }
}
