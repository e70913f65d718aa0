package dev.leash.gateway.shadow;

/** Counts round trips closed: a position that returns to flat or flips side closes one. Not thread-safe. */
final class TradeCounter {

    private final double[] position;
    private int closed;

    TradeCounter(int symbols) {
        this.position = new double[symbols];
    }

    /** The symbol's position is now {@code qty} (signed). */
    void position(int sym, double qty) {
        double before = position[sym];
        if (before != 0 && (qty == 0 || Math.signum(qty) != Math.signum(before))) {
            closed++;
        }
        position[sym] = qty;
    }

    int closed() {
        return closed;
    }
}
