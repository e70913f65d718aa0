package dev.leash.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes a deterministic candle CSV of one symbol for the backtest load script: a random walk of 5-minute BTCUSDT
 * bars from 2024-01-01, prices in cents and volumes in thousandths, the same bytes for the same arguments.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.leash.bench.CandleCsvFile out.csv [bars] [seed]</pre>
 */
public final class CandleCsvFile {

    private static final long ORIGIN = 1_704_067_200_000L;
    private static final long BAR_MILLIS = 300_000L;

    private CandleCsvFile() {
    }

    public static void main(String[] args) throws IOException {
        Path out = Path.of(args[0]);
        long bars = args.length > 1 ? Long.parseLong(args[1]) : 10_000_000L;
        long seed = args.length > 2 ? Long.parseLong(args[2]) : 42L;
        try (Writer w = new BufferedWriter(Files.newBufferedWriter(out, StandardCharsets.US_ASCII), 1 << 20)) {
            write(w, bars, seed);
        }
        System.err.println("wrote " + bars + " bars to " + out + " (" + Files.size(out) + " bytes)");
    }

    /** Writes the header and {@code bars} rows. */
    static void write(Writer w, long bars, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        StringBuilder sb = new StringBuilder(1 << 16);
        sb.append("symbol,open_time,open,high,low,close,volume\n");
        long close = 4_200_000L;
        for (long k = 0; k < bars; k++) {
            long open = close;
            long move = Math.round(open * 0.002 * gaussian(random));
            close = Math.max(100L, open + move);
            long high = Math.max(open, close) + (long) (open * 0.001 * random.nextDouble());
            long low = Math.max(1L, Math.min(open, close) - (long) (open * 0.001 * random.nextDouble()));
            sb.append("BTCUSDT,").append(ORIGIN + k * BAR_MILLIS);
            fixed(sb.append(','), open, 100);
            fixed(sb.append(','), high, 100);
            fixed(sb.append(','), low, 100);
            fixed(sb.append(','), close, 100);
            fixed(sb.append(','), 1_000L + random.nextInt(50_000_000), 1000);
            sb.append('\n');
            if (sb.length() > (1 << 16) - 128) {
                w.append(sb);
                sb.setLength(0);
            }
        }
        w.append(sb);
    }

    /** Appends {@code units / scale} as a plain decimal ({@code scale} 100 or 1000). */
    private static void fixed(StringBuilder sb, long units, int scale) {
        sb.append(units / scale).append('.');
        long rest = units % scale;
        for (int d = scale / 10; d > 1 && rest < d; d /= 10) {
            sb.append('0');
        }
        sb.append(rest);
    }

    private static double gaussian(SplittableRandom random) {
        double u = 1.0 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2.0 * Math.log(u)) * Math.cos(2.0 * Math.PI * v);
    }
}
