package dev.leash.engine;

import java.util.Arrays;

/**
 * The port an engine driven by an {@link EngineDriver} is built with: orders wait here until the driver places them.
 * The engine's primitive orders wait as primitives (no intent, no id string), an {@link OrderIntent} sent as one
 * waits as it is; both leave in the order they came.
 */
public final class OrderQueue implements OrderPort {

    private OrderIntent[] intent = new OrderIntent[4];
    private long[] time = new long[4];
    private String[] symbol = new String[4];
    private long[] bar = new long[4];
    private int[] seq = new int[4];
    private double[] signedQty = new double[4];
    private double[] referencePrice = new double[4];
    private boolean[] reduceOnly = new boolean[4];
    private Action[] action = new Action[4];
    private long[] paramsVersion = new long[4];
    private int head;
    private int tail;

    @Override
    public void send(OrderIntent order) {
        int i = slot();
        intent[i] = order;
    }

    @Override
    public void send(long time, String symbol, long bar, int seq, double signedQty, double referencePrice,
                     boolean reduceOnly, Action action, long paramsVersion) {
        int i = slot();
        this.intent[i] = null;
        this.time[i] = time;
        this.symbol[i] = symbol;
        this.bar[i] = bar;
        this.seq[i] = seq;
        this.signedQty[i] = signedQty;
        this.referencePrice[i] = referencePrice;
        this.reduceOnly[i] = reduceOnly;
        this.action[i] = action;
        this.paramsVersion[i] = paramsVersion;
    }

    boolean isEmpty() {
        return head == tail;
    }

    /** Places the oldest waiting order through {@code route}, removes it and ends it at the engine when it ended. */
    void placeNext(Engine engine, OrderRoute route, long t, FillSink fills) {
        int i = head++;
        OrderIntent order = intent[i];
        if (order != null) {
            intent[i] = null;
            if (route.place(order, t, fills).ended()) {
                engine.onOrderDone(engine.indexOf(order.symbol()), order.clientOrderId());
            }
        } else if (route.place(time[i], symbol[i], bar[i], seq[i], signedQty[i], referencePrice[i], reduceOnly[i],
                action[i], paramsVersion[i], t, fills).ended()) {
            engine.onOrderDone(engine.indexOf(symbol[i]), bar[i], seq[i]);
        }
        if (head == tail) {
            head = 0;
            tail = 0;
        }
    }

    private int slot() {
        if (tail == intent.length) {
            int n = tail * 2;
            intent = Arrays.copyOf(intent, n);
            time = Arrays.copyOf(time, n);
            symbol = Arrays.copyOf(symbol, n);
            bar = Arrays.copyOf(bar, n);
            seq = Arrays.copyOf(seq, n);
            signedQty = Arrays.copyOf(signedQty, n);
            referencePrice = Arrays.copyOf(referencePrice, n);
            reduceOnly = Arrays.copyOf(reduceOnly, n);
            action = Arrays.copyOf(action, n);
            paramsVersion = Arrays.copyOf(paramsVersion, n);
        }
        return tail++;
    }
}
