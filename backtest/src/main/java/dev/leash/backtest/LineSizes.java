package dev.leash.backtest;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/**
 * Line lengths sampled at evenly spread places of a file, to estimate how many lines a byte range holds: the
 * columns are then sized once, even when the lines get shorter or longer along the file (prices that fall from
 * 42000.00 to 1.25), instead of growing with copies.
 */
final class LineSizes {

    private static final int SAMPLES = 64;
    private static final int WINDOW = 1 << 13;
    private static final double UNKNOWN = 32;

    private final long fileBytes;
    /** Bytes per line of each of the equal segments the file is cut into. */
    private final double[] perLine;

    private LineSizes(long fileBytes, double[] perLine) {
        this.fileBytes = fileBytes;
        this.perLine = perLine;
    }

    /** Samples {@code file}, {@code fileBytes} long: the whole of a small file, else a window per segment. */
    static LineSizes sample(FileChannel file, long fileBytes) throws IOException {
        int segments = fileBytes <= (long) SAMPLES * WINDOW ? 1 : SAMPLES;
        int window = segments == 1 ? (int) Math.max(1, fileBytes) : WINDOW;
        double[] perLine = new double[segments];
        byte[] b = new byte[window];
        double known = 0;
        int knownCount = 0;
        for (int s = 0; s < segments; s++) {
            long at = fileBytes * s / segments;
            int n = Math.max(0, file.read(ByteBuffer.wrap(b), at));
            int first = -1;
            int last = -1;
            int lines = 0;
            for (int i = 0; i < n; i++) {
                if (b[i] == '\n' || (b[i] == '\r' && (i + 1 >= n || b[i + 1] != '\n'))) {
                    first = first < 0 ? i : first;
                    last = i;
                    lines++;
                }
            }
            if (segments == 1) {
                perLine[s] = lines == 0 ? UNKNOWN : (double) n / lines;
            } else {
                perLine[s] = lines < 2 ? Double.NaN : (double) (last - first) / (lines - 1);
            }
            if (!Double.isNaN(perLine[s])) {
                known += perLine[s];
                knownCount++;
            }
        }
        double average = knownCount == 0 ? UNKNOWN : known / knownCount;
        for (int s = 0; s < segments; s++) {
            perLine[s] = Double.isNaN(perLine[s]) ? average : Math.max(1, perLine[s]);
        }
        return new LineSizes(fileBytes, perLine);
    }

    /** The lines estimated to lie in bytes {@code [from, to)}. */
    double lines(long from, long to) {
        int segments = perLine.length;
        double lines = 0;
        for (int s = 0; s < segments; s++) {
            long a = Math.max(from, fileBytes * s / segments);
            long b = Math.min(to, fileBytes * (s + 1) / segments);
            if (b > a) {
                lines += (b - a) / perLine[s];
            }
        }
        return lines;
    }
}
