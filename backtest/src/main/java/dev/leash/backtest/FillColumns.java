package dev.leash.backtest;

import dev.leash.engine.OrderIntent;
import dev.leash.venue.Fill;
import dev.leash.venue.Side;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A backtest's fills as primitive columns, grown by doubling, read as an unmodifiable list of {@link Fill}: each
 * {@link #get} builds the fill, ids included, exactly as the simulated exchange's object path would have reported
 * it, so a report pays for the fills it reads and the run pays for none.
 */
final class FillColumns extends AbstractList<Fill> implements RandomAccess {

    private final List<String> symbols;
    private int size;
    private int[] sym = new int[64];
    private long[] bar = new long[64];
    private int[] seq = new int[64];
    private double[] signedQty = new double[64];
    private double[] price = new double[64];
    private double[] fee = new double[64];
    private double[] realized = new double[64];
    private long[] time = new long[64];
    private long[] fillSeq = new long[64];

    FillColumns(List<String> symbols) {
        this.symbols = List.copyOf(symbols);
    }

    /** Appends one fill of the order {@code bar}/{@code seq} (see {@link OrderIntent#clientOrderId}). */
    void add(int s, long orderBar, int orderSeq, double signed, double fillPrice, double fillFee, double pnl, long t,
             long n) {
        if (size == sym.length) {
            int cap = size * 2;
            sym = Arrays.copyOf(sym, cap);
            bar = Arrays.copyOf(bar, cap);
            seq = Arrays.copyOf(seq, cap);
            signedQty = Arrays.copyOf(signedQty, cap);
            price = Arrays.copyOf(price, cap);
            fee = Arrays.copyOf(fee, cap);
            realized = Arrays.copyOf(realized, cap);
            time = Arrays.copyOf(time, cap);
            fillSeq = Arrays.copyOf(fillSeq, cap);
        }
        sym[size] = s;
        bar[size] = orderBar;
        seq[size] = orderSeq;
        signedQty[size] = signed;
        price[size] = fillPrice;
        fee[size] = fillFee;
        realized[size] = pnl;
        time[size] = t;
        fillSeq[size] = n;
        size++;
    }

    int sym(int i) {
        return sym[i];
    }

    long bar(int i) {
        return bar[i];
    }

    int seq(int i) {
        return seq[i];
    }

    double signedQty(int i) {
        return signedQty[i];
    }

    double price(int i) {
        return price[i];
    }

    double fee(int i) {
        return fee[i];
    }

    double realized(int i) {
        return realized[i];
    }

    @Override
    public int size() {
        return size;
    }

    @Override
    public Fill get(int i) {
        if (i < 0 || i >= size) {
            throw new IndexOutOfBoundsException("fill " + i + " of " + size);
        }
        String symbol = symbols.get(sym[i]);
        String clientOrderId = OrderIntent.clientOrderId(symbol, bar[i], seq[i]);
        double q = signedQty[i];
        return new Fill("simfill-" + fillSeq[i], clientOrderId, "sim-" + clientOrderId, symbol, Side.ofSign(q),
                Math.abs(q), price[i], fee[i], realized[i], time[i], false);
    }
}
