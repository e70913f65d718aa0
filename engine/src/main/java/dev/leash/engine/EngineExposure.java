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

    /**
     * The position, or the position the order in flight would leave where that is larger: an order sent and not
     * filled yet (a market order waits for the venue's next price) already counts against the limits.
     */
    @Override
    public double position(int symbol) {
        SymbolState s = symbols[symbol];
        double withPending = s.position + s.pendingQty;
        return Math.abs(withPending) > Math.abs(s.position) ? withPending : s.position;
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
