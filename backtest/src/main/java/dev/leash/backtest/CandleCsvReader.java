package dev.leash.backtest;

import dev.leash.venue.Candle;
import dev.leash.risk.Symbols;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Reads a candle CSV as a stream of chars into per-symbol primitive columns: no regex, no String or array per row,
 * numbers parsed from the line's chars. Text is made only for an error message, an ISO-8601 time or a number with
 * more than 18 significant digits. The rules and the error messages are those of {@link CandleCsv}.
 *
 * <p>A large file is read in two parts at once: this reader takes the first and a {@link CandleCsvChunk} on a
 * second thread the plain rows of the second, straight into the same columns; where that chunk stops, this reader
 * reads on, so the result and every message are those of reading the file in one pass.
 *
 * <p>Used once, by one thread.
 */
final class CandleCsvReader {

    /**
     * What a file held: each symbol's columns in order of first appearance, the gaps found, and how many rows the
     * second thread read.
     */
    record Result(List<SymbolColumns> symbols, List<CandleCsv.Gap> gaps, int secondPartRows) {
    }

    private static final List<String> COLUMNS = List.of("symbol", "open_time", "open", "high", "low", "close",
            "volume");
    /** Epoch milliseconds below this (March 1973) are more likely seconds. */
    private static final long PROBABLY_SECONDS = 100_000_000_000L;
    private static final long EXACT_MANTISSA = 1L << 53;
    /** Files from this size on are read in two parts when there is a second core. */
    static final long SPLIT_BYTES = 8L << 20;
    private static final double[] POW10 = new double[23];

    static {
        POW10[0] = 1;
        for (int i = 1; i < POW10.length; i++) {
            POW10[i] = POW10[i - 1] * 10;
        }
    }

    private final String source;
    private final String defaultSymbol;
    private final long fileBytes;
    private byte[] bytes;
    private int linePos;
    private long bufferOffset;
    private final List<SymbolColumns> symbols = new ArrayList<>();
    private final List<CandleCsv.Gap> gaps = new ArrayList<>();
    private String[] header;
    private int symbolCol = -1;
    private int timeCol;
    private int openCol;
    private int highCol;
    private int lowCol;
    private int closeCol;
    private int volumeCol;
    /** Per column of the file, its index in {@code COLUMNS}. */
    private int[] roles;
    private PlainRow plain;
    private FileChannel channel;
    private LineSizes lineSizes;
    /** Where the second part of the file starts, or -1 when it is read in one part. */
    private long splitAt = -1;
    private CandleCsvChunk chunk;
    private Thread chunkThread;
    private int secondPartRows;
    private int[] start;
    private int[] end;
    private SymbolColumns last;
    /** The chars being parsed: the read buffer, or the current line widened or decoded from bytes. */
    private char[] buf = new char[1 << 16];
    private char[] lineChars = new char[256];
    private int lineNo;
    private boolean timeWasInteger;

    private CandleCsvReader(String source, String defaultSymbol, long fileBytes) {
        this.source = source;
        this.defaultSymbol = defaultSymbol;
        this.fileBytes = fileBytes;
    }

    /**
     * Reads every line of {@code in}; {@code source} names it in error messages.
     *
     * @param defaultSymbol the symbol of every row when the file has no {@code symbol} column, else null
     * @throws CandleCsvException naming line and column of the first bad row
     */
    static Result read(Reader in, String source, String defaultSymbol) throws IOException {
        CandleCsvReader r = new CandleCsvReader(source, defaultSymbol, 0);
        r.lines(in);
        return r.finish();
    }

    /**
     * Reads a UTF-8 file as bytes; a line with a byte outside ASCII is decoded on its own, and one that is not
     * UTF-8 is an error. The columns are sized once from the file's size and line lengths sampled along it.
     */
    static Result read(Path file, String defaultSymbol) throws IOException {
        long size = Files.size(file);
        boolean split = size >= SPLIT_BYTES && Runtime.getRuntime().availableProcessors() > 1;
        return read(file, defaultSymbol, split ? size / 2 : -1);
    }

    /**
     * As {@link #read(Path, String)}, handing the lines from the first line start at or after byte
     * {@code splitNear} to a second thread; -1 reads the file in one part.
     */
    static Result read(Path file, String defaultSymbol, long splitNear) throws IOException {
        CandleCsvReader r = new CandleCsvReader(file.toString(), defaultSymbol, Files.size(file));
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            r.channel = in;
            r.lineSizes = LineSizes.sample(in, r.fileBytes);
            try {
                r.parts(splitNear);
            } finally {
                r.stopChunk();
            }
        }
        return r.finish();
    }

    private void parts(long splitNear) throws IOException {
        long end = fileBytes;
        long boundary = splitNear < 0 ? -1 : lineStartFrom(splitNear);
        if (boundary <= 0 || boundary >= end) {
            lines(0, end);
            return;
        }
        splitAt = boundary;
        lines(0, boundary);
        lines(joinChunk(), end);
    }

    /** The start of the first line that begins at or after {@code at}, or -1 when there is none. */
    private long lineStartFrom(long at) throws IOException {
        if (at == 0) {
            return 0;
        }
        byte[] b = new byte[1 << 12];
        long p = at - 1;
        while (p < fileBytes) {
            int n = channel.read(ByteBuffer.wrap(b), p);
            if (n <= 0) {
                return -1;
            }
            for (int i = 0; i < n; i++) {
                if (b[i] == '\n') {
                    return p + i + 1;
                }
                if (b[i] == '\r') {
                    long next = p + i + 1;
                    ByteBuffer one = ByteBuffer.allocate(1);
                    return channel.read(one, next) == 1 && one.get(0) == '\n' ? next + 1 : next;
                }
            }
            p += n;
        }
        return -1;
    }

    /** Rows left from the current line on, estimated from the sampled line lengths, with 4 % to spare. */
    private int rowsLeft() {
        if (lineSizes == null) {
            return 0;
        }
        double left = lineSizes.lines(bufferOffset + linePos, fileBytes) * 1.04 + 1024;
        return (int) Math.min(Integer.MAX_VALUE - 8, left);
    }

    /** Splits the stream into lines at \n, \r or \r\n, as {@code BufferedReader.readLine} does. */
    private void lines(Reader in) throws IOException {
        int pos = 0;
        int limit = 0;
        boolean eof = false;
        boolean skipLf = false;
        while (true) {
            if (skipLf && pos < limit) {
                if (buf[pos] == '\n') {
                    pos++;
                }
                skipLf = false;
            }
            int eol = pos;
            while (eol < limit && buf[eol] != '\n' && buf[eol] != '\r') {
                eol++;
            }
            if (eol < limit) {
                line(pos, eol);
                skipLf = buf[eol] == '\r';
                pos = eol + 1;
                continue;
            }
            if (eof) {
                if (pos < limit) {
                    line(pos, limit);
                }
                return;
            }
            if (pos > 0) {
                System.arraycopy(buf, pos, buf, 0, limit - pos);
                limit -= pos;
                pos = 0;
            } else if (limit == buf.length) {
                buf = Arrays.copyOf(buf, buf.length * 2);
            }
            int n = fill(in, limit);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
    }

    /** The same over the file's bytes {@code [from, to)}: each line is widened to chars when ASCII, else decoded. */
    private void lines(long from, long to) throws IOException {
        if (bytes == null) {
            bytes = new byte[1 << 16];
        }
        bufferOffset = from;
        int pos = 0;
        int limit = 0;
        boolean eof = false;
        boolean skipLf = false;
        while (true) {
            if (skipLf && pos < limit) {
                if (bytes[pos] == '\n') {
                    pos++;
                }
                skipLf = false;
            }
            int end = plain == null || pos >= limit ? -1 : plainLine(bytes, pos, limit);
            if (end >= 0) {
                skipLf = bytes[end] == '\r';
                pos = end + 1;
                continue;
            }
            int eol = pos;
            while (eol < limit && bytes[eol] != '\n' && bytes[eol] != '\r') {
                eol++;
            }
            if (eol < limit || (eof && pos < limit)) {
                linePos = pos;
                byteLine(bytes, pos, eol);
                skipLf = eol < limit && bytes[eol] == '\r';
                pos = eol + 1;
                continue;
            }
            if (eof) {
                return;
            }
            if (pos > 0) {
                System.arraycopy(bytes, pos, bytes, 0, limit - pos);
                bufferOffset += pos;
                limit -= pos;
                pos = 0;
            } else if (limit == bytes.length) {
                bytes = Arrays.copyOf(bytes, bytes.length * 2);
            }
            long at = bufferOffset + limit;
            int want = (int) Math.min(bytes.length - limit, to - at);
            int n = want <= 0 ? -1 : channel.read(ByteBuffer.wrap(bytes, limit, want), at);
            if (n < 0) {
                eof = true;
            } else {
                limit += n;
            }
        }
    }

    /**
     * Lends the tail of the first symbol's columns to a {@link CandleCsvChunk} reading from {@link #splitAt}: the
     * slots this reader is expected to need (with 2 % to spare) stay here, the rest goes to the chunk.
     */
    private void startChunk(SymbolColumns columns) {
        long mine = (long) (lineSizes.lines(bufferOffset + linePos, splitAt) * 1.02) + 256;
        int keep = (int) Math.min(columns.capacity(), columns.size() + mine);
        if (columns.capacity() - keep < 16) {
            return;
        }
        chunk = new CandleCsvChunk(channel, splitAt, fileBytes, roles, symbolCol >= 0, columns, keep,
                columns.capacity());
        CandleCsvChunk lent = chunk;
        columns.lendTail(keep, this::stopChunk);
        chunkThread = new Thread(lent, "candle-csv-part-2");
        chunkThread.setDaemon(true);
        chunkThread.start();
    }

    /** Stops the chunk, if one runs, and forgets it: its rows are not used. */
    private void stopChunk() {
        CandleCsvChunk running = chunk;
        if (running == null) {
            return;
        }
        running.cancel();
        awaitChunk();
        chunk = null;
    }

    private void awaitChunk() {
        boolean interrupted = false;
        while (true) {
            try {
                chunkThread.join();
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Having read up to {@link #splitAt}, takes the chunk's rows when they follow on from this reader's, and
     * returns where to read on: after the chunk's rows, or at {@link #splitAt} when they are not used.
     */
    private long joinChunk() throws IOException {
        CandleCsvChunk done = chunk;
        if (done == null) {
            return splitAt;
        }
        awaitChunk();
        chunk = null;
        if (done.failure() != null) {
            throw done.failure();
        }
        SymbolColumns columns = symbols.size() == 1 ? symbols.get(0) : null;
        if (columns == null || done.cancelled() || !done.writesInto(columns) || done.count() == 0
                || columns.size() == 0 || columns.times()[done.first()] <= columns.lastTime()) {
            if (columns != null && done.writesInto(columns)) {
                columns.appendTail(done.first(), 0, 0);
            }
            return splitAt;
        }
        long prev = columns.lastTime();
        long next = columns.times()[done.first()];
        if (next - prev > Candle.INTERVAL_MILLIS) {
            gaps.add(new CandleCsv.Gap(columns.symbol(), prev, next, (next - prev) / Candle.INTERVAL_MILLIS - 1));
        }
        gaps.addAll(done.gaps());
        lineNo += done.lines();
        secondPartRows = done.count();
        columns.appendTail(done.first(), done.count(), lineNo);
        last = columns;
        return done.stoppedAt();
    }

    private void byteLine(byte[] bytes, int from, int to) throws CandleCsvException {
        if (header != null && plainRow(bytes, from, to)) {
            return;
        }
        int n = to - from;
        if (lineChars.length < n) {
            lineChars = new char[Math.max(n, lineChars.length * 2)];
        }
        char[] out = lineChars;
        for (int i = 0; i < n; i++) {
            byte b = bytes[from + i];
            if (b < 0) {
                decodedLine(bytes, from, to);
                return;
            }
            out[i] = (char) b;
        }
        buf = out;
        line(0, n);
    }

    /**
     * The fast path for the common row: known symbol, epoch-millisecond time, unsigned plain decimals, no white
     * space or quotes, every check passed. Returns false, having changed nothing, for anything else, which the
     * general path then reads (and reports, if it is an error).
     */
    private boolean plainRow(byte[] b, int from, int to) {
        return plain.parse(b, from, to) && addPlain(b);
    }

    /** {@link #plainRow} in one pass up to the line's end within {@code b[..limit)}: its index, else -1. */
    private int plainLine(byte[] b, int from, int limit) {
        int end = plain.parseLine(b, from, limit);
        return end >= 0 && addPlain(b) ? end : -1;
    }

    /** Adds the row {@link #plain} holds when its symbol is known and its time follows on; else false. */
    private boolean addPlain(byte[] b) {
        SymbolColumns columns = symbolCol < 0 ? last : knownSymbol(b, plain.symbolFrom, plain.symbolTo);
        long t = plain.time;
        if (columns == null || (columns.size() > 0 && t <= columns.lastTime())) {
            return false;
        }
        lineNo++;
        if (columns.size() > 0 && t - columns.lastTime() > Candle.INTERVAL_MILLIS) {
            long prev = columns.lastTime();
            gaps.add(new CandleCsv.Gap(columns.symbol(), prev, t, (t - prev) / Candle.INTERVAL_MILLIS - 1));
        }
        double[] v = plain.values;
        columns.add(t, v[0], v[1], v[2], v[3], v[4], lineNo);
        last = columns;
        return true;
    }

    private SymbolColumns knownSymbol(byte[] b, int from, int to) {
        if (last != null && last.is(b, from, to)) {
            return last;
        }
        for (SymbolColumns known : symbols) {
            if (known.is(b, from, to)) {
                return known;
            }
        }
        return null;
    }

    private void decodedLine(byte[] bytes, int from, int to) throws CandleCsvException {
        CharBuffer chars;
        try {
            chars = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes, from, to - from));
        } catch (CharacterCodingException e) {
            throw error(lineNo + 1, 0, "not UTF-8 text");
        }
        buf = Arrays.copyOf(chars.array(), chars.limit());
        line(0, chars.limit());
    }

    private int fill(Reader in, int limit) throws IOException {
        try {
            return in.read(buf, limit, buf.length - limit);
        } catch (CharacterCodingException e) {
            throw error(lineNo + 1, 0, "not UTF-8 text");
        }
    }

    private void line(int from, int to) throws CandleCsvException {
        lineNo++;
        if (lineNo == 1 && from < to && buf[from] == '\uFEFF') {
            from++;
        }
        if (header == null) {
            readHeader(new String(buf, from, to - from));
        } else if (!blank(from, to)) {
            readRow(from, to);
        }
    }

    private boolean blank(int from, int to) {
        for (int i = from; i < to; i++) {
            if (!Character.isWhitespace(buf[i])) {
                return false;
            }
        }
        return true;
    }

    private Result finish() throws CandleCsvException {
        if (header == null) {
            throw error(1, 0, "empty file; expected the header " + CandleCsv.HEADER);
        }
        if (symbols.isEmpty()) {
            throw error(lineNo, 0, "no candles after the header");
        }
        return new Result(List.copyOf(symbols), List.copyOf(gaps), secondPartRows);
    }

    private void readHeader(String line) throws CandleCsvException {
        String[] names = line.split(",", -1);
        int[] index = new int[COLUMNS.size()];
        Arrays.fill(index, -1);
        for (int c = 0; c < names.length; c++) {
            String raw = unquote(names[c]);
            String name = raw.toLowerCase(Locale.ROOT);
            int known = COLUMNS.indexOf(name);
            if (known < 0) {
                throw error(1, c + 1, "unknown column '" + raw + "'; the header must name the columns "
                        + CandleCsv.HEADER + " (symbol optional)");
            }
            if (index[known] >= 0) {
                throw error(1, c + 1, "column " + name + " appears twice");
            }
            index[known] = c;
            names[c] = name;
        }
        roles = new int[names.length];
        for (int c = 0; c < names.length; c++) {
            roles[c] = COLUMNS.indexOf(names[c]);
        }
        for (int k = 1; k < COLUMNS.size(); k++) {
            if (index[k] < 0) {
                throw error(1, 0, "no " + COLUMNS.get(k) + " column; expected the header " + CandleCsv.HEADER);
            }
        }
        if (index[0] < 0 && defaultSymbol == null) {
            throw error(1, 0, "no symbol column and no symbol given for the file");
        }
        symbolCol = index[0];
        timeCol = index[1];
        openCol = index[2];
        highCol = index[3];
        lowCol = index[4];
        closeCol = index[5];
        volumeCol = index[6];
        start = new int[names.length];
        end = new int[names.length];
        plain = new PlainRow(roles);
        header = names;
    }

    private static String unquote(String field) {
        String s = field.strip();
        if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
            s = s.substring(1, s.length() - 1).strip();
        }
        return s;
    }

    private void readRow(int from, int to) throws CandleCsvException {
        split(from, to);
        SymbolColumns columns = symbolOf();
        long openTime = time();
        double open = price(openCol, "open");
        double high = price(highCol, "high");
        double low = price(lowCol, "low");
        double close = price(closeCol, "close");
        double volume = number(volumeCol);
        if (volume < 0) {
            throw at(volumeCol, "negative volume " + text(volumeCol));
        }
        if (high < low) {
            throw at(highCol, "high " + text(highCol) + " is below low " + text(lowCol));
        }
        if (open < low || open > high) {
            throw at(openCol, "open " + text(openCol) + " is outside [low " + text(lowCol) + ", high "
                    + text(highCol) + "]");
        }
        if (close < low || close > high) {
            throw at(closeCol, "close " + text(closeCol) + " is outside [low " + text(lowCol) + ", high "
                    + text(highCol) + "]");
        }
        if (columns.size() > 0) {
            long prev = columns.lastTime();
            if (openTime <= prev) {
                throw at(timeCol, Instant.ofEpochMilli(openTime) + " is not after the previous "
                        + columns.symbol() + " bar at " + Instant.ofEpochMilli(prev) + " (line "
                        + columns.lastLine() + "); each symbol's rows must be in increasing time without duplicates");
            }
            if (openTime - prev > Candle.INTERVAL_MILLIS) {
                gaps.add(new CandleCsv.Gap(columns.symbol(), prev, openTime,
                        (openTime - prev) / Candle.INTERVAL_MILLIS - 1));
            }
        }
        columns.add(openTime, open, high, low, close, volume, lineNo);
    }

    /** Finds the fields of {@code buf[from..to)}, stripped of white space and one pair of double quotes. */
    private void split(int from, int to) throws CandleCsvException {
        int n = header.length;
        int f = 0;
        int s = from;
        for (int i = from; i <= to; i++) {
            if (i == to || buf[i] == ',') {
                if (f < n) {
                    trim(f, s, i);
                }
                f++;
                s = i + 1;
            }
        }
        if (f != n) {
            throw error(lineNo, 0, f + " fields where the header has " + n);
        }
    }

    private void trim(int field, int from, int to) {
        while (from < to && Character.isWhitespace(buf[from])) {
            from++;
        }
        while (to > from && Character.isWhitespace(buf[to - 1])) {
            to--;
        }
        if (to - from >= 2 && buf[from] == '"' && buf[to - 1] == '"') {
            from++;
            to--;
            while (from < to && Character.isWhitespace(buf[from])) {
                from++;
            }
            while (to > from && Character.isWhitespace(buf[to - 1])) {
                to--;
            }
        }
        start[field] = from;
        end[field] = to;
    }

    private SymbolColumns symbolOf() throws CandleCsvException {
        if (symbolCol < 0) {
            if (last == null) {
                last = newSymbol(defaultSymbol);
            }
            return last;
        }
        int from = start[symbolCol];
        int to = end[symbolCol];
        if (last != null && last.is(buf, from, to)) {
            return last;
        }
        for (SymbolColumns known : symbols) {
            if (known.is(buf, from, to)) {
                last = known;
                return known;
            }
        }
        last = newSymbol(new String(buf, from, to - from));
        return last;
    }

    private SymbolColumns newSymbol(String symbol) throws CandleCsvException {
        if (!Symbols.isWellFormed(symbol)) {
            throw at(symbolCol, "'" + symbol + "' is not a symbol (2-20 of A-Z, 0-9, '-')");
        }
        SymbolColumns columns;
        if (symbols.isEmpty()) {
            columns = new SymbolColumns(symbol, rowsLeft());
        } else {
            stopChunk();
            SymbolColumns first = symbols.get(0);
            first.trim();
            columns = new SymbolColumns(symbol, first.size());
        }
        symbols.add(columns);
        if (symbols.size() == 1 && splitAt > 0 && bytes != null) {
            startChunk(columns);
        }
        return columns;
    }

    private long time() throws CandleCsvException {
        long t = integer(start[timeCol], end[timeCol]);
        if (!timeWasInteger) {
            t = isoTime(text(timeCol));
        }
        if (Math.floorMod(t, Candle.INTERVAL_MILLIS) != 0) {
            throw at(timeCol, text(timeCol) + " is not on a 5-minute boundary" + (timeWasInteger
                    && Math.abs(t) < PROBABLY_SECONDS ? "; open_time must be epoch milliseconds, not seconds" : ""));
        }
        return t;
    }

    /** {@code -?[0-9]{1,18}} as a long; sets {@link #timeWasInteger} to whether the text had that form. */
    private long integer(int from, int to) {
        timeWasInteger = false;
        int i = from;
        boolean negative = i < to && buf[i] == '-';
        if (negative) {
            i++;
        }
        int digits = to - i;
        if (digits < 1 || digits > 18) {
            return 0;
        }
        long v = 0;
        for (; i < to; i++) {
            int d = buf[i] - '0';
            if (d < 0 || d > 9) {
                return 0;
            }
            v = v * 10 + d;
        }
        timeWasInteger = true;
        return negative ? -v : v;
    }

    private long isoTime(String text) throws CandleCsvException {
        try {
            return Instant.parse(text).toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // not an instant; try the other ISO forms below
        }
        try {
            return OffsetDateTime.parse(text).toInstant().toEpochMilli();
        } catch (DateTimeParseException ignored) {
            // no offset; try a local date-time taken as UTC
        }
        try {
            return LocalDateTime.parse(text.replace(' ', 'T')).toInstant(ZoneOffset.UTC).toEpochMilli();
        } catch (DateTimeParseException e) {
            throw at(timeCol, "'" + text + "' is neither epoch milliseconds nor an ISO-8601 time");
        }
    }

    private double price(int col, String name) throws CandleCsvException {
        double v = number(col);
        if (!(v > 0)) {
            throw at(col, name + " must be positive: " + text(col));
        }
        return v;
    }

    /**
     * A decimal of the form {@code [+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?}, rounded exactly as
     * {@link Double#parseDouble} rounds it: an exact mantissa of at most 2^53 times or over an exact power of ten
     * up to 10^22 is one correctly rounded operation; longer mantissas and larger scales go to
     * {@code Double.parseDouble}.
     */
    private double number(int col) throws CandleCsvException {
        int from = start[col];
        int to = end[col];
        int i = from;
        boolean negative = false;
        if (i < to && (buf[i] == '+' || buf[i] == '-')) {
            negative = buf[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0;
        int scale = 0;
        int digits = 0;
        boolean fraction = false;
        for (; i < to; i++) {
            char c = buf[i];
            if (c >= '0' && c <= '9') {
                digits++;
                if (mantissa != 0 || c != '0') {
                    significant++;
                    if (significant <= 18) {
                        mantissa = mantissa * 10 + (c - '0');
                        scale -= fraction ? 1 : 0;
                    } else {
                        scale += fraction ? 0 : 1;
                    }
                } else {
                    scale -= fraction ? 1 : 0;
                }
            } else if (c == '.' && !fraction) {
                fraction = true;
            } else {
                break;
            }
        }
        if (digits == 0) {
            throw notANumber(col);
        }
        if (i < to && (buf[i] == 'e' || buf[i] == 'E')) {
            i++;
            boolean negativeExponent = i < to && buf[i] == '-';
            if (i < to && (buf[i] == '+' || buf[i] == '-')) {
                i++;
            }
            int exponent = 0;
            int exponentDigits = 0;
            for (; i < to && buf[i] >= '0' && buf[i] <= '9'; i++, exponentDigits++) {
                exponent = Math.min(exponent * 10 + (buf[i] - '0'), 100_000);
            }
            if (exponentDigits == 0) {
                throw notANumber(col);
            }
            scale += negativeExponent ? -exponent : exponent;
        }
        if (i != to) {
            throw notANumber(col);
        }
        double v;
        if (mantissa == 0) {
            v = 0;
        } else if (significant <= 18 && mantissa <= EXACT_MANTISSA && scale >= 0 && scale < POW10.length) {
            v = mantissa * POW10[scale];
        } else if (significant <= 18 && mantissa <= EXACT_MANTISSA && scale < 0 && -scale < POW10.length) {
            v = mantissa / POW10[-scale];
        } else {
            v = Math.abs(Double.parseDouble(text(col)));
            if (!Double.isFinite(v)) {
                throw at(col, "'" + text(col) + "' is out of range");
            }
        }
        return negative ? -v : v;
    }

    private CandleCsvException notANumber(int col) {
        return at(col, "'" + text(col) + "' is not a number");
    }

    private String text(int col) {
        return new String(buf, start[col], end[col] - start[col]);
    }

    private CandleCsvException at(int col, String problem) {
        return error(lineNo, col + 1, problem);
    }

    private CandleCsvException error(int line, int column, String problem) {
        String name = column > 0 && header != null ? header[column - 1] : null;
        return new CandleCsvException(source, line, column, name, problem);
    }
}
