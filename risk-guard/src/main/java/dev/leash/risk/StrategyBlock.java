package dev.leash.risk;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The blocks a strategy is composed of, one row each: the only place their JSON names are written. Each block's
 * numbers are the rows of {@link StrategyField} that name it.
 */
public enum StrategyBlock {

    DONCHIAN_BREAKOUT("donchian_breakout", Kind.ENTRY,
            "Long above the highest high of the last lookback closed bars, short below their lowest low."),
    BOLLINGER_REVERSION("bollinger_reversion", Kind.ENTRY,
            "Long below the lower Bollinger band of the last period closes, short above the upper band."),
    MACD_TREND("macd_trend", Kind.ENTRY,
            "Long in the bar after the MACD histogram crosses above 0, short after it crosses below."),
    RSI_BAND("rsi_band", Kind.FILTER, "Entries only while RSI(14) lies in [low, high]."),
    VOLUME_RATIO("volume_ratio", Kind.FILTER, "Entries only while bar volume over its 20-bar average is >= min."),
    FUNDING("funding", Kind.FILTER,
            "No entry on the side that pays funding above max_pct: longs while the rate > max_pct, shorts while "
                    + "< -max_pct; none while the rate is unknown."),
    VOLATILITY("volatility", Kind.FILTER,
            "Entries only while realized volatility (20 bars, annualized) lies in [min_pct, max_pct]."),
    TIME_OF_DAY("time_of_day", Kind.FILTER,
            "Entries only from start_hour up to (not including) end_hour UTC; wraps past midnight."),
    REGIME("regime", Kind.FILTER, "Entries only while the market-regime label is one of in."),
    STOP_LOSS("stop_loss", Kind.EXIT,
            "Closes at an adverse move of pct from entry, or of the params' stop-loss where that is tighter."),
    TAKE_PROFIT("take_profit", Kind.EXIT, "Closes at a favourable move of pct from entry."),
    TRAILING_STOP("trailing_stop", Kind.EXIT, "Closes at an adverse move of pct from the best price since entry."),
    TIME_STOP("time_stop", Kind.EXIT, "Closes once bars closed bars have passed since entry.");

    /** The JSON key naming an entry rule, a filter and an exit. */
    public enum Kind {
        ENTRY("rule"), FILTER("filter"), EXIT("exit");

        private final String key;

        Kind(String key) {
            this.key = key;
        }

        /** The key in a block's JSON object that names the block: {@code rule}, {@code filter} or {@code exit}. */
        public String key() {
            return key;
        }
    }

    /** The strategy document's object in the params. */
    public static final String STRATEGY = "strategy";
    /** The strategy's entry rule, filter list and exit list. */
    public static final String ENTRY = "entry";
    public static final String FILTERS = "filters";
    public static final String EXITS = "exits";
    /** Filters and exits at most. */
    public static final int MAX_FILTERS = 3;
    public static final int MAX_EXITS = 3;

    private final String wireName;
    private final Kind kind;
    private final String description;

    StrategyBlock(String wireName, Kind kind, String description) {
        this.wireName = wireName;
        this.kind = kind;
        this.description = description;
    }

    public String wireName() {
        return wireName;
    }

    public Kind kind() {
        return kind;
    }

    /** One sentence on what the block does. */
    public String description() {
        return description;
    }

    /** The block's fields, in document order. */
    public List<StrategyField> fields() {
        List<StrategyField> out = new ArrayList<>();
        for (StrategyField f : StrategyField.values()) {
            if (f.block() == this) {
                out.add(f);
            }
        }
        return Collections.unmodifiableList(out);
    }

    /** The block of this kind with this JSON name, or null. */
    public static StrategyBlock byWireName(Kind kind, String name) {
        for (StrategyBlock b : values()) {
            if (b.kind == kind && b.wireName.equals(name)) {
                return b;
            }
        }
        return null;
    }

    /** The JSON names of the blocks of one kind. */
    public static List<String> names(Kind kind) {
        List<String> out = new ArrayList<>();
        for (StrategyBlock b : values()) {
            if (b.kind == kind) {
                out.add(b.wireName);
            }
        }
        return Collections.unmodifiableList(out);
    }
}
