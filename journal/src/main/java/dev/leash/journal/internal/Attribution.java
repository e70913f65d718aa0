package dev.leash.journal.internal;

/**
 * Which parameter version a fill belongs to, from the symbol's position before it: a fill that opens a position from
 * flat belongs to its own version; a fill that adds to or reduces a position belongs to the version that opened that
 * position; a reversal belongs to the version of the position it closes and opens the next one under its own.
 * A reduce-only fill never opens anything: when the journal saw no position for it to reduce (the opening fill was
 * never journaled) it is credited to its own version and leaves the journal flat.
 *
 * @param openedBy the version credited with the fill's realized P&L and fee
 * @param closedQty how much of the fill closed a position (0 for an opening or adding fill)
 * @param positionAfter the signed position after the fill
 * @param positionOpenedBy the version that opened {@code positionAfter}; {@link #NONE} when flat
 */
record Attribution(long openedBy, double closedQty, double positionAfter, long positionOpenedBy) {

    /** No version: the position is flat. */
    static final long NONE = -1;

    /** The position before the first journaled fill of a symbol. */
    static final Attribution FLAT = new Attribution(NONE, 0, 0, NONE);

    /**
     * The attribution of a fill of {@code signedQty} (positive buys) made by an order of {@code version}, after a
     * fill whose attribution was {@code before}.
     */
    static Attribution next(Attribution before, double signedQty, long version, boolean reduceOnly) {
        double pos = before.positionAfter();
        double qty = Math.abs(signedQty);
        if (isFlat(pos, qty)) {
            return reduceOnly ? new Attribution(version, qty, 0, NONE) : new Attribution(version, 0, signedQty, version);
        }
        if (Math.signum(pos) == Math.signum(signedQty)) {
            return reduceOnly ? new Attribution(version, qty, pos, before.positionOpenedBy())
                    : new Attribution(before.positionOpenedBy(), 0, pos + signedQty, before.positionOpenedBy());
        }
        double closed = Math.min(Math.abs(pos), qty);
        double after = pos + signedQty;
        if (isFlat(after, Math.abs(pos)) || (reduceOnly && Math.signum(after) != Math.signum(pos))) {
            return new Attribution(before.positionOpenedBy(), closed, 0, NONE);
        }
        long openedBy = Math.signum(after) == Math.signum(pos) ? before.positionOpenedBy() : version;
        return new Attribution(before.positionOpenedBy(), closed, after, openedBy);
    }

    /** Closer to zero than a billionth of the quantities involved: lots are at least 1e-8 of a contract. */
    private static boolean isFlat(double position, double scale) {
        return Math.abs(position) <= 1e-9 * Math.max(1, scale);
    }
}
