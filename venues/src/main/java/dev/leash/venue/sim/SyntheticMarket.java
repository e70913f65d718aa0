package dev.leash.venue.sim;

import dev.leash.venue.Candle;
import dev.leash.venue.Instrument;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A seeded synthetic market of 5-minute bars with volatility regimes and trends, so that a breakout strategy has
 * something to trade. Bar {@code k} of a symbol is a pure function of the seed, the symbol's position in the list
 * and {@code k}; bars are generated on demand and kept. Bars before the origin (negative {@code k}) come from a
 * second seeded stream walking back in time from bar 0's open, so history can reach as far back as asked without
 * changing any bar from the origin on.
 *
 * <p>Regimes (calm, trending up, trending down, volatile) switch at random with a mean life of about 12 hours.
 */
public final class SyntheticMarket {

    /** A symbol of the market: instrument rules, starting price, base volatility per bar (0.002 = 0.2 %). */
    public record Spec(Instrument instrument, double startPrice, double barVolatility, double baseVolume) {
    }

    /** The default market: BTCUSDT, ETHUSDT, SOLUSDT with venue-like tick and lot sizes. */
    public static final List<Spec> DEFAULT_SPECS = List.of(
            new Spec(new Instrument("BTCUSDT", 0.1, 0.001, 0.001, 5.0), 65_000.0, 0.0022, 120.0),
            new Spec(new Instrument("ETHUSDT", 0.01, 0.01, 0.01, 5.0), 3_200.0, 0.0030, 1_800.0),
            new Spec(new Instrument("SOLUSDT", 0.01, 0.1, 0.1, 5.0), 150.0, 0.0042, 25_000.0));

    private static final int SUB_STEPS = 12;
    private static final double REGIME_SWITCH = 1.0 / 144.0;
    /** The furthest back a bar can be asked for: about a year of 5-minute bars. */
    public static final int MAX_PAST_BARS = 366 * 288;

    private final long seed;
    private final List<Spec> specs;
    private final long origin;
    private final Series[] series;

    /**
     * @param originMillis open time of bar 0, a multiple of 5 minutes
     */
    public SyntheticMarket(long seed, List<Spec> specs, long originMillis) {
        if (Math.floorMod(originMillis, Candle.INTERVAL_MILLIS) != 0) {
            throw new IllegalArgumentException("origin must be a multiple of 5 minutes: " + originMillis);
        }
        this.seed = seed;
        this.specs = List.copyOf(specs);
        this.origin = originMillis;
        this.series = new Series[specs.size()];
        for (int i = 0; i < specs.size(); i++) {
            series[i] = new Series(specs.get(i), new SplittableRandom(seed * 1_000_003L + i * 7919L + 17),
                    new SplittableRandom(seed * 2_000_029L + i * 104_729L + 31));
        }
    }

    public long seed() {
        return seed;
    }

    public long origin() {
        return origin;
    }

    public List<Spec> specs() {
        return specs;
    }

    /** Index of the bar containing {@code time}; negative before the origin. */
    public long barIndexAt(long time) {
        return Math.floorDiv(time - origin, Candle.INTERVAL_MILLIS);
    }

    public long openTimeOf(long barIndex) {
        return origin + barIndex * Candle.INTERVAL_MILLIS;
    }

    /** Bar {@code k} of symbol {@code sym}; {@code k} may be negative, down to {@code -MAX_PAST_BARS}. */
    public Candle bar(int sym, long k) {
        if (k < -MAX_PAST_BARS) {
            throw new IllegalArgumentException("no bar more than " + MAX_PAST_BARS + " before the origin: " + k);
        }
        Series s = series[sym];
        String symbol = specs.get(sym).instrument().symbol();
        if (k < 0) {
            Past p = s.past;
            int j = (int) (-k - 1);
            p.generateThrough(j);
            return new Candle(symbol, openTimeOf(k), p.open[j], p.high[j], p.low[j], p.close[j], p.volume[j]);
        }
        s.generateThrough((int) k);
        int i = (int) k;
        return new Candle(symbol, openTimeOf(k), s.open[i], s.high[i], s.low[i], s.close[i], s.volume[i]);
    }

    /** Trade price of a symbol at {@code time} (on the deterministic path inside its bar). */
    public double priceAt(int sym, long time) {
        long k = barIndexAt(time);
        return TickPath.priceAt(bar(sym, k), time - openTimeOf(k));
    }

    /** One symbol's generated bars and its generator state. */
    private static final class Series {
        private final Spec spec;
        private final SplittableRandom random;
        private double[] open = new double[1024];
        private double[] high = new double[1024];
        private double[] low = new double[1024];
        private double[] close = new double[1024];
        private double[] volume = new double[1024];
        private int count;
        private int regime;
        private double price;
        private final Past past;

        Series(Spec spec, SplittableRandom random, SplittableRandom pastRandom) {
            this.spec = spec;
            this.random = random;
            this.price = spec.startPrice();
            this.past = new Past(spec, pastRandom);
        }

        void generateThrough(int k) {
            while (count <= k) {
                next();
            }
        }

        private void next() {
            if (count == open.length) {
                int n = open.length * 2;
                open = Arrays.copyOf(open, n);
                high = Arrays.copyOf(high, n);
                low = Arrays.copyOf(low, n);
                close = Arrays.copyOf(close, n);
                volume = Arrays.copyOf(volume, n);
            }
            if (random.nextDouble() < REGIME_SWITCH) {
                regime = random.nextInt(4);
            }
            double vol = spec.barVolatility() * switch (regime) {
                case 0 -> 0.6;
                case 3 -> 2.0;
                default -> 1.0;
            };
            double drift = switch (regime) {
                case 1 -> 0.1 * spec.barVolatility();
                case 2 -> -0.1 * spec.barVolatility();
                default -> 0.0;
            };
            double o = price;
            double p = o;
            double hi = o;
            double lo = o;
            double stepVol = vol / Math.sqrt(SUB_STEPS);
            for (int i = 0; i < SUB_STEPS; i++) {
                p *= Math.exp(drift / SUB_STEPS + stepVol * gaussian(random));
                hi = Math.max(hi, p);
                lo = Math.min(lo, p);
            }
            double tick = spec.instrument().tickSize();
            double c = spec.instrument().roundPrice(p);
            hi = Math.max(spec.instrument().roundPrice(hi * (1 + 0.15 * stepVol * Math.abs(gaussian(random)))), Math.max(o, c));
            lo = Math.min(spec.instrument().roundPrice(lo * (1 - 0.15 * stepVol * Math.abs(gaussian(random)))), Math.min(o, c));
            lo = Math.max(lo, tick);
            double move = Math.abs(c / o - 1) / Math.max(vol, 1e-9);
            double v = spec.baseVolume() * (0.5 + move) * Math.exp(0.3 * gaussian(random));
            open[count] = o;
            high[count] = hi;
            low[count] = lo;
            close[count] = c;
            volume[count] = Math.rint(v * 1000) / 1000;
            price = c;
            count++;
        }

    }

    /** Box-Muller on SplittableRandom: deterministic across JDKs, unlike Random.nextGaussian's caching. */
    private static double gaussian(SplittableRandom random) {
        double u1 = random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(1.0 - u1)) * Math.cos(2.0 * Math.PI * u2);
    }

    /**
     * One symbol's bars before the origin, newest first: bar {@code -1 - j} is at index {@code j}. Each bar is drawn
     * as the forward bars are (regimes, drift, volatility) and then scaled so that it closes where the next one
     * opens.
     */
    private static final class Past {
        private final Spec spec;
        private final SplittableRandom random;
        private double[] open = new double[0];
        private double[] high = new double[0];
        private double[] low = new double[0];
        private double[] close = new double[0];
        private double[] volume = new double[0];
        private int count;
        private int regime;
        /** The open of the oldest bar generated so far: the close of the next older one. */
        private double price;

        Past(Spec spec, SplittableRandom random) {
            this.spec = spec;
            this.random = random;
            this.price = spec.startPrice();
        }

        void generateThrough(int j) {
            if (j >= open.length) {
                int n = Math.max(1024, Math.max(j + 1, open.length * 2));
                open = Arrays.copyOf(open, n);
                high = Arrays.copyOf(high, n);
                low = Arrays.copyOf(low, n);
                close = Arrays.copyOf(close, n);
                volume = Arrays.copyOf(volume, n);
            }
            while (count <= j) {
                previous();
            }
        }

        private void previous() {
            if (random.nextDouble() < REGIME_SWITCH) {
                regime = random.nextInt(4);
            }
            double vol = spec.barVolatility() * (regime == 0 ? 0.6 : regime == 3 ? 2.0 : 1.0);
            double drift = regime == 1 ? 0.1 * spec.barVolatility() : regime == 2 ? -0.1 * spec.barVolatility() : 0;
            double p = 1;
            double hi = 1;
            double lo = 1;
            double stepVol = vol / Math.sqrt(SUB_STEPS);
            for (int i = 0; i < SUB_STEPS; i++) {
                p *= Math.exp(drift / SUB_STEPS + stepVol * gaussian(random));
                hi = Math.max(hi, p);
                lo = Math.min(lo, p);
            }
            Instrument in = spec.instrument();
            double c = price;
            double o = Math.max(in.tickSize(), in.roundPrice(c / p));
            double h = Math.max(in.roundPrice(o * hi * (1 + 0.15 * stepVol * Math.abs(gaussian(random)))),
                    Math.max(o, c));
            double l = Math.max(in.tickSize(), Math.min(in.roundPrice(o * lo
                    * (1 - 0.15 * stepVol * Math.abs(gaussian(random)))), Math.min(o, c)));
            double move = Math.abs(c / o - 1) / Math.max(vol, 1e-9);
            double v = spec.baseVolume() * (0.5 + move) * Math.exp(0.3 * gaussian(random));
            open[count] = o;
            high[count] = h;
            low[count] = l;
            close[count] = c;
            volume[count] = Math.rint(v * 1000) / 1000;
            price = o;
            count++;
        }
    }
}
