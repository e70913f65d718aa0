package dev.leash.gateway.shadow;

import dev.leash.engine.SymbolBias;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The compact text of a {@link MarketStep}'s market events, for the journal: per symbol {@code price,mark} (empty
 * when the feed had no trade), then the bars closed, then the warm-up bars, each {@code sym,closeTime,high,low,
 * close,volume}, then per symbol the funding rate (empty when unknown), then per symbol the live book's side veto
 * in force as {@code bias,until} (empty when none); sections split by {@code |}, items by {@code ;}. Doubles are
 * written so they read back exactly. A step journaled before funding was kept has 3 sections and reads back with
 * funding unknown; one journaled before vetoes were kept has 4 and reads back without vetoes. The rest of the live
 * book's side of a step (params, equity, positions, orders in flight) is not kept.
 */
public final class StepCodec {

    private StepCodec() {
    }

    public static String encode(MarketStep s) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < s.price().length; i++) {
            if (i > 0) {
                b.append(';');
            }
            if (s.fresh()[i]) {
                b.append(s.price()[i]).append(',').append(s.mark()[i]);
            }
        }
        bars(b.append('|'), s.bars());
        bars(b.append('|'), s.warmup());
        b.append('|');
        for (int i = 0; i < s.funding().length; i++) {
            if (i > 0) {
                b.append(';');
            }
            if (!Double.isNaN(s.funding()[i])) {
                b.append(s.funding()[i]);
            }
        }
        b.append('|');
        SymbolBias[] veto = s.liveTracking().veto();
        for (int i = 0; i < veto.length; i++) {
            if (i > 0) {
                b.append(';');
            }
            if (veto[i] != null) {
                b.append(veto[i].wireName()).append(',').append(s.liveTracking().vetoUntil()[i]);
            }
        }
        return b.toString();
    }

    private static void bars(StringBuilder b, List<ClosedBar> bars) {
        for (int i = 0; i < bars.size(); i++) {
            ClosedBar c = bars.get(i);
            if (i > 0) {
                b.append(';');
            }
            b.append(c.sym()).append(',').append(c.closeTime()).append(',').append(c.high()).append(',')
                    .append(c.low()).append(',').append(c.close()).append(',').append(c.volume());
        }
    }

    /**
     * The market events of the step at {@code time} for {@code symbols} symbols, without the live book's side.
     *
     * @throws IllegalArgumentException when {@code text} is not such a step
     */
    public static MarketStep decode(long time, String text, int symbols) {
        String[] part = text.split("\\|", -1);
        if (part.length < 3 || part.length > 5) {
            throw new IllegalArgumentException("a market step has 3 to 5 sections, this one " + part.length);
        }
        double[] price = new double[symbols];
        double[] mark = new double[symbols];
        boolean[] fresh = new boolean[symbols];
        String[] ticks = part[0].split(";", -1);
        if (ticks.length != symbols) {
            throw new IllegalArgumentException("a market step for " + symbols + " symbols has " + ticks.length);
        }
        for (int i = 0; i < symbols; i++) {
            if (!ticks[i].isEmpty()) {
                String[] pm = ticks[i].split(",", -1);
                price[i] = Double.parseDouble(pm[0]);
                mark[i] = Double.parseDouble(pm[1]);
                fresh[i] = true;
            }
        }
        return new MarketStep(time, price, mark, fresh, bars(part[2]), bars(part[1]), null, Double.NaN,
                new double[symbols], new double[symbols], funding(part.length >= 4 ? part[3] : "", symbols),
                vetoes(part.length == 5 ? part[4] : "", symbols));
    }

    private static LiveTracking vetoes(String text, int symbols) {
        SymbolBias[] veto = new SymbolBias[symbols];
        long[] until = new long[symbols];
        if (!text.isEmpty()) {
            String[] items = text.split(";", -1);
            if (items.length != symbols) {
                throw new IllegalArgumentException("vetoes for " + symbols + " symbols has " + items.length);
            }
            for (int i = 0; i < symbols; i++) {
                if (items[i].isEmpty()) {
                    continue;
                }
                String[] f = items[i].split(",", -1);
                veto[i] = f.length == 2 ? SymbolBias.fromWire(f[0]) : null;
                if (veto[i] == null) {
                    throw new IllegalArgumentException("a veto is bias,until, this one is not");
                }
                until[i] = Long.parseLong(f[1]);
            }
        }
        return LiveTracking.vetoesOnly(veto, until);
    }

    private static double[] funding(String text, int symbols) {
        double[] out = new double[symbols];
        Arrays.fill(out, Double.NaN);
        if (text.isEmpty()) {
            return out; // journaled before funding was kept, or unknown
        }
        String[] rates = text.split(";", -1);
        if (rates.length != symbols) {
            throw new IllegalArgumentException("funding for " + symbols + " symbols has " + rates.length);
        }
        for (int i = 0; i < symbols; i++) {
            if (!rates[i].isEmpty()) {
                out[i] = Double.parseDouble(rates[i]);
            }
        }
        return out;
    }

    private static List<ClosedBar> bars(String text) {
        if (text.isEmpty()) {
            return List.of();
        }
        List<ClosedBar> out = new ArrayList<>();
        for (String item : text.split(";")) {
            String[] f = item.split(",", -1);
            if (f.length != 6) {
                throw new IllegalArgumentException("a bar has 6 fields, this one " + f.length);
            }
            out.add(new ClosedBar(Integer.parseInt(f[0]), Long.parseLong(f[1]), Double.parseDouble(f[2]),
                    Double.parseDouble(f[3]), Double.parseDouble(f[4]), Double.parseDouble(f[5])));
        }
        return out;
    }
}
