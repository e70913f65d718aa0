-- Shadow books (see the gateway's shadow package). Portable SQL, as V1.
-- shadow_books: one row per shadow book that ran, named and started at since_ms; while it runs (active = 1) its
-- figures as of the last checkpoint, once retired (active = 0) its final figures. flags holds one flag a line
-- (e.g. "missed_ticks from <instant> to <instant>"). The state a restart resumes from is the kv_state row
-- 'shadow_checkpoint', written in the same transaction.
CREATE TABLE shadow_books (
    name             TEXT NOT NULL,
    since_ms         BIGINT NOT NULL,
    params_version   BIGINT NOT NULL,
    active           INTEGER NOT NULL CHECK (active IN (0, 1)),
    updated_ms       BIGINT NOT NULL,
    start_equity     DOUBLE PRECISION,
    equity           DOUBLE PRECISION,
    net_pnl          DOUBLE PRECISION,
    return_pct       DOUBLE PRECISION,
    max_drawdown_pct DOUBLE PRECISION,
    trades           BIGINT NOT NULL,
    flags            TEXT NOT NULL,
    PRIMARY KEY (name, since_ms)
);
CREATE INDEX shadow_books_updated ON shadow_books (updated_ms);
-- market_steps: the market events the shadow books consumed, one row per inner-loop step, for replay: per
-- symbol the trade price and mark (none when the feed had no trade), the bars closed in the step and, on the first
-- step after a start, the bars the engines warmed up on. Pruned to the incumbent horizon plus the warm-up.
CREATE TABLE market_steps (
    time_ms BIGINT PRIMARY KEY,
    step    TEXT NOT NULL
);
