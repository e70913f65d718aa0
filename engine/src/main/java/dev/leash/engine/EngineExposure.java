package dev.leash.engine;

import dev.leash.risk.Exposure;

import java.util.function.DoubleSupplier;

/** The engine's own view of the account for the pre-trade check. */
final class EngineExposure implements Exposure {

    private final SymbolState[] symbols;
    private final TradingStatus status;
    private final DoubleSupplier equity;

    EngineExposure(SymbolState[] symbols, TradingStatus status, DoubleSupplier equity) {
        this.symbols = symbols;
        this.status = status;
        this.equity = equity;
    }

    @Override
    public double equity() {
        return equity.getAsDouble();
    }

    @Override
    public double startOfDayEquity() {
        return status.startOfDayEquity();
    }

    @Override
    public int symbolCount() {
        return symbols.length;
    }

    @Override
    public double position(int symbol) {
        return symbols[symbol].position;
    }

    @Override
    public double lastPrice(int symbol) {
        return symbols[symbol].lastPrice;
    }

    /** The venue's mark, else a median of recent trades: never the tick that triggered the order alone. */
    @Override
    public double referencePrice(int symbol) {
        return symbols[symbol].referencePrice();
    }
}
