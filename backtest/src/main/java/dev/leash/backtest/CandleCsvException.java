package dev.leash.backtest;

import java.io.IOException;

/** A candle CSV file is malformed; the message names the file, the line and the column. */
public final class CandleCsvException extends IOException {

    private static final long serialVersionUID = 1L;

    private final String source;
    private final int line;
    private final int column;

    /**
     * @param line 1-based, the header being line 1
     * @param column 1-based, or 0 when the problem is the whole line
     * @param columnName the header name of the column, or null
     */
    CandleCsvException(String source, int line, int column, String columnName, String problem) {
        super(source + " line " + line + (column > 0 ? ", column " + column
                + (columnName == null ? "" : " (" + columnName + ")") : "") + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** The file name or description the rows came from. */
    public String source() {
        return source;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }
}
