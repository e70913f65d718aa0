-- The shadow books' runs and fills, so the scorecard can be recomputed from the journal alone.
-- A run is one shadow book from its start to its retirement: its name, kind (baseline, incumbent, live-params), the
-- params version it trades, the live params version when it started, its start time and equity (the live equity then)
-- and, once retired, when. A shadow fill is a fill of the simulated fill model for one run: fee positive when paid,
-- realized P&L excluding the fee, and the run's signed position in the symbol after the fill.
CREATE TABLE shadow_runs (
    id             BIGINT PRIMARY KEY,
    name           TEXT NOT NULL,
    kind           TEXT NOT NULL,
    params_version BIGINT NOT NULL,
    live_version   BIGINT NOT NULL,
    since_ms       BIGINT NOT NULL,
    start_equity   DOUBLE PRECISION,
    retired_ms     BIGINT
);
CREATE INDEX shadow_runs_since ON shadow_runs (since_ms);

CREATE TABLE shadow_fills (
    id             BIGINT PRIMARY KEY,
    run_id         BIGINT NOT NULL REFERENCES shadow_runs (id),
    shadow         TEXT NOT NULL,
    params_version BIGINT NOT NULL,
    fill_id        TEXT NOT NULL,
    symbol         TEXT NOT NULL,
    side           TEXT NOT NULL,
    qty            DOUBLE PRECISION NOT NULL,
    price          DOUBLE PRECISION NOT NULL,
    fee            DOUBLE PRECISION,
    realized_pnl   DOUBLE PRECISION,
    time_ms        BIGINT NOT NULL,
    position_after DOUBLE PRECISION NOT NULL
);
CREATE INDEX shadow_fills_run_time ON shadow_fills (run_id, time_ms);
CREATE INDEX shadow_fills_time ON shadow_fills (time_ms);
