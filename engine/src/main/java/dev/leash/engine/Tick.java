package dev.leash.engine;

/** The newest trade of one symbol as a feed reports it; one reused holder, so a step allocates none. */
public final class Tick {

    private double price = Double.NaN;
    private double mark = Double.NaN;

    /**
     * Sets the trade price and the venue's mark price, the price band's reference (NaN where the venue has no mark
     * independent of its last trade).
     */
    public void set(double price, double mark) {
        this.price = price;
        this.mark = mark;
    }

    public double price() {
        return price;
    }

    public double mark() {
        return mark;
    }
}
