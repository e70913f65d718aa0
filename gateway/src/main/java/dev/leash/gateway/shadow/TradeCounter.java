package dev.leash.gateway.shadow;

/** Counts round trips closed: a position that returns to flat or flips side closes one. Not thread-safe. */
final class TradeCounter {

    private final double[] position;
    private int closed;

    TradeCounter(int symbols) {
        this.position = new double[symbols];
    }

    /** Below this a position is flat: a position summed from fills keeps rounding dust (13.4 - 13.4 = 1e-15). */
    private static final double DUST = 1e-10;

    /** The symbol's position is now {@code qty} (signed). */
    void position(int sym, double qty) {
        if (Math.abs(qty) < DUST) {
            qty = 0;
        }
        double before = position[sym];
        if (before != 0 && (qty == 0 || Math.signum(qty) != Math.signum(before))) {
            closed++;
        }
        position[sym] = qty;
    }

    /** The positions it last saw, for a checkpoint. */
    double[] positions() {
        return position.clone();
    }

    /** Continues from a checkpoint's positions and count. */
    void restore(double[] positions, int closedSoFar) {
        System.arraycopy(positions, 0, position, 0, Math.min(positions.length, position.length));
        closed = closedSoFar;
    }

    int closed() {
        return closed;
    }
}
