package dev.leash.backtest;

import dev.leash.engine.OrderIntent;
import dev.leash.venue.Fill;
import dev.leash.venue.Side;

import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;
import java.util.RandomAccess;

/**
 * A backtest's fills as primitive columns in chunks of {@value #CHUNK} (a full chunk is never copied), read as an
 * unmodifiable list of {@link Fill}: each {@link #get} builds the fill, ids included, exactly as the simulated
 * exchange's object path reports it, so a report pays for the fills it reads and the run for none.
 */
final class FillColumns extends AbstractList<Fill> implements RandomAccess {

    private static final int CHUNK_BITS = 10;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int SEQ_BITS = 20;
    private static final long SEQ_MASK = (1L << SEQ_BITS) - 1;

    private final List<String> symbols;
    private int size;
    /** The first fill's number at the exchange; the others follow it one by one. */
    private long firstSeq;
    private int[][] sym = new int[1][];
    private long[][] key = new long[1][];
    private double[][] signedQty = new double[1][];
    private double[][] price = new double[1][];
    private double[][] fee = new double[1][];
    private double[][] realized = new double[1][];
    private long[][] time = new long[1][];

    FillColumns(List<String> symbols) {
        this.symbols = List.copyOf(symbols);
    }

    /** An order's key: its bar above, its sequence within the bar (below 2^20) in the low bits. */
    static long key(long bar, int seq) {
        if (bar < 0 || seq < 0 || seq > SEQ_MASK || bar > (Long.MAX_VALUE >>> SEQ_BITS)) {
            throw new IllegalArgumentException("order " + bar + "/" + seq + " cannot be keyed");
        }
        return (bar << SEQ_BITS) | seq;
    }

    static long bar(long key) {
        return key >>> SEQ_BITS;
    }

    static int seq(long key) {
        return (int) (key & SEQ_MASK);
    }

    /** Appends the fill numbered {@code n} at the exchange of the order {@code orderKey} (see {@link #key}). */
    void add(int s, long orderKey, double signed, double fillPrice, double fillFee, double pnl, long t, long n) {
        if (size == 0) {
            firstSeq = n;
        } else if (n != firstSeq + size) {
            throw new IllegalStateException("fill " + n + " does not follow fill " + (firstSeq + size - 1));
        }
        int c = size >>> CHUNK_BITS;
        int at = size & (CHUNK - 1);
        if (at == 0) {
            grow(c);
        }
        sym[c][at] = s;
        key[c][at] = orderKey;
        signedQty[c][at] = signed;
        price[c][at] = fillPrice;
        fee[c][at] = fillFee;
        realized[c][at] = pnl;
        time[c][at] = t;
        size++;
    }

    private void grow(int c) {
        if (c == sym.length) {
            int n = c * 2;
            sym = Arrays.copyOf(sym, n);
            key = Arrays.copyOf(key, n);
            signedQty = Arrays.copyOf(signedQty, n);
            price = Arrays.copyOf(price, n);
            fee = Arrays.copyOf(fee, n);
            realized = Arrays.copyOf(realized, n);
            time = Arrays.copyOf(time, n);
        }
        sym[c] = new int[CHUNK];
        key[c] = new long[CHUNK];
        signedQty[c] = new double[CHUNK];
        price[c] = new double[CHUNK];
        fee[c] = new double[CHUNK];
        realized[c] = new double[CHUNK];
        time[c] = new long[CHUNK];
    }

    int sym(int i) {
        return sym[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    long key(int i) {
        return key[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    double signedQty(int i) {
        return signedQty[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    double price(int i) {
        return price[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    double fee(int i) {
        return fee[i >>> CHUNK_BITS][i & (CHUNK - 1)];
    }

    double realized(int i) {
        return realized[i >>> CHUNK_BITS][i & (CHUNK - 1)];
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
        String symbol = symbols.get(sym(i));
        long k = key(i);
        String clientOrderId = OrderIntent.clientOrderId(symbol, bar(k), seq(k));
        double q = signedQty(i);
        return new Fill("simfill-" + (firstSeq + i), clientOrderId, "sim-" + clientOrderId, symbol, Side.ofSign(q),
                Math.abs(q), price(i), fee(i), realized(i), time[i >>> CHUNK_BITS][i & (CHUNK - 1)], false);
    }
}
