package dev.leash.journal.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * A SELECT with optional WHERE clauses. Optional filters are left out of the SQL rather than written as
 * {@code ? IS NULL}, which PostgreSQL cannot type.
 */
final class Select {

    /** Maps the current row. */
    @FunctionalInterface
    interface Row<T> {
        T map(ResultSet rs) throws SQLException;
    }

    private final StringBuilder sql;
    private final List<Object> args = new ArrayList<>();
    private boolean hasWhere;

    Select(String selectFrom) {
        this.sql = new StringBuilder(selectFrom);
    }

    /** Adds {@code clause} (AND-ed with earlier ones) with one argument per {@code ?}. */
    Select where(String clause, Object... clauseArgs) {
        sql.append(hasWhere ? " AND " : " WHERE ").append(clause);
        hasWhere = true;
        args.addAll(List.of(clauseArgs));
        return this;
    }

    /** Adds the clause only when {@code arg} is not null. */
    Select whereIfPresent(String clause, Object arg) {
        return arg == null ? this : where(clause, arg);
    }

    /** Appends ORDER BY, LIMIT and the like. */
    Select then(String tail, Object... tailArgs) {
        sql.append(' ').append(tail);
        args.addAll(List.of(tailArgs));
        return this;
    }

    <T> List<T> list(Connection c, Row<T> row) throws SQLException {
        List<T> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(c); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(row.map(rs));
            }
        }
        return out;
    }

    long count(Connection c) throws SQLException {
        try (PreparedStatement ps = prepare(c); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    PreparedStatement prepare(Connection c) throws SQLException {
        PreparedStatement ps = c.prepareStatement(sql.toString());
        try {
            for (int i = 0; i < args.size(); i++) {
                ps.setObject(i + 1, args.get(i));
            }
            return ps;
        } catch (SQLException e) {
            ps.close();
            throw e;
        }
    }
}
