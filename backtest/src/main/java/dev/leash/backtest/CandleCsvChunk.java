package dev.leash.backtest;

import dev.leash.venue.Candle;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads the second part of a large one-symbol file on another thread while {@link CandleCsvReader} reads the
 * first: plain rows of that symbol only ({@link PlainRow}), written straight into the tail of the symbol's columns.
 * It stops at the first line it cannot take (another symbol, a time not after the previous one, any row the plain
 * path does not read, or a full tail), so the reader reads on from there with its general path and its messages:
 * the work here only ever saves time.
 */
final class CandleCsvChunk implements Runnable {

    private final FileChannel channel;
    private final long from;
    private final long to;
    private final PlainRow row;
    private final boolean hasSymbol;
    private final SymbolColumns symbol;
    private final long[] time;
    private final double[][] values;
    private final int first;
    private final int limit;
    private volatile boolean cancelled;
    private final List<CandleCsv.Gap> gaps = new ArrayList<>();
    private int count;
    private int lines;
    private long stoppedAt;
    private IOException failure;
    private byte[] bytes;

    /**
     * @param columns the symbol's columns, whose slots {@code [first, limit)} this chunk alone writes
     * @param hasSymbol whether the rows have a symbol column to check against the symbol
     */
    CandleCsvChunk(FileChannel channel, long from, long to, int[] roles, boolean hasSymbol, SymbolColumns columns,
                   int first, int limit) {
        this.channel = channel;
        this.from = from;
        this.to = to;
        this.row = new PlainRow(roles);
        this.hasSymbol = hasSymbol;
        this.symbol = columns;
        this.time = columns.times();
        this.values = columns.columns();
        this.first = first;
        this.limit = limit;
        this.stoppedAt = from;
    }

    /** Asks the chunk to stop soon; what it read is then not used. */
    void cancel() {
        cancelled = true;
    }

    @Override
    public void run() {
        try {
            read();
        } catch (IOException e) {
            failure = e;
        }
    }

    private void read() throws IOException {
        bytes = new byte[1 << 16];
        long offset = from;
        int pos = 0;
        int limitBytes = 0;
        boolean eof = false;
        boolean skipLf = false;
        while (!cancelled) {
            if (skipLf && pos < limitBytes) {
                if (bytes[pos] == '\n') {
                    pos++;
                }
                skipLf = false;
            }
            int end = pos < limitBytes ? row.parseLine(bytes, pos, limitBytes) : -1;
            if (end >= 0) {
                if (!add()) {
                    stoppedAt = offset + pos;
                    return;
                }
                lines++;
                skipLf = bytes[end] == '\r';
                pos = end + 1;
                continue;
            }
            int eol = pos;
            while (eol < limitBytes && bytes[eol] != '\n' && bytes[eol] != '\r') {
                eol++;
            }
            if (eol < limitBytes || (eof && pos < limitBytes)) {
                stoppedAt = offset + pos;
                if (!take(bytes, pos, eol)) {
                    return;
                }
                lines++;
                skipLf = eol < limitBytes && bytes[eol] == '\r';
                pos = eol + 1;
                continue;
            }
            if (eof) {
                stoppedAt = to;
                return;
            }
            if (pos > 0) {
                int kept = Math.max(0, limitBytes - pos);
                System.arraycopy(bytes, Math.min(pos, limitBytes), bytes, 0, kept);
                offset += Math.min(pos, limitBytes);
                pos -= Math.min(pos, limitBytes);
                limitBytes = kept;
            } else if (limitBytes == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            long at = offset + limitBytes;
            int want = (int) Math.min(bytes.length - limitBytes, to - at);
            int n = want <= 0 ? -1 : channel.read(ByteBuffer.wrap(bytes, limitBytes, want), at);
            if (n < 0) {
                eof = true;
            } else {
                limitBytes += n;
            }
        }
    }

    private boolean take(byte[] b, int from, int to) {
        return row.parse(b, from, to) && add();
    }

    /** Writes the row parsed when it is the symbol's, follows on in time and fits; else false. */
    private boolean add() {
        int k = first + count;
        if (k == limit || (hasSymbol && !symbol.is(bytes, row.symbolFrom, row.symbolTo))) {
            return false;
        }
        long t = row.time;
        if (count > 0) {
            long prev = time[k - 1];
            if (t <= prev) {
                return false;
            }
            if (t - prev > Candle.INTERVAL_MILLIS) {
                gaps.add(new CandleCsv.Gap(symbol.symbol(), prev, t, (t - prev) / Candle.INTERVAL_MILLIS - 1));
            }
        }
        double[] v = row.values;
        time[k] = t;
        values[SymbolColumns.OPEN][k] = v[0];
        values[SymbolColumns.HIGH][k] = v[1];
        values[SymbolColumns.LOW][k] = v[2];
        values[SymbolColumns.CLOSE][k] = v[3];
        values[SymbolColumns.VOLUME][k] = v[4];
        count++;
        return true;
    }

    boolean cancelled() {
        return cancelled;
    }

    /** The I/O error that stopped the chunk, else null. */
    IOException failure() {
        return failure;
    }

    /** Rows read, in slots {@code [first, first + count)}. */
    int count() {
        return count;
    }

    int first() {
        return first;
    }

    /** Lines read: each was a row. */
    int lines() {
        return lines;
    }

    /** The file offset of the first line not read (the chunk's end when it read them all). */
    long stoppedAt() {
        return stoppedAt;
    }

    /** Gaps within the rows read, in order. */
    List<CandleCsv.Gap> gaps() {
        return gaps;
    }

    /** Whether these are still the arrays the chunk writes into. */
    boolean writesInto(SymbolColumns columns) {
        return columns.times() == time;
    }
}
