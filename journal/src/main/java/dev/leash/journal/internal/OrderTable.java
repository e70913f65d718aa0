package dev.leash.journal.internal;

import dev.leash.engine.Action;
import dev.leash.engine.OrderIntent;
import dev.leash.journal.OrderRecord;
import dev.leash.venue.OrderStatus;
import dev.leash.venue.Side;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The {@code orders} table: one row per client order id. */
public final class OrderTable {

    private static final String SELECT = "SELECT * FROM orders";
    private static final List<String> TERMINAL = Arrays.stream(OrderStatus.values())
            .filter(s -> !s.open()).map(OrderStatus::name).toList();
    private static final String NOT_TERMINAL =
            "status NOT IN (" + String.join(", ", Collections.nCopies(TERMINAL.size(), "?")) + ")";
    /** A replay keeps the first details and a terminal status: a late acknowledgement must not reopen an order. */
    private static final String UPSERT = "INSERT INTO orders (client_order_id, venue_order_id, symbol, side, qty,"
            + " price, filled_qty, status, reduce_only, action, params_version, created_ms, updated_ms, reject_reason)"
            + " VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (client_order_id) DO UPDATE SET"
            + " venue_order_id = COALESCE(excluded.venue_order_id, orders.venue_order_id),"
            + " status = CASE WHEN orders.status IN (" + quoted(TERMINAL) + ") THEN orders.status"
            + " ELSE excluded.status END,"
            + " reject_reason = COALESCE(excluded.reject_reason, orders.reject_reason),"
            + " updated_ms = excluded.updated_ms";

    private final Db db;

    public OrderTable(Db db) {
        this.db = db;
    }

    public void record(OrderIntent intent, String status, String venueOrderId, String rejectReason, long time) {
        db.write("record order " + intent.clientOrderId(), c -> {
            try (PreparedStatement ps = c.prepareStatement(UPSERT)) {
                ps.setString(1, intent.clientOrderId());
                Sql.setText(ps, 2, venueOrderId);
                ps.setString(3, intent.symbol());
                ps.setString(4, Side.ofSign(intent.signedQty()).name());
                Sql.setDouble(ps, 5, Math.abs(intent.signedQty()));
                Sql.setDouble(ps, 6, intent.referencePrice());
                ps.setString(7, status);
                Sql.setBool(ps, 8, intent.reduceOnly());
                ps.setString(9, intent.action().name());
                ps.setLong(10, intent.paramsVersion());
                ps.setLong(11, intent.time());
                ps.setLong(12, time);
                Sql.setText(ps, 13, rejectReason);
                return ps.executeUpdate();
            }
        });
    }

    public boolean updateStatus(String clientOrderId, String status, double filledQty, long time) {
        return db.write("update order " + clientOrderId, c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE orders SET status = ?, filled_qty = ?, updated_ms = ? WHERE client_order_id = ?")) {
                ps.setString(1, status);
                Sql.setDouble(ps, 2, filledQty);
                ps.setLong(3, time);
                ps.setString(4, clientOrderId);
                return ps.executeUpdate() > 0;
            }
        });
    }

    public List<OrderRecord> list(String symbolOrNull, boolean openOnly, int limit) {
        Sql.requirePositive(limit);
        return db.read("read orders", c -> {
            Select q = new Select(SELECT).whereIfPresent("symbol = ?", symbolOrNull);
            if (openOnly) {
                q.where(NOT_TERMINAL, TERMINAL.toArray());
            }
            return q.then("ORDER BY created_ms DESC, client_order_id DESC LIMIT ?", limit).list(c, OrderTable::map);
        });
    }

    public Optional<OrderRecord> find(String clientOrderId) {
        return db.read("read order " + clientOrderId, c -> new Select(SELECT)
                .where("client_order_id = ?", clientOrderId).list(c, OrderTable::map).stream().findFirst());
    }

    /** Enum names as SQL literals; they contain no quotes. */
    private static String quoted(List<String> names) {
        return names.stream().map(n -> "'" + n + "'").collect(Collectors.joining(", "));
    }

    private static OrderRecord map(ResultSet rs) throws SQLException {
        return new OrderRecord(rs.getString("client_order_id"), rs.getString("venue_order_id"),
                rs.getString("symbol"), Side.valueOf(rs.getString("side")), Sql.getDouble(rs, "qty"),
                Sql.getDouble(rs, "price"), Sql.getDouble(rs, "filled_qty"), rs.getString("status"),
                Sql.getBool(rs, "reduce_only"), Action.valueOf(rs.getString("action")),
                rs.getLong("params_version"), rs.getLong("created_ms"), rs.getLong("updated_ms"),
                rs.getString("reject_reason"));
    }
}
