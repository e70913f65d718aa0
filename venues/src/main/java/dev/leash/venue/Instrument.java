package dev.leash.venue;

/** Trading rules of a symbol: price tick, quantity step, minimum quantity and minimum notional (quote). */
public record Instrument(String symbol, double tickSize, double lotStep, double minQty, double minNotional) {

    /** Rounds a quantity down to the lot step (never up: sizing must not exceed its budget). */
    public double roundQtyDown(double qty) {
        double steps = Math.floor(qty / lotStep + 1e-9);
        return Steps.clean(steps * lotStep, lotStep);
    }

    /** Rounds a price to the nearest tick. */
    public double roundPrice(double price) {
        return Steps.clean(Math.rint(price / tickSize) * tickSize, tickSize);
    }
}
