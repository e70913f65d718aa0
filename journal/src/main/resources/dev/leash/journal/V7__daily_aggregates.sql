-- The daily aggregates `prune --older-than` folds trimmed decisions and equity points into (see Pruning). Portable
-- SQL, as V1. IF NOT EXISTS: a journal pruned before this migration made them already, with these columns.
-- daily_equity: one row per UTC day (day_ms: its start), its first, last, lowest and highest equity and the points.
CREATE TABLE IF NOT EXISTS daily_equity (
    day_ms       BIGINT PRIMARY KEY,
    open_equity  DOUBLE PRECISION,
    close_equity DOUBLE PRECISION,
    low_equity   DOUBLE PRECISION,
    high_equity  DOUBLE PRECISION,
    points       BIGINT NOT NULL
);
-- daily_decisions: how many decisions of each action each symbol had on each UTC day.
CREATE TABLE IF NOT EXISTS daily_decisions (
    day_ms    BIGINT NOT NULL,
    symbol    TEXT NOT NULL,
    action    TEXT NOT NULL,
    decisions BIGINT NOT NULL,
    PRIMARY KEY (day_ms, symbol, action)
);
