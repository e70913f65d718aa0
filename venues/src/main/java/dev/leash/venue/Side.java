package dev.leash.venue;

/** Order or fill side. */
public enum Side {
    BUY, SELL;

    /** +1 for BUY, -1 for SELL. */
    public int sign() {
        return this == BUY ? 1 : -1;
    }

    public Side opposite() {
        return this == BUY ? SELL : BUY;
    }

    public static Side ofSign(double signedQty) {
        return signedQty >= 0 ? BUY : SELL;
    }
}
