-- Leash journal schema, version 1.
-- Portable SQL only (SQLite 3.24+ and PostgreSQL 10+): BIGINT for epoch-millisecond times and ids,
-- DOUBLE PRECISION for amounts (NULL stands for NaN), TEXT for names, INTEGER 0/1 for booleans.
-- Ids are assigned by the single writer, so no AUTOINCREMENT/SERIAL is needed.
-- The migration runner splits on ';' at the end of a statement: no semicolons inside statements.

CREATE TABLE orders (
    client_order_id TEXT PRIMARY KEY,
    venue_order_id  TEXT,
    symbol          TEXT NOT NULL,
    side            TEXT NOT NULL,
    qty             DOUBLE PRECISION NOT NULL,
    price           DOUBLE PRECISION,
    filled_qty      DOUBLE PRECISION NOT NULL,
    status          TEXT NOT NULL,
    reduce_only     INTEGER NOT NULL CHECK (reduce_only IN (0, 1)),
    action          TEXT NOT NULL,
    params_version  BIGINT NOT NULL,
    created_ms      BIGINT NOT NULL,
    updated_ms      BIGINT NOT NULL,
    reject_reason   TEXT
);
CREATE INDEX orders_created ON orders (created_ms);
CREATE INDEX orders_symbol_created ON orders (symbol, created_ms);
CREATE INDEX orders_status ON orders (status);

CREATE TABLE fills (
    fill_id         TEXT PRIMARY KEY,
    client_order_id TEXT,
    venue_order_id  TEXT,
    symbol          TEXT NOT NULL,
    side            TEXT NOT NULL,
    qty             DOUBLE PRECISION NOT NULL,
    price           DOUBLE PRECISION NOT NULL,
    fee             DOUBLE PRECISION,
    realized_pnl    DOUBLE PRECISION,
    time_ms         BIGINT NOT NULL,
    maker           INTEGER NOT NULL CHECK (maker IN (0, 1)),
    params_version  BIGINT NOT NULL
);
CREATE INDEX fills_time ON fills (time_ms);
CREATE INDEX fills_symbol_time ON fills (symbol, time_ms);

CREATE TABLE decisions (
    id                  BIGINT PRIMARY KEY,
    time_ms             BIGINT NOT NULL,
    symbol              TEXT NOT NULL,
    action              TEXT NOT NULL,
    reason              TEXT,
    price               DOUBLE PRECISION,
    channel_high        DOUBLE PRECISION,
    channel_low         DOUBLE PRECISION,
    rsi                 DOUBLE PRECISION,
    macd_histogram      DOUBLE PRECISION,
    bollinger_pct_b     DOUBLE PRECISION,
    volume_ratio        DOUBLE PRECISION,
    atr                 DOUBLE PRECISION,
    realized_volatility DOUBLE PRECISION,
    params_version      BIGINT NOT NULL
);
CREATE INDEX decisions_time ON decisions (time_ms);
CREATE INDEX decisions_symbol_time ON decisions (symbol, time_ms);

CREATE TABLE risk_rejections (
    id             BIGINT PRIMARY KEY,
    time_ms        BIGINT NOT NULL,
    symbol         TEXT NOT NULL,
    signed_qty     DOUBLE PRECISION,
    price          DOUBLE PRECISION,
    reason         TEXT NOT NULL,
    params_version BIGINT NOT NULL
);
CREATE INDEX risk_rejections_time ON risk_rejections (time_ms);

CREATE TABLE events (
    id      BIGINT PRIMARY KEY,
    time_ms BIGINT NOT NULL,
    kind    TEXT NOT NULL,
    message TEXT NOT NULL
);
CREATE INDEX events_time ON events (time_ms);
CREATE INDEX events_kind_time ON events (kind, time_ms);

CREATE TABLE equity (
    time_ms        BIGINT PRIMARY KEY,
    equity         DOUBLE PRECISION,
    wallet_balance DOUBLE PRECISION,
    unrealized_pnl DOUBLE PRECISION
);

CREATE TABLE position_snapshots (
    id      BIGINT PRIMARY KEY,
    time_ms BIGINT NOT NULL
);
CREATE INDEX position_snapshots_time ON position_snapshots (time_ms);

CREATE TABLE snapshot_positions (
    snapshot_id    BIGINT NOT NULL REFERENCES position_snapshots (id),
    symbol         TEXT NOT NULL,
    qty            DOUBLE PRECISION NOT NULL,
    entry_price    DOUBLE PRECISION,
    mark_price     DOUBLE PRECISION,
    unrealized_pnl DOUBLE PRECISION,
    PRIMARY KEY (snapshot_id, symbol)
);

CREATE TABLE kv_state (
    state_key   TEXT PRIMARY KEY,
    state_value TEXT NOT NULL
);
