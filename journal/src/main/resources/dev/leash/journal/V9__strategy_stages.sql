-- The strategy promotion pipeline's ledger (see the gateway's strategies package). Portable SQL, as V1.
-- strategy_stages: one row per stage a proposed strategy reached (proposed, rejected, shadowing, promoted,
-- retired), each once, with its figures as a JSON object in detail (the proposal itself, the backtest, the shadow's
-- figures, the promoting params version). Append-only: a strategy's state is its rows in time order.
CREATE TABLE strategy_stages (
    strategy_id BIGINT NOT NULL,
    stage       TEXT NOT NULL,
    time_ms     BIGINT NOT NULL,
    detail      TEXT NOT NULL,
    PRIMARY KEY (strategy_id, stage)
);
