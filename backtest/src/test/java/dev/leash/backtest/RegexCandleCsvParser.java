package dev.leash.backtest;

import dev.leash.venue.Candle;
import dev.leash.risk.Symbols;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/** The regex parser {@code CandleCsv} used before {@link CandleCsvReader}: the reference to compare it with. */
final class RegexCandleCsvParser {

    private static final List<String> COLUMNS = List.of("symbol", "open_time", "open", "high", "low", "close",
            "volume");
    private static final Pattern INTEGER = Pattern.compile("-?\\d{1,18}");
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    /** Epoch milliseconds below this (March 1973) are more likely seconds. */
    private static final long PROBABLY_SECONDS = 100_000_000_000L;

    private final String source;
    private final String defaultSymbol;
    private final Map<String, Integer> columnIndex = new HashMap<>();
    private final Map<String, List<Candle>> candles = new LinkedHashMap<>();
    private final Map<String, Integer> lastLine = new HashMap<>();
    private final List<CandleCsv.Gap> gaps = new ArrayList<>();
    private String[] header;
    private int lineNo;

    RegexCandleCsvParser(String source, String defaultSymbol) {
        this.source = source;
        this.defaultSymbol = defaultSymbol;
    }

    /** Reads every line of {@code in} as {@code CandleCsv.read} did. */
    static CandleCsv.Loaded read(java.io.Reader in, String source, String symbol) throws java.io.IOException {
        java.io.BufferedReader lines = new java.io.BufferedReader(in);
        RegexCandleCsvParser parser = new RegexCandleCsvParser(source, symbol);
        String line;
        while ((line = lines.readLine()) != null) {
            parser.accept(line);
        }
        return parser.finish();
    }

    void accept(String line) throws CandleCsvException {
        lineNo++;
        if (lineNo == 1 && line.startsWith("\uFEFF")) {
            line = line.substring(1);
        }
        if (header == null) {
            readHeader(line);
        } else if (!line.isBlank()) {
            readRow(line);
        }
    }

    CandleCsv.Loaded finish() throws CandleCsvException {
        if (header == null) {
            throw error(1, 0, "empty file; expected the header " + CandleCsv.HEADER);
        }
        if (candles.isEmpty()) {
            throw error(lineNo, 0, "no candles after the header");
        }
        Map<String, List<Candle>> frozen = new LinkedHashMap<>();
        candles.forEach((symbol, list) -> frozen.put(symbol, List.copyOf(list)));
        return new CandleCsv.Loaded(frozen, gaps);
    }

    private void readHeader(String line) throws CandleCsvException {
        String[] names = fields(line);
        for (int c = 0; c < names.length; c++) {
            String name = names[c].toLowerCase(Locale.ROOT);
            if (!COLUMNS.contains(name)) {
                throw error(1, c + 1, "unknown column '" + names[c] + "'; the header must name the columns "
                        + CandleCsv.HEADER + " (symbol optional)");
            }
            if (columnIndex.put(name, c) != null) {
                throw error(1, c + 1, "column " + name + " appears twice");
            }
            names[c] = name;
        }
        for (String required : COLUMNS.subList(1, COLUMNS.size())) {
            if (!columnIndex.containsKey(required)) {
                throw error(1, 0, "no " + required + " column; expected the header " + CandleCsv.HEADER);
            }
        }
        if (!columnIndex.containsKey("symbol") && defaultSymbol == null) {
            throw error(1, 0, "no symbol column and no symbol given for the file");
        }
        header = names;
    }

    private void readRow(String line) throws CandleCsvException {
        String[] f = fields(line);
        if (f.length != header.length) {
            throw error(lineNo, 0, f.length + " fields where the header has " + header.length);
        }
        String symbol = columnIndex.containsKey("symbol") ? f[columnIndex.get("symbol")] : defaultSymbol;
        if (!Symbols.isWellFormed(symbol)) {
            throw at("symbol", "'" + symbol + "' is not a symbol (2-20 of A-Z, 0-9, '-')");
        }
        long openTime = time(f[columnIndex.get("open_time")]);
        double open = price(f, "open");
        double high = price(f, "high");
        double low = price(f, "low");
        double close = price(f, "close");
        double volume = number(f, "volume");
        if (volume < 0) {
            throw at("volume", "negative volume " + f[columnIndex.get("volume")]);
        }
        if (high < low) {
            throw at("high", "high " + text(f, "high") + " is below low " + text(f, "low"));
        }
        if (open < low || open > high) {
            throw at("open", "open " + text(f, "open") + " is outside [low " + text(f, "low") + ", high "
                    + text(f, "high") + "]");
        }
        if (close < low || close > high) {
            throw at("close", "close " + text(f, "close") + " is outside [low " + text(f, "low") + ", high "
                    + text(f, "high") + "]");
        }
        List<Candle> list = candles.computeIfAbsent(symbol, s -> new ArrayList<>());
        if (!list.isEmpty()) {
            long prev = list.get(list.size() - 1).openTime();
            if (openTime <= prev) {
                throw at("open_time", Instant.ofEpochMilli(openTime) + " is not after the previous " + symbol
                        + " bar at " + Instant.ofEpochMilli(prev) + " (line " + lastLine.get(symbol)
                        + "); each symbol's rows must be in increasing time without duplicates");
            }
            if (openTime - prev > Candle.INTERVAL_MILLIS) {
                gaps.add(new CandleCsv.Gap(symbol, prev, openTime, (openTime - prev) / Candle.INTERVAL_MILLIS - 1));
            }
        }
        list.add(new Candle(symbol, openTime, open, high, low, close, volume));
        lastLine.put(symbol, lineNo);
    }

    private long time(String text) throws CandleCsvException {
        long t;
        if (INTEGER.matcher(text).matches()) {
            t = Long.parseLong(text);
        } else {
            t = isoTime(text);
        }
        if (Math.floorMod(t, Candle.INTERVAL_MILLIS) != 0) {
            throw at("open_time", text + " is not on a 5-minute boundary" + (INTEGER.matcher(text).matches()
                    && Math.abs(t) < PROBABLY_SECONDS ? "; open_time must be epoch milliseconds, not seconds" : ""));
        }
        return t;
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
            throw at("open_time", "'" + text + "' is neither epoch milliseconds nor an ISO-8601 time");
        }
    }

    private double price(String[] f, String column) throws CandleCsvException {
        double v = number(f, column);
        if (!(v > 0)) {
            throw at(column, column + " must be positive: " + f[columnIndex.get(column)]);
        }
        return v;
    }

    private double number(String[] f, String column) throws CandleCsvException {
        String text = f[columnIndex.get(column)];
        if (!DECIMAL.matcher(text).matches()) {
            throw at(column, "'" + text + "' is not a number");
        }
        double v = Double.parseDouble(text);
        if (!Double.isFinite(v)) {
            throw at(column, "'" + text + "' is out of range");
        }
        return v;
    }

    private String text(String[] f, String column) {
        return f[columnIndex.get(column)];
    }

    private static String[] fields(String line) {
        String[] f = line.split(",", -1);
        for (int i = 0; i < f.length; i++) {
            String s = f[i].strip();
            if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
                s = s.substring(1, s.length() - 1).strip();
            }
            f[i] = s;
        }
        return f;
    }

    private CandleCsvException at(String column, String problem) {
        int c = columnIndex.getOrDefault(column, -1);
        return error(lineNo, c + 1, problem);
    }

    private CandleCsvException error(int line, int column, String problem) {
        String name = column > 0 && header != null ? header[column - 1] : null;
        return new CandleCsvException(source, line, column, name, problem);
    }
}
