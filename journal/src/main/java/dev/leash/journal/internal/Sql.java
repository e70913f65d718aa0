package dev.leash.journal.internal;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;

/** Column conversions shared by the tables: NaN is stored as NULL, booleans as INTEGER 0/1. */
final class Sql {

    private Sql() {
    }

    static void setDouble(PreparedStatement ps, int index, double value) throws SQLException {
        if (Double.isNaN(value)) {
            ps.setNull(index, Types.DOUBLE);
        } else {
            ps.setDouble(index, value);
        }
    }

    static double getDouble(ResultSet rs, String column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }

    static void setText(PreparedStatement ps, int index, String value) throws SQLException {
        if (value == null) {
            ps.setNull(index, Types.VARCHAR);
        } else {
            ps.setString(index, value);
        }
    }

    static void setBool(PreparedStatement ps, int index, boolean value) throws SQLException {
        ps.setInt(index, value ? 1 : 0);
    }

    static boolean getBool(ResultSet rs, String column) throws SQLException {
        return rs.getInt(column) != 0;
    }

    static int requirePositive(int limit) {
        if (limit <= 0) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        return limit;
    }
}
