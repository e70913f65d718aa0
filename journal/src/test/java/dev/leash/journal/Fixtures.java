package dev.leash.journal;

import dev.leash.engine.Action;
import dev.leash.engine.Decision;
import dev.leash.engine.OrderIntent;
import dev.leash.engine.Signals;
import dev.leash.venue.Fill;
import dev.leash.venue.Side;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** Test data and raw SQL access to a journal file. */
final class Fixtures {

    private Fixtures() {
    }

    static OrderIntent intent(String clientOrderId, String symbol, double signedQty, long time) {
        return new OrderIntent(time, clientOrderId, symbol, signedQty, 50_000.5, false, Action.ENTER_LONG, 7);
    }

    static Fill fill(String fillId, String symbol, long time) {
        return new Fill(fillId, "c-" + fillId, "v-" + fillId, symbol, Side.SELL, 0.25, 49_999.5, 1.25, -3.5, time,
                true);
    }

    static Signals signals(double rsi) {
        return new Signals(50_000, 50_100, 49_900, rsi, -1.5, 0.75, 1.2, 120, 35.5);
    }

    static Decision decision(long time, String symbol, Action action) {
        return new Decision(time, symbol, action, "breakout", signals(55), 3);
    }

    /** Runs one statement on its own connection and returns the first column of the first row, or null. */
    static Object query(Path dir, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(Journal.sqliteUrl(dir));
             Statement s = c.createStatement()) {
            if (!s.execute(sql)) {
                return null;
            }
            try (ResultSet rs = s.getResultSet()) {
                return rs.next() ? rs.getObject(1) : null;
            }
        }
    }
}
